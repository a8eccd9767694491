import { roles } from '@kern/access/contract';
import { z } from 'zod';

/** The statutory terms Kern counts, by id (the rules are in deadlines/statutory-terms.ts). */
export const statutoryTermIds = [
  'wmo-onderzoek',
  'wmo-beschikking',
  'jeugdwet-beschikking',
  'wgs-eerste-gesprek',
  'wgs-eerste-gesprek-urgent',
  'wgs-beschikking',
  'wgs-moratorium',
  'fonds-overname',
  'awb-bezwaar',
  'awb-beslissing-bezwaar',
  'awb-beslissing-bezwaar-commissie',
] as const;
export type StatutoryTermId = (typeof statutoryTermIds)[number];
export const statutoryTermIdSchema = z.enum(statutoryTermIds);

/**
 * Why the clock may stop. Awb 4:15 applies to every decision term, whatever law sets it:
 * lid 1 while the applicant completes an incomplete application (after an Awb 4:5 invitation),
 * lid 2 (a) with the applicant's written consent, (b) while the delay is the applicant's doing,
 * (c) force majeure. The Wmo 2015 onderzoek term has no statutory suspension; case law accepts a
 * longer onderzoek agreed with the client, modelled as `agreed-with-client`.
 */
export const suspensionGrounds = ['awb-4:15-aanvulling', 'awb-4:15-instemming', 'awb-4:15-vertraging-aanvrager', 'awb-4:15-overmacht', 'agreed-with-client'] as const;
export type SuspensionGround = (typeof suspensionGrounds)[number];
export const suspensionGroundSchema = z.enum(suspensionGrounds);

export const suspensionGroundLabels: Record<SuspensionGround, { nl: string; en: string }> = {
  'awb-4:15-aanvulling': { nl: 'aanvraag wordt aangevuld (Awb 4:15 lid 1)', en: 'the application is being completed (Awb 4:15(1))' },
  'awb-4:15-instemming': { nl: 'uitstel met schriftelijke instemming van de aanvrager (Awb 4:15 lid 2 sub a)', en: "delay with the applicant's written consent (Awb 4:15(2)(a))" },
  'awb-4:15-vertraging-aanvrager': { nl: 'vertraging is aan de aanvrager toe te rekenen (Awb 4:15 lid 2 sub b)', en: "the delay is the applicant's doing (Awb 4:15(2)(b))" },
  'awb-4:15-overmacht': { nl: 'overmacht (Awb 4:15 lid 2 sub c)', en: 'force majeure (Awb 4:15(2)(c))' },
  'agreed-with-client': { nl: 'in overleg met de cliënt afgesproken', en: 'agreed with the client' },
};

export const presetSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  residents: z.strictObject({ min: z.number().int().nonnegative(), max: z.number().int().positive().optional() }),
  description: z.string(),
  /** Library werkwijze ids that fit this scenario. */
  werkwijzen: z.array(z.string()).min(1),
  teams: z.array(z.strictObject({ id: z.string(), name: z.string(), staffing: z.partialRecord(z.enum(roles), z.number().nonnegative()) })).min(1),
});

export type Preset = z.infer<typeof presetSchema>;

export const werkwijzeSummarySchema = z.object({
  werkwijzeId: z.string(),
  version: z.number().int(),
  name: z.string(),
  status: z.enum(['available', 'active', 'retired']),
  importedFrom: z.string().nullable(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
});

export const werkwijzeDetailSchema = werkwijzeSummarySchema.extend({ sourceYaml: z.string(), definition: z.unknown() });

export const importWerkwijzeInputSchema = z.object({
  yaml: z.string().min(1).max(512 * 1024),
  /** Where it came from, e.g. "library:een-loket" or "GM0363" when adopting a neighbour's. */
  importedFrom: z.string().max(200).optional(),
});

export const diffInputSchema = z.object({
  /** `<id>@<version>` of a stored version, or `library:<id>` for a werkwijze from the shared library. */
  from: z.string().min(3).max(200),
  to: z.string().min(3).max(200),
  lang: z.enum(['nl', 'en']).default('nl'),
});
