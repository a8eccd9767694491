import type { AccessContext, AccessServices } from '@kern/access';
import { appendDomainEvents, isoDay, type Tx } from '@kern/db';
import { DomainError, invalidInput } from '@kern/kit';
import type { z } from 'zod';
import { updateDebtFileProcess } from './debt.repository';
import { accessDecisionInputSchema, firstConversationInputSchema, moratoriumInputSchema } from './contract/debt-process.schema';
import type { DebtFile } from './contract/debt.schema';
import { loadDebtFileFor } from './debt-file-access';
import { decisionDeadline, moratoriumLatestEnd, refusalGrounds } from './wgs-terms';

export { accessDecisionInputSchema, firstConversationInputSchema, moratoriumInputSchema } from './contract/debt-process.schema';


function parse<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw invalidInput({ nl: 'Controleer de invoer.', en: 'Check the input.' }, r.error.issues.map((i) => ({ name: i.path.join('.') || 'input', reason: i.message })));
}

function notInFuture(date: string, today: string, field: string): void {
  if (date > today) throw invalidInput({ nl: 'Deze datum ligt in de toekomst.', en: 'This date is in the future.' }, [{ name: field, reason: 'after today' }]);
}

const wrongStep = (nl: string, en: string) => new DomainError('conflict', { nl, en });

/**
 * The first conversation (Wgs art. 4): records whether it was within the term and starts the
 * decision term of art. 4a.
 */
export async function recordFirstConversation(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string, raw: z.input<typeof firstConversationInputSchema>): Promise<{ decisionDue: string; withinTerm: boolean }> {
  const input = parse(firstConversationInputSchema, raw);
  const { file } = await loadDebtFileFor(services, tx, ctx, debtFileId, 'update', 'first conversation');
  if (file.status !== 'intake') throw wrongStep('Het eerste gesprek is al vastgelegd.', 'The first conversation has already been recorded.');
  notInFuture(input.heldOn, isoDay(services.clock.now()), 'heldOn');
  if (input.heldOn < file.requestDate) throw invalidInput({ nl: 'Het eerste gesprek ligt vóór de hulpvraag.', en: 'The first conversation is before the request.' }, [{ name: 'heldOn', reason: 'before the request date' }]);
  const decision = decisionDeadline(input.heldOn, input.municipalTermWeeks);
  const withinTerm = input.heldOn <= file.firstConversationDue;
  await updateDebtFileProcess(tx, file.id, { firstConversationOn: input.heldOn, decisionDue: decision.due, status: 'assessment' });
  await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'debt.first-conversation-held', occurredOn: input.heldOn, subjectRef: file.id, law: 'wgs', teamId: file.teamId, data: { withinTerm, urgent: file.urgent, due: file.firstConversationDue } }]);
  return { decisionDue: decision.due, withinTerm };
}

/** The beschikking (Wgs art. 4a): a plan of action, or a refusal on a stated ground. */
export async function decideAccess(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string, raw: z.input<typeof accessDecisionInputSchema>): Promise<{ status: DebtFile['status']; withinTerm: boolean; ground?: { nl: string; en: string } }> {
  const input = parse(accessDecisionInputSchema, raw);
  const { file } = await loadDebtFileFor(services, tx, ctx, debtFileId, 'decide', `beschikking ${input.decision}`);
  if (file.status !== 'assessment' || !file.firstConversationOn || !file.decisionDue) throw wrongStep('Eerst het eerste gesprek, dan de beschikking.', 'First the first conversation, then the decision.');
  notInFuture(input.decidedOn, isoDay(services.clock.now()), 'decidedOn');
  if (input.decidedOn < file.firstConversationOn) throw invalidInput({ nl: 'De beschikking ligt vóór het eerste gesprek.', en: 'The decision is before the first conversation.' }, [{ name: 'decidedOn', reason: 'before the first conversation' }]);
  const withinTerm = input.decidedOn <= file.decisionDue;
  const status = input.decision === 'plan' ? 'plan' : 'refused';
  await updateDebtFileProcess(tx, file.id, { decisionOn: input.decidedOn, decision: input.decision, refusalGround: input.decision === 'refused' ? input.ground : null, status });
  await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'debt.access-decided', occurredOn: input.decidedOn, subjectRef: file.id, law: 'wgs', teamId: file.teamId, data: { decision: input.decision, withinTerm, ...(input.decision === 'refused' ? { ground: input.ground } : {}) } }]);
  return { status, withinTerm, ...(input.decision === 'refused' ? { ground: refusalGrounds[input.ground] } : {}) };
}

/** A cooling-off period or broad moratorium (Wgs art. 5, Fw 287b): at most six months. */
export async function startMoratorium(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string, raw: z.input<typeof moratoriumInputSchema>): Promise<{ latestEnd: string }> {
  const input = parse(moratoriumInputSchema, raw);
  const { file } = await loadDebtFileFor(services, tx, ctx, debtFileId, 'update', 'moratorium');
  if (file.status === 'closed' || file.status === 'refused') throw wrongStep('Dit dossier loopt niet meer.', 'This file is no longer running.');
  if (file.moratoriumFrom) throw wrongStep('Er is al een afkoelingsperiode vastgelegd.', 'A cooling-off period has already been recorded.');
  const latest = moratoriumLatestEnd(input.from);
  if (input.until < input.from || input.until > latest.due) {
    throw invalidInput({ nl: `Een afkoelingsperiode duurt ten hoogste zes maanden: uiterlijk tot en met ${latest.due}.`, en: `A cooling-off period lasts at most six months: until ${latest.due} at the latest.` }, [{ name: 'until', reason: `between from and ${latest.due}` }]);
  }
  await updateDebtFileProcess(tx, file.id, { moratoriumFrom: input.from, moratoriumUntil: input.until });
  await appendDomainEvents(tx, [{ municipalityCode: ctx.actor.municipalityCode, type: 'debt.moratorium-started', occurredOn: input.from, subjectRef: file.id, law: 'wgs', teamId: file.teamId, data: { until: input.until } }]);
  return { latestEnd: latest.due };
}
