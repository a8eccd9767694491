import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The fonts of every PDF Kern writes: DejaVu Sans from the npm registry (dejavu-fonts-ttf). The
 * standard PDF fonts (Helvetica) know WinAnsi only, so ğ, ş, ł, ı, ő, č, Ł, ... of names in the BRP
 * became '?'. DejaVu Sans covers all of Latin-1, Latin Extended-A and B, Greek, Cyrillic and the
 * euro sign; it is embedded as a subset, so a PDF carries only the glyphs it uses.
 */
const require = createRequire(import.meta.url);
const files = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

export type FontWeight = keyof typeof files;

const cache = new Map<FontWeight, Promise<Uint8Array>>();

/** The font file's bytes, read once per process. */
export function fontBytes(weight: FontWeight): Promise<Uint8Array> {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = readFile(require.resolve(files[weight])).then((b) => new Uint8Array(b));
    cache.set(weight, bytes);
  }
  return bytes;
}
