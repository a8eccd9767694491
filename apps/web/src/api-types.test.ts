/**
 * The web app knows the API's shapes only from the modules' contracts (issue 14): the client
 * files derive every answer and input type from `@kern/<module>/contract` (`ResponseOf`, `BodyIn`,
 * `z.infer`), so a hand-written copy cannot drift from what the server sends. This test reads the
 * client files and fails on a hand-written shape: an `interface`, or a `type` that spells out an
 * object or a union of literals, unless it is a client-only type listed below.
 */
import { describe, expect, it } from 'vitest';

/** The client files, as text (Vite reads them raw; no node APIs in the web project). */
const sources: Record<string, string> = import.meta.glob(['./api.ts', './api/*.ts', './portal/api.ts', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Types the client makes for itself; none is an answer or input of an API route. */
const clientOnly: Record<string, readonly string[]> = {
  // Problem: the client's own problems too (network error, a proxy's bare 502), so most fields may be absent.
  // RequestContext: what every request reads from the app's state (language, purpose, CSRF token).
  './api.ts': ['Problem', 'RequestContext'],
  // Delivery: read from the 325 answer's headers, not a JSON body. RawContext: headers for the raw upload/download.
  './api/exchange.ts': ['Delivery', 'RawContext'],
  // PortalProblem: like Problem, the portal's own view of any failure, network errors included.
  './portal/api.ts': ['PortalProblem'],
};

/** Names of hand-written shapes: `interface X`, and `type X = { … }`, `type X = | …`, `type X = 'a' | …`. */
function handWrittenShapes(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const names: string[] = [];
  for (const m of code.matchAll(/^\s*(?:export\s+)?(?:declare\s+)?interface\s+(\w+)/gm)) names.push(m[1] ?? '');
  for (const m of code.matchAll(/^\s*(?:export\s+)?type\s+(\w+)(?:<[^=]*>)?\s*=\s*(?=[{|'"`])/gm)) names.push(m[1] ?? '');
  return names;
}

const allowed = (file: string, name: string) => (clientOnly[file] ?? []).includes(name);

describe('the web client types API shapes from the contracts', () => {
  it('finds the client files', () => {
    expect(Object.keys(sources)).toEqual(expect.arrayContaining(['./api.ts', './api/client.ts', './api/household.ts', './api/offerings.ts']));
  });

  it('recognises a hand-written shape and lets a derived type pass', () => {
    const sample = [
      'export interface Case { id: string }',
      "export type Scope = 'mine' | 'team';",
      'type Row =\n  | { a: 1 }\n  | { b: 2 };',
      '// export interface Commented { x: 1 }',
      "export type Worklist = ResponseOf<typeof casesContract.readWorklist>;",
      "export type Item = Worklist['items'][number];",
    ].join('\n');
    expect(handWrittenShapes(sample)).toEqual(['Case', 'Scope', 'Row']);
  });

  it('declares no hand-written copy of an API type outside the client-only list', () => {
    const copies = Object.entries(sources).flatMap(([file, source]) =>
      handWrittenShapes(source)
        .filter((name) => !allowed(file, name))
        .map((name) => `${file}: ${name}`),
    );
    expect(copies).toEqual([]);
  });

});
