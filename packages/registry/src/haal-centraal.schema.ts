/**
 * The subset of the Haal Centraal BRP bevragen 2.x `Persoon` that Kern reads, in the API's own
 * field names (shared/reference/brp-api/specificatie/openapi.yaml). The fake BRP produces these
 * objects and the client validates what any BRP (fake or real) answers against them, so both ends
 * agree on one definition. Objects are loose: the real API sends more than Kern reads, and an
 * unknown extra field must not make a response invalid.
 */
import { z } from 'zod';

export const waardetabelSchema = z.looseObject({
  code: z.string().optional(),
  omschrijving: z.string().optional(),
});
export type Waardetabel = z.infer<typeof waardetabelSchema>;

// AbstractDatum: GBA allows unknown day, month or whole date (00 in the element), so the API has four shapes.
export const volledigeDatumSchema = z.looseObject({
  type: z.literal('Datum'),
  datum: z.iso.date(),
  langFormaat: z.string(),
});
export const datumOnbekendSchema = z.looseObject({
  type: z.literal('DatumOnbekend'),
  onbekend: z.boolean(),
  langFormaat: z.string(),
});
export const jaarDatumSchema = z.looseObject({
  type: z.literal('JaarDatum'),
  jaar: z.number().int(),
  langFormaat: z.string(),
});
export const jaarMaandDatumSchema = z.looseObject({
  type: z.literal('JaarMaandDatum'),
  jaar: z.number().int(),
  maand: z.number().int().min(1).max(12),
  langFormaat: z.string(),
});
export const abstractDatumSchema = z.discriminatedUnion('type', [
  volledigeDatumSchema,
  datumOnbekendSchema,
  jaarDatumSchema,
  jaarMaandDatumSchema,
]);
export type AbstractDatum = z.infer<typeof abstractDatumSchema>;

export const naamSchema = z.looseObject({
  voornamen: z.string().optional(),
  adellijkeTitelPredicaat: waardetabelSchema.optional(),
  voorvoegsel: z.string().optional(),
  geslachtsnaam: z.string().optional(),
  voorletters: z.string().optional(),
  volledigeNaam: z.string().optional(),
  aanduidingNaamgebruik: waardetabelSchema.optional(),
});
export type Naam = z.infer<typeof naamSchema>;

export const geboorteSchema = z.looseObject({
  datum: abstractDatumSchema.optional(),
  plaats: waardetabelSchema.optional(),
  land: waardetabelSchema.optional(),
});
export type Geboorte = z.infer<typeof geboorteSchema>;

export const overlijdenSchema = z.looseObject({
  datum: abstractDatumSchema.optional(),
  plaats: waardetabelSchema.optional(),
  land: waardetabelSchema.optional(),
});

export const verblijfadresBinnenlandSchema = z.looseObject({
  officieleStraatnaam: z.string().optional(),
  korteStraatnaam: z.string().optional(),
  huisnummer: z.number().int().optional(),
  huisletter: z.string().optional(),
  huisnummertoevoeging: z.string().optional(),
  aanduidingBijHuisnummer: waardetabelSchema.optional(),
  postcode: z.string().optional(),
  woonplaats: z.string().optional(),
});
export type VerblijfadresBinnenland = z.infer<typeof verblijfadresBinnenlandSchema>;

export const adresSchema = z.looseObject({
  type: z.literal('Adres'),
  verblijfadres: verblijfadresBinnenlandSchema.optional(),
  functieAdres: waardetabelSchema.optional(),
  adresseerbaarObjectIdentificatie: z.string().optional(),
  nummeraanduidingIdentificatie: z.string().optional(),
  datumVan: abstractDatumSchema.optional(),
});
export const verblijfplaatsBuitenlandSchema = z.looseObject({
  type: z.literal('VerblijfplaatsBuitenland'),
  verblijfadres: z
    .looseObject({
      regel1: z.string().optional(),
      regel2: z.string().optional(),
      regel3: z.string().optional(),
      land: waardetabelSchema.optional(),
    })
    .optional(),
  datumVan: abstractDatumSchema.optional(),
});
export const locatieSchema = z.looseObject({
  type: z.literal('Locatie'),
  verblijfadres: z.looseObject({ locatiebeschrijving: z.string().optional() }).optional(),
  functieAdres: waardetabelSchema.optional(),
  datumVan: abstractDatumSchema.optional(),
});
export const verblijfplaatsOnbekendSchema = z.looseObject({
  type: z.literal('VerblijfplaatsOnbekend'),
  datumVan: abstractDatumSchema.optional(),
});
export const verblijfplaatsSchema = z.discriminatedUnion('type', [
  adresSchema,
  verblijfplaatsBuitenlandSchema,
  locatieSchema,
  verblijfplaatsOnbekendSchema,
]);
export type Verblijfplaats = z.infer<typeof verblijfplaatsSchema>;

export const kindSchema = z.looseObject({
  burgerservicenummer: z.string().optional(),
  naam: naamSchema.optional(),
  geboorte: geboorteSchema.optional(),
});
export type Kind = z.infer<typeof kindSchema>;

export const ouderSchema = z.looseObject({
  burgerservicenummer: z.string().optional(),
  ouderAanduiding: z.string().optional(),
  geslacht: waardetabelSchema.optional(),
  naam: naamSchema.optional(),
  geboorte: geboorteSchema.optional(),
  datumIngangFamilierechtelijkeBetrekking: abstractDatumSchema.optional(),
});
export type Ouder = z.infer<typeof ouderSchema>;

export const partnerSchema = z.looseObject({
  burgerservicenummer: z.string().optional(),
  geslacht: waardetabelSchema.optional(),
  soortVerbintenis: waardetabelSchema.optional(),
  naam: naamSchema.optional(),
  geboorte: geboorteSchema.optional(),
  aangaanHuwelijkPartnerschap: z
    .looseObject({
      datum: abstractDatumSchema.optional(),
      plaats: waardetabelSchema.optional(),
      land: waardetabelSchema.optional(),
    })
    .optional(),
  ontbindingHuwelijkPartnerschap: z.looseObject({ datum: abstractDatumSchema.optional() }).optional(),
});
export type Partner = z.infer<typeof partnerSchema>;

export const nationaliteitSchema = z.looseObject({
  type: z.enum(['Nationaliteit', 'BehandeldAlsNederlander', 'VastgesteldNietNederlander', 'Staatloos', 'NationaliteitOnbekend']),
  nationaliteit: waardetabelSchema.optional(),
  redenOpname: waardetabelSchema.optional(),
  datumIngangGeldigheid: abstractDatumSchema.optional(),
});

export const persoonSchema = z.looseObject({
  aNummer: z.string().optional(),
  burgerservicenummer: z.string().optional(),
  geslacht: waardetabelSchema.optional(),
  naam: naamSchema.optional(),
  geboorte: geboorteSchema.optional(),
  overlijden: overlijdenSchema.optional(),
  nationaliteiten: z.array(nationaliteitSchema).optional(),
  verblijfplaats: verblijfplaatsSchema.optional(),
  gemeenteVanInschrijving: waardetabelSchema.optional(),
  datumInschrijvingInGemeente: abstractDatumSchema.optional(),
  datumEersteInschrijvingGBA: abstractDatumSchema.optional(),
  adressering: z
    .looseObject({
      adresregel1: z.string().optional(),
      adresregel2: z.string().optional(),
      adresregel3: z.string().optional(),
      land: waardetabelSchema.optional(),
    })
    .optional(),
  opschortingBijhouding: z
    .looseObject({ reden: waardetabelSchema.optional(), datum: abstractDatumSchema.optional() })
    .optional(),
  geheimhoudingPersoonsgegevens: z.boolean().optional(),
  indicatieCurateleRegister: z.boolean().optional(),
  /** GBA 11.32.10 on a minor's record: who holds authority by a court's decision (1, 2, 12, D, 1D, 2D). */
  indicatieGezagMinderjarige: waardetabelSchema.optional(),
  verblijfstitel: z
    .looseObject({
      aanduiding: waardetabelSchema.optional(),
      datumIngang: abstractDatumSchema.optional(),
      datumEinde: abstractDatumSchema.optional(),
    })
    .optional(),
  partners: z.array(partnerSchema).optional(),
  ouders: z.array(ouderSchema).optional(),
  kinderen: z.array(kindSchema).optional(),
});
export type Persoon = z.infer<typeof persoonSchema>;

export const personenQueryResponseSchema = z.looseObject({
  type: z.string(),
  personen: z.array(persoonSchema).default([]),
});

// The API's problem+json for a 400 (BadRequestFoutbericht); the other statuses omit invalidParams.
export const foutberichtSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().int().optional(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string().optional(),
  invalidParams: z
    .array(z.looseObject({ type: z.string().optional(), name: z.string(), code: z.string(), reason: z.string() }))
    .optional(),
});
export type Foutbericht = z.infer<typeof foutberichtSchema>;

export const QUERY_TYPES = [
  'RaadpleegMetBurgerservicenummer',
  'ZoekMetGeslachtsnaamEnGeboortedatum',
  'ZoekMetPostcodeEnHuisnummer',
] as const;
export type QueryType = (typeof QUERY_TYPES)[number];
