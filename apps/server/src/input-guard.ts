import { DomainError, type InvalidParam } from '@kern/kit';
import type { FastifyRequest } from 'fastify';

/** Deepest nesting of objects and arrays a request may carry: Kern's deepest schema needs a handful. */
export const MAX_INPUT_DEPTH = 32;

// A high surrogate not followed by a low one, or a low one without a high one before it.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored as PostgreSQL text (NUL: "unsupported Unicode escape sequence") or UTF-8 (a lone surrogate). */
export function badText(s: string): string | undefined {
  if (s.includes('\u0000')) return 'contains a NUL character (U+0000); remove it';
  if (loneSurrogate.test(s)) return 'contains a lone surrogate (an invalid \\uD800-\\uDFFF escape); send valid Unicode';
  return undefined;
}

/** Parsed data (JSON, a query string: its parser's objects inherit from a bare prototype), not a stream or buffer. */
function isPlain(v: object): boolean {
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/**
 * The first field of a parsed value that Kern refuses: text with NUL or a lone surrogate (in a value
 * or a key), or nesting deeper than MAX_INPUT_DEPTH. Walked with an explicit stack, so a hostile
 * depth costs a loop, not the call stack. The name is the field's path as validation errors name
 * it (`reason`, `items.0.text`); `prefix` names a value that is itself a text (`body`).
 */
export function findBadInput(value: unknown, prefix: string): InvalidParam | undefined {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop() as { v: unknown; path: string; depth: number };
    if (typeof v === 'string') {
      const reason = badText(v);
      if (reason) return { name: path || prefix, reason };
    } else if (v !== null && typeof v === 'object' && isPlain(v)) {
      // Named by the part (body, query): a path 32 levels long would say nothing more.
      if (depth >= MAX_INPUT_DEPTH) return { name: prefix, reason: `nested deeper than ${MAX_INPUT_DEPTH} levels` };
      for (const [key, child] of Object.entries(v)) {
        const keyReason = badText(key);
        if (keyReason) return { name: join(path, key.replace(/[\uD800-\uDFFF]/g, '?').split('\u0000').join('?')), reason: `its name ${keyReason}` };
        stack.push({ v: child, path: join(path, key), depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/**
 * The one edge check of every request's parsed parts (params, query, body), before any schema or
 * handler sees them: refused with a 400 naming the field, so no such text reaches a use case, the
 * database or an audit record. A streamed body (the 323 upload) is not a parsed value and is
 * bounded by its own reader.
 */
export async function inputGuard(request: FastifyRequest): Promise<void> {
  for (const [part, value] of [['params', request.params], ['query', request.query], ['body', request.body]] as const) {
    const bad = findBadInput(value, part);
    if (bad) {
      throw new DomainError(
        'invalid-input',
        { nl: `Het veld ${bad.name} bevat tekens die Kern niet aanneemt; zie invalidParams.`, en: `The field ${bad.name} holds characters or nesting Kern does not accept; see invalidParams.` },
        [bad],
      );
    }
  }
}
