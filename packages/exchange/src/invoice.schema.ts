import type { Standard } from './messages';

/** One Prestatie of a 323, as the standard names its parts. Amounts in eurocents. No medical data exists in it. */
export interface Prestatie {
  referentieNummer: string;
  vorigReferentieNummer: string | null;
  toewijzingNummer: string;
  productCategorie: string;
  productCode: string | null;
  begindatum: string;
  einddatum: string;
  geleverdVolume: number;
  eenheid: string;
  productTarief: number;
  bedrag: number;
  debetCredit: 'D' | 'C';
}

export interface InvoiceClient {
  bsn: string;
  prestaties: Prestatie[];
}

/** The parts of a 323 before its clients: enough to answer it and to verify each prestatie. */
export interface InvoiceHeader {
  standard: Standard;
  afzender: string;
  ontvanger: string;
  identificatie: string;
  dagtekening: string;
  basisschemaXsdVersie: string;
  berichtXsdVersie: string;
  declaratieNummer: string;
  periodeBegin: string;
  periodeEind: string;
  declaratieDagtekening: string;
  totaalBedrag: number;
  totaalDebetCredit: 'D' | 'C';
}

/** What the municipality allocated (301), as verification needs it. Frequentie per WMO757: 1 dag, 2 week, 4 maand, 6 totaal. */
export interface AllocationFact {
  toewijzingNummer: string;
  bsn: string;
  providerAgb: string;
  productCategorie: string;
  productCode: string | null;
  ingangsdatum: string;
  einddatum: string | null;
  eenheid: string | null;
  volume: number | null;
  frequentie: string | null;
  /** Budget in eurocents (outputgericht with a budget). */
  budget: number | null;
  /** RedenWijziging 13: the allocation was removed. */
  removed: boolean;
}

/** A prestatie booked earlier (or earlier in this file) for the same provider. */
export interface BookedLine {
  referentieNummer: string;
  vorigReferentieNummer: string | null;
  toewijzingNummer: string;
  productCategorie: string;
  productCode: string | null;
  begindatum: string;
  einddatum: string;
  geleverdVolume: number;
  bedrag: number;
  debetCredit: 'D' | 'C';
  approved: boolean;
}

export interface LineVerdict {
  approved: boolean;
  /** WJ001 codes, empty when approved. */
  codes: string[];
}
