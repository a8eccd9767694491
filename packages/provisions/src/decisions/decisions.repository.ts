import { isoDay, sql, type Tx } from '@kern/db';
import type { Decision, DecisionOutcome, GrantedProvision } from '../contract/decisions.schema';

// SQL only: decisions and their granted provisions. Tenant scoping comes from the transaction (RLS).

interface DecisionRow {
  id: string; case_id: string; reference: string; subject_bsn: string; law: 'wmo' | 'jeugdwet'; outcome: DecisionOutcome; reasons: string;
  decided_on: string | Date; decided_by: string; objection_until: string | Date; created_at: Date | string;
}
interface ProvisionRow {
  id: string; decision_id: string; standard: 'iwmo' | 'ijw'; category: string; product_code: string | null; form: 'zin' | 'pgb';
  volume: number | null; unit: string | null; frequency: string | null; budget_cents: string | number | null; pgb_amount_cents: string | number | null;
  valid_from: string | Date; valid_to: string | Date | null;
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
const iso = (v: Date | string): string => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

export function toProvision(r: ProvisionRow): GrantedProvision {
  return {
    id: r.id, decisionId: r.decision_id, standard: r.standard, category: r.category, productCode: r.product_code, form: r.form,
    volume: r.volume, unit: r.unit, frequency: r.frequency, budgetCents: num(r.budget_cents), pgbAmountCents: num(r.pgb_amount_cents),
    validFrom: isoDay(r.valid_from), validTo: r.valid_to === null ? null : isoDay(r.valid_to),
  };
}

const provisionColumns = sql`p.id, p.decision_id, p.standard, p.category, p.product_code, p.form, p.volume, p.unit, p.frequency, p.budget_cents, p.pgb_amount_cents, p.valid_from, p.valid_to`;
const decisionColumns = sql`d.id, d.case_id, d.reference, d.subject_bsn, d.law, d.outcome, d.reasons, d.decided_on, d.decided_by, d.objection_until, d.created_at`;

async function withProvisions(tx: Tx, rows: DecisionRow[]): Promise<Decision[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const provisions = await sql<ProvisionRow>`select ${provisionColumns} from granted_provisions p where p.decision_id = any(${ids}::uuid[]) order by p.valid_from, p.category, p.id`.execute(tx);
  return rows.map((r) => ({
    id: r.id, caseId: r.case_id, reference: r.reference, subjectBsn: r.subject_bsn, law: r.law, outcome: r.outcome, reasons: r.reasons,
    decidedOn: isoDay(r.decided_on), decidedBy: r.decided_by, objectionUntil: isoDay(r.objection_until), createdAt: iso(r.created_at),
    provisions: provisions.rows.filter((p) => p.decision_id === r.id).map(toProvision),
  }));
}

export interface NewDecision {
  id: string; municipalityCode: string; caseId: string; reference: string; subjectBsn: string; law: 'wmo' | 'jeugdwet'; outcome: DecisionOutcome;
  reasons: string; decidedOn: string; decidedBy: string; objectionUntil: string; createdAt: string;
}
export interface NewProvision {
  id: string; standard: 'iwmo' | 'ijw'; category: string; productCode: string | null; form: 'zin' | 'pgb'; volume: number | null; unit: string | null;
  frequency: string | null; budgetCents: number | null; pgbAmountCents: number | null; validFrom: string; validTo: string | null;
}

export async function insertDecision(tx: Tx, d: NewDecision, provisions: NewProvision[]): Promise<void> {
  await sql`insert into decisions (id, municipality_code, case_id, reference, subject_bsn, law, outcome, reasons, decided_on, decided_by, objection_until, created_at)
    values (${d.id}::uuid, ${d.municipalityCode}, ${d.caseId}::uuid, ${d.reference}, ${d.subjectBsn}, ${d.law}, ${d.outcome}, ${d.reasons}, ${d.decidedOn}::date,
      ${d.decidedBy}::uuid, ${d.objectionUntil}::date, ${d.createdAt}::timestamptz)`.execute(tx);
  if (provisions.length === 0) return;
  const rows = provisions.map((p) => sql`(${p.id}::uuid, ${d.municipalityCode}, ${d.id}::uuid, ${p.standard}, ${p.category}, ${p.productCode}, ${p.form}, ${p.volume}::int,
    ${p.unit}, ${p.frequency}, ${p.budgetCents}::bigint, ${p.pgbAmountCents}::bigint, ${p.validFrom}::date, ${p.validTo}::date)`);
  await sql`insert into granted_provisions (id, municipality_code, decision_id, standard, category, product_code, form, volume, unit, frequency, budget_cents, pgb_amount_cents, valid_from, valid_to)
    values ${sql.join(rows)}`.execute(tx);
}

export async function countDecisionsOfCase(tx: Tx, caseId: string): Promise<{ count: number; lastCreatedAt: string | null }> {
  const r = await sql<{ n: number; last: Date | string | null }>`select count(*)::int as n, max(created_at) as last from decisions where case_id = ${caseId}::uuid`.execute(tx);
  const row = r.rows[0];
  return { count: Number(row?.n ?? 0), lastCreatedAt: row?.last ? iso(row.last) : null };
}

export async function findDecision(tx: Tx, id: string): Promise<Decision | undefined> {
  const r = await sql<DecisionRow>`select ${decisionColumns} from decisions d where d.id = ${id}::uuid`.execute(tx);
  return (await withProvisions(tx, r.rows))[0];
}

export async function findDecisionsOfCase(tx: Tx, caseId: string): Promise<Decision[]> {
  const r = await sql<DecisionRow>`select ${decisionColumns} from decisions d where d.case_id = ${caseId}::uuid order by d.decided_on, d.created_at`.execute(tx);
  return withProvisions(tx, r.rows);
}

export async function findDecisionsOfSubjects(tx: Tx, bsns: readonly string[]): Promise<Decision[]> {
  if (bsns.length === 0) return [];
  const r = await sql<DecisionRow>`select ${decisionColumns} from decisions d
    where d.municipality_code = current_setting('app.municipality', true)::char(4) and d.subject_bsn = any(${[...bsns]}::char(9)[])
    order by d.decided_on desc, d.created_at desc`.execute(tx);
  return withProvisions(tx, r.rows);
}

export async function findGrantedProvision(tx: Tx, id: string): Promise<(GrantedProvision & { subjectBsn: string; law: 'wmo' | 'jeugdwet'; outcome: DecisionOutcome; caseId: string }) | undefined> {
  const r = await sql<ProvisionRow & { subject_bsn: string; law: 'wmo' | 'jeugdwet'; outcome: DecisionOutcome; case_id: string }>`
    select ${provisionColumns}, d.subject_bsn, d.law, d.outcome, d.case_id from granted_provisions p join decisions d on d.id = p.decision_id where p.id = ${id}::uuid`.execute(tx);
  const row = r.rows[0];
  return row ? { ...toProvision(row), subjectBsn: row.subject_bsn, law: row.law, outcome: row.outcome, caseId: row.case_id } : undefined;
}

/** Locks a granted provision while allocations against it are counted and written. */
export async function lockGrantedProvision(tx: Tx, id: string): Promise<void> {
  await sql`select id from granted_provisions where id = ${id}::uuid for update`.execute(tx);
}
