import { z } from 'zod';
import { purposeSchema, roleSchema, type Resource } from './access.schema';

/**
 * What a consent may cover, as data categories. They are also the sections of the household
 * view: each category is one policy resource (`section-<category>`), so the policy and a
 * consent speak about the same things.
 */
export const dataCategories = ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'education', 'housing', 'plan', 'assessment', 'offering'] as const;
export const dataCategorySchema = z.enum(dataCategories);
export type DataCategory = z.infer<typeof dataCategorySchema>;

export const sectionResource = (c: DataCategory): Resource => `section-${c}` as Resource;

/**
 * Who a consent shares with. A recipient is a staff role of the municipality (the coordinator,
 * the debt counsellor, ...): consent is given to a function, not to one person who may leave.
 */
export const recipientSchema = roleSchema;

export const privacyNoticeSchema = z.object({
  /** 0 = the notice Kern ships, used until the municipality publishes its own. */
  version: z.number().int().min(0),
  title: z.string(),
  body: z.object({ nl: z.string(), en: z.string() }),
  purposes: z.array(purposeSchema),
  recipients: z.array(recipientSchema),
  dataCategories: z.array(dataCategorySchema),
  publishedAt: z.string().nullable(),
});
export type PrivacyNotice = z.infer<typeof privacyNoticeSchema>;

export const publishPrivacyNoticeInputSchema = z.object({
  title: z.string().trim().min(3).max(200),
  body: z.object({ nl: z.string().trim().min(20).max(20_000), en: z.string().trim().min(20).max(20_000) }),
  purposes: z.array(purposeSchema).min(1),
  recipients: z.array(recipientSchema).min(1),
  dataCategories: z.array(dataCategorySchema).min(1),
});

export const recordConsentInputSchema = z.object({
  purpose: purposeSchema,
  recipient: recipientSchema,
  dataCategories: z.array(dataCategorySchema).min(1).max(dataCategories.length),
  note: z.string().trim().max(1000).optional(),
});
export type RecordConsentInput = z.infer<typeof recordConsentInputSchema>;

export const withdrawConsentInputSchema = z.object({ note: z.string().trim().max(1000).optional() });

export const consentRecordSchema = z.object({
  id: z.string().uuid(),
  subjectBsn: z.string(),
  action: z.enum(['given', 'withdrawn']),
  purpose: purposeSchema,
  recipient: z.string(),
  dataCategories: z.array(dataCategorySchema),
  noticeVersion: z.number().int(),
  withdraws: z.string().uuid().nullable(),
  recordedAt: z.string(),
  recordedByKind: z.enum(['staff', 'citizen', 'system']),
  note: z.string().nullable(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

export const consentSchema = consentRecordSchema.extend({
  /** A given consent is in effect until a withdrawal record points at it. */
  inEffect: z.boolean(),
  withdrawnAt: z.string().nullable(),
});
export type Consent = z.infer<typeof consentSchema>;

export const consentListSchema = z.object({ consents: z.array(consentSchema), notice: privacyNoticeSchema });
