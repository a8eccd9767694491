import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

describe('one CSV writer', () => {
  it('no source file but the kit writer escapes quotes the CSV way, so every CSV Kern writes is neutralised by it', () => {
    const writers = ['packages', 'apps'].flatMap((d) => sources(join(root, d)))
      .filter((f) => /(?:replace|replaceAll)\(\s*(?:\/"\/g|'"')\s*,\s*'""'\s*\)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(writers).toEqual(['packages/kit/src/csv.ts']);
  });
});
