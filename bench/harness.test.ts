import { describe, expect, it } from 'vitest';
import { ratioLine, requestedEngine } from './harness';

describe('bench harness', () => {
  it('refuses DATABASE_URL without KERN_TEST_ENGINE instead of silently measuring PGlite', () => {
    expect(() => requestedEngine({ DATABASE_URL: 'postgres://x@localhost/kern' })).toThrow(/KERN_TEST_ENGINE is not/);
  });

  it('runs on the server only when both are set, on PGlite when neither or pglite is, and refuses an unknown engine', () => {
    expect(requestedEngine({ DATABASE_URL: 'postgres://x@localhost/kern', KERN_TEST_ENGINE: 'postgres' })).toBe('postgres');
    expect(requestedEngine({ DATABASE_URL: 'postgres://x@localhost/kern', KERN_TEST_ENGINE: 'pglite' })).toBe('pglite');
    expect(requestedEngine({})).toBe('pglite');
    expect(() => requestedEngine({ KERN_TEST_ENGINE: 'postgres' })).toThrow(/needs DATABASE_URL/);
    expect(() => requestedEngine({ KERN_TEST_ENGINE: 'mysql' })).toThrow(/not an engine/);
  });

  it('ends the last line in "ratio <number>" with the engine and load average before it', () => {
    const line = ratioLine('access', 'pglite', 'kern 2.000 ms / reference 1.000 ms', 2);
    expect(line).toMatch(/^access \[engine pglite; \d+ cores, load average [\d.]+ [\d.]+ [\d.]+\]: kern 2\.000 ms \/ reference 1\.000 ms = ratio 2\.000$/);
  });
});
