import { calendarDateSchema } from '@kern/kit/contract';
import { suspensionGroundSchema } from '@kern/workflows/contract';
import { z } from 'zod';

export const isoDateSchema = calendarDateSchema;
export const deadlineStatusSchema = z.enum(['met', 'met-late', 'on-time', 'due-soon', 'overdue']);

export const startCaseInputSchema = z.object({
  werkwijzeId: z.string().regex(/^[a-z0-9-]{2,64}$/),
  caseTypeId: z.string().min(1).max(64),
  subjectBsn: z.string().regex(/^\d{9}$/, 'a BSN is nine digits'),
  householdBsns: z.array(z.string().regex(/^\d{9}$/)).max(20).default([]),
  /** The day the melding was made; statutory terms count from it. Defaults to today. */
  meldingDate: isoDateSchema.optional(),
  fields: z.record(z.string(), z.unknown()).default({}),
  teamId: z.string().uuid().optional(),
});
export type StartCaseInput = z.infer<typeof startCaseInputSchema>;

export const transitionInputSchema = z.object({
  to: z.string().min(1).max(64),
  fields: z.record(z.string(), z.unknown()).default({}),
  provisionCategories: z.array(z.string().regex(/^\d{2}$/)).max(20).optional(),
});
export type TransitionInput = z.infer<typeof transitionInputSchema>;

export const caseDeadlineSchema = z.object({
  termId: z.string(),
  startDate: z.string(),
  dueDate: z.string(),
  metDate: z.string().nullable(),
  suspendedDays: z.number().int(),
  explanation: z.array(z.string()),
  status: deadlineStatusSchema,
});

export const caseSummarySchema = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  werkwijzeId: z.string(),
  werkwijzeVersion: z.number().int(),
  caseTypeId: z.string(),
  purpose: z.string(),
  subjectBsn: z.string(),
  householdBsns: z.array(z.string()),
  stepId: z.string(),
  stepName: z.string(),
  phase: z.string(),
  status: z.enum(['open', 'closed']),
  meldingDate: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  parentCaseId: z.string().nullable(),
});

export const journalFieldSchema = z.object({
  name: z.string(),
  /** The field's title in the werkwijze; the name when the werkwijze gives none. */
  label: z.string(),
  value: z.unknown(),
  /** How to read the value: the field definition's type, or `date` for a date field. */
  kind: z.enum(['text', 'boolean', 'number', 'date', 'list', 'other']),
});
export type JournalField = z.infer<typeof journalFieldSchema>;

export const journalEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string().optional(),
  /** The step at which the fields were recorded, and its name. */
  stepId: z.string().nullable(),
  stepName: z.string(),
  toStep: z.string().nullable(),
  toStepName: z.string().nullable(),
  fields: z.array(journalFieldSchema),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export const caseDetailSchema = z.object({
  case: caseSummarySchema.extend({ fields: z.record(z.string(), z.unknown()) }),
  phases: z.array(z.object({ phase: z.string(), state: z.enum(['done', 'current', 'todo', 'skipped']) })),
  tasks: z.array(z.object({ id: z.string(), stepId: z.string(), title: z.string(), roles: z.array(z.string()), teamId: z.string().nullable(), status: z.string(), createdAt: z.string(), doneAt: z.string().nullable() })),
  deadlines: z.array(caseDeadlineSchema),
  transitions: z.array(z.object({ to: z.string(), label: z.string(), allowed: z.boolean(), reason: z.string().optional(), message: z.object({ nl: z.string(), en: z.string() }).optional() })),
  history: z.array(z.object({ seq: z.number().int(), at: z.string(), actorId: z.string(), actorName: z.string().optional(), kind: z.string(), fromStep: z.string().nullable(), toStep: z.string().nullable(), detail: z.record(z.string(), z.unknown()) })),
  /** What each step recorded, newest first, with the labels of the werkwijze's field definitions. */
  journal: z.array(journalEntrySchema),
  routedCaseIds: z.array(z.string()).optional(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const worklistInputSchema = z.object({
  scope: z.enum(['mine', 'team']).default('mine'),
  teamId: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const worklistItemSchema = z.object({
  taskId: z.string(),
  caseId: z.string(),
  reference: z.string(),
  caseTypeId: z.string(),
  purpose: z.string(),
  stepId: z.string(),
  phase: z.string(),
  title: z.string(),
  teamId: z.string().nullable(),
  assignedToMe: z.boolean(),
  createdAt: z.string(),
  dueDate: z.string().nullable(),
  termId: z.string().nullable(),
  deadlineStatus: deadlineStatusSchema.nullable(),
});
export const worklistOutputSchema = z.object({
  items: z.array(worklistItemSchema),
  counts: z.object({ overdue: z.number().int(), dueSoon: z.number().int(), onTime: z.number().int(), noDeadline: z.number().int() }),
});

/** Claim an open task, hand it to a colleague of its team who holds its role, or return it to the team. */
export const assignTaskInputSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('claim') }),
  z.object({ action: z.literal('hand-over'), toAccountId: z.string().uuid() }),
  z.object({ action: z.literal('return') }),
]);
export const assignTaskOutputSchema = z.object({ taskId: z.string(), accountId: z.string().nullable(), teamId: z.string().nullable() });
/** The colleagues of a task's team who hold its role: whom it can be handed to. */
export const taskColleaguesOutputSchema = z.object({ colleagues: z.array(z.object({ id: z.string(), name: z.string() })) });

export const caseMigrationInputSchema = z.object({
  toVersion: z.number().int().positive(),
  /** Every step the case has used or is on, mapped onto a step of the new version. */
  mapping: z.record(z.string(), z.string()),
});

export const suspendTermInputSchema = z.object({
  termId: z.string().min(1).max(64),
  from: isoDateSchema,
  to: isoDateSchema,
  ground: suspensionGroundSchema,
  note: z.string().trim().min(5).max(1000),
});
