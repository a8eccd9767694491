import { sql, type Tx } from '@kern/db';
import { AGB_JEUGD, AGB_THUISZORG } from './demo-contracts';

/** The generated city's contracts start before its first melding (2024-01-01). */
export const SCALE_CONTRACTS_FROM = '2023-01-01';

/** A number 0..99 from a uuid and a salt: deterministic, so the same city gets the same provisions. */
const pick = (id: string, salt: string) => sql.raw(`(get_byte(decode(md5(${id}::text || '${salt}'), 'hex'), 0) * 100 / 256)`);
/** A version-4-shaped uuid from a uuid and a kind, like the rest of the generator's ids. */
const derivedId = (kind: string, id: string) => sql.raw(`(overlay(overlay(md5('${kind}:' || ${id}::text) placing '4' from 13) placing '8' from 17))::uuid`);

const GRANTED_REASONS = 'U krijgt deze ondersteuning omdat uit het onderzoek blijkt dat u dit niet zelf of met hulp van uw omgeving kunt regelen.';
const REFUSED_REASONS = 'U krijgt geen maatwerkvoorziening omdat uw omgeving of een algemene voorziening u genoeg kan helpen.';

/**
 * Writes the provisions (beschikkingen, granted provisions, toewijzingen) of one batch: called once
 * per batch in the batch's transaction, with the batch's cases in `scale_work_cases` (case id,
 * subject BSN, law, status, melding date, team). Returns how many rows it wrote. The default is
 * generateScaleProvisions, below.
 */
export type ScaleProvisionsGenerator = (tx: Tx, batch: { municipalityCode: string; fromHousehold: number; toHousehold: number }) => Promise<number>;

/**
 * Decisions, granted provisions and allocations for the generated city, set-based per batch: every
 * closed Wmo or Jeugdwet case had its beschikking five weeks after the melding (15% refused). A
 * granted Wmo case gets hulp bij het huishouden (01A01, 3 hours a week, 60%), begeleiding (02A01,
 * 4 hours a week, 30%) or dagbesteding (07, aspecifiek, 10%), of which one in twenty as a pgb; a
 * granted Jeugdwet case gets ambulante jeugdhulp (45A03, 2 hours a week). Each zorg-in-natura
 * provision is allocated for a year, from a week after the decision, to the city's demo providers
 * (insertDemoContracts), numbered on from the municipality's allocation counter. The variants are
 * the ones validateVariant accepts: a per-week allocation always has an end date.
 */
export const generateScaleProvisions: ScaleProvisionsGenerator = async (tx: Tx, batch) => {
  const code = batch.municipalityCode;
  await sql`insert into decisions (id, municipality_code, case_id, reference, subject_bsn, law, outcome, reasons, decided_on, decided_by, objection_until, created_at)
    select ${derivedId('decision', 'c.id')}, ${code}, c.id, 'B-' || k.reference, c.subject_bsn, c.law,
      case when ${pick('c.id', 'outcome')} < 15 then 'refused' else 'granted' end,
      case when ${pick('c.id', 'outcome')} < 15 then ${REFUSED_REASONS} else ${GRANTED_REASONS} end,
      c.melding_date + 35, k.opened_by, c.melding_date + 35 + 43, (c.melding_date + 35) + time '15:00'
    from scale_work_cases c join cases k on k.id = c.id
    where c.status = 'closed' and c.law in ('wmo', 'jeugdwet')`.execute(tx);

  await sql`insert into granted_provisions (id, municipality_code, decision_id, standard, category, product_code, form, volume, unit, frequency, budget_cents, pgb_amount_cents, valid_from, valid_to)
    select ${derivedId('provision', 'd.id')}, ${code}, d.id, p.standard, p.category, p.product_code,
      case when p.pgb then 'pgb' else 'zin' end, p.volume, p.unit, p.frequency, null,
      case when p.pgb then p.pgb_cents end, d.decided_on + 7, d.decided_on + 7 + 364
    from decisions d
    cross join lateral (
      select case when d.law = 'jeugdwet' then 'ijw' else 'iwmo' end as standard,
        case when d.law = 'jeugdwet' then '45' when ${pick('d.id', 'product')} < 60 then '01' when ${pick('d.id', 'product')} < 90 then '02' else '07' end as category,
        case when d.law = 'jeugdwet' then '45A03' when ${pick('d.id', 'product')} < 60 then '01A01' when ${pick('d.id', 'product')} < 90 then '02A01' end as product_code,
        case when d.law = 'jeugdwet' then 2 when ${pick('d.id', 'product')} < 60 then 3 when ${pick('d.id', 'product')} < 90 then 4 end as volume,
        case when d.law = 'jeugdwet' or ${pick('d.id', 'product')} < 90 then '04' end as unit,
        case when d.law = 'jeugdwet' or ${pick('d.id', 'product')} < 90 then '2' end as frequency,
        d.law = 'wmo' and ${pick('d.id', 'form')} < 5 as pgb,
        (156 * 3150)::bigint as pgb_cents
    ) p
    where d.municipality_code = ${code} and d.outcome = 'granted'
      and d.case_id in (select id from scale_work_cases)`.execute(tx);

  const numbered = await sql`with counter as (
      select coalesce((select last_number from allocation_numbers where municipality_code = ${code}), 0) as last
    ), todo as (
      select g.*, d.subject_bsn, d.decided_by, row_number() over (order by g.id) as n
      from granted_provisions g join decisions d on d.id = g.decision_id
      where g.form = 'zin' and d.case_id in (select id from scale_work_cases)
    ), inserted as (
      insert into allocations (id, municipality_code, granted_provision_id, toewijzing_nummer, subject_bsn, provider_id, provider_agb, contract_id, standard, category,
        product_code, start_date, end_date, volume, unit, frequency, budget_cents, change_reason, ending_reason, status, allocated_at, created_by)
      select ${derivedId('allocation', 't.id')}, ${code}, t.id, ((select last from counter) + t.n)::text, t.subject_bsn, p.id, p.agb_code, c.id, t.standard, t.category,
        t.product_code, t.valid_from, t.valid_to, t.volume, t.unit, t.frequency, null, null, null, 'active', t.valid_from - 7 + time '16:00', t.decided_by
      from todo t
      join care_providers p on p.municipality_code = ${code} and p.agb_code = case when t.standard = 'ijw' then ${AGB_JEUGD} else ${AGB_THUISZORG} end
      join contracts c on c.provider_id = p.id and c.law = case when t.standard = 'ijw' then 'jeugdwet' else 'wmo' end
      returning id, start_date, end_date, volume, unit, frequency, allocated_at, created_by
    ), history as (
      insert into allocation_changes (id, municipality_code, allocation_id, kind, reason, state, changed_at, changed_by)
      select ${derivedId('allocation-created', 'i.id')}, ${code}, i.id, 'created', null,
        jsonb_build_object('startDate', i.start_date, 'endDate', i.end_date, 'volume', i.volume, 'unit', i.unit, 'frequency', i.frequency,
          'budgetCents', null, 'changeReason', null, 'endingReason', null, 'status', 'active'),
        i.allocated_at, i.created_by
      from inserted i
      returning 1
    )
    select (select count(*)::int from inserted) as n, (select count(*)::int from history) as h, (select last from counter) as last`.execute(tx);
  const row = numbered.rows[0] as { n: number; last: number } | undefined;
  const allocated = Number(row?.n ?? 0);
  if (allocated > 0) {
    await sql`insert into allocation_numbers (municipality_code, last_number) values (${code}, ${Number(row?.last ?? 0) + allocated})
      on conflict (municipality_code) do update set last_number = excluded.last_number`.execute(tx);
  }
  // Decisions and granted provisions written for this batch (the allocations are counted above).
  const written = await sql<{ n: number }>`select (select count(*) from decisions d where d.case_id in (select id from scale_work_cases))
      + (select count(*) from granted_provisions g join decisions d on d.id = g.decision_id where d.case_id in (select id from scale_work_cases)) as n`.execute(tx);
  return Number(written.rows[0]?.n ?? 0) + allocated;
};
