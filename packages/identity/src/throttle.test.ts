import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_SECONDS, secondsToWait } from './throttle';

const now = new Date('2026-03-02T10:00:00.000Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);

describe('backoff of a secret after failed attempts', () => {
  it('lets the first attempts through', () => {
    expect(secondsToWait({ failures: 4, lastFailureAt: ago(0) }, 5, now)).toBe(0);
  });

  it('waits 30 seconds after the free attempts and doubles with every further failure', () => {
    expect(secondsToWait({ failures: 5, lastFailureAt: ago(0) }, 5, now)).toBe(30);
    expect(secondsToWait({ failures: 6, lastFailureAt: ago(0) }, 5, now)).toBe(60);
    expect(secondsToWait({ failures: 7, lastFailureAt: ago(10) }, 5, now)).toBe(110);
  });

  it('never waits longer than the maximum, and not at all once the wait has passed', () => {
    expect(secondsToWait({ failures: 40, lastFailureAt: ago(0) }, 5, now)).toBe(BACKOFF_MAX_SECONDS);
    expect(secondsToWait({ failures: 6, lastFailureAt: ago(61) }, 5, now)).toBe(0);
  });
});
