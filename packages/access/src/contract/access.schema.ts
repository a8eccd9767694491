import { z } from 'zod';

/**
 * Doelbinding: every access to personal data happens for a purpose, and the purpose is the law
 * the work is done under (or integral coordination of a household across laws).
 */
export const purposes = ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'] as const;
export const purposeSchema = z.enum(purposes);
export type Purpose = z.infer<typeof purposeSchema>;

export const roles = [
  'wijkteam-generalist',
  'wmo-consultant',
  'youth-consultant',
  'income-consultant',
  'debt-counsellor',
  'decision-maker',
  'quality-analyst',
  'functional-administrator',
  'auditor',
  // product catalogue and contracting: buys care, keeps the catalogue, contracts and tariffs (no resident data)
  'contract-manager',
  // decides on relations staff ask for (issue 22): sees the requests of their teams, no resident data
  'team-lead',
  // citizen portal: the role every citizen actor holds, never given to a staff account
  'citizen',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Who acts. Every use case receives one explicitly; there is no ambient "current user". */
export interface StaffActor {
  kind: 'staff';
  id: string;
  name: string;
  municipalityCode: string;
  roles: Role[];
  teamIds: string[];
}
export interface SystemActor {
  kind: 'system';
  id: string;
  name: string;
  municipalityCode: string;
  roles: Role[];
  teamIds: string[];
}
/**
 * A resident logged in to the portal (DigiD-style broker or the demo login). `id` is a stable
 * pseudonym for the BSN within the municipality; roles are always ['citizen'] and teams empty,
 * so the policy can reason about citizens with the same rules as about staff.
 */
export interface CitizenActor {
  kind: 'citizen';
  id: string;
  name: string;
  municipalityCode: string;
  roles: Role[];
  teamIds: string[];
  bsn: string;
}
export type Actor = StaffActor | SystemActor | CitizenActor;

/** An actor plus the purpose and request they act in. */
export interface AccessContext {
  actor: Actor;
  purpose?: Purpose | undefined;
  requestId?: string | undefined;
}

/** What the policy reasons about. New modules add their resources here. */
export const resources = [
  // foundation and werkwijzen
  'resident',
  'household',
  'resident-search',
  'involvement',
  // a relation a staff member asked for themself, decided by someone else (issue 22)
  'involvement-request',
  'audit-log',
  'break-glass-grant',
  'access-policy',
  'municipality-settings',
  'case',
  'worklist',
  'werkwijze',
  // the statutory calendar: computing a term, and the decrees (Atw art. 3 lid 3) added as data
  'statutory-calendar',
  // integral client view: household sections, consent, plans, assessments, group offerings
  'consent',
  'privacy-notice',
  'household-signal',
  // one section resource per data category of the household view (see consent.schema.ts)
  'section-wmo',
  'section-jeugdwet',
  'section-participatiewet',
  'section-wgs',
  'section-education',
  'section-housing',
  'section-plan',
  'section-assessment',
  'section-offering',
  // plans, assessments and group offerings (their own use cases and routes)
  'plan',
  'plan-agreement',
  'assessment',
  'assessment-instrument',
  'offering',
  'offering-enrolment',
  // citizen portal
  'portal-request',
  'portal-case',
  'portal-data',
  'portal-message',
  'portal-plan',
  'portal-consent',
  'portal-offering',
  'representation',
  // provisions, contracting and iStandaarden exchange
  // product catalogue (national reference + local products, mapping report) and contracting (providers, contracts, tariffs)
  'catalogue',
  'contracting',
  // provisions: decisions (beschikkingen) and allocations (toewijzingen)
  'decision',
  'allocation',
  // the allocations of one provider across clients (a worklist for the back office)
  'allocation-list',
  // exchange: invoices (323 received, lines with verdicts, 325 answers) and payment batches of approved lines
  'invoice',
  'payment-batch',
  // exchange, regie messages (301/302, 305-308, 315-320): the message log, start/stop of care
  // delivery, the requests inbox (315/317 answered with 319 or a 301) and the 301s sent with their 302
  'exchange-message',
  'care-delivery',
  'allocation-request',
  'allocation-message',
  // debt help
  'debt-signal',
  'debt-file',
  'debt-norms',
  'debt-fund',
  'debt-fund-run',
  'debt-fund-aggregates',
  'debt-fund-terms',
  // steering and learning (insight)
  'indicator',
  'benchmark',
  'experiment',
  'leertafel-story',
] as const;
export const resourceSchema = z.enum(resources);
export type Resource = z.infer<typeof resourceSchema>;

/**
 * The relation between the actor and the subject, looked up per request:
 * - case: the actor personally works on an open case for this resident under the purpose;
 * - team-case: the actor's team does;
 * - coordinator: the actor coordinates the household (integral purpose);
 * - break-glass: the actor opened access outside the policy with a written reason;
 * - household: the actor has a case, team-case or coordinator relation with another member of the
 *   subject's household under the purpose (household view sections only);
 * - consent: the subject consented to sharing this data category for the purpose with a recipient
 *   the actor is (household view sections only; see consent.schema.ts);
 * - none: no relation at all (every subject starts here).
 */
export const relations = ['case', 'team-case', 'coordinator', 'household', 'consent', 'break-glass', 'none'] as const;
export const relationSchema = z.enum(relations);
export type Relation = z.infer<typeof relationSchema>;

export const viewSchema = z.enum(['full', 'signal']);
export type View = z.infer<typeof viewSchema>;

export const policyRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{3,64}$/),
  description: z.string().min(1),
  roles: z.array(roleSchema).min(1),
  /** Omitted: the rule applies to work without a purpose (audit, administration). */
  purposes: z.array(purposeSchema).min(1).optional(),
  relations: z.array(relationSchema).min(1),
  resources: z.array(resourceSchema).min(1),
  actions: z.array(z.enum(['read', 'search', 'create', 'update', 'export', 'review', 'decide'])).min(1),
  view: viewSchema.default('full'),
  /** The legal basis recorded in the audit log when this rule grants access. */
  legalBasis: z.string().min(1),
});
export type PolicyRule = z.infer<typeof policyRuleSchema>;
export type PolicyRuleInput = z.input<typeof policyRuleSchema>;

export const policyDocumentSchema = z
  .object({
    name: z.string().min(1),
    rules: z.array(policyRuleSchema).min(1),
    breakGlass: z.object({
      roles: z.array(roleSchema),
      minutes: z.number().int().min(5).max(480),
      minReasonLength: z.number().int().min(20).max(500),
      /**
       * A reason must say something: at least this many different words (of two letters or
       * more), so "aaaaaaaaaaaaaaaaaaaa" or one word repeated is no reason.
       */
      minReasonWords: z.number().int().min(2).max(50).default(3),
      /**
       * Break-the-glass stays within the law the role works under (a purpose some rule gives the
       * role); only a cross-law emergency rule named here lets a role break the glass under
       * another purpose. None by default.
       */
      crossLawEmergency: z
        .array(
          z.object({
            id: z.string().regex(/^[a-z0-9-]{3,64}$/),
            description: z.string().min(1),
            roles: z.array(roleSchema).min(1),
            purposes: z.array(purposeSchema).min(1),
          }),
        )
        .default([]),
    }),
  })
  .superRefine((doc, ctx) => {
    const ids = new Set<string>();
    doc.rules.forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${r.id}` });
      ids.add(r.id);
      // Break-the-glass is an exception reviewed afterwards, never something a rule grants wholesale.
      if (r.relations.includes('break-glass') && r.relations.length > 1) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'relations'], message: 'break-glass must be a rule of its own' });
      }
    });
  });
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

export type Action = PolicyRule['actions'][number] | 'login' | 'logout' | 'break-glass';

export interface AccessDecision {
  allowed: boolean;
  view?: View;
  ruleId?: string;
  legalBasis?: string;
  relation: Relation;
  reason: string;
}

export const auditRecordSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string().optional(),
  actorKind: z.enum(['staff', 'citizen', 'system']),
  actorRoles: z.array(z.string()),
  actorTeams: z.array(z.string()),
  purpose: z.string().optional(),
  action: z.string(),
  resource: z.string(),
  subjectBsn: z.string().optional(),
  outcome: z.enum(['allowed', 'denied']),
  reason: z.string(),
  legalBasis: z.string().optional(),
  breakGlass: z.boolean(),
  requestId: z.string().optional(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

/**
 * A count of people as shown to a reader: for a role without personal data, below the threshold
 * only "< 5" (and what would give it away, such as places left, only "> n"); see small-counts.ts.
 */
export const SMALL_COUNT_THRESHOLD = 5;
export const SMALL_COUNT = `< ${SMALL_COUNT_THRESHOLD}` as const;
export const shownCountSchema = z.union([z.number().int(), z.literal(SMALL_COUNT), z.string().regex(/^> \d+$/)]);
export type ShownCount = z.infer<typeof shownCountSchema>;
