import { isoDay, sql, type Tx } from '@kern/db';
import { staffNames } from '@kern/identity';
import type { SignalKind } from './contract';

export interface SignalRow {
  id: string;
  subjectBsn: string;
  category: 'education' | 'housing';
  kind: SignalKind;
  summary: string;
  observedOn: string;
  closedOn: string | null;
  teamName: string | null;
  recordedByName: string | null;
}

export async function insertSignal(
  tx: Tx,
  s: { id: string; municipalityCode: string; subjectBsn: string; category: 'education' | 'housing'; kind: SignalKind; summary: string; observedOn: string; teamId: string | null; recordedBy: string; recordedAt: string },
): Promise<void> {
  await sql`insert into household_signals (id, municipality_code, subject_bsn, category, kind, summary, observed_on, team_id, recorded_by, recorded_at)
    values (${s.id}, ${s.municipalityCode}, ${s.subjectBsn}, ${s.category}, ${s.kind}, ${s.summary}, ${s.observedOn}, ${s.teamId}, ${s.recordedBy}, ${s.recordedAt})`.execute(tx);
}

export async function findSignals(tx: Tx, bsns: string[]): Promise<SignalRow[]> {
  if (bsns.length === 0) return [];
  const r = await sql<{
    id: string; subject_bsn: string; category: 'education' | 'housing'; kind: SignalKind; summary: string; observed_on: string | Date; closed_on: string | Date | null;
    team_id: string | null; recorded_by: string | null;
  }>`
    select s.id, s.subject_bsn, s.category, s.kind, s.summary, s.observed_on, s.closed_on, s.team_id, s.recorded_by
    from household_signals s
    where s.subject_bsn = any(${bsns}::char(9)[]) order by s.observed_on desc, s.id`.execute(tx);
  // Team and staff names from identity's staff directory, not its tables.
  const names = await staffNames(tx, { teams: r.rows.map((s) => s.team_id), staff: r.rows.map((s) => s.recorded_by) });
  return r.rows.map((s) => ({
    id: s.id,
    subjectBsn: s.subject_bsn,
    category: s.category,
    kind: s.kind,
    summary: s.summary,
    observedOn: isoDay(s.observed_on),
    closedOn: isoDay(s.closed_on),
    teamName: (s.team_id ? names.teams.get(s.team_id) : undefined) ?? null,
    recordedByName: (s.recorded_by ? names.staff.get(s.recorded_by) : undefined) ?? null,
  }));
}
