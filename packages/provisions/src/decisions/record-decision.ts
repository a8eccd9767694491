import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import { categoriesValidOn } from '@kern/catalogue';
import { advanceCase, currentStepEnteredAt, loadCaseFor, stateOf } from '@kern/cases';
import { appendDomainEvents, clientPseudonym, isoDay, type Tx } from '@kern/db';
import { DomainError, invalidInput, newId, type InvalidParam } from '@kern/kit';
import { availableTransitions, computeDeadline } from '@kern/workflows';
import { countDecisionsOfCase, findDecision, insertDecision, type NewProvision } from './decisions.repository';
import { recordDecisionInputSchema, recordDecisionOutputSchema, type Decision, type RecordDecisionInput } from '../contract/decisions.schema';
import { standardOfLaw, validateVariant, type Law } from './variant';

/** Awb art. 6:7 and 6:8: six weeks to object from the day after the decision was sent; Atw applies. */
export function objectionUntil(decidedOn: string): string {
  return computeDeadline({ termId: 'awb-bezwaar', start: decidedOn }).due;
}

/** A seam for the module that writes the letter (@kern/letters), called in the decision's transaction. */
export type DecisionRecorded = (tx: Tx, ctx: AccessContext, decision: Decision) => Promise<unknown>;

/**
 * Records the beschikking on a case that stands on its werkwijze's besluit step: the outcome, the
 * reasons as the citizen reads them, the objection term and the provisions granted (zin or pgb),
 * each checked against its law and the allocation variants. Who may decide is what the case says
 * (the step's roles, segregation of duties, mandates per category) and the policy for `decision`.
 * With `transition` the case takes its next step in the same transaction.
 */
export async function recordDecision(services: AccessServices & { decisionRecorded?: DecisionRecorded }, tx: Tx, ctx: AccessContext, caseId: string, raw: RecordDecisionInput) {
  const input = recordDecisionInputSchema.parse(raw);
  const { row, werkwijze } = await loadCaseFor(services, tx, ctx, caseId, 'step');
  const step = werkwijze.steps.find((s) => s.id === row.stepId);
  if (row.status === 'closed' || !step?.decision) {
    throw new DomainError('conflict', {
      nl: 'Deze zaak staat niet bij een besluitstap; een beschikking wordt vastgelegd bij de besluitstap van de werkwijze.',
      en: 'This case is not at a decision step; a decision is recorded at the werkwijze\'s decision step.',
    });
  }
  if (row.purpose !== 'wmo' && row.purpose !== 'jeugdwet') {
    throw new DomainError('conflict', {
      nl: 'Alleen Wmo- en Jeugdwetzaken krijgen hier een beschikking met voorzieningen.',
      en: 'Only Wmo and Jeugdwet cases get a decision with provisions here.',
    });
  }
  const law: Law = row.purpose;
  // The werkwijze says who may act on this step: someone who may take none of its transitions may not decide either.
  const state = await stateOf(tx, row);
  const options = availableTransitions(werkwijze, state, { id: ctx.actor.id, roles: ctx.actor.roles });
  if (!options.some((o) => o.allowed)) {
    throw new DomainError('forbidden', options[0]?.message ?? { nl: 'U mag bij deze stap niet besluiten.', en: 'You may not decide at this step.' });
  }
  await authorize(services, tx, ctx, { resource: 'decision', action: 'create', subjectBsn: row.subjectBsn, detail: `decision on case ${row.reference}` });

  const today = isoDay(services.clock.now());
  const decidedOn = input.decidedOn ?? today;
  const problems: InvalidParam[] = [];
  const messages: { nl: string; en: string }[] = [];
  const refuse = (name: string, nl: string, en: string) => {
    problems.push({ name, reason: en });
    messages.push({ nl, en });
  };
  if (decidedOn > today) refuse('decidedOn', 'Een besluit kan niet in de toekomst genomen zijn.', 'A decision cannot be taken in the future.');
  if (decidedOn < row.meldingDate) refuse('decidedOn', 'Een besluit kan niet voor de melding genomen zijn.', 'A decision cannot be taken before the melding.');
  if (input.outcome === 'refused' && input.provisions.length > 0) refuse('provisions', 'Een afwijzing kent geen voorzieningen toe.', 'A refusal grants no provisions.');
  if (input.outcome !== 'refused' && input.provisions.length === 0) refuse('provisions', 'Een (gedeeltelijke) toekenning noemt de voorzieningen die worden toegekend.', 'A (partial) grant names the provisions granted.');
  const standard = standardOfLaw(law);
  for (const [i, p] of input.provisions.entries()) {
    const v = validateVariant(law, p, `provisions[${i}]`);
    if (!v.ok) for (const pr of v.problems) refuse(pr.name, pr.message.nl, pr.message.en);
    if (p.form === 'pgb' && (p.pgbAmountCents === null || p.pgbAmountCents === undefined)) {
      refuse(`provisions[${i}].pgbAmountCents`, 'Bij een pgb hoort het budget dat de cliënt krijgt.', 'A pgb needs the budget the client receives.');
    }
    if (p.form === 'zin' && p.pgbAmountCents !== null && p.pgbAmountCents !== undefined) {
      refuse(`provisions[${i}].pgbAmountCents`, 'Zorg in natura heeft geen pgb-bedrag.', 'Care in kind has no pgb amount.');
    }
    if (v.ok && !(await categoriesValidOn(tx, standard, p.validFrom)).has(p.category)) {
      refuse(`provisions[${i}].category`, `Productcategorie ${p.category} staat niet (geldig) in de productcatalogus.`, `Product category ${p.category} is not (validly) in the product catalogue.`);
    }
  }
  if (problems.length > 0) {
    throw invalidInput({ nl: messages.map((m) => m.nl).join(' '), en: messages.map((m) => m.en).join(' ') }, problems);
  }

  // Mandates bind a decision step to the categories a role may decide on.
  const categories = [...new Set(input.provisions.map((p) => p.category))].sort();
  const mandates = werkwijze.mandates.filter((m) => m.step === step.id);
  if (mandates.length > 0 && categories.length > 0) {
    const held = new Set(mandates.filter((m) => ctx.actor.roles.includes(m.role)).flatMap((m) => m.categories));
    const outside = categories.filter((c) => !held.has(c));
    if (outside.length > 0) {
      throw new DomainError('forbidden', { nl: `U heeft geen mandaat voor productcategorie ${outside.join(', ')}.`, en: `You hold no mandate for provision category ${outside.join(', ')}.` });
    }
  }

  // One decision per visit to the decision step: a second one needs the case to come back here.
  const enteredAt = await currentStepEnteredAt(tx, row);
  const earlier = await countDecisionsOfCase(tx, row.id);
  if (earlier.lastCreatedAt !== null && new Date(earlier.lastCreatedAt) >= new Date(enteredAt)) {
    throw new DomainError('conflict', { nl: 'Bij deze besluitstap is al een beschikking vastgelegd.', en: 'A decision has already been recorded at this decision step.' });
  }

  const now = services.clock.now();
  const id = newId();
  const provisions: NewProvision[] = input.provisions.map((p) => ({
    id: newId(), standard, category: p.category, productCode: p.productCode ?? null, form: p.form, volume: p.volume ?? null, unit: p.unit ?? null,
    frequency: p.frequency ?? null, budgetCents: p.budgetCents ?? null, pgbAmountCents: p.form === 'pgb' ? (p.pgbAmountCents ?? null) : null, validFrom: p.validFrom, validTo: p.validTo ?? null,
  }));
  await insertDecision(tx, {
    id, municipalityCode: row.municipalityCode, caseId: row.id, reference: `${row.reference}-B${earlier.count + 1}`, subjectBsn: row.subjectBsn, law,
    outcome: input.outcome, reasons: input.reasons, decidedOn, decidedBy: ctx.actor.id, objectionUntil: objectionUntil(decidedOn), createdAt: now.toISOString(),
  }, provisions);
  await appendDomainEvents(tx, [{
    municipalityCode: row.municipalityCode,
    type: 'provisions.decided',
    occurredOn: decidedOn,
    subjectRef: await clientPseudonym(tx, row.municipalityCode, row.subjectBsn),
    law,
    teamId: row.teamId,
    data: {
      outcome: input.outcome,
      provisions: provisions.length,
      zin: provisions.filter((p) => p.form === 'zin').length,
      pgb: provisions.filter((p) => p.form === 'pgb').length,
      categories: categories.join(','),
      daysSinceMelding: Math.round((Date.parse(decidedOn) - Date.parse(row.meldingDate)) / 86_400_000),
    },
  }]);

  let moved: { stepId: string; status: 'open' | 'closed' } | null = null;
  if (input.transition) {
    const r = await advanceCase(services, tx, ctx, row.id, {
      to: input.transition.to,
      fields: input.transition.fields,
      ...(categories.length > 0 ? { provisionCategories: categories } : {}),
    });
    moved = { stepId: r.stepId, status: r.status };
  }
  const decision = await findDecision(tx, id);
  if (!decision) throw new Error(`decision ${id} missing after insert`);
  // The beschikking letter, in the same transaction: no decision without its letter.
  await services.decisionRecorded?.(tx, ctx, decision);
  return recordDecisionOutputSchema.parse({ decision, case: moved });
}
