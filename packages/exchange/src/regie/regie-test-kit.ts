import { sql, withSystem, type AnyDb } from '@kern/db';
import { newId } from '@kern/kit';
import type { Standard } from '../messages';

/**
 * Test fixtures for the regie messages: an allocation as the shared 0053 tables hold it (a case,
 * a decision, a granted provision, a provider), written as the schema owner because the
 * allocations module that normally writes them is not a dependency of the exchange.
 */
export async function insertTestAllocation(
  db: AnyDb,
  a: { municipalityCode: string; bsn: string; providerAgb: string; standard: Standard; toewijzingNummer: string; category: string; productCode?: string | null; startDate: string; endDate?: string | null },
): Promise<{ allocationId: string }> {
  return withSystem(db, async (tx) => {
    const law = a.standard === 'iwmo' ? 'wmo' : 'jeugdwet';
    await sql`insert into product_categories (standard, code, name, valid_from) values (${a.standard}, ${a.category}, ${`categorie ${a.category}`}, '2015-01-01') on conflict do nothing`.execute(tx);
    const wv = await sql<{ werkwijze_id: string; version: number }>`select werkwijze_id, version from werkwijze_versions where municipality_code = ${a.municipalityCode} order by werkwijze_id, version limit 1`.execute(tx);
    const w = wv.rows[0];
    if (!w) throw new Error(`no werkwijze in ${a.municipalityCode}`);
    const staff = await sql<{ id: string }>`select id from staff_accounts where municipality_code = ${a.municipalityCode} limit 1`.execute(tx);
    const by = staff.rows[0]?.id ?? newId();
    const caseId = newId();
    await sql`insert into cases (id, municipality_code, reference, werkwijze_id, werkwijze_version, case_type_id, purpose, subject_bsn, step_id, phase, status, melding_date, opened_at, opened_by)
      values (${caseId}, ${a.municipalityCode}, ${`T-${caseId.slice(0, 8)}`}, ${w.werkwijze_id}, ${w.version}, 'test', ${law}, ${a.bsn}, 'besluit', 'besluit', 'open', ${a.startDate}::date, now(), ${by})`.execute(tx);
    const decisionId = newId();
    await sql`insert into decisions (id, municipality_code, case_id, reference, subject_bsn, law, outcome, reasons, decided_on, decided_by, objection_until, created_at)
      values (${decisionId}, ${a.municipalityCode}, ${caseId}, ${`B-${decisionId.slice(0, 8)}`}, ${a.bsn}, ${law}, 'granted', 'Toegekend.', ${a.startDate}::date, ${by}, (${a.startDate}::date + 42), now())`.execute(tx);
    const provisionId = newId();
    await sql`insert into granted_provisions (id, municipality_code, decision_id, standard, category, product_code, form, volume, unit, frequency, valid_from)
      values (${provisionId}, ${a.municipalityCode}, ${decisionId}, ${a.standard}, ${a.category}, ${a.productCode ?? null}, 'zin', 4, '04', '2', ${a.startDate}::date)`.execute(tx);
    await sql`insert into care_providers (id, municipality_code, agb_code, name, created_at) values (${newId()}, ${a.municipalityCode}, ${a.providerAgb}, 'Zorg BV', now())
      on conflict (municipality_code, agb_code) do nothing`.execute(tx);
    const p = await sql<{ id: string }>`select id from care_providers where municipality_code = ${a.municipalityCode} and agb_code = ${a.providerAgb}`.execute(tx);
    const allocationId = newId();
    await sql`insert into allocations (id, municipality_code, granted_provision_id, toewijzing_nummer, subject_bsn, provider_id, provider_agb, standard, category, product_code,
        start_date, end_date, volume, unit, frequency, status, allocated_at, created_by)
      values (${allocationId}, ${a.municipalityCode}, ${provisionId}, ${a.toewijzingNummer}, ${a.bsn}, ${p.rows[0]?.id ?? ''}, ${a.providerAgb}, ${a.standard}, ${a.category}, ${a.productCode ?? null},
        ${a.startDate}::date, ${a.endDate ?? null}, 4, '04', '2', 'active', ${`${a.startDate}T09:00:00Z`}::timestamptz, ${by})`.execute(tx);
    return { allocationId };
  });
}
