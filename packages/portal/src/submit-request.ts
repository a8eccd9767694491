import { purposeSchema, type Purpose } from '@kern/access';
import { createCase, startTerms } from '@kern/cases';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { invalidInput } from '@kern/kit';
import { findWerkwijzeVersions, type Werkwijze } from '@kern/workflows';
import { portalContext } from './citizen-access';
import type { PortalServices, ResolvedCitizenSession } from './citizen-session';
import { casesOfPerson } from './portal-cases';
import { findDocuments, findRequestOf, markSubmitted } from './portal.repository';
import type { Topic, UrgentSituation } from './contract';
import { ownRequest, toPortalRequest } from './requests';

/** Each topic of the one front door lands under the law that covers it; housing and "other" start an integral intake. */
export const lawOfTopic: Record<Topic, Purpose> = {
  care: 'wmo',
  youth: 'jeugdwet',
  'work-income': 'participatiewet',
  debts: 'wgs',
  housing: 'integraal',
  other: 'integraal',
};

/** Wgs art. 4(2): these situations make the first conversation due within three working days. */
const WGS_URGENT: readonly UrgentSituation[] = ['eviction', 'cut-off', 'insurance-ended'];

/** The case types (and the werkwijze that holds them) the request becomes, one per law involved. */
export function lawsForRequest(topic: Topic, urgent: readonly UrgentSituation[]): Purpose[] {
  const laws = new Set<Purpose>([lawOfTopic[topic]]);
  if (urgent.some((u) => WGS_URGENT.includes(u))) laws.add('wgs');
  return [...laws];
}

/** The front door prefers the municipality's one-front-door werkwijze; otherwise any active werkwijze with a case type for the law. */
async function caseTypeFor(tx: Tx, law: Purpose): Promise<{ werkwijze: Werkwijze; version: number; caseTypeId: string } | undefined> {
  const active = (await findWerkwijzeVersions(tx)).filter((v) => v.status === 'active');
  active.sort((a, b) => Number(b.werkwijzeId === 'een-loket') - Number(a.werkwijzeId === 'een-loket'));
  for (const stored of active) {
    const w = stored.definition as Werkwijze;
    const type = w.caseTypes.find((t) => t.law === law && !t.objection);
    if (type) return { werkwijze: w, version: stored.version, caseTypeId: type.id };
  }
  return undefined;
}

/**
 * Submits a draft: it becomes a melding (one case per law involved) on the municipality's
 * werkwijze, dated today, and the statutory terms start at once. An urgent debt situation starts
 * the Wgs three-working-day term for the first conversation; a normal debt request the four-week
 * term; a Wmo melding starts the six-week onderzoek term through its werkwijze's start step.
 * All in one transaction: a refused submission leaves the draft as it was.
 */
export async function submitRequest(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, id: string, requestId?: string) {
  const row = await ownRequest(services, tx, session, id, 'update', 'submit request');
  if (row.status === 'submitted') {
    const cases = await casesOfPerson(tx, row.subjectBsn, isoDay(services.clock.now()), { decisions: false });
    return { request: toPortalRequest(session, row, await findDocuments(tx, [id])), urgent: row.urgentSituations.length > 0, cases: cases.filter((c) => row.caseReferences.includes(c.reference)).map((c) => ({ reference: c.reference, law: c.law, terms: c.terms })) };
  }
  const problems: { name: string; reason: string }[] = [];
  if (!row.topic) problems.push({ name: 'topic', reason: 'choose what your question is about' });
  if (row.description.trim().length < 3 && row.urgentSituations.length === 0) problems.push({ name: 'description', reason: 'describe your question in a few words' });
  if (!row.topic || problems.length) {
    throw invalidInput({
      nl: 'Uw aanvraag is nog niet compleet. Kies waar uw vraag over gaat en beschrijf uw vraag in een paar woorden. Wat u al invulde, is bewaard.',
      en: 'Your request is not complete yet. Choose what your question is about and describe it in a few words. What you filled in has been kept.',
    }, problems);
  }
  const now = services.clock.now();
  const today = isoDay(now);
  const urgent = row.urgentSituations;
  const debtUrgent = urgent.some((u) => WGS_URGENT.includes(u));
  const ctx = portalContext(session, requestId);
  const created: { caseId: string; reference: string; law: Purpose }[] = [];
  for (const law of lawsForRequest(row.topic, urgent)) {
    const target = await caseTypeFor(tx, law);
    if (!target) continue;
    const fields: Record<string, unknown> =
      law === 'integraal' ? { vraag: row.description.trim() || 'Spoed via het portaal' } : law === 'wgs' ? { dreigendeUitzettingOfAfsluiting: debtUrgent } : {};
    // Staff see the urgency on the case at once, whatever the law.
    if (urgent.length > 0) fields.spoedViaPortaal = [...urgent];
    const { caseId, reference } = await createCase(services, tx, { ...ctx, purpose: law }, {
      werkwijze: target.werkwijze, version: target.version, caseTypeId: target.caseTypeId, purpose: purposeSchema.parse(law),
      input: { werkwijzeId: target.werkwijze.id, caseTypeId: target.caseTypeId, subjectBsn: row.subjectBsn, householdBsns: [], meldingDate: today, fields },
      teamId: null, parentCaseId: null,
    });
    // The Wgs term runs from the request itself (art. 4), not from when staff next move the case.
    const startStep = target.werkwijze.steps.find((s) => s.id === target.werkwijze.caseTypes.find((t) => t.id === target.caseTypeId)?.start);
    const started = startStep?.deadlines?.starts ?? [];
    if (law === 'wgs') {
      const term = debtUrgent ? 'wgs-eerste-gesprek-urgent' : 'wgs-eerste-gesprek';
      if (!started.includes(term)) await startTerms(tx, session.actor.municipalityCode, caseId, [term], today);
    }
    created.push({ caseId, reference, law });
  }
  if (created.length === 0) {
    throw invalidInput({
      nl: 'De gemeente kan deze vraag nu niet via het portaal aannemen. Bel de gemeente; uw concept blijft bewaard.',
      en: 'The municipality cannot take this question through the portal right now. Please call the municipality; your draft is kept.',
    }, [{ name: 'topic', reason: 'no active werkwijze handles this law' }]);
  }
  await markSubmitted(tx, id, created.map((c) => c.caseId), created.map((c) => c.reference), now);
  await appendDomainEvents(tx, [{
    municipalityCode: session.actor.municipalityCode, type: 'portal.request-submitted', occurredOn: today, subjectRef: id, law: created[0]?.law,
    data: { topic: row.topic, urgent: urgent.length > 0, cases: created.length, representative: session.actor.bsn !== row.subjectBsn },
  }]);
  const after = await findRequestOf(tx, id, session.actor.id);
  const cases = await casesOfPerson(tx, row.subjectBsn, today, { decisions: false });
  return {
    request: toPortalRequest(session, after ?? row, await findDocuments(tx, [id])),
    urgent: urgent.length > 0,
    cases: created.map((c) => {
      const found = cases.find((x) => x.id === c.caseId);
      return { reference: c.reference, law: c.law, terms: found?.terms ?? [] };
    }),
  };
}
