import type { SectionGrant } from '@kern/access';
import type { SectionSourceFor } from '@kern/household/contract';
import { offeringSection } from './enrol';

/** Group and general offerings a member is enrolled in (@kern/offerings), with attendance. */
export const offeringsSectionSource: SectionSourceFor<SectionGrant> = {
  kind: 'offerings',
  categories: ['offering'],
  async load(grant) {
    const enrolments = await offeringSection(grant.tx, [...grant.members.keys()]);
    return enrolments.map((e) => ({
      id: e.id,
      memberBsn: e.subjectBsn,
      category: 'offering' as const,
      title: e.offeringName,
      status: e.status === 'enrolled' ? ('open' as const) : ('closed' as const),
      since: e.enrolledOn,
      until: e.endedOn,
      detail: e.attendance.length > 0 ? `attended ${e.attendance.filter((a) => a.present).length} of ${e.attendance.length} sessions` : null,
      at: null,
      href: `/residents/${encodeURIComponent(e.subjectBsn)}/plan`,
      events: [{ date: e.enrolledOn, event: 'enrolled' as const, label: e.offeringName }, ...(e.endedOn ? [{ date: e.endedOn, event: 'ended' as const, label: e.offeringName }] : [])],
    }));
  },
};
