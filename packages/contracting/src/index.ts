// @kern/contracting: Care providers, contracts, contracted products, tariffs and funding models.
export {};
