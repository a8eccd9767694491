import type { SectionGrant } from '@kern/access';
import type { SectionSourceFor, SourcedItem } from '@kern/household/contract';
import { provisionsOfPeople, type MemberProvisions } from './household-read';

const euro = (cents: number) => `EUR ${(cents / 100).toFixed(2)}`;
const unitNames: Record<string, string> = { '01': 'min', '04': 'uur', '14': 'etmaal', '16': 'dagdeel', '82': 'stuks', '83': 'euro', '84': 'stuks' };
const frequencyNames: Record<string, string> = { '1': 'per dag', '2': 'per week', '4': 'per maand', '6': 'totaal' };

function describe(m: MemberProvisions): string {
  const d = m.decision;
  const provisions = d.provisions.map((p) => {
    const size = p.volume !== null ? `${p.volume} ${unitNames[p.unit ?? ''] ?? p.unit ?? ''} ${frequencyNames[p.frequency ?? ''] ?? ''}`.trim() : p.budgetCents !== null ? `budget ${euro(p.budgetCents)}` : 'aspecifiek';
    const allocated = m.allocations.filter((a) => a.grantedProvisionId === p.id)
      .map((a) => `toewijzing ${a.toewijzingNummer} bij ${a.providerName} (${a.status}${a.endingReason ? `, reden ${a.endingReason}` : ''})`);
    return [`${p.form} categorie ${p.category}${p.productCode ? ` product ${p.productCode}` : ''}, ${p.form === 'pgb' && p.pgbAmountCents !== null ? `pgb ${euro(p.pgbAmountCents)}` : size}, ${p.validFrom} t/m ${p.validTo ?? 'onbepaald'}`, ...allocated].join('; ');
  });
  return [`${d.outcome}; bezwaar tot ${d.objectionUntil}`, ...provisions].join(' | ');
}

/**
 * Decisions (beschikkingen) per member and law with their granted provisions and allocations
 * (@kern/provisions). A decision counts as running while one of its provisions does; a refusal is
 * closed at once. The view turns this into "a provision is running at team X" where the policy
 * allows no more.
 */
export const provisionsSectionSource: SectionSourceFor<SectionGrant> = {
  kind: 'provisions',
  categories: ['wmo', 'jeugdwet'],
  async load(grant) {
    const members = [...grant.members].filter(([, cats]) => cats.includes('wmo') || cats.includes('jeugdwet')).map(([bsn]) => bsn);
    if (members.length === 0) return [];
    return (await provisionsOfPeople(grant.tx, members)).map((m): SourcedItem => {
      const d = m.decision;
      const ends = d.provisions.map((p) => p.validTo);
      const until = d.provisions.length === 0 ? d.decidedOn : ends.includes(null) ? null : ends.reduce<string>((a, b) => (b !== null && b > a ? b : a), d.decidedOn);
      const running = until === null || until >= grant.today;
      return {
        id: d.id,
        memberBsn: d.subjectBsn,
        category: d.law,
        title: `${d.reference} beschikking`,
        status: running && d.outcome !== 'refused' ? 'open' : 'closed',
        since: d.decidedOn,
        until,
        detail: describe(m),
        at: m.at,
        href: `/residents/${d.subjectBsn}/toewijzingen`,
        events: [
          { date: d.decidedOn, event: 'opened' as const, label: `${d.reference} (${d.outcome})` },
          ...(until !== null && until < grant.today ? [{ date: until, event: 'ended' as const, label: d.reference }] : []),
        ],
      };
    });
  },
};
