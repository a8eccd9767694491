/**
 * Kern's own view of a resident, in English code names. The BRP's Dutch API shapes stop at the
 * client (haal-centraal.schema.ts); the HTTP API and the web app reuse these schemas.
 */
import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';

/** A date as far as it is known: `1985-12-01`, `1985-12` or `1985`; null when wholly unknown. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
  .nullable();

export const bsnSchema = z.string().regex(/^\d{9}$/);
export const municipalityCodeSchema = z.string().regex(/^\d{4}$/);
const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const personNameSchema = z.object({
  givenNames: z.string().nullable(),
  prefix: z.string().nullable(),
  surname: z.string().nullable(),
  fullName: z.string(),
});
export type PersonName = z.infer<typeof personNameSchema>;

export const addressSchema = z.object({
  street: z.string(),
  houseNumber: z.number().int(),
  houseLetter: z.string().optional(),
  houseNumberAddition: z.string().optional(),
  postcode: z.string(),
  city: z.string(),
  addressableObjectId: z.string().optional(),
});
export type Address = z.infer<typeof addressSchema>;

export const genderSchema = z.enum(['male', 'female', 'unknown']);
export type Gender = z.infer<typeof genderSchema>;

/** A partner, parent or child as the subject's own record describes them. */
export const relatedPersonSchema = z.object({
  /** Absent when the BRP does not know the relative's BSN (e.g. born abroad, never registered). */
  bsn: bsnSchema.optional(),
  name: personNameSchema,
  birthDate: partialDateSchema,
  /** Partners only: set when the marriage or partnership has been dissolved. */
  dissolvedOn: partialDateSchema.optional(),
});
export type RelatedPerson = z.infer<typeof relatedPersonSchema>;

export const residentSchema = z.object({
  bsn: bsnSchema,
  name: personNameSchema,
  birthDate: partialDateSchema,
  gender: genderSchema,
  birthPlace: z.string().optional(),
  address: addressSchema.optional(),
  municipalityCode: municipalityCodeSchema,
  /** The day of registration in that municipality (datumInschrijvingInGemeente), when the BRP knows the full date. */
  registeredSince: isoDateSchema.optional(),
  deceased: z.boolean(),
  /** The day of death, when the BRP knows the full date. */
  diedOn: isoDateSchema.optional(),
  partners: z.array(relatedPersonSchema),
  parents: z.array(relatedPersonSchema),
  children: z.array(relatedPersonSchema),
});
export type Resident = z.infer<typeof residentSchema>;

export const residentSummarySchema = residentSchema.pick({ bsn: true, name: true, birthDate: true, address: true });
export type ResidentSummary = z.infer<typeof residentSummarySchema>;

export const householdRelationSchema = z.enum(['self', 'partner', 'child', 'parent', 'housemate']);
export type HouseholdRelation = z.infer<typeof householdRelationSchema>;

export const householdMemberSchema = z.object({
  relation: householdRelationSchema,
  /** True for a partner, child or parent who is registered at another address (or not visible to this municipality). */
  livesElsewhere: z.boolean(),
  bsn: bsnSchema.optional(),
  name: personNameSchema,
  birthDate: partialDateSchema,
  /** The full record when this municipality can see it; absent for relatives registered elsewhere in the country. */
  resident: residentSchema.optional(),
});
export type HouseholdMember = z.infer<typeof householdMemberSchema>;

export const householdSchema = z.object({
  subjectBsn: bsnSchema,
  address: addressSchema.optional(),
  /** The subject first, then everyone at the address, then relatives who live elsewhere. */
  members: z.array(householdMemberSchema),
});
export type Household = z.infer<typeof householdSchema>;

export const accessInfoSchema = z.object({
  /** The legal basis the access was granted on, as recorded in the audit log. */
  basis: z.string(),
  breakGlass: z.boolean(),
});

export const readResidentOutputSchema = z.object({ resident: residentSchema, access: accessInfoSchema });

export const householdViewMemberSchema = householdMemberSchema.omit({ resident: true });

export const readHouseholdOutputSchema = z.object({
  household: z.object({ subjectBsn: z.string(), address: addressSchema.optional(), members: z.array(householdViewMemberSchema) }),
  access: accessInfoSchema,
});

/**
 * Search first, never browse: a search names one resident by BSN, or narrows to a handful by
 * surname + birth date or by postcode + house number. No query lists all residents.
 */
export const searchResidentsInputSchema = z.object({
  bsn: z.string().trim().optional(),
  surname: z.string().trim().min(1).max(200).optional(),
  birthDate: calendarDateSchema.optional(),
  postcode: z.string().trim().regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, 'a Dutch postcode like 3074LA').optional(),
  houseNumber: z.coerce.number().int().min(1).max(99999).optional(),
});

export type SearchResidentsInput = z.infer<typeof searchResidentsInputSchema>;

export const searchResidentsOutputSchema = z.object({ residents: z.array(residentSummarySchema) });
