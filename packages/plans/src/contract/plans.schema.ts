import { zrmDomainKeys } from '@kern/assessments/contract';
import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';

const bsnSchema = z.string().regex(/^\d{9}$/, 'a BSN is nine digits');
const itemId = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** The ZRM domains are the plan's life domains, so a goal and a score speak about the same thing. */
export const lifeDomainSchema = z.enum(zrmDomainKeys as [string, ...string[]]);

export const actionOwnerKinds = ['citizen', 'network', 'professional', 'provider'] as const;
export const actionOwnerSchema = z.object({
  kind: z.enum(actionOwnerKinds),
  /** Who: "Moeder", "buurvrouw Els", "Wijkteam Noord", "Thuiszorg West". */
  name: z.string().trim().min(1).max(200),
});

export const goalSchema = z.object({
  id: itemId,
  domain: lifeDomainSchema,
  /** The member the goal is about; null for the household as a whole. */
  memberBsn: bsnSchema.nullable().default(null),
  text: z.string().trim().min(1).max(1000),
  status: z.enum(['open', 'achieved', 'dropped']).default('open'),
});

export const planActionSchema = z.object({
  id: itemId,
  goalId: itemId.nullable().default(null),
  text: z.string().trim().min(1).max(1000),
  owner: actionOwnerSchema,
  dueDate: calendarDateSchema,
  status: z.enum(['open', 'done', 'cancelled']).default('open'),
  /** A group or general offering this action uses (see @kern/offerings). */
  offeringId: z.string().uuid().nullable().default(null),
});

export const planContentSchema = z
  .object({
    goals: z.array(goalSchema).max(100).default([]),
    actions: z.array(planActionSchema).max(300).default([]),
    agreements: z.array(z.object({ id: itemId, text: z.string().trim().min(1).max(2000) })).max(100).default([]),
    reviewDates: z.array(calendarDateSchema).max(24).default([]),
  })
  .superRefine((c, ctx) => {
    const goals = new Set<string>();
    c.goals.forEach((g, i) => {
      if (goals.has(g.id)) ctx.addIssue({ code: 'custom', path: ['goals', i, 'id'], message: `goal ${g.id} twice` });
      goals.add(g.id);
    });
    const actions = new Set<string>();
    c.actions.forEach((a, i) => {
      if (actions.has(a.id)) ctx.addIssue({ code: 'custom', path: ['actions', i, 'id'], message: `action ${a.id} twice` });
      actions.add(a.id);
      if (a.goalId !== null && !goals.has(a.goalId)) ctx.addIssue({ code: 'custom', path: ['actions', i, 'goalId'], message: `no goal ${a.goalId}` });
    });
  });
export type PlanContent = z.infer<typeof planContentSchema>;
export type PlanContentInput = z.input<typeof planContentSchema>;

export const openPlanInputSchema = z.object({
  anchorBsn: bsnSchema,
  members: z.array(z.object({ bsn: bsnSchema, name: z.string().trim().min(1).max(200) })).min(1).max(20),
  teamId: z.string().uuid().optional(),
});
export type OpenPlanInput = z.infer<typeof openPlanInputSchema>;

export const draftPlanVersionInputSchema = z.object({
  content: planContentSchema,
  changeNote: z.string().trim().max(2000).optional(),
});
export type DraftPlanVersionInput = z.input<typeof draftPlanVersionInputSchema>;

/**
 * Who agrees: the citizen themself or their representative (a parent for a child, a mentor). It
 * is an explicit argument because the actor recording it may be staff (in person, on paper) or
 * the citizen in the portal.
 */
export const agreementPartySchema = z.object({
  bsn: bsnSchema,
  name: z.string().trim().min(1).max(200),
  role: z.enum(['citizen', 'representative']).default('citizen'),
});
export const agreeToPlanVersionInputSchema = z.object({
  version: z.number().int().positive(),
  party: agreementPartySchema,
  method: z.enum(['portal', 'in-person', 'signed-paper']),
});
export type AgreeToPlanVersionInput = z.input<typeof agreeToPlanVersionInputSchema>;

export const requestPlanChangeInputSchema = z.object({
  requestedByBsn: bsnSchema,
  request: z.string().trim().min(1).max(2000),
});
export type RequestPlanChangeInput = z.infer<typeof requestPlanChangeInputSchema>;

export const planAgreementSchema = z.object({
  version: z.number().int(),
  agreedAt: z.string(),
  partyBsn: z.string(),
  partyName: z.string(),
  partyRole: z.enum(['citizen', 'representative']),
  method: z.enum(['portal', 'in-person', 'signed-paper']),
  recordedByKind: z.string(),
});
export type PlanAgreement = z.infer<typeof planAgreementSchema>;

export const planVersionSchema = z.object({
  version: z.number().int(),
  /** draft: can still change; agreed: frozen, the plan in force; superseded: an older agreed version. */
  state: z.enum(['draft', 'agreed', 'superseded']),
  content: z.object({
    goals: z.array(z.object({ id: z.string(), domain: z.string(), memberBsn: z.string().nullable(), text: z.string(), status: z.string() })),
    actions: z.array(z.object({ id: z.string(), goalId: z.string().nullable(), text: z.string(), owner: actionOwnerSchema, dueDate: z.string(), status: z.string(), offeringId: z.string().nullable() })),
    agreements: z.array(z.object({ id: z.string(), text: z.string() })),
    reviewDates: z.array(z.string()),
  }),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
  agreedAt: z.string().nullable(),
  agreements: z.array(planAgreementSchema),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planSchema = z.object({
  id: z.string().uuid(),
  anchorBsn: z.string(),
  members: z.array(z.object({ bsn: z.string(), name: z.string() })),
  coordinator: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  /** The version in force (the latest the citizen agreed to), if any. */
  agreedVersion: z.number().int().nullable(),
  /** A draft after it, if any. */
  draftVersion: z.number().int().nullable(),
  versions: z.array(planVersionSchema),
  changeRequests: z.array(z.object({ id: z.string(), basedOnVersion: z.number().int(), requestedAt: z.string(), requestedByBsn: z.string(), request: z.string(), answeredVersion: z.number().int().nullable() })),
});
export type Plan = z.infer<typeof planSchema>;

/** What a caseworker without the coordinator's purpose learns: that there is a plan, and whom to call. */
export const planSignalSchema = z.object({
  planId: z.string().uuid(),
  coordinatorName: z.string(),
  agreed: z.boolean(),
});

export const householdPlanOutputSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('full'), plan: planSchema }),
  z.object({ view: z.literal('signal'), signal: planSignalSchema }),
  z.object({ view: z.literal('no-plan') }),
]);
export type HouseholdPlanOutput = z.infer<typeof householdPlanOutputSchema>;

/** Which version of the plan PDF, in which language; default the version in force, in Dutch. */
export const planPdfQuerySchema = z.object({ version: z.coerce.number().int().positive().optional(), lang: z.enum(['nl', 'en']).default('nl') });
