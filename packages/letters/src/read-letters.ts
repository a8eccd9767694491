import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import { loadCaseFor } from '@kern/cases';
import type { Tx } from '@kern/db';
import { DomainError, notFound } from '@kern/kit';
import { authorizeForPerson, nothingHere, type PortalServices, type ResolvedCitizenSession } from '@kern/portal';
import { decisionsForCase } from '@kern/provisions';
import type { Letter } from './contract';
import { findLetter, findLetterContent, findLettersOfCase, findLettersOfSubject, type LetterRow } from './letters.repository';

const letterNotFound = () => notFound({ nl: 'Deze brief bestaat niet.', en: 'This letter does not exist.' });
const shown = ({ subjectBsn: _, ...letter }: LetterRow): Letter => letter;

/** The letters on a case: who may read the case's decisions may read its letters (audited). */
export async function readCaseLetters(services: AccessServices, tx: Tx, ctx: AccessContext, caseId: string): Promise<Letter[]> {
  const { row } = await loadCaseFor(services, tx, ctx, caseId, 'read');
  await authorize(services, tx, ctx, { resource: 'decision', action: 'read', subjectBsn: row.subjectBsn, detail: `letters on case ${row.reference}` });
  return (await findLettersOfCase(tx, caseId)).map(shown);
}

/** One letter's PDF for staff: the access decision for the resident, then doelbinding (the law of the decision). Audited as a download. */
export async function downloadLetter(services: AccessServices, tx: Tx, ctx: AccessContext, id: string): Promise<{ letter: Letter; pdf: Uint8Array }> {
  const letter = await findLetter(tx, id);
  if (!letter) throw letterNotFound();
  await authorize(services, tx, ctx, { resource: 'decision', action: 'read', subjectBsn: letter.subjectBsn, detail: `letter ${letter.id} downloaded (PDF)` });
  const decision = (await decisionsForCase(tx, letter.caseId)).find((d) => d.id === letter.decisionId);
  if (!decision) throw letterNotFound();
  if (decision.law !== ctx.purpose) {
    throw new DomainError('forbidden', { nl: 'Deze brief hoort bij een besluit onder een andere wet; werk onder dat doel om hem te openen.', en: 'This letter belongs to a decision under another law; work under that purpose to open it.' });
  }
  const pdf = await findLetterContent(tx, id);
  if (!pdf) throw letterNotFound();
  return { letter: shown(letter), pdf };
}

/** "Brieven" in the portal: the person's own letters (or those of whom the citizen acts for), audited. */
export async function listMyLetters(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, requestId?: string): Promise<Letter[]> {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-case', action: 'read', detail: 'my letters' }, requestId);
  return (await findLettersOfSubject(tx, person.bsn)).map(shown);
}

/** One letter's PDF in the portal; a letter of anyone else is "not found", as if it did not exist. */
export async function downloadMyLetter(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, id: string, requestId?: string): Promise<{ letter: Letter; pdf: Uint8Array }> {
  const person = session.people.find((p) => p.ref === ref);
  const letter = await findLetter(tx, id);
  if (!person || !letter || letter.subjectBsn !== person.bsn) throw nothingHere();
  await authorizeForPerson(services, tx, session, ref, { resource: 'portal-case', action: 'read', detail: `letter ${letter.id} downloaded (PDF)` }, requestId);
  const pdf = await findLetterContent(tx, id);
  if (!pdf) throw nothingHere();
  return { letter: shown(letter), pdf };
}
