import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { DomainError, invalidInput, notFound } from '@kern/kit';
import { definitionOf, validateStepMapping } from '@kern/workflows';
import type { z } from 'zod';
import { appendCaseEvent, findCase, updateCaseStep } from './cases.repository';
import { stateOf } from './advance-case';
import type { caseMigrationInputSchema } from './contract';

/**
 * A running case never changes process silently: it moves to another version of its werkwijze
 * only by an administrator, with a mapping that covers every step the case has been on.
 */
export async function migrateCaseVersion(services: AccessServices, tx: Tx, ctx: AccessContext, caseId: string, input: z.infer<typeof caseMigrationInputSchema>): Promise<{ werkwijzeVersion: number; stepId: string }> {
  await authorize(services, tx, ctx, { resource: 'werkwijze', action: 'update', detail: `migrate case ${caseId} to v${input.toVersion}` });
  const row = await findCase(tx, caseId);
  if (!row) throw notFound({ nl: 'Deze zaak bestaat niet.', en: 'This case does not exist.' });
  if (row.status === 'closed') throw new DomainError('conflict', { nl: 'Een afgesloten zaak wordt niet gemigreerd.', en: 'A closed case is not migrated.' });
  const from = await definitionOf(tx, row.werkwijzeId, row.werkwijzeVersion);
  const to = await definitionOf(tx, row.werkwijzeId, input.toVersion);
  if (!from || !to) throw notFound({ nl: `Versie ${input.toVersion} van ${row.werkwijzeId} bestaat niet.`, en: `Version ${input.toVersion} of ${row.werkwijzeId} does not exist.` });
  const state = await stateOf(tx, row);
  const inUse = [...new Set([...state.history.map((h) => h.stepId), row.stepId])];
  const errors = validateStepMapping(from, to, input.mapping, inUse);
  if (errors.length > 0) {
    throw invalidInput(
      { nl: 'De stappen-mapping is onvolledig of ongeldig; de zaak blijft op haar versie.', en: 'The step mapping is incomplete or invalid; the case stays on its version.' },
      errors.map((e) => ({ name: `mapping.${e.step ?? ''}`, reason: e.message })),
    );
  }
  const newStep = input.mapping[row.stepId];
  const step = to.steps.find((s) => s.id === newStep);
  if (!newStep || !step) throw new Error('validated mapping lost the current step');
  const now = services.clock.now();
  await updateCaseStep(tx, { id: row.id, stepId: step.id, phase: step.phase, fields: row.fields, status: 'open', closedAt: null, werkwijzeVersion: input.toVersion });
  await appendCaseEvent(tx, row.municipalityCode, row.id, {
    at: now.toISOString(), actorId: ctx.actor.id, kind: 'migrated', fromStep: row.stepId, toStep: step.id,
    detail: { fromVersion: row.werkwijzeVersion, toVersion: input.toVersion, mapping: input.mapping },
  });
  return { werkwijzeVersion: input.toVersion, stepId: step.id };
}
