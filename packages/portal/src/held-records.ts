import { listConsents } from '@kern/access';
import { assessmentSection } from '@kern/assessments';
import type { Tx } from '@kern/db';
import { debtHouseholdSection } from '@kern/debt';
import { offeringSection } from '@kern/offerings';
import { planSection } from '@kern/plans';
import { allocationsForClient, decisionsForPerson } from '@kern/provisions';
import { portalContext } from './citizen-access';
import type { PortalServices, ResolvedCitizenSession } from './citizen-session';
import type { HeldRecords } from './contract';
import { toPortalConsent } from './portal-consents';
import { toPortalPlan } from './portal-plan';
import type { SessionPerson } from './portal.repository';

/**
 * Every module's records on one person for the AVG access request (art. 15), each asked of the
 * module that owns them through its own function (no other module's table named here). The
 * caller has decided the person may see their own data and audits the export; the consents come
 * through the access module's use case, which audits its own read. The household plan is given as
 * the portal shows it (members by name, no BSNs); a debt file only if it is the person's own.
 */
export async function heldRecordsOf(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, person: SessionPerson, requestId?: string): Promise<HeldRecords> {
  const bsn = person.bsn;
  const decisions = await decisionsForPerson(tx, bsn);
  const allocations = await allocationsForClient(tx, bsn);
  const plans = await planSection(tx, [bsn]);
  const assessments = await assessmentSection(tx, [bsn]);
  const enrolments = await offeringSection(tx, [bsn]);
  const debt = await debtHouseholdSection(tx, [bsn], 'full', { includeClosed: true });
  const { consents } = await listConsents(services, tx, portalContext(session, requestId), bsn);
  return {
    decisions: decisions.filter((d) => d.subjectBsn === bsn).map(({ decidedBy: _staffId, ...d }) => d),
    allocations: allocations.filter((a) => a.subjectBsn === bsn),
    plans: plans.map((p) => toPortalPlan(p.plan, person)),
    assessments: assessments.filter((h) => h.subjectBsn === bsn).flatMap((h) => h.byInstrument.flatMap((i) => i.assessments.map(({ subjectBsn: _bsn, ...a }) => a))),
    enrolments: enrolments.filter((e) => e.subjectBsn === bsn).map(({ subjectBsn: _bsn, ...e }) => e),
    debtFiles: (debt.full ?? []).filter((f) => f.memberBsn === bsn).map((f) => ({
      reference: f.reference, status: f.status, teamName: f.teamName, contact: f.contact, requestDate: f.requestDate, debts: f.debts, solution: f.solution,
    })),
    consents: consents.map(toPortalConsent),
  };
}
