import { contractingContract, unitCodes, type Contract, type ContractedProduct, type ContractedProductInput, type ContractInput, type FundingModel, type Provider } from '@kern/contracting/contract';
import type { ResponseOf } from '@kern/kit/contract';
import type { Api } from '../api';

// product catalogue and contracting (no personal data)
export type Standard = 'iwmo' | 'ijw';
export type { FundingModel };

export interface Category { standard: Standard; code: string; name: string; validFrom: string; validTo: string | null; productCount: number }
export interface LocalProduct {
  id: string; standard: Standard; localCode: string; name: string; category: string; nationalCode: string | null; unit: string | null; validFrom: string; validTo: string | null;
}
export interface LocalProductInput {
  standard: Standard; localCode: string; name: string; category: string; nationalCode: string | null; unit: string | null; validFrom: string; validTo: string | null;
}
export interface MappingReport {
  on: string;
  unmapped: LocalProduct[];
  mappedTwice: { standard: Standard; nationalCode: string; localProducts: LocalProduct[] }[];
  expired: { product: LocalProduct; reason: 'national-code-ended' | 'category-ended' }[];
}
export type { Contract, ContractedProduct, ContractedProductInput, ContractInput, Provider };
export type ContractDetail = ResponseOf<typeof contractingContract.readContract>;

/** WJ756 Eenheid codes. */
export const UNITS = unitCodes;

export function catalogueApi(api: Api) {
  return {
    categories: () => api.request<Category[]>('GET', '/catalogue/categories'),
    localProducts: () => api.request<LocalProduct[]>('GET', '/catalogue/local-products'),
    addLocalProduct: (input: LocalProductInput) => api.request<LocalProduct>('POST', '/catalogue/local-products', input),
    endLocalProduct: (id: string, validTo: string) => api.request<LocalProduct>('POST', `/catalogue/local-products/${encodeURIComponent(id)}/end`, { validTo }),
    mappingReport: () => api.request<MappingReport>('GET', '/catalogue/mapping-report'),
    providers: () => api.call(contractingContract.listProviders),
    addProvider: (input: { agbCode: string; name: string; kvkNumber: string | null }) => api.call(contractingContract.registerProvider, { body: input }),
    contracts: () => api.call(contractingContract.listContracts),
    addContract: (input: ContractInput) => api.call(contractingContract.concludeContract, { body: input }),
    contract: (id: string) => api.call(contractingContract.readContract, { params: { id } }),
    addProduct: (contractId: string, input: ContractedProductInput) => api.call(contractingContract.addContractedProduct, { params: { id: contractId }, body: input }),
    endContract: (id: string, validTo: string) => api.call(contractingContract.endContract, { params: { id }, body: { validTo } }),
  };
}
