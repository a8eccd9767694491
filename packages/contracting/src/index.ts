// @kern/contracting: Care providers, contracts, contracted products, tariffs and funding models.
//
// For other modules (invoice verification, allocations), the stable entry point is
//
//   contractedTariff(tx, { providerAgb, category, productCode, on }): Promise<ContractedTariff | null>
//
// run inside the caller's tenant transaction after the caller's own access decision. It answers
// the tariff per unit in eurocents that applied on day `on` (ISO date) for the provider (AGB code),
// the WMO020/JZ020 category and the product code (null/undefined: an aspecifieke allocation), with
// the unit, the contract id and reference, the contracted product id and the contract's funding
// model (inspanningsgericht / outputgericht / taakgericht); or null when no contract of that
// provider covers it that day. A product named in a contract wins over a contract for its whole
// category, the municipality's own contract over a regional one, then the latest start. Keep the
// name and the signature stable: other modules depend on them.
//
// For provisions' allocations (see contract-facts.ts), answered under the caller's grant:
//   contractFacts(tx, grant).contractFor({ providerAgb, law, standard, category, productCode, on })
//   contractFacts(tx, grant).providerByAgb(agbCode)
// and, for reads that carry no grant of their own (organisations only): providerNames(tx, ids).
// Contracting needs nothing from provisions; its product facts come from @kern/catalogue.
export * from './contract/contracting.schema';
export * from './contracting-rules';
export * from './contract-facts';
export * from './contracted-tariff';
export * from './register-provider';
export * from './list-providers';
export * from './conclude-contract';
export * from './read-contracts';
export * from './add-contracted-product';
export * from './end-contract';
export * from './look-up-tariff';
export * from './tariff-facts';
export * from './contracting.routes';
