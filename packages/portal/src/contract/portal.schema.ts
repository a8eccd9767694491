import { shownCountSchema } from '@kern/access/contract';
import { assessmentSchema } from '@kern/assessments/contract';
import { enrolmentSchema } from '@kern/offerings/contract';
import { allocationSchema, decisionSchema } from '@kern/provisions/contract';
import { calendarDateSchema } from '@kern/kit/contract';
import { lifeDomainSchema } from '@kern/plans/contract';
import { z } from 'zod';

/**
 * The citizen portal's shapes, shared with the portal web app. People are named by an opaque
 * reference (`personRef`), never by BSN in a URL: the portal resolves a reference only among the
 * citizen themself and the people they represent, so any other value finds nothing.
 */
export const personRefSchema = z.string().uuid();
export const personRefParam = z.object({ ref: personRefSchema });
export const idParam = z.object({ id: z.string().uuid() });

export const CITIZEN_SESSION_COOKIE = 'kern_citizen_session';

export const representationKindSchema = z.enum(['self', 'gezag', 'curatele', 'mentorschap', 'bewindvoering', 'machtiging']);
export type RepresentationKind = z.infer<typeof representationKindSchema>;

export const portalPersonSchema = z.object({
  ref: personRefSchema,
  name: z.string(),
  relation: representationKindSchema,
});
export type PortalPerson = z.infer<typeof portalPersonSchema>;

export const citizenSessionSchema = z.object({
  csrfToken: z.string(),
  name: z.string(),
  municipality: z.object({ code: z.string() }),
  people: z.array(portalPersonSchema),
  expiresAt: z.string(),
});
export type CitizenSession = z.infer<typeof citizenSessionSchema>;

export const demoLoginInputSchema = z.object({
  bsn: z.string().regex(/^\d{9}$/, 'a BSN is nine digits'),
  municipalityCode: z.string().regex(/^\d{4}$/),
});

export const topics = ['care', 'youth', 'work-income', 'debts', 'housing', 'other'] as const;
export const topicSchema = z.enum(topics);
export type Topic = z.infer<typeof topicSchema>;

/** Wgs art. 4(2): threatened eviction, cut-off of energy or water, end of health insurance; plus an unsafe home. */
export const urgentSituations = ['eviction', 'cut-off', 'insurance-ended', 'unsafe-home'] as const;
export const urgentSituationSchema = z.enum(urgentSituations);
export type UrgentSituation = z.infer<typeof urgentSituationSchema>;

const freeText = (max: number) => z.string().max(max);

/** A draft may be saved half-filled at any moment; only submitting asks for the required parts. */
export const draftInputSchema = z.object({
  topic: topicSchema.nullable().default(null),
  urgentSituations: z.array(urgentSituationSchema).max(4).default([]),
  description: freeText(4000).default(''),
  phone: z.string().max(30).regex(/^[0-9 +()-]*$/, 'digits, spaces, + ( ) -').nullable().default(null),
  email: z.string().max(200).email().nullable().or(z.literal('').transform(() => null)).default(null),
});
export type DraftInput = z.infer<typeof draftInputSchema>;

export const documentSchema = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});

export const requestSchema = z.object({
  id: z.string().uuid(),
  personRef: personRefSchema,
  status: z.enum(['draft', 'submitted']),
  topic: topicSchema.nullable(),
  urgentSituations: z.array(urgentSituationSchema),
  description: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  caseReferences: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  documents: z.array(documentSchema),
});
export type PortalRequest = z.infer<typeof requestSchema>;

export const uploadInputSchema = z.object({
  fileName: z.string().min(1).max(200),
  /** The file's bytes, base64. Type is decided by the bytes (magic numbers), never by the name. */
  contentBase64: z.string().min(1),
});

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_REQUEST = 10;

export const termSchema = z.object({
  termId: z.string(),
  dueDate: z.string(),
  metDate: z.string().nullable(),
  status: z.string(),
  description: z.object({ nl: z.string(), en: z.string() }),
});

export const submissionOutputSchema = z.object({
  request: requestSchema,
  urgent: z.boolean(),
  cases: z.array(z.object({ reference: z.string(), law: z.string(), terms: z.array(termSchema) })),
});

/** Where a case stands in the citizen's words (never a step name), what comes next and by when, who to contact. */
export const citizenStatusWordsSchema = z.object({
  asked: z.string(),
  now: z.object({ nl: z.string(), en: z.string() }),
  next: z.object({ nl: z.string(), en: z.string() }),
  nextBy: z.string().nullable(),
  /** The team to contact; null: the municipality itself. */
  contact: z.string().nullable(),
});
export type CitizenStatusWords = z.infer<typeof citizenStatusWordsSchema>;

export const portalCaseSchema = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  law: z.string(),
  title: z.string(),
  phase: z.string(),
  stepName: z.string(),
  status: z.enum(['open', 'closed']),
  meldingDate: z.string(),
  terms: z.array(termSchema),
  /** Decisions taken on the case with their reasons and the six-week objection term (Awb 6:7). */
  decisions: z.array(z.object({ on: z.string(), stepName: z.string(), outcome: z.string(), reason: z.string().nullable(), objectionUntil: z.string() })),
  /** The case as the citizen understands it: what was asked, where it stands, what next and by when, who to contact. */
  citizenStatus: citizenStatusWordsSchema,
});
export type PortalCase = z.infer<typeof portalCaseSchema>;

export const messageSchema = z.object({
  id: z.string().uuid(),
  from: z.enum(['me', 'municipality']),
  /** For messages from the municipality: the role and team, never the staff member's name. */
  role: z.string().nullable(),
  team: z.string().nullable(),
  body: z.string(),
  sentAt: z.string(),
  read: z.boolean(),
  /** What the message is about; null for messages from before topics were asked. */
  topic: topicSchema.nullable(),
  /** Who answered, as the citizen sees it: the team, or the staff member's name where the municipality chose so (portalAnswerSignature). */
  answeredBy: z.string().nullable(),
  /** A citizen's message that staff answered or marked handled. */
  handled: z.boolean(),
});
/** One unanswered citizen message in the staff inbox. */
export const inboxItemSchema = z.object({
  id: z.string().uuid(),
  bsn: z.string(),
  clientName: z.string(),
  topic: topicSchema.nullable(),
  purpose: z.string(),
  /** The start of the message (at most 140 characters). */
  excerpt: z.string(),
  sentAt: z.string(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;
export const inboxOutputSchema = z.object({ items: z.array(inboxItemSchema), total: z.number().int() });
export const inboxQuerySchema = z.object({ order: z.enum(['newest', 'oldest']).default('newest') });
export const messageInputSchema = z.object({ body: z.string().trim().min(1).max(5000) });
/** The citizen says what a message is about, so it reaches the staff of that purpose only. */
export const citizenMessageInputSchema = messageInputSchema.extend({ topic: topicSchema });
export const contactInputSchema = z.object({ email: z.string().max(200).email().nullable() });

/** One line of "who looked at my data and why", in plain words: role, team and purpose only. */
export const accessLogEntrySchema = z.object({
  at: z.string(),
  who: z.enum(['me', 'staff', 'system', 'representative']),
  role: z.string().nullable(),
  team: z.string().nullable(),
  purpose: z.string().nullable(),
  action: z.string(),
  what: z.string(),
  outcome: z.enum(['allowed', 'denied']),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

/** "Who looked" for a period (calendar days, both included), with or without the citizen's own reads, a page at a time. */
export const accessLogQuerySchema = z.object({
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  own: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  before: z.coerce.number().int().positive().optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'the end date lies before the start date', path: ['to'] });
export type AccessLogQuery = z.input<typeof accessLogQuerySchema>;

/** Who (role and team, or the citizen, a representative, the system) looked how often for one purpose in the period. */
export const accessLogGroupSchema = z.object({
  who: accessLogEntrySchema.shape.who,
  role: z.string().nullable(),
  team: z.string().nullable(),
  purpose: z.string().nullable(),
  count: z.number().int(),
  denied: z.number().int(),
  first: z.string(),
  last: z.string(),
});
export type AccessLogGroup = z.infer<typeof accessLogGroupSchema>;

export const ACCESS_LOG_PAGE = 50;

export const accessLogOutputSchema = z.object({
  entries: z.array(accessLogEntrySchema),
  groups: z.array(accessLogGroupSchema),
  /** True when the period holds more records than the groups could count (then they cover the newest ones). */
  groupsCapped: z.boolean(),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
export type AccessLogOutput = z.infer<typeof accessLogOutputSchema>;


/** One goal or action that differs between the version the person last agreed to and the latest one. */
export const planItemChangeSchema = z.object({
  kind: z.enum(['goal', 'action']),
  change: z.enum(['added', 'changed', 'removed']),
  text: z.string(),
  fields: z.array(z.object({ field: z.enum(['text', 'domain', 'member', 'owner', 'dueDate', 'status']), before: z.string(), after: z.string() })),
});
export type PlanItemChange = z.infer<typeof planItemChangeSchema>;
export const planChangesSchema = z.object({
  /** The version the person last agreed to; null when they never agreed to one. */
  sinceVersion: z.number().int().nullable(),
  toVersion: z.number().int(),
  items: z.array(planItemChangeSchema),
});
export type PlanChanges = z.infer<typeof planChangesSchema>;

export const portalPlanSchema = z.object({
  id: z.string().uuid(),
  coordinator: z.string(),
  members: z.array(z.object({ name: z.string(), me: z.boolean() })),
  agreedVersion: z.number().int().nullable(),
  draftVersion: z.number().int().nullable(),
  versions: z.array(z.object({
    version: z.number().int(),
    state: z.enum(['draft', 'agreed', 'superseded']),
    createdAt: z.string(),
    agreedAt: z.string().nullable(),
    changeNote: z.string().nullable(),
    agreedByMe: z.boolean(),
    goals: z.array(z.object({ id: z.string(), domain: z.string(), text: z.string(), status: z.string(), mine: z.boolean() })),
    actions: z.array(z.object({ id: z.string(), goalId: z.string().nullable(), text: z.string(), owner: z.object({ kind: z.string(), name: z.string() }), dueDate: z.string(), status: z.string() })),
    agreements: z.array(z.object({ id: z.string(), text: z.string() })),
    reviewDates: z.array(z.string()),
  })),
  changeRequests: z.array(z.object({ basedOnVersion: z.number().int(), requestedAt: z.string(), request: z.string(), answeredVersion: z.number().int().nullable(), mine: z.boolean() })),
  /** What the person is asked to agree to, since the version they last agreed to; null when nothing is open for them. */
  changesSinceMyAgreement: planChangesSchema.nullable(),
});
export type PortalPlan = z.infer<typeof portalPlanSchema>;
export const planAgreeInputSchema = z.object({ version: z.number().int().positive() });
export const planAdditionInputSchema = z.object({
  goal: z.object({ domain: lifeDomainSchema, text: z.string().trim().min(1).max(1000) }).optional(),
  action: z.object({ text: z.string().trim().min(1).max(1000), dueDate: calendarDateSchema }).optional(),
});
export type PlanAdditionInput = z.infer<typeof planAdditionInputSchema>;
export const planChangeInputSchema = z.object({ request: z.string().trim().min(1).max(2000) });
export const planRefParam = z.object({ ref: personRefSchema, planId: z.string().uuid() });

export const portalConsentSchema = z.object({
  id: z.string().uuid(),
  purpose: z.string(),
  recipient: z.string(),
  dataCategories: z.array(z.string()),
  givenAt: z.string(),
  inEffect: z.boolean(),
  withdrawnAt: z.string().nullable(),
});
export type PortalConsent = z.infer<typeof portalConsentSchema>;
export const consentListOutputSchema = z.object({ consents: z.array(portalConsentSchema), noticeVersion: z.number().int() });
export const consentRefParam = z.object({ ref: personRefSchema, consentId: z.string().uuid() });

export const homeSchema = z.object({
  person: portalPersonSchema,
  cases: z.array(portalCaseSchema),
  drafts: z.array(requestSchema.pick({ id: true, topic: true, updatedAt: true })),
  unreadMessages: z.number().int(),
  lastMessageAt: z.string().nullable(),
  plan: portalPlanSchema.nullable(),
});

export const portalOfferingSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(['general', 'group']),
  location: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  placesLeft: shownCountSchema.nullable(),
  near: z.boolean(),
  enrolled: z.boolean(),
});
export type PortalOffering = z.infer<typeof portalOfferingSchema>;
export const offeringListOutputSchema = z.object({ offerings: z.array(portalOfferingSchema) });
export const offeringRefParam = z.object({ ref: personRefSchema, offeringId: z.string().uuid() });

/**
 * The AVG access request (art. 15): what each module holds on the person, given by that module's
 * own function. No staff ids (a decision's decidedBy stays for the auditor).
 */
export const heldRecordsSchema = z.object({
  decisions: z.array(decisionSchema.omit({ decidedBy: true })),
  allocations: z.array(allocationSchema),
  plans: z.array(portalPlanSchema),
  assessments: z.array(assessmentSchema.omit({ subjectBsn: true })),
  enrolments: z.array(enrolmentSchema.omit({ subjectBsn: true })),
  debtFiles: z.array(z.object({
    reference: z.string(), status: z.string(), teamName: z.string(), contact: z.string(), requestDate: z.string(),
    debts: z.array(z.object({ creditorName: z.string(), category: z.string(), claimedCents: z.number().int(), verifiedCents: z.number().int().nullable(), status: z.string() })),
    solution: z.object({ kind: z.string(), status: z.string(), payoutBasisPoints: z.number().int(), termMonths: z.number().int() }).nullable(),
  })),
  consents: z.array(portalConsentSchema),
});
export type HeldRecords = z.infer<typeof heldRecordsSchema>;

export const myDataSchema = z.object({
  person: portalPersonSchema,
  registry: z.object({
    name: z.string(),
    birthDate: z.string().nullable(),
    address: z.string().nullable(),
    source: z.string(),
  }).nullable(),
  cases: z.array(portalCaseSchema),
  requests: z.array(requestSchema),
  messages: z.array(messageSchema),
  contactEmail: z.string().nullable(),
  accessLog: z.array(accessLogEntrySchema),
  /** Only in the download (JSON and PDF): every module's records on the person. */
  held: heldRecordsSchema.optional(),
  generatedAt: z.string(),
});
export type MyData = z.infer<typeof myDataSchema>;
