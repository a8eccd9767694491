import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

/**
 * The text of a PDF as a reader (copy and paste, a screen reader) gets it back: every string shown
 * on the pages, decoded through its font's ToUnicode map. Enough for the PDFs Kern writes (one
 * Type0 font per style, hex strings shown with Tj), not a general PDF text extractor.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const lines: string[] = [];
  for (const page of doc.getPages()) {
    const maps = new Map<string, Map<number, string>>();
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [name, ref] of fonts?.entries() ?? []) {
      const font = doc.context.lookup(ref, PDFDict);
      const toUnicode = font.lookup(PDFName.of('ToUnicode'));
      maps.set(name.asString(), toUnicode instanceof PDFRawStream ? parseToUnicode(streamText(toUnicode)) : new Map<number, string>());
    }
    let cmap = new Map<number, string>();
    for (const content of contentStreams(doc, page.node.Contents())) {
      for (const m of streamText(content).matchAll(/(\/\S+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
        if (m[1]) cmap = maps.get(m[1]) ?? new Map<number, string>();
        else if (m[2] !== undefined) {
          const codes = m[2].match(/.{4}/g) ?? [];
          lines.push(codes.map((c) => cmap.get(parseInt(c, 16)) ?? '\uFFFD').join(''));
        }
      }
    }
  }
  return lines;
}

function contentStreams(doc: PDFDocument, contents: unknown): PDFRawStream[] {
  if (contents instanceof PDFRawStream) return [contents];
  if (contents instanceof PDFArray) return contents.asArray().map((r) => doc.context.lookup(r)).filter((s): s is PDFRawStream => s instanceof PDFRawStream);
  return [];
}

function streamText(stream: PDFRawStream): string {
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

const utf16 = (hex: string): string => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** bfchar `<code> <unicode>` and bfrange `<from> <to> <unicode>` / `[<u1> <u2> ...]` entries. */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1] ?? '', 16), utf16(m[2] ?? ''));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
      const from = parseInt(m[1] ?? '', 16);
      const to = parseInt(m[2] ?? '', 16);
      if (m[3] !== undefined) {
        const start = parseInt(m[3], 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCodePoint(start + (c - from)));
      } else {
        const list = [...(m[4] ?? '').matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => utf16(x[1] ?? ''));
        list.forEach((u, i) => map.set(from + i, u));
      }
    }
  }
  return map;
}
