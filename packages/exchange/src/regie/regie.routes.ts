import { contextOf, runAsTenant, type KernApp } from '@kern/access';
import type { BrpClient } from '@kern/registry';
import { z } from 'zod';
import { maxMessageBytes } from '../inbound/read-message';
import { deliverRegieMessage, type RegieServices } from './receive-regie-message';
import { client301FromResident } from './client-301';
import { answerRequest, readClientExchange, readRequestsInbox } from './requests-inbox';
import { sendAllocationMessage } from './send-allocation-message';

const finding = z.object({ element: z.string(), ref: z.string().nullable(), rule: z.string(), code: z.string() });
const receiveResultSchema = z.object({
  standard: z.enum(['iwmo', 'ijw']),
  messageType: z.string(),
  identification: z.string(),
  providerAgb: z.string(),
  status: z.enum(['answered', 'refused', 'recorded']),
  duplicate: z.boolean(),
  headerCodes: z.array(z.string()),
  findings: z.array(finding),
  answer: z.object({ messageType: z.string(), xml: z.string() }).nullable(),
});
const requestStatus = z.enum(['open', 'in-onderzoek', 'refused', 'granted']);
const inboxRequestSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['315', '317']),
  standard: z.enum(['iwmo', 'ijw']),
  providerAgb: z.string(),
  subjectBsn: z.string(),
  referentieAanbieder: z.string(),
  details: z.record(z.string(), z.unknown()),
  status: requestStatus,
  receivedAt: z.string(),
});
export const answerRequestInputSchema = z.object({
  verzoekAntwoord: z.enum(['1', '2']).describe('WJ760: 1 verzoek afgewezen, 2 aanvraag in onderzoek'),
  redenAfwijzingVerzoek: z.string().regex(/^[1-9]$/).nullable().optional().describe('WJ759, required with 1'),
  woonplaatsbeginselGemeente: z.string().regex(/^\d{4}$/).nullable().optional().describe('iJw: the responsible municipality (woonplaatsbeginsel)'),
});
const clientExchangeSchema = z.object({
  careDeliveries: z.array(z.object({ id: z.string(), toewijzingNummer: z.string(), providerAgb: z.string(), beginDate: z.string(), endDate: z.string().nullable(), endingReason: z.string().nullable(), status: z.enum(['started', 'stopped', 'removed']) })),
  messages: z.array(z.object({
    id: z.string(), standard: z.enum(['iwmo', 'ijw']), messageType: z.string(), direction: z.enum(['in', 'out']), providerAgb: z.string(), identification: z.string(),
    messageDate: z.string(), status: z.string(), headerCodes: z.array(z.string()), findings: z.array(finding), at: z.string(),
  })),
});

/** HTTP for the regie messages: thin; the use cases decide, audit and book. The purpose header names the law. */
export function exchangeRegieRoutes(app: KernApp, services: RegieServices & { brp: BrpClient }): void {
  app.post('/api/v1/exchange/regie-messages', {
    config: { auth: 'staff', personalData: 'writes' },
    bodyLimit: Math.ceil(maxMessageBytes * 1.2) + 1024,
    schema: {
      tags: ['exchange'],
      summary: 'Deliver one regie message (302, 305, 307, 315, 317, 320) from a provider; answered with its retour (306, 308, 316, 318). The same message twice gives the same answer.',
      body: z.object({ xml: z.string().min(1).max(maxMessageBytes) }),
      response: { 200: receiveResultSchema },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return deliverRegieMessage(services, ctx, request.body.xml);
  });

  app.get('/api/v1/exchange/requests', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: {
      tags: ['exchange'], summary: 'The requests inbox (315/317) of the purpose\'s law: open and in onderzoek by default, oldest first',
      querystring: z.object({ status: requestStatus.optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
      response: { 200: z.object({ requests: z.array(inboxRequestSchema) }) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return { requests: await runAsTenant(services, ctx, (tx) => readRequestsInbox(services, tx, ctx, request.query)) };
  });

  app.post('/api/v1/exchange/requests/:id/answer', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: {
      tags: ['exchange'], summary: 'Answer a request with a 319 (refused with its reason, or in onderzoek); a grant is answered with a 301 from the allocation',
      params: z.object({ id: z.string().uuid() }), body: answerRequestInputSchema,
      response: { 201: z.object({ request: inboxRequestSchema, messageType: z.literal('319'), identification: z.string(), xml: z.string() }) },
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const result = await runAsTenant(services, ctx, (tx) => answerRequest(services, tx, ctx, request.params.id, request.body));
    return reply.code(201).send(result);
  });

  app.get('/api/v1/exchange/clients/:bsn/messages', {
    config: { auth: 'staff', personalData: 'reads' },
    schema: {
      tags: ['exchange'], summary: 'A client\'s regie message log and care delivery status (start/stop) under the purpose\'s law',
      params: z.object({ bsn: z.string().regex(/^\d{9}$/) }), response: { 200: clientExchangeSchema },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => readClientExchange(services, tx, ctx, request.params.bsn));
  });

  app.post('/api/v1/exchange/allocation-messages', {
    config: { auth: 'staff', personalData: 'writes' },
    schema: {
      tags: ['exchange'], summary: 'Send allocations of one client at one provider in a 301 (client data from the BRP); logged per allocation until the provider\'s 302',
      body: z.object({ allocationIds: z.array(z.string().uuid()).min(1).max(50), referentieAanbieder: z.string().min(1).max(36).nullable().optional() }),
      response: { 201: z.object({ messageId: z.string().uuid(), identification: z.string(), xml: z.string() }) },
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const lookup = async (bsn: string) => {
      const r = await services.brp.getPersonByBsn(bsn, { municipalityCode: ctx.actor.municipalityCode });
      return r ? client301FromResident(r) : null;
    };
    const result = await runAsTenant(services, ctx, (tx) => sendAllocationMessage(services, tx, ctx, { allocationIds: request.body.allocationIds, client: lookup, referentieAanbieder: request.body.referentieAanbieder }));
    return reply.code(201).send(result);
  });
}
