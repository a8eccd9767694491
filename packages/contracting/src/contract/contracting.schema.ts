import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';

export const fundingModelSchema = z.enum(['inspanningsgericht', 'outputgericht', 'taakgericht']);
export type FundingModel = z.infer<typeof fundingModelSchema>;
export const lawSchema = z.enum(['wmo', 'jeugdwet']);
export type ContractLaw = z.infer<typeof lawSchema>;
/** The iStandaard a law's messages use. */
export const standardOfLaw = { wmo: 'iwmo', jeugdwet: 'ijw' } as const;

/** WJ756 Eenheid. */
export const unitCodes = ['01', '04', '14', '16', '82', '83', '84'] as const;
export const unitCodeSchema = z.enum(unitCodes);

export const agbSchema = z.string().regex(/^\d{8}$/, 'eight digits (AGB code)');

export const providerInputSchema = z.object({
  agbCode: agbSchema,
  name: z.string().trim().min(1).max(200),
  kvkNumber: z.string().regex(/^\d{8}$/, 'eight digits (KvK number)').nullable().optional(),
  contact: z.string().trim().max(500).nullable().optional(),
});
export type ProviderInput = z.infer<typeof providerInputSchema>;

export const providerSchema = z.object({
  id: z.string().uuid(),
  agbCode: z.string(),
  name: z.string(),
  kvkNumber: z.string().nullable(),
  contact: z.string().nullable(),
  contractCount: z.number().int(),
});
export type Provider = z.infer<typeof providerSchema>;

export const contractInputSchema = z.object({
  providerId: z.string().uuid(),
  reference: z.string().trim().min(1).max(60),
  /** Region id (tenancy) when the region bought the contract on the municipality's behalf. */
  region: z.string().trim().min(1).max(120).nullable().optional(),
  law: lawSchema,
  fundingModel: fundingModelSchema,
  /** Taakgericht only: the budget for the task over the contract period, in eurocents. */
  budgetCents: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  validFrom: calendarDateSchema,
  validTo: calendarDateSchema.nullable().optional(),
});
export type ContractInput = z.infer<typeof contractInputSchema>;

export const contractSchema = z.object({
  id: z.string().uuid(),
  providerId: z.string().uuid(),
  providerName: z.string(),
  providerAgb: z.string(),
  reference: z.string(),
  region: z.string().nullable(),
  law: lawSchema,
  fundingModel: fundingModelSchema,
  budgetCents: z.number().int().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type Contract = z.infer<typeof contractSchema>;

export const contractedProductInputSchema = z.object({
  category: z.string().regex(/^\d{2}$/, 'two digits (WMO020 / JZ020)'),
  /** Null or absent: the whole category (aspecifiek). Otherwise the code the messages carry. */
  productCode: z.string().regex(/^[A-Za-z0-9]{1,5}$/, '1-5 letters or digits').nullable().optional(),
  unit: unitCodeSchema,
  /** Tariff per unit in eurocents. */
  tariffCents: z.number().int().min(0).max(99_999_999),
  validFrom: calendarDateSchema,
  validTo: calendarDateSchema.nullable().optional(),
});
export type ContractedProductInput = z.infer<typeof contractedProductInputSchema>;

export const contractedProductSchema = z.object({
  id: z.string().uuid(),
  contractId: z.string().uuid(),
  standard: z.enum(['iwmo', 'ijw']),
  category: z.string(),
  productCode: z.string().nullable(),
  unit: z.string(),
  tariffCents: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type ContractedProduct = z.infer<typeof contractedProductSchema>;

export const contractDetailSchema = contractSchema.extend({ products: z.array(contractedProductSchema) });
export type ContractDetail = z.infer<typeof contractDetailSchema>;

export const endContractSchema = z.object({ validTo: calendarDateSchema });

export const contractsQuerySchema = z.object({ providerId: z.string().uuid().optional(), on: calendarDateSchema.optional() });

/** The answer to "what does this provider get for this product on this day" (see contractedTariff). */
export interface ContractedTariff {
  tariffCents: number;
  unit: string;
  contractId: string;
  contractReference: string;
  contractedProductId: string;
  fundingModel: FundingModel;
  /** True when the contract names the category only (aspecifiek), not this product code. */
  wholeCategory: boolean;
}
