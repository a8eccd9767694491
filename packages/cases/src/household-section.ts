import type { DataCategory, SectionGrant } from '@kern/access';
import type { SectionSourceFor, SourcedItem } from '@kern/household/contract';
import { findCasesOfMembers } from './cases.repository';

/**
 * The household view's cases section: per law, open and closed, where the member is the case's
 * subject. An integral case (one front door) is Wmo work until it routes onward (Wmo 2015
 * art. 2.3.2), so it shows under Wmo. Reads only the members and laws the caller's grant names.
 */
const categoryOf = (purpose: string): DataCategory => (purpose === 'integraal' ? 'wmo' : (purpose as DataCategory));
const purposesOf = (c: DataCategory): string[] => (c === 'wmo' ? ['wmo', 'integraal'] : [c]);

export const casesSectionSource: SectionSourceFor<SectionGrant> = {
  kind: 'cases',
  categories: ['wmo', 'jeugdwet', 'participatiewet', 'wgs'],
  async load(grant) {
    const pairs = [...grant.members].flatMap(([bsn, cats]) => cats.flatMap((c) => purposesOf(c).map((p) => `${bsn}:${p}`)));
    if (pairs.length === 0) return [];
    const rows = await findCasesOfMembers(grant.tx, { municipalityCode: grant.municipalityCode, bsns: [...grant.members.keys()], pairs });
    return rows.map((c): SourcedItem => ({
      id: c.id,
      memberBsn: c.subjectBsn,
      category: categoryOf(c.purpose),
      title: `${c.reference} ${c.caseTypeId}`,
      status: c.status,
      since: c.meldingDate,
      until: c.closedOn,
      detail: `${c.phase}: ${c.stepId}`,
      at: c.teamName ? { team: c.teamName, contact: c.contact ?? c.teamName } : null,
      href: `/cases/${c.id}`,
      events: [
        { date: c.meldingDate, event: 'opened' as const, label: `${c.reference} (${c.caseTypeId})` },
        ...(c.closedOn ? [{ date: c.closedOn, event: 'closed' as const, label: c.reference }] : []),
      ],
    }));
  },
};
