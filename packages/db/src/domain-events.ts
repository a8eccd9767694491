import { sql } from 'kysely';
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
