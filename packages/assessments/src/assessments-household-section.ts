import type { SectionGrant } from '@kern/access';
import type { SectionSourceFor, SourcedItem } from '@kern/household/contract';
import { assessmentSection } from './read-assessments';

/** Assessments over time (@kern/assessments): per member one item per instrument, its latest scores. */
export const assessmentsSectionSource: SectionSourceFor<SectionGrant> = {
  kind: 'assessments',
  categories: ['assessment'],
  async load(grant) {
    const histories = await assessmentSection(grant.tx, [...grant.members.keys()]);
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
