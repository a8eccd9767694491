// @kern/catalogue: the product catalogue. The national iStandaarden catalogue (WMO020 and JZ020
// categories, the iJw national product codes) as reference data, and each municipality's local
// products mapped onto it, with the mapping report.
//
// For other modules (decisions in @kern/provisions, contracts in @kern/contracting), the stable
// entry points are the product facts (see product-facts.ts), run in the caller's transaction:
//   categoryValidity(tx, standard, code)                 a category's validity, or undefined
//   categoriesValidOn(tx, standard, on)                  the categories of a standard valid on a day
//   productCodeKnown(tx, { standard, category, code, on }) a local or national code of the category that day
//   categoryNames(tx, standard, codes)                   the categories' Dutch names, for citizens' texts
// Use cases (access first, audited): listCategories, listNationalProducts, listLocalProducts,
// createLocalProduct, changeLocalProduct, endLocalProduct, readMappingReport. Routes: catalogueRoutes.
// Reference data load (a seed step, schema owner): loadNationalCatalogue, readNationalCatalogue.
export * from './contract';
export * from './catalogue-rules';
export type { NationalCatalogueData } from './catalogue.repository';
export * from './product-facts';
export * from './load-national-catalogue';
export * from './read-catalogue';
export * from './create-local-product';
export * from './change-local-product';
export * from './end-local-product';
export * from './mapping-report';
export * from './catalogue.routes';
