/**
 * Doelbinding: staff work under one purpose (a law, or integral coordination) at a time. The choice
 * lives for the browser tab (sessionStorage) so two tabs can work under different purposes.
 */
export const PURPOSES = ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'] as const;
export type Purpose = (typeof PURPOSES)[number];

const KEY = 'kern.purpose';

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);
}

export function loadPurpose(): Purpose | null {
  try {
    const stored = sessionStorage.getItem(KEY);
    return isPurpose(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function savePurpose(purpose: Purpose | null): void {
  try {
    if (purpose) sessionStorage.setItem(KEY, purpose);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts until reload.
  }
}
