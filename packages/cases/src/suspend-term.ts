import type { AccessContext, AccessServices } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { DomainError, invalidInput } from '@kern/kit';
import { computeDeadline, suspensionGroundSchema } from '@kern/workflows';
import type { z } from 'zod';
import { loadCaseFor } from './advance-case';
import { appendCaseEvent, findDeadlines, findDeadlineSuspensions, refreshTaskDeadline, updateDeadlineSuspensions } from './cases.repository';
import type { suspendTermInputSchema } from './contract';

/**
 * Opschorting: stops the clock of a running statutory term for a period, on a ground the law
 * gives for that term (Awb 4:15 for decision terms; agreement with the client for the Wmo
 * onderzoek; none for the Wgs conversation terms). The due date is recomputed from the start
 * with every suspension, so the explanation on the case page stays complete.
 */
export async function suspendTerm(services: AccessServices, tx: Tx, ctx: AccessContext, caseId: string, input: z.infer<typeof suspendTermInputSchema>): Promise<{ dueDate: string; suspendedDays: number }> {
  const { row } = await loadCaseFor(services, tx, ctx, caseId, 'update');
  if (row.status === 'closed') throw new DomainError('conflict', { nl: 'Deze zaak is afgesloten.', en: 'This case is closed.' });
  const deadline = (await findDeadlines(tx, row.id)).find((d) => d.termId === input.termId && d.metDate === null);
  if (!deadline) {
    throw invalidInput({ nl: `Termijn ${input.termId} loopt niet in deze zaak.`, en: `Term ${input.termId} is not running in this case.` }, [{ name: 'termId', reason: 'no running term' }]);
  }
  if (input.from > isoDay(services.clock.now())) {
    throw invalidInput({ nl: 'Een opschorting begint niet in de toekomst; leg haar vast als ze ingaat.', en: 'A suspension does not start in the future; record it when it begins.' }, [{ name: 'from', reason: 'after today' }]);
  }
  const suspensions = [...(await findDeadlineSuspensions(tx, deadline.id)), { from: input.from, to: input.to, ground: input.ground }];
  // computeDeadline refuses grounds the term does not allow, with the law's words.
  const d = computeDeadline({ termId: deadline.termId, start: deadline.startDate, suspensions: suspensions.map((s) => ({ ...s, ground: suspensionGroundSchema.parse(s.ground) })) });
  await updateDeadlineSuspensions(tx, { id: deadline.id, dueDate: d.due, suspendedDays: d.suspendedDays, explanation: d.explanation, suspensions });
  await refreshTaskDeadline(tx, row.id);
  await appendCaseEvent(tx, row.municipalityCode, row.id, {
    at: services.clock.now().toISOString(), actorId: ctx.actor.id, kind: 'suspended', fromStep: null, toStep: null,
    detail: { termId: input.termId, from: input.from, to: input.to, ground: input.ground, note: input.note, dueBefore: deadline.dueDate, dueAfter: d.due },
  });
  return { dueDate: d.due, suspendedDays: d.suspendedDays };
}
