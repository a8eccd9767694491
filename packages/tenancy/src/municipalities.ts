import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Municipality } from './contract';

const SOURCE = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'CBS_Gemeentecodes.md');

/** Parses the CBS code list (a Markdown table of code | name | province). */
export function parseCbsCodeList(markdown: string): Municipality[] {
  const rows: Municipality[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^\|\s*(\d{4})\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*$/.exec(line);
    if (!m) continue;
    const [, code, name, province] = m;
    if (code && name && province) rows.push({ code, gmCode: `GM${code}`, name, province });
  }
  return rows;
}

let cached: Municipality[] | undefined;
export function cbsMunicipalities(): Municipality[] {
  cached ??= parseCbsCodeList(readFileSync(SOURCE, 'utf8'));
  return cached;
}
