import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import { assignTaskInputSchema, assignTaskOutputSchema, caseDetailSchema, taskColleaguesOutputSchema, caseMigrationInputSchema, startCaseInputSchema, suspendTermInputSchema, transitionInputSchema, worklistInputSchema, worklistOutputSchema } from './cases.schema';

const idParam = z.object({ id: z.string().uuid() });
const taskParam = z.object({ taskId: z.string().uuid() });

export const casesContract = defineContract({
  startCaseFromMelding: defineRoute({
    method: 'POST', path: '/api/v1/cases', tags: ['cases'], auth: 'staff', personalData: 'writes',
    summary: 'Start a case from a melding on the active werkwijze (purpose = the case type\'s law)',
    body: startCaseInputSchema,
    responses: { 201: z.object({ caseId: z.string().uuid(), reference: z.string() }) },
  }),
  readCase: defineRoute({
    method: 'GET', path: '/api/v1/cases/:id', tags: ['cases'], auth: 'staff', personalData: 'reads',
    summary: 'A case: phases, current step, tasks, deadlines, next steps and history',
    params: idParam,
    responses: { 200: caseDetailSchema },
  }),
  advanceCase: defineRoute({
    method: 'POST', path: '/api/v1/cases/:id/transitions', tags: ['cases'], auth: 'staff', personalData: 'writes',
    summary: 'Take a step: move the case along a transition of its werkwijze',
    params: idParam,
    body: transitionInputSchema,
    responses: { 200: z.object({ stepId: z.string(), status: z.enum(['open', 'closed']), routedCaseIds: z.array(z.string()) }) },
  }),
  migrateCaseVersion: defineRoute({
    method: 'POST', path: '/api/v1/cases/:id/version-migration', tags: ['cases'], auth: 'staff', personalData: 'writes',
    summary: 'Move a running case to another version of its werkwijze with an explicit step mapping (functional administrator)',
    params: idParam,
    body: caseMigrationInputSchema,
    responses: { 200: z.object({ werkwijzeVersion: z.number().int(), stepId: z.string() }) },
  }),
  suspendTerm: defineRoute({
    method: 'POST', path: '/api/v1/cases/:id/suspensions', tags: ['cases'], auth: 'staff', personalData: 'writes',
    summary: 'Suspend a running statutory term (opschorting) on a ground the law allows; the due date moves',
    params: idParam,
    body: suspendTermInputSchema,
    responses: { 201: z.object({ dueDate: z.string(), suspendedDays: z.number().int() }) },
  }),
  readWorklist: defineRoute({
    method: 'GET', path: '/api/v1/worklist', tags: ['cases'], auth: 'staff', personalData: 'none',
    summary: 'Your or your team\'s open tasks with deadline status (no resident data)',
    query: worklistInputSchema,
    responses: { 200: worklistOutputSchema },
  }),
  assignTask: defineRoute({
    method: 'POST', path: '/api/v1/worklist/tasks/:taskId/assignment', tags: ['cases'], auth: 'staff', personalData: 'none',
    summary: 'Claim an open task of your team, hand it to a colleague of the team who holds its role, or return it to the team (audited)',
    params: taskParam,
    body: assignTaskInputSchema,
    responses: { 200: assignTaskOutputSchema },
  }),
  listTaskColleagues: defineRoute({
    method: 'GET', path: '/api/v1/worklist/tasks/:taskId/colleagues', tags: ['cases'], auth: 'staff', personalData: 'none',
    summary: 'The colleagues of the task\'s team who hold its role: whom the task can be handed to (names only)',
    params: taskParam,
    responses: { 200: taskColleaguesOutputSchema },
  }),
});
