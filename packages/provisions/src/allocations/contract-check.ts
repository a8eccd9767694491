import { sql, type Tx } from '@kern/db';

/**
 * The port an allocation asks: is this provider contracted for this product on that day? Kern's
 * own answer (sqlContractCheck) reads contracts + contracted_products + care_providers directly;
 * the integrator may swap in @kern/contracting's `contractedTariff(tx, { providerAgb, category,
 * productCode, on })` behind the same interface.
 */
export interface ContractQuery {
  providerAgb: string;
  law: 'wmo' | 'jeugdwet';
  standard: 'iwmo' | 'ijw';
  category: string;
  /** Null: an aspecific allocation (any contracted product in the category will do). */
  productCode: string | null;
  on: string;
}

export interface ContractMatch {
  providerId: string;
  providerAgb: string;
  providerName: string;
  contractId: string;
  /** Unit and tariff of the contracted product that matched (the most specific one). */
  unit: string;
  tariffCents: number;
}

export interface ContractCheck {
  contractFor(tx: Tx, q: ContractQuery): Promise<ContractMatch | null>;
}

export const sqlContractCheck: ContractCheck = {
  async contractFor(tx, q) {
    const r = await sql<{ provider_id: string; agb_code: string; name: string; contract_id: string; unit: string; tariff_cents: number; valid_from: string | Date }>`
      select p.id as provider_id, p.agb_code, p.name, c.id as contract_id, cp.unit, cp.tariff_cents, c.valid_from
      from care_providers p
      join contracts c on c.provider_id = p.id and c.municipality_code = p.municipality_code
      join contracted_products cp on cp.contract_id = c.id
      where p.agb_code = ${q.providerAgb} and c.law = ${q.law}
        and c.valid_from <= ${q.on}::date and (c.valid_to is null or c.valid_to >= ${q.on}::date)
        and cp.standard = ${q.standard} and cp.category = ${q.category}
        and cp.valid_from <= ${q.on}::date and (cp.valid_to is null or cp.valid_to >= ${q.on}::date)
        and (${q.productCode}::text is null or cp.product_code is null or cp.product_code = ${q.productCode})
      -- the contracted product itself before a whole-category line; the newest contract first
      order by (cp.product_code is null), c.valid_from desc, c.id
      limit 1`.execute(tx);
    const m = r.rows[0];
    return m ? { providerId: m.provider_id, providerAgb: m.agb_code, providerName: m.name, contractId: m.contract_id, unit: m.unit, tariffCents: Number(m.tariff_cents) } : null;
  },
};
