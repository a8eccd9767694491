import { contextOf, moduleRoutes, runAsTenant, type AccessServices } from '@kern/access';
import { addContractedProduct } from './add-contracted-product';
import { concludeContract } from './conclude-contract';
import { contractingContract } from './contract';
import { endContract } from './end-contract';
import { listProviders } from './list-providers';
import { lookUpTariff } from './look-up-tariff';
import { listContracts, readContract } from './read-contracts';
import { registerProvider } from './register-provider';

/** Contracting: organisations and money, no resident data, so no route touches personal data. */
export function contractingRoutes(services: AccessServices) {
  return moduleRoutes(contractingContract, {
    listProviders: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listProviders(services, tx, ctx));
    },
    registerProvider: async (request, reply) => {
      const ctx = contextOf(request);
      return reply.code(201).send(await runAsTenant(services, ctx, (tx) => registerProvider(services, tx, ctx, request.body)));
    },
    listContracts: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listContracts(services, tx, ctx, request.query));
    },
    concludeContract: async (request, reply) => {
      const ctx = contextOf(request);
      return reply.code(201).send(await runAsTenant(services, ctx, (tx) => concludeContract(services, tx, ctx, request.body)));
    },
    readContract: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => readContract(services, tx, ctx, request.params.id));
    },
    addContractedProduct: async (request, reply) => {
      const ctx = contextOf(request);
      return reply.code(201).send(await runAsTenant(services, ctx, (tx) => addContractedProduct(services, tx, ctx, request.params.id, request.body)));
    },
    endContract: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => endContract(services, tx, ctx, request.params.id, request.body.validTo));
    },
    lookUpTariff: async (request) => {
      const ctx = contextOf(request);
      return { tariff: await runAsTenant(services, ctx, (tx) => lookUpTariff(services, tx, ctx, request.query)) };
    },
  });
}
