import type { SectionGrant } from '@kern/access';
import type { SectionSourceFor, SourcedItem } from '@kern/household/contract';
import { planSection } from './plan-section';

/**
 * The household's plan (@kern/plans), shown for each member it covers: the version in force, the
 * goals about that member or the household as a whole. As a signal: that a plan runs and who
 * coordinates it.
 */
export const planSectionSource: SectionSourceFor<SectionGrant> = {
  kind: 'plan',
  categories: ['plan'],
  async load(grant) {
    const entries = await planSection(grant.tx, [...grant.members.keys()]);
    return entries.flatMap(({ memberBsns, plan }) => {
      const inForce = plan.versions.find((v) => v.version === plan.agreedVersion) ?? plan.versions.find((v) => v.version === plan.draftVersion);
      return memberBsns.map((bsn): SourcedItem => {
        const goals = inForce?.content.goals.filter((g) => g.memberBsn === null || g.memberBsn === bsn) ?? [];
        return {
          id: `${plan.id}:${bsn}`,
          memberBsn: bsn,
          category: 'plan',
          title: plan.agreedVersion !== null ? `plan v${plan.agreedVersion} (agreed)` : `plan v${plan.draftVersion ?? 1} (draft)`,
          status: plan.status,
          since: plan.createdAt.slice(0, 10),
          until: null,
          detail: goals.map((g) => `${g.domain}: ${g.text}`).join('; ') || null,
          at: { team: 'regie', contact: plan.coordinator.name },
          // The plan page shows the plan, the assessments with their charts and the offerings together.
          href: `/residents/${encodeURIComponent(bsn)}/plan`,
          events: [
            { date: plan.createdAt.slice(0, 10), event: 'opened' as const, label: 'plan' },
            ...plan.versions.filter((v) => v.agreedAt).map((v) => ({ date: (v.agreedAt ?? '').slice(0, 10), event: 'agreed' as const, label: `v${v.version}` })),
          ],
        };
      });
    });
  },
};
