import { authorize, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import { loadCaseFor } from '@kern/cases';
import type { Tx } from '@kern/db';
import { DomainError, notFound } from '@kern/kit';
import { findDecision, findDecisionsOfCase, findDecisionsOfSubjects } from './decisions.repository';
import type { Decision } from '../contract/decisions.schema';

// Reads for other modules (portal, household view, exchange): no access check of their own; the
// caller has decided access and audits what it shows. Names are stable (see index.ts).

/** Every decision about a resident in the transaction's municipality, newest first, with its provisions. */
export function decisionsForPerson(tx: Tx, bsn: string): Promise<Decision[]> {
  return findDecisionsOfSubjects(tx, [bsn]);
}

/** The decisions about several residents at once (the household view), newest first. */
export function decisionsForPeople(tx: Tx, bsns: readonly string[]): Promise<Decision[]> {
  return findDecisionsOfSubjects(tx, bsns);
}

/** The decisions recorded on one case, oldest first. */
export function decisionsForCase(tx: Tx, caseId: string): Promise<Decision[]> {
  return findDecisionsOfCase(tx, caseId);
}

// Use cases behind the HTTP routes: access decided and audited in the caller's transaction.

const decisionNotFound = () => notFound({ nl: 'Deze beschikking bestaat niet.', en: 'This decision does not exist.' });

/** The decisions on a case, for whoever may read the case under its law. */
export async function readCaseDecisions(services: AccessServices, tx: Tx, ctx: AccessContext, caseId: string): Promise<Decision[]> {
  const { row } = await loadCaseFor(services, tx, ctx, caseId, 'read');
  await authorize(services, tx, ctx, { resource: 'decision', action: 'read', subjectBsn: row.subjectBsn, detail: `decisions on case ${row.reference}` });
  return findDecisionsOfCase(tx, caseId);
}

/** One decision; under another law than the actor's purpose it is refused (doelbinding). */
export async function readDecision(services: AccessServices, tx: Tx, ctx: AccessContext, id: string): Promise<Decision> {
  const purpose = requirePurpose(ctx);
  const d = await findDecision(tx, id);
  if (!d) throw decisionNotFound();
  // Access first: who may not see this resident learns nothing about the law it falls under (and the denial is audited).
  await authorize(services, tx, ctx, { resource: 'decision', action: 'read', subjectBsn: d.subjectBsn, detail: `decision ${d.reference}` });
  if (d.law !== purpose) {
    throw new DomainError('forbidden', { nl: `Deze beschikking valt onder de ${d.law}; werk onder dat doel om haar te openen.`, en: `This decision falls under the ${d.law}; work under that purpose to open it.` });
  }
  return d;
}

/** A resident's decisions under the actor's purpose (the law), newest first. */
export async function listResidentDecisions(services: AccessServices, tx: Tx, ctx: AccessContext, bsn: string): Promise<Decision[]> {
  const purpose = requirePurpose(ctx);
  await authorize(services, tx, ctx, { resource: 'decision', action: 'read', subjectBsn: bsn, detail: 'decisions of a resident' });
  const all = await findDecisionsOfSubjects(tx, [bsn]);
  return all.filter((d) => d.law === purpose);
}
