import { z } from 'zod';
import { returnCodes } from './return-codes';

/** English for the WJ001 codes Kern sets on a 325 (the Dutch comes from the code list itself). */
const english: Record<string, string> = {
  '0001': 'The message was refused for technical reasons.',
  '0200': 'No remark on this message class.',
  '0611': 'The tariff submitted does not match the contracted tariff.',
  '8001': 'The declaration is granted in full.',
  '8017': 'No debit line is known for this credit line.',
  '8021': 'This line reference number was submitted before.',
  '8187': 'The line does not belong to this client (another client, or not a resident of the municipality in the period per the BRP).',
  '8848': 'The message date must be on or before the system date.',
  '9307': 'The start of the product period is not between the start and end of the allocation.',
  '9308': 'The end of the product period is not between the start and end of the allocation.',
  '9319': 'The product period does not lie wholly within a declaration period.',
  '9321': 'The volume submitted exceeds the allocated volume.',
  '9322': 'The sum of the volumes submitted exceeds the allocated volume.',
  '9333': 'The declaration number is not unique.',
  '9338': 'The line is not related to an allocated product by its allocation number.',
  '9339': 'The product category of the line differs from that of the allocated product.',
  '9340': 'The product code of the line differs from that of the allocated product.',
  '9341': 'The unit of the line does not fit the unit of the allocated product.',
  '9346': 'The amount is not the volume delivered times the tariff.',
  '9369': 'The amounts submitted exceed the allocated budget.',
  '9384': 'The line is on an allocation that was removed (RedenWijziging 13).',
  '9387': 'The product period does not start on the first day of the month, and the allocation does not start later in that month.',
  '9388': 'The product period does not end on the last day of the month, and the allocation does not end earlier in that month.',
  '9389': 'A debit line for this period already stands without a credit line.',
  '9390': 'A credit line with the same reference already exists.',
  S300: 'The municipality code is not valid (the message is not addressed to this municipality).',
};

export interface ReturnCodeText {
  code: string;
  rule: string | null;
  nl: string;
  en: string;
}

const byCode = new Map(returnCodes.map((c) => [c.code, c]));
export function returnCodeText(code: string): ReturnCodeText {
  const c = byCode.get(code);
  return { code, rule: c?.rule ?? (code === '8187' ? 'TR304' : null), nl: c?.nl ?? code, en: english[code] ?? c?.nl ?? code };
}

export const returnCodeTextSchema = z.object({ code: z.string(), rule: z.string().nullable(), nl: z.string(), en: z.string() });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const invoiceMessageSchema = z.object({
  id: z.string().uuid(),
  standard: z.enum(['iwmo', 'ijw']),
  sender: z.string(),
  identification: z.string(),
  messageDate: isoDate,
  declaratieNummer: z.string().nullable(),
  periodBegin: isoDate.nullable(),
  periodEnd: isoDate.nullable(),
  status: z.enum(['receiving', 'answered', 'refused', 'failed']),
  refusal: returnCodeTextSchema.extend({ reason: z.string().nullable() }).nullable(),
  /** Processing failed inside Kern (status failed): why and when; deliver the message again. */
  failure: z.object({ reason: z.string(), at: z.string() }).nullable(),
  receivedAt: z.string(),
  clients: z.number().int(),
  lines: z.number().int(),
  approvedLines: z.number().int(),
  rejectedLines: z.number().int(),
  submittedCents: z.number().int(),
  approvedCents: z.number().int(),
  rejectedCents: z.number().int(),
  paymentBatchId: z.string().uuid().nullable(),
});
export type InvoiceMessage = z.infer<typeof invoiceMessageSchema>;

export const invoiceMessagesQuerySchema = z.object({
  provider: z.string().regex(/^\d{1,8}$/).optional(),
  /** YYYY-MM: messages whose declaration period touches this month. */
  period: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  status: z.enum(['receiving', 'answered', 'refused', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type InvoiceMessagesQuery = z.infer<typeof invoiceMessagesQuerySchema>;

export const invoiceLineSchema = z.object({
  id: z.string().uuid(),
  clientIndex: z.number().int(),
  referentieNummer: z.string(),
  vorigReferentieNummer: z.string().nullable(),
  toewijzingNummer: z.string(),
  productCategorie: z.string(),
  productCode: z.string().nullable(),
  begindatum: isoDate,
  einddatum: isoDate,
  volume: z.number().int(),
  unit: z.string(),
  tariffCents: z.number().int(),
  amountCents: z.number().int(),
  debitCredit: z.enum(['D', 'C']),
  approved: z.boolean(),
  firstSubmission: z.boolean(),
  reasons: z.array(returnCodeTextSchema),
  paid: z.boolean(),
});
export type InvoiceLine = z.infer<typeof invoiceLineSchema>;

export const invoiceLinesQuerySchema = z.object({
  verdict: z.enum(['approved', 'rejected']).optional(),
  returnCode: z.string().regex(/^[0-9A-Z]{4}$/).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type InvoiceLinesQuery = z.infer<typeof invoiceLinesQuerySchema>;

export const invoiceLinesSchema = z.object({ message: invoiceMessageSchema, lines: z.array(invoiceLineSchema), total: z.number().int() });

export const paymentBatchSchema = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  messageId: z.string().uuid(),
  providerAgb: z.string(),
  lines: z.number().int(),
  totalCents: z.number().int(),
  createdAt: z.string(),
});
export type PaymentBatch = z.infer<typeof paymentBatchSchema>;

/** What a delivery answers besides the 325 itself (in headers for HTTP, printed by the CLI). */
export interface ReceivedInvoice {
  messageId: string | null;
  refused: boolean;
  refusalCode: string | null;
  repeated: boolean;
  lines: number;
  approvedLines: number;
  rejectedLines: number;
}
