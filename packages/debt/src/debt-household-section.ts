import type { SectionGrant } from '@kern/access';
import type { SectionSourceFor, SourcedItem } from '@kern/household/contract';
import { debtHouseholdSection } from './household-section';

const euro = (cents: number) => `EUR ${(cents / 100).toFixed(2)}`;

/**
 * Running debt-help trajectories (@kern/debt) of the members asked for under the Wgs category:
 * the file, its debts in total and the agreed solution. The view turns this into a signal
 * ("a trajectory is running at team X; contact Y") where the policy allows no more.
 */
export const debtSectionSource: SectionSourceFor<SectionGrant> = {
  kind: 'debt',
  categories: ['wgs'],
  async load(grant) {
    const members = [...grant.members].filter(([, cats]) => cats.includes('wgs')).map(([bsn]) => bsn);
    if (members.length === 0) return [];
    const section = await debtHouseholdSection(grant.tx, members, 'full');
    return (section.full ?? [])
      .filter((f) => members.includes(f.memberBsn))
      .map((f): SourcedItem => ({
        id: f.debtFileId,
        memberBsn: f.memberBsn,
        category: 'wgs',
        title: f.reference,
        status: 'open',
        since: f.requestDate,
        until: null,
        detail: [
          `${f.status}; ${f.totals.count} debts, claimed ${euro(f.totals.claimedCents)}, verified ${euro(f.totals.verifiedCents)}`,
          ...(f.solution ? [`solution ${f.solution.kind} (${f.solution.status}, ${f.solution.termMonths} months)`] : []),
        ].join('; '),
        at: { team: f.teamName, contact: f.contact },
        href: `/schuldhulp/dossiers/${f.debtFileId}`,
        events: [{ date: f.requestDate, event: 'opened', label: f.reference }],
      }));
  },
};
