/**
 * Rows in the allocation and contracting tables (0052, 0053) for the exchange's tests, bench and
 * demo, written with plain SQL. They live in seed, beside the other modules' fixtures, because they
 * write tables the exchange does not own (the table-owners test). Runs as the schema owner (withSystem): fixtures, not use cases.
 */
import { randomUUID } from 'node:crypto';
import { sql, withSystem, type AnyDb, type Tx } from '@kern/db';
import type { Standard } from '@kern/exchange';

export interface ProviderFixture {
  municipalityCode: string;
  agb: string;
  name: string;
  standard: Standard;
  /** Contracted tariffs: one row per product and validity. */
  tariffs: { category: string; productCode: string | null; unit: string; cents: number; from: string; to: string | null }[];
}

export interface AllocationFixture {
  municipalityCode: string;
  toewijzingNummer: string;
  bsn: string;
  providerAgb: string;
  standard: Standard;
  category: string;
  productCode: string | null;
  start: string;
  end: string | null;
  volume: number | null;
  unit: string | null;
  frequency: string | null;
  budgetCents?: number | null;
  status?: 'active' | 'ended' | 'withdrawn';
}

const categoryNames: Record<string, string> = { '01': 'Hulp bij het huishouden', '02': 'Begeleiding', '04': 'Dagbesteding', '45': 'Jeugdhulp ambulant', '41': 'Jeugdhulp verblijf (incl. behandeling)' };

async function ensureCategory(tx: Tx, standard: Standard, code: string): Promise<void> {
  await sql`insert into product_categories (standard, code, name, valid_from) values (${standard}, ${code}, ${categoryNames[code] ?? `Categorie ${code}`}, '2015-01-01')
    on conflict (standard, code) do nothing`.execute(tx);
}

/** A care provider with one contract (law by standard) and its contracted products; returns the provider's id. Idempotent per AGB. */
export async function insertProviderFixture(db: AnyDb, f: ProviderFixture): Promise<{ providerId: string; contractId: string }> {
  return withSystem(db, async (tx) => {
    const existing = await sql<{ id: string; contract_id: string | null }>`select p.id, (select c.id from contracts c where c.provider_id = p.id order by c.created_at limit 1) as contract_id
      from care_providers p where p.municipality_code = ${f.municipalityCode} and p.agb_code = ${f.agb}`.execute(tx);
    const found = existing.rows[0];
    if (found?.contract_id) return { providerId: found.id, contractId: found.contract_id };
    const providerId = found?.id ?? randomUUID();
    const contractId = randomUUID();
    const now = new Date().toISOString();
    if (!found) {
      await sql`insert into care_providers (id, municipality_code, agb_code, name, created_at) values (${providerId}, ${f.municipalityCode}, ${f.agb}, ${f.name}, ${now}::timestamptz)`.execute(tx);
    }
    await sql`insert into contracts (id, municipality_code, provider_id, reference, law, funding_model, valid_from, created_at, created_by)
      values (${contractId}, ${f.municipalityCode}, ${providerId}, ${`C-${f.agb}-${contractId.slice(0, 6)}`}, ${f.standard === 'iwmo' ? 'wmo' : 'jeugdwet'}, 'inspanningsgericht', '2015-01-01', ${now}::timestamptz, 'exchange-fixture')`.execute(tx);
    for (const t of f.tariffs) {
      await ensureCategory(tx, f.standard, t.category);
      await sql`insert into contracted_products (id, municipality_code, contract_id, standard, category, product_code, unit, tariff_cents, valid_from, valid_to, created_at)
        values (${randomUUID()}, ${f.municipalityCode}, ${contractId}, ${f.standard}, ${t.category}, ${t.productCode}, ${t.unit}, ${t.cents}, ${t.from}::date, ${t.to}::date, ${now}::timestamptz)`.execute(tx);
    }
    return { providerId, contractId };
  });
}

/**
 * Allocations (toewijzingen) with the rows they need: a case on any werkwijze version of the
 * municipality, a decision and a granted provision per allocation. Skips numbers that exist.
 */
export async function insertAllocationFixtures(db: AnyDb, allocations: readonly AllocationFixture[]): Promise<void> {
  await withSystem(db, async (tx) => {
    for (const a of allocations) {
      const exists = await sql<{ n: number }>`select count(*)::int as n from allocations where municipality_code = ${a.municipalityCode} and toewijzing_nummer = ${a.toewijzingNummer}`.execute(tx);
      if (Number(exists.rows[0]?.n ?? 0) > 0) continue;
      await ensureCategory(tx, a.standard, a.category);
      const provider = await sql<{ id: string; contract_id: string | null }>`select p.id, (select c.id from contracts c where c.provider_id = p.id order by c.created_at limit 1) as contract_id
        from care_providers p where p.municipality_code = ${a.municipalityCode} and p.agb_code = ${a.providerAgb}`.execute(tx);
      const p = provider.rows[0];
      if (!p) throw new Error(`exchange fixture: no care provider ${a.providerAgb} in ${a.municipalityCode}`);
      const law = a.standard === 'iwmo' ? 'wmo' : 'jeugdwet';
      // A case on a real step of an active werkwijze: a case type of the law, a step in the uitvoering phase.
      const w = await sql<{ werkwijze_id: string; version: number; step_id: string; case_type: string }>`
        select w.werkwijze_id, w.version, s->>'id' as step_id, ct->>'id' as case_type
        from werkwijze_versions w, jsonb_array_elements(w.definition->'steps') s, jsonb_array_elements(w.definition->'caseTypes') ct
        where w.municipality_code = ${a.municipalityCode} and w.status = 'active' and s->>'phase' = 'uitvoering' and ct->>'law' = ${law}
        order by w.werkwijze_id, s->>'id' limit 1`.execute(tx);
      const werkwijze = w.rows[0];
      if (!werkwijze) throw new Error(`exchange fixture: municipality ${a.municipalityCode} has no active werkwijze with a ${law} case type (seed the demo first)`);
      const caseId = randomUUID();
      const decisionId = randomUUID();
      const provisionId = randomUUID();
      const actor = randomUUID();
      const at = new Date().toISOString();
      await sql`insert into cases (id, municipality_code, reference, werkwijze_id, werkwijze_version, case_type_id, purpose, subject_bsn, step_id, phase, status, melding_date, opened_at, opened_by)
        values (${caseId}, ${a.municipalityCode}, ${`EXF-${a.toewijzingNummer}`}, ${werkwijze.werkwijze_id}, ${werkwijze.version}, ${werkwijze.case_type}, ${law}, ${a.bsn}, ${werkwijze.step_id}, 'uitvoering', 'open', ${a.start}::date, ${at}::timestamptz, ${actor})`.execute(tx);
      await sql`insert into decisions (id, municipality_code, case_id, reference, subject_bsn, law, outcome, reasons, decided_on, decided_by, objection_until, created_at)
        values (${decisionId}, ${a.municipalityCode}, ${caseId}, ${`EXB-${a.toewijzingNummer}`}, ${a.bsn}, ${law}, 'granted', 'Toegekend (testgegevens).', ${a.start}::date, ${actor}, (${a.start}::date + 42), ${at}::timestamptz)`.execute(tx);
      await sql`insert into granted_provisions (id, municipality_code, decision_id, standard, category, product_code, form, volume, unit, frequency, budget_cents, valid_from, valid_to)
        values (${provisionId}, ${a.municipalityCode}, ${decisionId}, ${a.standard}, ${a.category}, ${a.productCode}, 'zin', ${a.volume}, ${a.unit}, ${a.frequency}, ${a.budgetCents ?? null}, ${a.start}::date, ${a.end}::date)`.execute(tx);
      await sql`insert into allocations (id, municipality_code, granted_provision_id, toewijzing_nummer, subject_bsn, provider_id, provider_agb, contract_id, standard, category, product_code,
          start_date, end_date, volume, unit, frequency, budget_cents, change_reason, status, allocated_at, created_by)
        values (${randomUUID()}, ${a.municipalityCode}, ${provisionId}, ${a.toewijzingNummer}, ${a.bsn}, ${p.id}, ${a.providerAgb}, ${p.contract_id}, ${a.standard}, ${a.category}, ${a.productCode},
          ${a.start}::date, ${a.end}::date, ${a.volume}, ${a.unit}, ${a.frequency}, ${a.budgetCents ?? null}, ${a.status === 'withdrawn' ? '13' : null}, ${a.status ?? 'active'}, ${at}::timestamptz, ${actor})`.execute(tx);
    }
  });
}
