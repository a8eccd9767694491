/** Money as people type it in the web's forms. */

/** Euros as typed by a person (1234,56 or 1234.56) to whole cents; null when it is not an amount above zero. */
export function parseEuros(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return cents > 0 ? cents : null;
}
