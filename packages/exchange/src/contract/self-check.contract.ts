import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';

/** Largest message the public self-check accepts (5 MB); larger is answered 413. */
export const selfCheckLimitBytes = 5 * 1024 * 1024;

export const selfCheckFindingSchema = z.object({
  rule: z.string().describe('TR/IV code, or XML, XSD, SIZE, DOCTYPE, NAMESPACE'),
  code: z.string().describe('WJ001 return code'),
  message: z.string(),
  line: z.number().int().nullable().describe('line in the file, where known'),
});
export type SelfCheckFindingOut = z.infer<typeof selfCheckFindingSchema>;

export const selfCheckResultSchema = z.object({
  messageType: z.string().nullable(),
  valid: z.boolean(),
  findings: z.array(selfCheckFindingSchema),
  notChecked: z.array(z.string()).describe('rules that need the municipality\'s data (earlier messages, allocations, contracts): not checked'),
});
export type SelfCheckResultOut = z.infer<typeof selfCheckResultSchema>;

/** The provider self-check: public, stores nothing, only the rules on the message itself. */
export const selfCheckContract = defineContract({
  checkMessage: defineRoute({
    method: 'POST', path: '/api/v1/istandaarden/check', tags: ['exchange'], auth: 'public', personalData: 'none',
    summary: 'Check one iWmo/iJw 3.2 message before sending it (application/xml body, at most 5 MB): every finding with its rule, return code and line. No login, nothing stored, rate-limited per address; rules that need the municipality\'s data are listed as not checked',
    raw: { contentTypes: ['application/xml', 'text/xml'], limitBytes: selfCheckLimitBytes },
    responses: { 200: selfCheckResultSchema },
    errors: ['invalid-input', 'payload-too-large', 'too-many-requests'],
  }),
});
