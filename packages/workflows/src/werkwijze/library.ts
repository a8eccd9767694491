import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseWerkwijzeYaml } from './validate-werkwijze';
import type { Werkwijze } from './werkwijze.schema';
import { presetSchema, type Preset } from '../contract';

/** `packages/workflows/library`, found from this module so it works from any working directory. */
export const libraryDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'library');

export interface LibraryWerkwijze {
  id: string;
  yaml: string;
  werkwijze: Werkwijze;
}

let cache: LibraryWerkwijze[] | undefined;

/**
 * The werkwijzen shipped with Kern, to adopt or compare with. A library file that does not
 * validate is a bug in Kern, so it fails loudly instead of being skipped.
 */
export function libraryWerkwijzen(): LibraryWerkwijze[] {
  if (cache) return cache;
  const files = readdirSync(libraryDir).filter((f) => f.endsWith('.yaml') && f !== 'presets.yaml').sort();
  cache = files.map((file) => {
    const yaml = readFileSync(join(libraryDir, file), 'utf8');
    const parsed = parseWerkwijzeYaml(yaml);
    if (!parsed.ok) {
      throw new Error(`library/${file} is invalid: ${parsed.errors.map((e) => `${e.path} (line ${e.line ?? '?'}): ${e.message}`).join('; ')}`);
    }
    if (`${parsed.werkwijze.id}.yaml` !== file) throw new Error(`library/${file} holds werkwijze ${parsed.werkwijze.id}; name the file after its id`);
    return { id: parsed.werkwijze.id, yaml, werkwijze: parsed.werkwijze };
  });
  return cache;
}

let presetCache: Preset[] | undefined;

/** Scenario presets for small (<20,000 residents), medium and large municipalities. */
export function presets(): Preset[] {
  presetCache ??= z.strictObject({ presets: z.array(presetSchema) }).parse(parse(readFileSync(join(libraryDir, 'presets.yaml'), 'utf8'))).presets;
  return presetCache;
}

/** The preset whose resident range holds this number. */
export function presetFor(residents: number): Preset | undefined {
  return presets().find((p) => residents >= p.residents.min && (p.residents.max === undefined || residents <= p.residents.max));
}
