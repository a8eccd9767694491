/**
 * The API's `fields` parameter: a caller names the dotted paths it needs and gets only those,
 * which is how data minimisation (doelbinding) is enforced at the source. Paths through arrays
 * apply to every element (`kinderen.naam.voornamen`).
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from '@kern/kit';
import { dataFile } from './gba-values';

type Tree = Map<string, Tree | true>;

/** Delivered whether asked for or not (spec: "Velden die automatisch worden geleverd"), and never askable. */
export const AUTOMATIC_FIELDS = ['inOnderzoek', 'geheimhoudingPersoonsgegevens', 'opschortingBijhouding', 'rni', 'verificatie'] as const;

let allowed: { persoon: ReadonlySet<string>; beperkt: ReadonlySet<string> } | undefined;

/** The valid paths per response shape, from the API's own lists (data/fields-*.csv). */
export function allowedFields(shape: 'Persoon' | 'PersoonBeperkt'): ReadonlySet<string> {
  const read = (name: string): ReadonlySet<string> =>
    new Set(parseCsv(readFileSync(dataFile(name), 'utf8')).records.slice(1).map((r) => (r.cells[0] ?? '').trim()).filter(Boolean));
  allowed ??= { persoon: read('fields-Persoon.csv'), beperkt: read('fields-PersoonBeperkt.csv') };
  return shape === 'Persoon' ? allowed.persoon : allowed.beperkt;
}

function buildTree(fields: readonly string[]): Tree {
  const root: Tree = new Map();
  for (const field of fields) {
    const parts = field.split('.');
    let node: Tree = root;
    parts.forEach((part, i) => {
      const existing = node.get(part);
      if (existing === true) return;
      if (i === parts.length - 1) {
        node.set(part, true);
        return;
      }
      const next: Tree = existing ?? new Map<string, Tree | true>();
      node.set(part, next);
      node = next;
    });
  }
  return root;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function pick(value: unknown, tree: Tree | true): unknown {
  if (tree === true) return value;
  if (Array.isArray(value)) {
    const items = value.map((v) => pick(v, tree)).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (!isRecord(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    const picked = pick(value[key], sub);
    if (picked !== undefined) out[key] = picked;
  }
  if (Object.keys(out).length === 0) return undefined;
  // A polymorphic object (verblijfplaats, datum, nationaliteit) is meaningless without its discriminator.
  if (typeof value.type === 'string' && out.type === undefined) return { type: value.type, ...out };
  return out;
}

export function applyFields<T extends object>(person: T, fields: readonly string[]): Partial<T> {
  const picked = pick(person, buildTree(fields));
  const result: Record<string, unknown> = isRecord(picked) ? picked : {};
  const source = person as Record<string, unknown>;
  for (const key of AUTOMATIC_FIELDS) if (source[key] !== undefined) result[key] = source[key];
  return result as Partial<T>;
}
