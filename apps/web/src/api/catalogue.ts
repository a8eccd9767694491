import type { Api } from '../api';

// product catalogue and contracting (no personal data)
export type Standard = 'iwmo' | 'ijw';
export type FundingModel = 'inspanningsgericht' | 'outputgericht' | 'taakgericht';

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
export interface Provider { id: string; agbCode: string; name: string; kvkNumber: string | null; contact: string | null; contractCount: number }
export interface Contract {
  id: string; providerId: string; providerName: string; providerAgb: string; reference: string; region: string | null; law: 'wmo' | 'jeugdwet';
  fundingModel: FundingModel; budgetCents: number | null; validFrom: string; validTo: string | null;
}
export interface ContractedProduct {
  id: string; contractId: string; standard: Standard; category: string; productCode: string | null; unit: string; tariffCents: number; validFrom: string; validTo: string | null;
}
export interface ContractInput {
  providerId: string; reference: string; region: string | null; law: 'wmo' | 'jeugdwet'; fundingModel: FundingModel; budgetCents: number | null; validFrom: string; validTo: string | null;
}
export interface ContractedProductInput { category: string; productCode: string | null; unit: string; tariffCents: number; validFrom: string; validTo: string | null }

/** WJ756 Eenheid codes. */
export const UNITS = ['01', '04', '14', '16', '82', '83', '84'] as const;

export function catalogueApi(api: Api) {
  return {
    categories: () => api.request<Category[]>('GET', '/catalogue/categories'),
    localProducts: () => api.request<LocalProduct[]>('GET', '/catalogue/local-products'),
    addLocalProduct: (input: LocalProductInput) => api.request<LocalProduct>('POST', '/catalogue/local-products', input),
    endLocalProduct: (id: string, validTo: string) => api.request<LocalProduct>('POST', `/catalogue/local-products/${encodeURIComponent(id)}/end`, { validTo }),
    mappingReport: () => api.request<MappingReport>('GET', '/catalogue/mapping-report'),
    providers: () => api.request<Provider[]>('GET', '/contracting/providers'),
    addProvider: (input: { agbCode: string; name: string; kvkNumber: string | null }) => api.request<Provider>('POST', '/contracting/providers', input),
    contracts: () => api.request<Contract[]>('GET', '/contracting/contracts'),
    addContract: (input: ContractInput) => api.request<Contract>('POST', '/contracting/contracts', input),
    contract: (id: string) => api.request<Contract & { products: ContractedProduct[] }>('GET', `/contracting/contracts/${encodeURIComponent(id)}`),
    addProduct: (contractId: string, input: ContractedProductInput) =>
      api.request<ContractedProduct>('POST', `/contracting/contracts/${encodeURIComponent(contractId)}/products`, input),
    endContract: (id: string, validTo: string) => api.request<Contract & { products: ContractedProduct[] }>('POST', `/contracting/contracts/${encodeURIComponent(id)}/end`, { validTo }),
  };
}
