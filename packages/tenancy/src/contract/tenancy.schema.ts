import { z } from 'zod';

export const municipalityCodeSchema = z.string().regex(/^\d{4}$/, 'a CBS municipality code is four digits, e.g. 0363');

export const municipalitySchema = z.object({
  code: z.string(),
  /** The code as shown to people, e.g. GM0363. */
  gmCode: z.string(),
  name: z.string(),
  province: z.string(),
});
export type Municipality = z.infer<typeof municipalitySchema>;

export const regionSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['inkoopregio', 'jeugdregio', 'arbeidsmarktregio', 'samenwerking']),
  members: z.array(z.string()),
});
export type Region = z.infer<typeof regionSchema>;

/** Per-municipality settings. Known keys are typed; the werkwijzen and other modules add theirs. */
export const municipalitySettingsSchema = z.object({
  /** Celebrate Liberation Day (5 May) as an office holiday every year, not only each fifth year. */
  liberationDayOffice: z.boolean().default(true),
  /** Wgs art. 4a: the municipality's own term for the decision after the first conversation, in weeks (at most 8). */
  wgsDecisionWeeks: z.number().int().min(1).max(8).default(8),
  /** Small-cell threshold for published aggregates. */
  benchmarkSuppressBelow: z.number().int().min(10).default(10),
  benchmarkOptIn: z.boolean().default(false),
  /** Who the citizen sees under an answer in the portal thread: the team (default) or the staff member's name. */
  portalAnswerSignature: z.enum(['team', 'name']).default('team'),
});
export type MunicipalitySettings = z.infer<typeof municipalitySettingsSchema>;

export const settingsOutputSchema = z.object({
  municipalityCode: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  settings: municipalitySettingsSchema,
  regions: z.array(regionSchema),
});

export const settingsUpdateSchema = z.object({
  displayName: z.string().trim().min(2).max(120).optional(),
  settings: municipalitySettingsSchema.partial().strict().optional(),
});
