export * from './contract';
export type { Persoon, AbstractDatum, Foutbericht, QueryType } from './haal-centraal.schema';
export { persoonSchema } from './haal-centraal.schema';
export { loadTestPersons, findTestPerson, toPersoon } from './test-persons';
export { buildFakeBrpApp, startFakeBrp, BRP_BASE_PATH } from './fake-brp';
export type { FakeBrpOptions, StartFakeBrpOptions, RunningFakeBrp } from './fake-brp';
export * from './fake-brp-population';
export { createBrpClient } from './brp-client';
export type { BrpClient, BrpClientOptions, MunicipalityScope, SurnameSearch, AddressSearch, ParentalAuthority } from './brp-client';
export { deriveHousehold, loadHousehold, sameAddress } from './household';
export { toResident, toResidentSummary } from './resident-mapping';
export { DEMO_HOUSEHOLDS, demoHouseholdBsns } from './demo-households';
export type { DemoHousehold } from './demo-households';
// Use cases and routes (written alongside by the lead; exported because apps/server and bench import them from here).
export { readResident, readHousehold } from './read-resident';
export { searchResidents } from './search-residents';
export { registryRoutes } from './registry.routes';
