import { contextOf, runAsTenant, type AccessServices, type KernApp } from '@kern/access';
import { z } from 'zod';
import {
  categorySchema, endLocalProductSchema, localProductInputSchema, localProductSchema, localProductUpdateSchema, mappingReportQuerySchema,
  mappingReportSchema, nationalProductSchema, nationalProductsQuerySchema, standardSchema,
} from './catalogue.schema';
import { changeLocalProduct } from './change-local-product';
import { createLocalProduct } from './create-local-product';
import { endLocalProduct } from './end-local-product';
import { readMappingReport } from './mapping-report';
import { listCategories, listLocalProducts, listNationalProducts } from './read-catalogue';
import { calendarDateSchema } from '@kern/kit';

const idParam = z.object({ id: z.string().uuid() });
const tags = ['catalogue'];

/** The product catalogue: no resident data, so no route reads or writes personal data. */
export function catalogueRoutes(app: KernApp, services: AccessServices): void {
  app.get('/api/v1/catalogue/categories', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'National product categories (Wmo WMO020 01-18, Jeugdwet JZ020 31-38 and 40-55) with their validity', response: { 200: z.array(categorySchema) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listCategories(services, tx, ctx));
  });

  app.get('/api/v1/catalogue/national-products', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'National product codes (iJw), by standard, category and validity day', querystring: nationalProductsQuerySchema, response: { 200: z.array(nationalProductSchema) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listNationalProducts(services, tx, ctx, request.query));
  });

  app.get('/api/v1/catalogue/local-products', {
    config: { auth: 'staff', personalData: 'none' },
    schema: {
      tags, summary: 'The municipality\'s local products and their mapping onto the national catalogue',
      querystring: z.object({ standard: standardSchema.optional(), on: calendarDateSchema.optional() }), response: { 200: z.array(localProductSchema) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => listLocalProducts(services, tx, ctx, request.query));
  });

  app.post('/api/v1/catalogue/local-products', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'Add a local product (contract manager or functional administrator)', body: localProductInputSchema, response: { 201: localProductSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const product = await runAsTenant(services, ctx, (tx) => createLocalProduct(services, tx, ctx, request.body));
    return reply.code(201).send(product);
  });

  app.patch('/api/v1/catalogue/local-products/:id', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'Change a local product: name, category, national code, unit or period', params: idParam, body: localProductUpdateSchema, response: { 200: localProductSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => changeLocalProduct(services, tx, ctx, request.params.id, request.body));
  });

  app.post('/api/v1/catalogue/local-products/:id/end', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'End a local product on a day (it stays as history)', params: idParam, body: endLocalProductSchema, response: { 200: localProductSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => endLocalProduct(services, tx, ctx, request.params.id, request.body.validTo));
  });

  app.get('/api/v1/catalogue/mapping-report', {
    config: { auth: 'staff', personalData: 'none' },
    schema: { tags, summary: 'Mapping report: local codes unmapped, national codes mapped more than once, mappings that expired', querystring: mappingReportQuerySchema, response: { 200: mappingReportSchema } },
  }, async (request) => {
    const ctx = contextOf(request);
    return runAsTenant(services, ctx, (tx) => readMappingReport(services, tx, ctx, request.query));
  });
}
