import { z } from 'zod';

/** A 301-320 message is one client: a megabyte is far beyond any real one. */
export const maxMessageBytes = 1024 * 1024;

export const findingSchema = z.object({ element: z.string(), ref: z.string().nullable(), rule: z.string(), code: z.string() });
export const receiveResultSchema = z.object({
  standard: z.enum(['iwmo', 'ijw']),
  messageType: z.string(),
  identification: z.string(),
  providerAgb: z.string(),
  status: z.enum(['answered', 'refused', 'recorded']),
  duplicate: z.boolean(),
  headerCodes: z.array(z.string()),
  findings: z.array(findingSchema),
  answer: z.object({ messageType: z.string(), xml: z.string() }).nullable(),
});
export const requestStatusSchema = z.enum(['open', 'in-onderzoek', 'refused', 'granted']);
export const inboxRequestSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['315', '317']),
  standard: z.enum(['iwmo', 'ijw']),
  providerAgb: z.string(),
  subjectBsn: z.string(),
  referentieAanbieder: z.string(),
  details: z.record(z.string(), z.unknown()),
  status: requestStatusSchema,
  receivedAt: z.string(),
});
export const answerRequestInputSchema = z.object({
  verzoekAntwoord: z.enum(['1', '2']).describe('WJ760: 1 verzoek afgewezen, 2 aanvraag in onderzoek'),
  redenAfwijzingVerzoek: z.string().regex(/^[1-9]$/).nullable().optional().describe('WJ759, required with 1'),
  woonplaatsbeginselGemeente: z.string().regex(/^\d{4}$/).nullable().optional().describe('iJw: the responsible municipality (woonplaatsbeginsel)'),
});
export const clientExchangeSchema = z.object({
  careDeliveries: z.array(z.object({ id: z.string(), toewijzingNummer: z.string(), providerAgb: z.string(), beginDate: z.string(), endDate: z.string().nullable(), endingReason: z.string().nullable(), status: z.enum(['started', 'stopped', 'removed']) })),
  messages: z.array(z.object({
    id: z.string(), standard: z.enum(['iwmo', 'ijw']), messageType: z.string(), direction: z.enum(['in', 'out']), providerAgb: z.string(), identification: z.string(),
    messageDate: z.string(), status: z.string(), headerCodes: z.array(z.string()), findings: z.array(findingSchema), at: z.string(),
  })),
});
