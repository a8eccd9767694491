import { catalogueContract, type Category, type LocalProduct, type MappingReport, type Standard, type UnitCode } from '@kern/catalogue/contract';
import { contractingContract, unitCodes, type Contract, type ContractedProduct, type ContractedProductInput, type ContractInput, type FundingModel, type Provider } from '@kern/contracting/contract';
import type { BodyIn, ResponseOf } from '@kern/kit/contract';
import type { Api } from '../api';

// product catalogue and contracting (no personal data)
export type { Category, FundingModel, LocalProduct, MappingReport, Standard };
/** What the form sends to add a local product (the server's body schema, before its defaults and trimming). */
export type LocalProductInput = BodyIn<typeof catalogueContract.createLocalProduct>;
export type { Contract, ContractedProduct, ContractedProductInput, ContractInput, Provider };
export type ContractDetail = ResponseOf<typeof contractingContract.readContract>;

/** WJ756 Eenheid codes. */
export const UNITS = unitCodes;
export const isUnitCode = (unit: string): unit is UnitCode => (UNITS as readonly string[]).includes(unit);

export function catalogueApi(api: Api) {
  return {
    categories: () => api.call(catalogueContract.listCategories),
    localProducts: () => api.call(catalogueContract.listLocalProducts),
    addLocalProduct: (input: LocalProductInput) => api.call(catalogueContract.createLocalProduct, { body: input }),
    endLocalProduct: (id: string, validTo: string) => api.call(catalogueContract.endLocalProduct, { params: { id }, body: { validTo } }),
    mappingReport: () => api.call(catalogueContract.readMappingReport),
    providers: () => api.call(contractingContract.listProviders),
    addProvider: (input: { agbCode: string; name: string; kvkNumber: string | null }) => api.call(contractingContract.registerProvider, { body: input }),
    contracts: () => api.call(contractingContract.listContracts),
    addContract: (input: ContractInput) => api.call(contractingContract.concludeContract, { body: input }),
    contract: (id: string) => api.call(contractingContract.readContract, { params: { id } }),
    addProduct: (contractId: string, input: ContractedProductInput) => api.call(contractingContract.addContractedProduct, { params: { id: contractId }, body: input }),
    endContract: (id: string, validTo: string) => api.call(contractingContract.endContract, { params: { id }, body: { validTo } }),
  };
}
