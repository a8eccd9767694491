import { describe, expect, it } from 'vitest';
import { findBadInput, MAX_INPUT_DEPTH } from './input-guard';

describe('the edge check of parsed input', () => {
  it('names the field holding a NUL or a lone surrogate, in values and in keys', () => {
    expect(findBadInput({ a: 'ok', b: { c: ['x', 'y\u0000'] } }, 'body')).toEqual({ name: 'b.c.1', reason: expect.stringMatching(/NUL/) });
    expect(findBadInput({ reason: 'hallo \ud800' }, 'body')).toEqual({ name: 'reason', reason: expect.stringMatching(/lone surrogate/) });
    expect(findBadInput({ reason: 'tail \udc00' }, 'body')?.name).toBe('reason');
    expect(findBadInput({ 'k\u0000': 1 }, 'body')).toEqual({ name: 'k?', reason: expect.stringMatching(/^its name contains a NUL/) });
    expect(findBadInput('csv\u0000', 'body')?.name).toBe('body');
  });

  it('lets valid text through: pairs of surrogates (emoji), accents, empty strings', () => {
    expect(findBadInput({ a: '😀 café ß €', b: '', c: [1, true, null] }, 'body')).toBeUndefined();
  });

  it('refuses nesting past the bound without recursion (50,000 deep is a loop, not a stack overflow)', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(findBadInput(deep, 'body')).toEqual({ name: 'body', reason: `nested deeper than ${MAX_INPUT_DEPTH} levels` });
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) ok = { a: ok };
    expect(findBadInput(ok, 'body')).toBeUndefined();
  });

  it('reads a query string object (bare prototype) but leaves a stream or buffer alone', () => {
    const query = Object.create(Object.create(null) as object) as Record<string, string>;
    query.q = 'a\u0000';
    expect(findBadInput(query, 'query')?.name).toBe('q');
    expect(findBadInput(Buffer.from('a\u0000'), 'body')).toBeUndefined();
  });
});
