import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';
import { auditRecordSchema } from './access.schema';

/**
 * The schemas of the access routes (break the glass, audit, the policy in force, relations and the
 * requests for one): what the server validates and serialises and the web app types its calls by.
 */

/** What made a relation: the work (a case, an allocation, ...) or a decided request, never a button. */
export const involvementSources = ['case', 'allocation', 'referral', 'coordinator-assignment', 'werkwijze-rule', 'granted', 'approved-request', 'self-opened-legacy'] as const;
export type InvolvementSource = (typeof involvementSources)[number];

export const breakGlassInputSchema = z.object({
  reason: z.string().trim().min(1).max(2000),
});
export const breakGlassOutputSchema = z.object({
  grant: z.object({ id: z.string().uuid(), expiresAt: z.string() }),
});

export const breakGlassGrantSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string().optional(),
  subjectBsn: z.string(),
  purpose: z.string(),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  verdict: z.string().optional(),
  reviewNote: z.string().optional(),
});
export const listBreakGlassInputSchema = z.object({ review: z.enum(['open', 'done', 'all']).default('open') });
export const listBreakGlassOutputSchema = z.object({ grants: z.array(breakGlassGrantSchema) });

export const reviewBreakGlassInputSchema = z.object({
  verdict: z.enum(['justified', 'unjustified']),
  note: z.string().trim().min(1).max(2000),
});

const bsnFilter = z.string().regex(/^\d{9}$/, 'nine digits');
const isoDate = calendarDateSchema;

export const auditSearchInputSchema = z.object({
  subjectBsn: bsnFilter.optional(),
  actorId: z.string().max(100).optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  breakGlass: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  format: z.enum(['json', 'csv']).default('json'),
});
export type AuditSearchInput = z.infer<typeof auditSearchInputSchema>;

export const auditSearchOutputSchema = z.object({
  records: z.array(auditRecordSchema),
  nextBefore: z.number().int().optional(),
});

export const chainVerificationSchema = z.object({
  valid: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().optional(),
  problem: z.string().optional(),
  /** The newest signed checkpoint the chain was held to; absent when no checkpoints are kept. */
  checkpointSeq: z.number().int().optional(),
});

export const policyOutputSchema = z.object({
  /** 0 = the policy Kern ships; otherwise the municipality's own version. */
  version: z.number().int(),
  document: z.unknown(),
});

export const openInvolvementInputSchema = z.object({
  subjectBsn: z.string(),
  kind: z.enum(['case', 'coordinator']).default('case'),
  /** Ask for the actor's team instead of the actor personally. */
  teamId: z.string().uuid().optional(),
  reason: z.string().trim().min(5).max(1000),
});
export const involvementRequestOutputSchema = z.object({
  request: z.object({ id: z.string().uuid(), subjectBsn: z.string(), purpose: z.string(), kind: z.string(), status: z.literal('pending') }),
});

export const involvementRequestSchema = z.object({
  id: z.string(),
  subjectBsn: z.string(),
  purpose: z.string(),
  kind: z.string(),
  requestedBy: z.string(),
  requestedByName: z.string().optional(),
  teamId: z.string().nullable(),
  reason: z.string(),
  requestedAt: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: z.string().optional(),
  decidedByName: z.string().optional(),
  decidedAt: z.string().optional(),
  decisionNote: z.string().optional(),
  involvementId: z.string().optional(),
  /** Whether the reader may decide it (the list is the decider's worklist). */
  canDecide: z.boolean(),
});
export const listInvolvementRequestsInputSchema = z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional() });
export const listInvolvementRequestsOutputSchema = z.object({ requests: z.array(involvementRequestSchema) });

export const decideInvolvementRequestInputSchema = z.object({
  verdict: z.enum(['approved', 'rejected']),
  note: z.string().trim().min(3).max(2000),
});
export const decideInvolvementRequestOutputSchema = z.object({ request: involvementRequestSchema });

export const listRelationsInputSchema = z.object({
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  source: z.enum(involvementSources).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const relationViewSchema = z.object({
  id: z.string(),
  subjectBsn: z.string(),
  purpose: z.string(),
  kind: z.string(),
  source: z.string(),
  accountId: z.string().optional(),
  accountName: z.string().optional(),
  teamId: z.string().optional(),
  teamName: z.string().optional(),
  createdBy: z.string().optional(),
  createdByName: z.string().optional(),
  requestId: z.string().optional(),
  caseId: z.string().optional(),
  reason: z.string(),
  openedAt: z.string(),
  closedAt: z.string().optional(),
});
export const listRelationsOutputSchema = z.object({ relations: z.array(relationViewSchema), requests: z.array(involvementRequestSchema) });

export const fieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

/**
 * The full difference between two policy versions, rule by rule and field by field: what the
 * approver approves and what the auditor reads afterwards. Added and removed rules are given
 * whole, changed rules with each changed field before and after.
 */
export const policyDiffSchema = z.object({
  name: fieldChangeSchema.optional(),
  addedRules: z.array(z.record(z.string(), z.unknown())),
  removedRules: z.array(z.record(z.string(), z.unknown())),
  changedRules: z.array(z.object({ id: z.string(), changes: z.array(fieldChangeSchema) })),
  breakGlass: z.array(fieldChangeSchema),
});
export type PolicyDiff = z.infer<typeof policyDiffSchema>;
