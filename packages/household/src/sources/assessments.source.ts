import { assessmentSection } from '@kern/assessments';
import type { SectionSource, SourcedItem } from '../section-source';

/** Assessments over time (@kern/assessments): per member one item per instrument, its latest scores. */
export const assessmentsSource: SectionSource = {
  kind: 'assessments',
  categories: ['assessment'],
  async load(tx, q) {
    const histories = await assessmentSection(tx, [...q.wanted.keys()]);
    return histories.flatMap((h) =>
      h.byInstrument.flatMap(({ instrumentId, assessments }): SourcedItem[] => {
        const first = assessments[0];
        const last = assessments[assessments.length - 1];
        if (!first || !last) return [];
        return [{
          id: `${h.subjectBsn}:${instrumentId}`,
          memberBsn: h.subjectBsn,
          category: 'assessment',
          title: instrumentId,
          status: 'open',
          since: first.assessedOn,
          until: null,
          detail: `${last.assessedOn}: ${Object.entries(last.scores).map(([d, s]) => `${d} ${s}`).join(', ')}`,
          at: null,
          href: `/residents/${encodeURIComponent(h.subjectBsn)}/plan`,
          events: assessments.map((a) => ({ date: a.assessedOn, event: 'assessed' as const, label: instrumentId })),
        }];
      }),
    );
  },
};
