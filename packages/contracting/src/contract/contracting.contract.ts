import { calendarDateSchema, defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import {
  agbSchema, contractDetailSchema, contractedProductInputSchema, contractedProductSchema, contractInputSchema, contractSchema, contractsQuerySchema,
  endContractSchema, fundingModelSchema, providerInputSchema, providerSchema,
} from './contracting.schema';

const idParam = z.object({ id: z.string().uuid() });
const tags = ['contracting'];
const tariffSchema = z.object({
  tariffCents: z.number().int(), unit: z.string(), contractId: z.string().uuid(), contractReference: z.string(), contractedProductId: z.string().uuid(),
  fundingModel: fundingModelSchema, wholeCategory: z.boolean(),
});

/** Contracting: organisations and money, no resident data, so no route touches personal data. */
export const contractingContract = defineContract({
  listProviders: defineRoute({
    method: 'GET', path: '/api/v1/contracting/providers', tags, auth: 'staff', personalData: 'none',
    summary: 'The municipality\'s care providers (AGB code) with their number of contracts',
    access: { resource: 'contracting', action: 'read' },
    responses: { 200: z.array(providerSchema) },
    errors: ['forbidden'],
  }),
  registerProvider: defineRoute({
    method: 'POST', path: '/api/v1/contracting/providers', tags, auth: 'staff', personalData: 'none',
    summary: 'Register a care provider by its AGB code (contract manager or functional administrator)',
    access: { resource: 'contracting', action: 'create' },
    body: providerInputSchema,
    responses: { 201: providerSchema },
    errors: ['invalid-input', 'forbidden', 'conflict'],
  }),
  listContracts: defineRoute({
    method: 'GET', path: '/api/v1/contracting/contracts', tags, auth: 'staff', personalData: 'none',
    summary: 'Contracts, optionally of one provider or valid on one day',
    access: { resource: 'contracting', action: 'read' },
    query: contractsQuerySchema,
    responses: { 200: z.array(contractSchema) },
    errors: ['forbidden'],
  }),
  concludeContract: defineRoute({
    method: 'POST', path: '/api/v1/contracting/contracts', tags, auth: 'staff', personalData: 'none',
    summary: 'Record a contract (own or bought by a region) with its funding model; taakgericht with a budget',
    access: { resource: 'contracting', action: 'create' },
    body: contractInputSchema,
    responses: { 201: contractSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  readContract: defineRoute({
    method: 'GET', path: '/api/v1/contracting/contracts/:id', tags, auth: 'staff', personalData: 'none',
    summary: 'A contract with its contracted products and tariffs',
    access: { resource: 'contracting', action: 'read' },
    params: idParam,
    responses: { 200: contractDetailSchema },
    errors: ['forbidden', 'not-found'],
  }),
  addContractedProduct: defineRoute({
    method: 'POST', path: '/api/v1/contracting/contracts/:id/products', tags, auth: 'staff', personalData: 'none',
    summary: 'Add a contracted product with its tariff per unit (eurocents) and validity; no overlap for the same product',
    access: { resource: 'contracting', action: 'update' },
    params: idParam, body: contractedProductInputSchema,
    responses: { 201: contractedProductSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  endContract: defineRoute({
    method: 'POST', path: '/api/v1/contracting/contracts/:id/end', tags, auth: 'staff', personalData: 'none',
    summary: 'End a contract on a day; its products end that day at the latest',
    access: { resource: 'contracting', action: 'update' },
    params: idParam, body: endContractSchema,
    responses: { 200: contractDetailSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  lookUpTariff: defineRoute({
    method: 'GET', path: '/api/v1/contracting/tariff', tags, auth: 'staff', personalData: 'none',
    summary: 'The tariff that applied for a provider, category and product on a day (the question invoice verification asks)',
    access: { resource: 'contracting', action: 'read' },
    query: z.object({ providerAgb: agbSchema, category: z.string().regex(/^\d{2}$/), productCode: z.string().regex(/^[A-Za-z0-9]{1,5}$/).optional(), on: calendarDateSchema }),
    responses: { 200: z.object({ tariff: tariffSchema.nullable() }) },
    errors: ['forbidden'],
  }),
});
