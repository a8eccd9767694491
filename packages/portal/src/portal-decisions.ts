import { categoryNames } from '@kern/catalogue';
import { caseFilesOfResident, type CaseFile } from '@kern/cases';
import { isoDay, type Tx } from '@kern/db';
import { findTeamNames } from '@kern/identity';
import { allocationsForClient, decisionsForPerson, frequencies, standardOfLaw, unitLabels, type Decision } from '@kern/provisions';
import { authorizeForPerson } from './citizen-access';
import type { PortalServices, ResolvedCitizenSession } from './citizen-session';
import { citizenStatusOf } from './citizen-status';
import type { PortalDecision, PortalObjection } from './contract';
import { definition, termText } from './portal-cases';
import { findObjectionsOfSubject, type ObjectionSummary } from './portal-objections.repository';

/** The Awb 7:10 terms an objection case runs; the first one open is the objection's decision term. */
const OBJECTION_DECISION_TERMS: readonly string[] = ['awb-beslissing-bezwaar', 'awb-beslissing-bezwaar-commissie'];

async function objectionOf(tx: Tx, o: ObjectionSummary, file: CaseFile | undefined, teams: Map<string, string>): Promise<PortalObjection> {
  const term = file?.deadlines.find((d) => OBJECTION_DECISION_TERMS.includes(d.termId));
  return {
    id: o.id, kind: o.kind, lodgedOn: o.lodgedOn, late: o.late, lateReason: o.lateReason, attachmentName: o.attachmentName,
    caseReference: file?.row.reference ?? '',
    status: file ? citizenStatusOf(file.row, await definition(tx, file.row), file.deadlines, file.row.teamId ? (teams.get(file.row.teamId) ?? null) : null) : null,
    decisionDue: term && !term.metDate ? term.dueDate : null,
    decisionDueExplanation: termText(term?.termId ?? 'awb-beslissing-bezwaar'),
  };
}

/**
 * A person's decisions in words: the categories by their Dutch names, the provider once
 * allocated, the objection term as recorded with the decision (Awb 6:7 and 6:8 on the statutory
 * calendar), and the objections lodged with their own case's status. No access check: the caller
 * decided and audits.
 */
export async function decisionsOfPerson(tx: Tx, bsn: string, today: string): Promise<PortalDecision[]> {
  const decisions = await decisionsForPerson(tx, bsn);
  if (decisions.length === 0) return [];
  const [allocations, objections, files] = await Promise.all([allocationsForClient(tx, bsn), findObjectionsOfSubject(tx, bsn), caseFilesOfResident(tx, bsn)]);
  const teams = await findTeamNames(tx, [...new Set(files.map((f) => f.row.teamId).filter((t): t is string => t !== null))]);
  const names = new Map<string, Map<string, string>>();
  for (const law of ['wmo', 'jeugdwet'] as const) {
    const codes = decisions.filter((d) => d.law === law).flatMap((d) => d.provisions.map((p) => p.category));
    names.set(law, await categoryNames(tx, standardOfLaw(law), [...new Set(codes)]));
  }
  const result: PortalDecision[] = [];
  for (const d of decisions) {
    const provisions = d.provisions.map((p) => {
      const allocated = allocations.find((a) => a.grantedProvisionId === p.id && a.status !== 'withdrawn');
      return {
        what: names.get(d.law)?.get(p.category) ?? `Productcategorie ${p.category}`,
        form: p.form, volume: p.volume,
        unit: p.unit ? (unitLabels[p.unit as keyof typeof unitLabels] ?? null) : null,
        frequency: p.frequency ? (frequencies[p.frequency as keyof typeof frequencies] ?? null) : null,
        budgetCents: p.budgetCents, validFrom: p.validFrom, validTo: p.validTo,
        provider: allocated?.providerName ?? null,
      };
    });
    const mine = objections.filter((o) => o.decisionId === d.id);
    result.push({
      id: d.id, reference: d.reference, caseReference: files.find((f) => f.row.id === d.caseId)?.row.reference ?? d.reference,
      law: d.law, outcome: d.outcome, decidedOn: d.decidedOn, reasons: d.reasons, provisions,
      objection: { until: d.objectionUntil, explanation: termText('awb-bezwaar'), inTime: today <= d.objectionUntil },
      objections: await Promise.all(mine.map((o) => objectionOf(tx, o, files.find((f) => f.row.id === o.objectionCaseId), teams))),
    });
  }
  return result;
}

export async function readMyDecisions(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, requestId?: string): Promise<{ decisions: PortalDecision[] }> {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-case', action: 'read', detail: 'my decisions' }, requestId);
  return { decisions: await decisionsOfPerson(tx, person.bsn, isoDay(services.clock.now())) };
}

/** The decision of the person with this id, or undefined (someone else's decision is not there). */
export async function decisionOfPerson(tx: Tx, bsn: string, decisionId: string): Promise<Decision | undefined> {
  return (await decisionsForPerson(tx, bsn)).find((d) => d.id === decisionId);
}
