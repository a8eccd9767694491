import type { DataCategory } from '@kern/access';
import { findSignals } from './household-signals.repository';
import type { SectionSource } from './section-source';

/** The household view's own section: education (leerplicht, passend onderwijs) and housing signals recorded by staff. */
export const signalsSectionSource: SectionSource = {
  kind: 'signals',
  categories: ['education', 'housing'],
  async load(grant) {
    const rows = await findSignals(grant.tx, [...grant.members.keys()]);
    return rows
      .filter((s) => grant.members.get(s.subjectBsn)?.includes(s.category as DataCategory))
      .map((s) => ({
        id: s.id,
        memberBsn: s.subjectBsn,
        category: s.category,
        title: s.kind,
        status: s.closedOn ? ('closed' as const) : ('open' as const),
        since: s.observedOn,
        until: s.closedOn,
        detail: s.summary,
        at: s.teamName ? { team: s.teamName, contact: s.recordedByName ?? s.teamName } : null,
        href: null,
        events: [{ date: s.observedOn, event: 'observed' as const, label: s.kind }, ...(s.closedOn ? [{ date: s.closedOn, event: 'closed' as const, label: s.kind }] : [])],
      }));
  },
};
