import type { DataCategory } from '@kern/access';
import { isoDay, sql } from '@kern/db';
import type { SectionSource, SourcedItem } from '../section-source';

/**
 * Cases per law, open and closed, where the member is the case's subject. An integral case (one
 * front door) is Wmo work until it routes onward (Wmo 2015 art. 2.3.2), so it shows under Wmo.
 * Reads the cases table directly for one indexed query per household; it belongs in @kern/cases
 * once that module exports a household read.
 */
const categoryOf = (purpose: string): DataCategory => (purpose === 'integraal' ? 'wmo' : (purpose as DataCategory));
const purposesOf = (c: DataCategory): string[] => (c === 'wmo' ? ['wmo', 'integraal'] : [c]);

export const casesSource: SectionSource = {
  kind: 'cases',
  categories: ['wmo', 'jeugdwet', 'participatiewet', 'wgs'],
  async load(tx, q) {
    const pairs = [...q.wanted].flatMap(([bsn, cats]) => cats.flatMap((c) => purposesOf(c).map((p) => `${bsn}:${p}`)));
    if (pairs.length === 0) return [];
    const bsns = [...q.wanted.keys()];
    const r = await sql<{
      id: string; reference: string; case_type_id: string; purpose: string; subject_bsn: string; step_id: string; phase: string; status: 'open' | 'closed';
      melding_date: string | Date; closed_at: Date | null; team_name: string | null; contact: string | null;
    }>`
      select c.id, c.reference, c.case_type_id, c.purpose, c.subject_bsn, c.step_id, c.phase, c.status, c.melding_date, c.closed_at,
        t.name as team_name, coalesce(co.display_name, op.display_name) as contact
      from cases c
      left join teams t on t.id = c.team_id
      left join staff_accounts co on co.id = c.coordinator_id
      left join staff_accounts op on op.id = c.opened_by
      where c.municipality_code = ${q.municipalityCode} and c.subject_bsn = any(${bsns}::char(9)[])
        and (c.subject_bsn || ':' || c.purpose) = any(${pairs}::text[])
      order by c.melding_date desc, c.reference`.execute(tx);
    return r.rows.map((c): SourcedItem => {
      const since = isoDay(c.melding_date);
      const until = c.closed_at ? isoDay(c.closed_at) : null;
      return {
        id: c.id,
        memberBsn: c.subject_bsn,
        category: categoryOf(c.purpose),
        title: `${c.reference} ${c.case_type_id}`,
        status: c.status,
        since,
        until,
        detail: `${c.phase}: ${c.step_id}`,
        at: c.team_name ? { team: c.team_name, contact: c.contact ?? c.team_name } : null,
        href: `/cases/${c.id}`,
        events: [
          { date: since, event: 'opened' as const, label: `${c.reference} (${c.case_type_id})` },
          ...(until ? [{ date: until, event: 'closed' as const, label: c.reference }] : []),
        ],
      };
    });
  },
};
