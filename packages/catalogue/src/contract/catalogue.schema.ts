import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';

/** The two iStandaarden: iWmo (Wmo 2015) and iJw (Jeugdwet). */
export const standardSchema = z.enum(['iwmo', 'ijw']);
export type Standard = z.infer<typeof standardSchema>;

/** WJ756 Eenheid: the unit a volume is expressed in. */
export const units = {
  '01': 'minuut',
  '04': 'uur',
  '14': 'etmaal',
  '16': 'dagdeel (4 uur)',
  '82': 'stuks (output)',
  '83': "euro's",
  '84': 'stuks (inspanning)',
} as const;
export type UnitCode = keyof typeof units;
export const unitSchema = z.enum(Object.keys(units) as [UnitCode, ...UnitCode[]]);

export const categoryCodeSchema = z.string().regex(/^\d{2}$/, 'two digits (WMO020 / JZ020)');
/** LDT_ProductCode: 1-5 characters; letters and digits as the messages carry them. */
export const productCodeSchema = z.string().regex(/^[A-Za-z0-9]{1,5}$/, '1-5 letters or digits');

export const categorySchema = z.object({
  standard: standardSchema,
  code: z.string(),
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** How many national product codes the category has (0 for the Wmo: no national list). */
  productCount: z.number().int(),
});
export type Category = z.infer<typeof categorySchema>;

export const nationalProductSchema = z.object({
  standard: standardSchema,
  category: z.string(),
  code: z.string(),
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type NationalProduct = z.infer<typeof nationalProductSchema>;

export const nationalProductsQuerySchema = z.object({
  standard: standardSchema.optional(),
  category: categoryCodeSchema.optional(),
  on: calendarDateSchema.optional(),
});

export const localProductsQuerySchema = z.object({ standard: standardSchema.optional(), on: calendarDateSchema.optional() });

export const localProductInputSchema = z.object({
  standard: standardSchema,
  localCode: productCodeSchema,
  name: z.string().trim().min(1).max(200),
  category: categoryCodeSchema,
  /** The national product code it stands for; null or absent = not (yet) mapped. */
  nationalCode: z.string().regex(/^[A-Za-z0-9]{5}$/, 'five letters or digits').nullable().optional(),
  unit: unitSchema.nullable().optional(),
  validFrom: calendarDateSchema,
  validTo: calendarDateSchema.nullable().optional(),
});
export type LocalProductInput = z.infer<typeof localProductInputSchema>;

/** A change to a local product: its standard and local code stay what they are. */
export const localProductUpdateSchema = localProductInputSchema.omit({ standard: true, localCode: true }).partial();
export type LocalProductUpdate = z.infer<typeof localProductUpdateSchema>;

export const endLocalProductSchema = z.object({ validTo: calendarDateSchema });

export const localProductSchema = z.object({
  id: z.string().uuid(),
  standard: standardSchema,
  localCode: z.string(),
  name: z.string(),
  category: z.string(),
  nationalCode: z.string().nullable(),
  unit: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type LocalProduct = z.infer<typeof localProductSchema>;

export const mappingReportQuerySchema = z.object({ on: calendarDateSchema.optional() });

export const mappingReportSchema = z.object({
  on: z.string(),
  /** Local products valid on the day, in a category with national codes, without one. */
  unmapped: z.array(localProductSchema),
  /** National codes that more than one local code valid on the day stands for. */
  mappedTwice: z.array(z.object({ standard: standardSchema, nationalCode: z.string(), localProducts: z.array(localProductSchema) })),
  /** Local products valid on the day whose national code or category is no longer valid that day. */
  expired: z.array(z.object({ product: localProductSchema, reason: z.enum(['national-code-ended', 'category-ended']) })),
});
export type MappingReport = z.infer<typeof mappingReportSchema>;
