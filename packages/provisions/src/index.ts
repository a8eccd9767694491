// @kern/provisions: Product catalogue (iStandaarden categories and codes, local codes), decisions and allocations.
// product catalogue
export * from './catalogue/index';
