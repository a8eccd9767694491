// @kern/provisions: Product catalogue (iStandaarden categories and codes, local codes), decisions and allocations.
export {};
