import { contextOf, runAsTenant, type AccessServices, type KernApp } from '@kern/access';
import { calendarDateSchema } from '@kern/kit';
import { z } from 'zod';
import { addContractedProduct } from './add-contracted-product';
import { concludeContract } from './conclude-contract';
import {
  agbSchema, contractDetailSchema, contractedProductInputSchema, contractedProductSchema, contractInputSchema, contractSchema, contractsQuerySchema,
  endContractSchema, fundingModelSchema, providerInputSchema, providerSchema,
} from './contracting.schema';
import { endContract } from './end-contract';
import { listProviders } from './list-providers';
import { lookUpTariff } from './look-up-tariff';
import { listContracts, readContract } from './read-contracts';
import { registerProvider } from './register-provider';

const idParam = z.object({ id: z.string().uuid() });
const tags = ['contracting'];
const tariffSchema = z.object({
  tariffCents: z.number().int(), unit: z.string(), contractId: z.string().uuid(), contractReference: z.string(), contractedProductId: z.string().uuid(),
  fundingModel: fundingModelSchema, wholeCategory: z.boolean(),
});

/** Contracting: organisations and money, no resident data, so no route touches personal data. */
export function contractingRoutes(app: KernApp, services: AccessServices): void {
  app.get('/api/v1/contracting/providers', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'The municipality\'s care providers (AGB code) with their number of contracts', response: { 200: z.array(providerSchema) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listProviders(services, tx, ctx));
  });

  app.post('/api/v1/contracting/providers', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'Register a care provider by its AGB code (contract manager or functional administrator)', body: providerInputSchema, response: { 201: providerSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    return reply.code(201).send(await runAsTenant(services, ctx, (tx) => registerProvider(services, tx, ctx, request.body)));
  });

  app.get('/api/v1/contracting/contracts', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'Contracts, optionally of one provider or valid on one day', querystring: contractsQuerySchema, response: { 200: z.array(contractSchema) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listContracts(services, tx, ctx, request.query));
  });

  app.post('/api/v1/contracting/contracts', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'Record a contract (own or bought by a region) with its funding model; taakgericht with a budget', body: contractInputSchema, response: { 201: contractSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    return reply.code(201).send(await runAsTenant(services, ctx, (tx) => concludeContract(services, tx, ctx, request.body)));
  });

  app.get('/api/v1/contracting/contracts/:id', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'A contract with its contracted products and tariffs', params: idParam, response: { 200: contractDetailSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => readContract(services, tx, ctx, request.params.id));
  });

  app.post('/api/v1/contracting/contracts/:id/products', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'Add a contracted product with its tariff per unit (eurocents) and validity; no overlap for the same product', params: idParam, body: contractedProductInputSchema, response: { 201: contractedProductSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    return reply.code(201).send(await runAsTenant(services, ctx, (tx) => addContractedProduct(services, tx, ctx, request.params.id, request.body)));
  });

  app.post('/api/v1/contracting/contracts/:id/end', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'End a contract on a day; its products end that day at the latest', params: idParam, body: endContractSchema, response: { 200: contractDetailSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => endContract(services, tx, ctx, request.params.id, request.body.validTo));
  });

  app.get('/api/v1/contracting/tariff', {
    config: { auth: 'staff', personalData: 'none' },
    schema: {
      tags, summary: 'The tariff that applied for a provider, category and product on a day (the question invoice verification asks)',
      querystring: z.object({ providerAgb: agbSchema, category: z.string().regex(/^\d{2}$/), productCode: z.string().regex(/^[A-Za-z0-9]{1,5}$/).optional(), on: calendarDateSchema }),
      response: { 200: z.object({ tariff: tariffSchema.nullable() }) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return { tariff: await runAsTenant(services, ctx, (tx) => lookUpTariff(services, tx, ctx, request.query)) };
  });
}
