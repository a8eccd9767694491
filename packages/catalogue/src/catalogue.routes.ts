import { contextOf, moduleRoutes, runAsTenant, type AccessServices } from '@kern/access';
import { catalogueContract } from './contract';
import { changeLocalProduct } from './change-local-product';
import { createLocalProduct } from './create-local-product';
import { endLocalProduct } from './end-local-product';
import { readMappingReport } from './mapping-report';
import { listCategories, listLocalProducts, listNationalProducts } from './read-catalogue';

/** The product catalogue's routes (no resident data, so none reads or writes personal data). */
export function catalogueRoutes(services: AccessServices) {
  return moduleRoutes(catalogueContract, {
    listCategories: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listCategories(services, tx, ctx));
    },
    listNationalProducts: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listNationalProducts(services, tx, ctx, request.query));
    },
    listLocalProducts: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => listLocalProducts(services, tx, ctx, request.query));
    },
    createLocalProduct: async (request, reply) => {
      const ctx = contextOf(request);
      const product = await runAsTenant(services, ctx, (tx) => createLocalProduct(services, tx, ctx, request.body));
      return reply.code(201).send(product);
    },
    changeLocalProduct: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => changeLocalProduct(services, tx, ctx, request.params.id, request.body));
    },
    endLocalProduct: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => endLocalProduct(services, tx, ctx, request.params.id, request.body.validTo));
    },
    readMappingReport: async (request) => {
      const ctx = contextOf(request);
      return runAsTenant(services, ctx, (tx) => readMappingReport(services, tx, ctx, request.query));
    },
  });
}
