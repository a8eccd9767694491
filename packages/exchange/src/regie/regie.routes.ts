import { contextOf, moduleRoutes, runAsTenant } from '@kern/access';
import type { BrpClient } from '@kern/registry';
import { exchangeRegieContract } from '../contract/regie.contract';
import { deliverRegieMessage, type RegieServices } from './receive-regie-message';
import { client301FromResident } from './client-301';
import { answerRequest, readClientExchange, readRequestsInbox } from './requests-inbox';
import { sendAllocationMessage } from './send-allocation-message';

export { answerRequestInputSchema } from '../contract/regie.schema';

/** HTTP for the regie messages: thin; the use cases decide, audit and book. The purpose header names the law. */
export function exchangeRegieRoutes(services: RegieServices & { brp: BrpClient }) {
  return moduleRoutes(exchangeRegieContract, {
    deliverRegieMessage: async (request) => {
      const ctx = contextOf(request);
      return deliverRegieMessage(services, ctx, request.body.xml);
    },
    requestsInbox: async (request) => {
      const ctx = contextOf(request);
      return { requests: await runAsTenant(services, ctx, (tx) => readRequestsInbox(services, tx, ctx, request.query)) };
    },
    answerRequest: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await runAsTenant(services, ctx, (tx) => answerRequest(services, tx, ctx, request.params.id, request.body));
      return reply.code(201).send(result);
    },
    clientMessages: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => readClientExchange(services, tx, ctx, request.params.bsn));
    },
    sendAllocationMessage: async (request, reply) => {
      const ctx = contextOf(request);
      const lookup = async (bsn: string) => {
        const r = await services.brp.getPersonByBsn(bsn, { municipalityCode: ctx.actor.municipalityCode });
        return r ? client301FromResident(r) : null;
      };
      const result = await runAsTenant(services, ctx, (tx) => sendAllocationMessage(services, tx, ctx, { allocationIds: request.body.allocationIds, client: lookup, referentieAanbieder: request.body.referentieAanbieder }));
      return reply.code(201).send(result);
    },
  });
}
