import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';

/** DDAS debt categories (Digitale Aanlevering Schuldenoverzicht). */
export const debtCategories = ['zorg', 'publiek', 'nuts', 'overig'] as const;
export const debtCategorySchema = z.enum(debtCategories);
export type DebtCategory = z.infer<typeof debtCategorySchema>;

export const debtStatuses = ['claimed', 'verified', 'disputed'] as const;
export const debtStatusSchema = z.enum(debtStatuses);
export type DebtStatus = z.infer<typeof debtStatusSchema>;

export const creditorSectors = ['housing', 'energy', 'water', 'health-insurance', 'public', 'other'] as const;
export const creditorSectorSchema = z.enum(creditorSectors);
export type CreditorSector = z.infer<typeof creditorSectorSchema>;

/** Wgs art. 4 lid 2: the threatening situations that make the first conversation urgent. */
export const urgencyGrounds = ['eviction', 'cut-off-energy', 'cut-off-water', 'health-insurance-termination'] as const;
export const urgencyGroundSchema = z.enum(urgencyGrounds);
export type UrgencyGround = z.infer<typeof urgencyGroundSchema>;

export const debtFileStatuses = ['intake', 'assessment', 'plan', 'refused', 'solution', 'closed'] as const;
export type DebtFileStatus = (typeof debtFileStatuses)[number];

/** Money in integer eurocents, bounded: a claim over EUR 1 billion is a typing error, not a debt. */
export const MAX_CLAIM_CENTS = 100_000_000_000;
export const centsSchema = z.number().int().min(0).max(MAX_CLAIM_CENTS);
export const positiveCentsSchema = z.number().int().min(1).max(MAX_CLAIM_CENTS);

export const bsnInputSchema = z.string().regex(/^\d{9}$/, 'nine digits');

export const creditorSchema = z.object({ id: z.string().uuid(), name: z.string(), sector: creditorSectorSchema, contact: z.string().nullable() });
export type Creditor = z.infer<typeof creditorSchema>;

export const evidenceSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['creditor-statement', 'invoice', 'court-ruling', 'payment-proof', 'other']),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  receivedOn: z.string(),
  note: z.string().nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const debtSchema = z.object({
  id: z.string().uuid(),
  debtFileId: z.string().uuid(),
  creditor: creditorSchema,
  category: debtCategorySchema,
  creditorReference: z.string().nullable(),
  description: z.string().nullable(),
  claimedCents: z.number().int(),
  verifiedCents: z.number().int().nullable(),
  status: debtStatusSchema,
  registeredOn: z.string(),
  verifiedOn: z.string().nullable(),
  evidence: z.array(evidenceSchema),
});
export type Debt = z.infer<typeof debtSchema>;

export const debtFileSchema = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  subjectBsn: z.string(),
  householdBsns: z.array(z.string()),
  teamId: z.string().uuid(),
  teamName: z.string(),
  contact: z.string(),
  origin: z.enum(['request', 'signal']),
  urgent: z.boolean(),
  urgencyGround: urgencyGroundSchema.nullable(),
  requestDate: z.string(),
  firstConversationDue: z.string(),
  firstConversationOn: z.string().nullable(),
  decisionDue: z.string().nullable(),
  decisionOn: z.string().nullable(),
  decision: z.enum(['plan', 'refused']).nullable(),
  refusalGround: z.string().nullable(),
  moratoriumFrom: z.string().nullable(),
  moratoriumUntil: z.string().nullable(),
  status: z.enum(debtFileStatuses),
  openedAt: z.string(),
});
export type DebtFile = z.infer<typeof debtFileSchema>;

export const debtTotalsSchema = z.object({
  count: z.number().int(),
  claimedCents: z.number().int(),
  verifiedCents: z.number().int(),
  disputedCount: z.number().int(),
  byCategory: z.array(z.object({ category: debtCategorySchema, count: z.number().int(), claimedCents: z.number().int(), verifiedCents: z.number().int() })),
});

export const debtInventorySchema = z.object({ file: debtFileSchema, debts: z.array(debtSchema), totals: debtTotalsSchema });
export type DebtInventory = z.infer<typeof debtInventorySchema>;

export const openDebtFileInputSchema = z.object({
  subjectBsn: bsnInputSchema,
  householdBsns: z.array(bsnInputSchema).max(20).default([]),
  /** The day of the request for help; defaults to today. */
  requestDate: calendarDateSchema.optional(),
  urgencyGround: urgencyGroundSchema.optional(),
  teamId: z.string().uuid().optional(),
  contact: z.string().trim().min(2).max(200),
});
export type OpenDebtFileInput = z.input<typeof openDebtFileInputSchema>;

export const registerDebtInputSchema = z.object({
  creditorName: z.string().trim().min(1).max(200),
  creditorSector: creditorSectorSchema.default('other'),
  category: debtCategorySchema,
  claimedCents: positiveCentsSchema,
  creditorReference: z.string().trim().max(100).optional(),
  description: z.string().trim().max(500).optional(),
});
export type RegisterDebtInput = z.input<typeof registerDebtInputSchema>;

export const updateDebtStatusInputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('verified'), verifiedCents: centsSchema }),
  z.object({ status: z.literal('disputed') }),
  z.object({ status: z.literal('claimed') }),
]);
export type UpdateDebtStatusInput = z.infer<typeof updateDebtStatusInputSchema>;

/** The document types a counsellor may record as evidence: PDF, scans and photos, word-processor files and e-mails. */
export const EVIDENCE_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'image/heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'message/rfc822',
] as const;
/** The largest evidence document: 20 MB (a scanned creditor statement of many pages). */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export const addEvidenceInputSchema = z.object({
  kind: evidenceSchema.shape.kind,
  fileName: z.string().trim().min(1).max(255),
  mediaType: z.string().trim().min(3).max(100),
  /** Checked in the use case (1 byte .. MAX_EVIDENCE_BYTES), so the refusal says what is allowed. */
  sizeBytes: z.number().int().min(0),
  receivedOn: calendarDateSchema,
  note: z.string().trim().max(500).optional(),
});
export type AddEvidenceInput = z.infer<typeof addEvidenceInputSchema>;
