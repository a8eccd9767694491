import { defineContract, defineRoute, uuidParamSchema } from '@kern/kit/contract';
import { z } from 'zod';
import {
  categorySchema, endLocalProductSchema, localProductInputSchema, localProductSchema, localProductsQuerySchema, localProductUpdateSchema,
  mappingReportQuerySchema, mappingReportSchema, nationalProductSchema, nationalProductsQuerySchema,
} from './catalogue.schema';

const tags = ['catalogue'];

/** The product catalogue: no resident data, so no route reads or writes personal data. */
export const catalogueContract = defineContract({
  listCategories: defineRoute({
    method: 'GET', path: '/api/v1/catalogue/categories', tags, auth: 'staff', personalData: 'none',
    summary: 'National product categories (Wmo WMO020 01-18, Jeugdwet JZ020 31-38 and 40-55) with their validity',
    access: { resource: 'catalogue', action: 'read' },
    responses: { 200: z.array(categorySchema) },
    errors: ['forbidden'],
  }),
  listNationalProducts: defineRoute({
    method: 'GET', path: '/api/v1/catalogue/national-products', tags, auth: 'staff', personalData: 'none',
    summary: 'National product codes (iJw), by standard, category and validity day',
    access: { resource: 'catalogue', action: 'read' },
    query: nationalProductsQuerySchema,
    responses: { 200: z.array(nationalProductSchema) },
    errors: ['invalid-input', 'forbidden'],
  }),
  listLocalProducts: defineRoute({
    method: 'GET', path: '/api/v1/catalogue/local-products', tags, auth: 'staff', personalData: 'none',
    summary: 'The municipality\'s local products and their mapping onto the national catalogue',
    access: { resource: 'catalogue', action: 'read' },
    query: localProductsQuerySchema,
    responses: { 200: z.array(localProductSchema) },
    errors: ['invalid-input', 'forbidden'],
  }),
  createLocalProduct: defineRoute({
    method: 'POST', path: '/api/v1/catalogue/local-products', tags, auth: 'staff', personalData: 'none',
    summary: 'Add a local product (contract manager or functional administrator)',
    access: { resource: 'catalogue', action: 'create' },
    body: localProductInputSchema,
    responses: { 201: localProductSchema },
    errors: ['invalid-input', 'forbidden', 'conflict'],
  }),
  changeLocalProduct: defineRoute({
    method: 'PATCH', path: '/api/v1/catalogue/local-products/:id', tags, auth: 'staff', personalData: 'none',
    summary: 'Change a local product: name, category, national code, unit or period',
    access: { resource: 'catalogue', action: 'update' },
    params: uuidParamSchema, body: localProductUpdateSchema,
    responses: { 200: localProductSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  endLocalProduct: defineRoute({
    method: 'POST', path: '/api/v1/catalogue/local-products/:id/end', tags, auth: 'staff', personalData: 'none',
    summary: 'End a local product on a day (it stays as history)',
    access: { resource: 'catalogue', action: 'update' },
    params: uuidParamSchema, body: endLocalProductSchema,
    responses: { 200: localProductSchema },
    errors: ['invalid-input', 'forbidden', 'not-found', 'conflict'],
  }),
  readMappingReport: defineRoute({
    method: 'GET', path: '/api/v1/catalogue/mapping-report', tags, auth: 'staff', personalData: 'none',
    summary: 'Mapping report: local codes unmapped, national codes mapped more than once, mappings that expired',
    access: { resource: 'catalogue', action: 'read' },
    query: mappingReportQuerySchema,
    responses: { 200: mappingReportSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
});
