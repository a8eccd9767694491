import type { DataCategory } from '@kern/access';
import type { SectionSource } from '../section-source';
import { findSignals } from '../household-signals.repository';

/** Education (leerplicht, passend onderwijs) and housing signals recorded by staff. */
export const signalsSource: SectionSource = {
  kind: 'signals',
  categories: ['education', 'housing'],
  async load(tx, q) {
    const rows = await findSignals(tx, [...q.wanted.keys()]);
    return rows
      .filter((s) => q.wanted.get(s.subjectBsn)?.includes(s.category as DataCategory))
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
