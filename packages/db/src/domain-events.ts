import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from './tenant';

/**
 * A fact for steering and learning. The vocabulary is `<module>.<what-happened>` in the past
 * tense (e.g. `case.started`, `assessment.scored`, `invoice.line-approved`); `data` holds numbers,
 * codes and dates only. `subjectRef` is a pseudonymous id (case, plan, household, debt file),
 * never a BSN: insight must be able to read these without seeing whom they are about.
 */
export interface DomainEvent {
  municipalityCode: string;
  type: string;
  occurredOn: string;
  subjectRef: string;
  law?: 'wmo' | 'jeugdwet' | 'participatiewet' | 'wgs' | 'integraal' | undefined;
  teamId?: string | null | undefined;
  data?: Record<string, string | number | boolean | null> | undefined;
}

/** Appends events inside the caller's transaction, so an event exists exactly when its change does. */
export async function appendDomainEvents(tx: Tx, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(
    (e) =>
      sql`(${e.municipalityCode}, ${e.type}, ${e.occurredOn}::date, ${e.subjectRef}, ${e.law ?? null}, ${e.teamId ?? null}::uuid, ${JSON.stringify(e.data ?? {})}::jsonb)`,
  );
  await sql`insert into domain_events (municipality_code, type, occurred_on, subject_ref, law, team_id, data) values ${sql.join(rows)}`.execute(tx);
}

/**
 * Appends the events a query selects, set-based, in the caller's transaction: for a module that
 * derives many events from its own rows (the exchange, per invoice line). The query selects, in
 * this order: municipality_code, type, occurred_on, subject_ref, law, team_id, data.
 */
export async function appendDomainEventsSelected(tx: Tx, select: RawBuilder<unknown>): Promise<void> {
  await sql`insert into domain_events (municipality_code, type, occurred_on, subject_ref, law, team_id, data) ${select}`.execute(tx);
}

/**
 * The pseudonym of a client in domain events: a random uuid per resident and municipality
 * (table subject_pseudonyms), never a hash of the BSN, which could be reversed by trying every
 * nine-digit number. Lets insight follow one client across modules without seeing who it is.
 */
export async function clientPseudonym(tx: Tx, municipalityCode: string, bsn: string): Promise<string> {
  await sql`insert into subject_pseudonyms (municipality_code, subject_bsn, ref) values (${municipalityCode}, ${bsn}, ${randomUUID()}::uuid)
    on conflict (municipality_code, subject_bsn) do nothing`.execute(tx);
  const r = await sql<{ ref: string }>`select ref from subject_pseudonyms where municipality_code = ${municipalityCode} and subject_bsn = ${bsn}`.execute(tx);
  const ref = r.rows[0]?.ref;
  if (!ref) throw new Error('subject pseudonym missing after insert');
  return ref;
}

/** clientPseudonym for many residents at once: one statement each way. */
export async function clientPseudonyms(tx: Tx, municipalityCode: string, bsns: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(bsns)];
  if (unique.length === 0) return new Map();
  await sql`insert into subject_pseudonyms (municipality_code, subject_bsn, ref)
    select ${municipalityCode}, b, gen_random_uuid() from unnest(${unique}::text[]) b
    on conflict (municipality_code, subject_bsn) do nothing`.execute(tx);
  const r = await sql<{ subject_bsn: string; ref: string }>`select subject_bsn, ref from subject_pseudonyms
    where municipality_code = ${municipalityCode} and subject_bsn = any(${unique}::char(9)[])`.execute(tx);
  return new Map(r.rows.map((x) => [x.subject_bsn, x.ref]));
}
