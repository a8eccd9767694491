import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import { answerRequestInputSchema, clientExchangeSchema, inboxRequestSchema, maxMessageBytes, receiveResultSchema, requestStatusSchema } from './regie.schema';

/** The regie messages (301/302, 305-308, 315-320): the purpose header names the law. */
export const exchangeRegieContract = defineContract({
  deliverRegieMessage: defineRoute({
    method: 'POST', path: '/api/v1/exchange/regie-messages', tags: ['exchange'], auth: 'staff', personalData: 'writes',
    summary: 'Deliver one regie message (302, 305, 307, 315, 317, 320) from a provider; answered with its retour (306, 308, 316, 318). The same message twice gives the same answer.',
    access: { resource: 'exchange-message', action: 'create' },
    // The XML travels as a JSON string: room for escaping on top of the message limit.
    bodyLimit: Math.ceil(maxMessageBytes * 1.2) + 1024,
    body: z.object({ xml: z.string().min(1).max(maxMessageBytes) }),
    responses: { 200: receiveResultSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
  requestsInbox: defineRoute({
    method: 'GET', path: '/api/v1/exchange/requests', tags: ['exchange'], auth: 'staff', personalData: 'reads',
    summary: 'The requests inbox (315/317) of the purpose\'s law: open and in onderzoek by default, oldest first',
    access: { resource: 'allocation-request', action: 'read' },
    query: z.object({ status: requestStatusSchema.optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
    responses: { 200: z.object({ requests: z.array(inboxRequestSchema) }) },
    errors: ['forbidden'],
  }),
  answerRequest: defineRoute({
    method: 'POST', path: '/api/v1/exchange/requests/:id/answer', tags: ['exchange'], auth: 'staff', personalData: 'writes',
    summary: 'Answer a request with a 319 (refused with its reason, or in onderzoek); a grant is answered with a 301 from the allocation',
    access: { resource: 'allocation-request', action: 'decide' },
    params: z.object({ id: z.string().uuid() }), body: answerRequestInputSchema,
    responses: { 201: z.object({ request: inboxRequestSchema, messageType: z.literal('319'), identification: z.string(), xml: z.string() }) },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  clientMessages: defineRoute({
    method: 'GET', path: '/api/v1/exchange/clients/:bsn/messages', tags: ['exchange'], auth: 'staff', personalData: 'reads',
    summary: 'A client\'s regie message log and care delivery status (start/stop) under the purpose\'s law',
    access: { resource: 'care-delivery', action: 'read' },
    params: z.object({ bsn: z.string().regex(/^\d{9}$/) }),
    responses: { 200: clientExchangeSchema },
    errors: ['forbidden'],
  }),
  sendAllocationMessage: defineRoute({
    method: 'POST', path: '/api/v1/exchange/allocation-messages', tags: ['exchange'], auth: 'staff', personalData: 'writes',
    summary: 'Send allocations of one client at one provider in a 301 (client data from the BRP); logged per allocation until the provider\'s 302',
    access: { resource: 'allocation-message', action: 'create' },
    body: z.object({ allocationIds: z.array(z.string().uuid()).min(1).max(50), referentieAanbieder: z.string().min(1).max(36).nullable().optional() }),
    responses: { 201: z.object({ messageId: z.string().uuid(), identification: z.string(), xml: z.string() }) },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
});
