import { authorize, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import { closedCasesWorkedOn, readCase, type ClosedCaseRef } from '@kern/cases';
import { isoDay, sql, type Tx } from '@kern/db';
import { DomainError } from '@kern/kit';
import { storyOf, type Story } from './anonymise-story';

/** The smallest group a story may stand for: fewer matching cases and it could point at someone. */
export const LEERTAFEL_K = 5;

/** A closed case the caseworker may turn into a story (from @kern/cases: references, no resident data). */
export type LeertafelCandidate = ClosedCaseRef;

/** How many cases of this municipality share the quasi-identifiers (from domain events, no personal data). */
async function groupSize(tx: Tx, q: { law: string; caseType: string | null; year: string | null }): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from domain_events where type = 'case.started' and law = ${q.law}
    ${q.caseType ? sql`and data ->> 'caseType' = ${q.caseType}` : sql``}
    ${q.year ? sql`and extract(year from occurred_on)::int = ${Number(q.year)}` : sql``}`.execute(tx);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * A case as an anonymised story for a leertafel. The caseworker must be allowed to read the
 * case (its own audit record) and to export a story of it; the story is generalised step by step
 * (case type, then year) until at least LEERTAFEL_K cases share what it reveals, else refused.
 */
export async function exportLeertafelStory(services: AccessServices, tx: Tx, ctx: AccessContext, caseId: string): Promise<Story> {
  const detail = await readCase(services, tx, ctx, caseId);
  await authorize(services, tx, ctx, { resource: 'leertafel-story', action: 'export', subjectBsn: detail.case.subjectBsn, detail: `leertafel story of case ${detail.case.reference}` });
  const law = detail.case.purpose;
  const year = detail.case.meldingDate.slice(0, 4);
  for (const level of [{ caseType: true, year: true }, { caseType: false, year: true }, { caseType: false, year: false }]) {
    const k = await groupSize(tx, { law, caseType: level.caseType ? detail.case.caseTypeId : null, year: level.year ? year : null });
    if (k >= LEERTAFEL_K) return storyOf(detail, isoDay(services.clock.now()), { ...level, k });
  }
  throw new DomainError('conflict', {
    nl: `Deze zaak is te zeldzaam om anoniem te bespreken: minder dan ${LEERTAFEL_K} vergelijkbare zaken.`,
    en: `This case is too rare to discuss anonymously: fewer than ${LEERTAFEL_K} similar cases.`,
  });
}

/**
 * The closed cases under the current law that the caseworker, or the caseworker's teams, worked
 * on: the cases a leertafel story may be asked for. References and case types only; the story
 * itself is a read of its own, checked and audited per case.
 */
export async function listLeertafelCases(services: AccessServices, tx: Tx, ctx: AccessContext, input: { limit: number }): Promise<{ cases: LeertafelCandidate[] }> {
  const law = requirePurpose(ctx);
  await authorize(services, tx, ctx, { resource: 'leertafel-story', action: 'search', detail: `closed ${law} cases for a leertafel` });
  const cases = await closedCasesWorkedOn(tx, ctx.actor, { law, limit: input.limit });
  return { cases };
}
