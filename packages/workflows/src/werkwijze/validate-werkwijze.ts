import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { checkWerkwijze } from './check-werkwijze';
import { werkwijzeSchema, type Werkwijze } from './werkwijze.schema';

/** One reason a werkwijze is refused: where (`steps[3].roles[0]`, and the line in the YAML) and why. */
export interface WerkwijzeError {
  path: string;
  line?: number;
  message: string;
}

export type ParseResult = { ok: true; werkwijze: Werkwijze } | { ok: false; errors: WerkwijzeError[] };

/** `['steps', 3, 'roles', 0]` -> `steps[3].roles[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc === '' ? String(seg) : `${acc}.${String(seg)}`), '');
}

/**
 * The line of the deepest node of the path that exists in the document: a missing key points at
 * its parent, a map key points at the key itself.
 */
function lineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = doc.contents?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

/** Zod issues as path + message; the schema's own error texts (werkwijze.schema.ts) say what is allowed. */
function zodErrors(issues: readonly z.core.$ZodIssue[]): { path: PropertyKey[]; message: string }[] {
  return issues.map((i) => ({ path: [...i.path], message: i.message }));
}

/** Alias expansions a werkwijze file may make (the yaml library's maxAliasCount; its default is 100). */
export const MAX_YAML_ALIASES = 100;

/**
 * Parses and validates a werkwijze file: YAML syntax, the zod schema (structure), then the
 * semantic checks. Every error has the path of the value and its line in `text`.
 */
export function parseWerkwijzeYaml(text: string): ParseResult {
  const counter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: true, prettyErrors: false });
  } catch (e) {
    // e.g. nesting so deep the parser runs out of stack: a refusal of the file, not a server error.
    return { ok: false, errors: [{ path: '', message: `YAML: ${e instanceof RangeError ? 'nested too deeply' : e instanceof Error ? (e.message.split('\n')[0] ?? '') : 'unreadable'}` }] };
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({ path: '', line: counter.linePos(e.pos[0]).line, message: `YAML syntax: ${e.message.split('\n')[0] ?? e.code}` })),
    };
  }
  const locate = (path: readonly PropertyKey[], message: string): WerkwijzeError => {
    const line = lineOf(doc, counter, path);
    return line === undefined ? { path: formatPath(path), message } : { path: formatPath(path), line, message };
  };
  let plain: unknown;
  try {
    // Aliases are bounded: a billion-laughs tree of a few hundred characters or a file of many
    // aliases is refused here (the library throws past the bound) instead of expanding in memory.
    plain = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    return { ok: false, errors: [{ path: '', message: `YAML: ${e instanceof ReferenceError ? `too many aliases (more than ${MAX_YAML_ALIASES} expansions)` : e instanceof Error ? (e.message.split('\n')[0] ?? '') : 'unreadable'}` }] };
  }
  const parsed = werkwijzeSchema.safeParse(plain);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error.issues).map((e) => locate(e.path, e.message)) };
  const semantic = checkWerkwijze(parsed.data);
  if (semantic.length > 0) return { ok: false, errors: semantic.map((e) => locate(e.path, e.message)) };
  return { ok: true, werkwijze: parsed.data };
}

/** The same checks for a werkwijze that is already an object (e.g. a stored definition). */
export function validateWerkwijze(input: unknown): { ok: true; werkwijze: Werkwijze } | { ok: false; errors: { path: string; message: string }[] } {
  const parsed = werkwijzeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  const semantic = checkWerkwijze(parsed.data);
  if (semantic.length > 0) return { ok: false, errors: semantic.map((e) => ({ path: formatPath(e.path), message: e.message })) };
  return { ok: true, werkwijze: parsed.data };
}
