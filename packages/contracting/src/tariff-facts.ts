import { sql, type Tx } from '@kern/db';

/**
 * Contracted tariffs for the exchange (a 323's lines priced against the contract), so that it
 * does not read the contracting tables. Runs in the caller's transaction under the caller's
 * municipality (row-level security).
 */
export interface UnitTariff {
  category: string;
  productCode: string | null;
  cents: number;
  /** The intersection of the contract's and the contracted product's validity. */
  from: string;
  to: string | null;
}

/**
 * A provider's (by AGB code) tariffs per unit in these categories, in the order contractedTariff
 * chooses: the municipality's own contract before a regional one, then the latest start. A
 * taakgericht contract pays a budget, not per unit: it has no tariffs here.
 */
export async function unitTariffsOf(tx: Tx, q: { municipalityCode: string; providerAgb: string; standard: string; categories: readonly string[] }): Promise<UnitTariff[]> {
  if (q.categories.length === 0) return [];
  const r = await sql<{ category: string; product_code: string | null; tariff_cents: number; valid_from: string; valid_to: string | null }>`
    select p.category, p.product_code, p.tariff_cents,
      greatest(p.valid_from, c.valid_from)::text as valid_from,
      (case when p.valid_to is null then c.valid_to when c.valid_to is null then p.valid_to else least(p.valid_to, c.valid_to) end)::text as valid_to
    from contracted_products p
    join contracts c on c.id = p.contract_id
    join care_providers cp on cp.id = c.provider_id
    where p.municipality_code = ${q.municipalityCode} and cp.agb_code = ${q.providerAgb.padStart(8, '0')} and p.standard = ${q.standard}
      and p.category = any(${[...q.categories]}::char(2)[]) and c.funding_model <> 'taakgericht'
    order by (c.region is not null), p.valid_from desc, c.valid_from desc, p.id`.execute(tx);
  return r.rows.map((t) => ({ category: t.category, productCode: t.product_code, cents: Number(t.tariff_cents), from: t.valid_from, to: t.valid_to }));
}
