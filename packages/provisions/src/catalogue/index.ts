// Product catalogue: the national iStandaarden catalogue as reference data and each municipality's local products.
export * from './catalogue.schema';
export * from './catalogue-rules';
export * from './catalogue.repository';
export * from './load-national-catalogue';
export * from './read-catalogue';
export * from './create-local-product';
export * from './change-local-product';
export * from './end-local-product';
export * from './mapping-report';
export * from './catalogue.routes';
