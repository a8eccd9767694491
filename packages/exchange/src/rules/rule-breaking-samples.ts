import { build323 } from '../build-323';
import type { InvoiceHeader, Prestatie } from '../invoice.schema';
import { sample305, sample315, sample317, type SampleHeader } from '../inbound/sample-messages';

/**
 * One message per rule that can be judged on the message alone, breaking that rule and no other:
 * `kern exchange validate`, `process`/`receive` and the provider self-check must each refuse it
 * under the rule's own code (their tests share this list). Dated for a system date of 2026-12-31.
 */
export interface RuleBreakingSample {
  rule: string;
  code: string;
  /** A file name of the kind the CLI reads (the type is read from the namespace, not the name). */
  file: string;
  xml: string;
}

const h = (standard: SampleHeader['standard'], identificatie: string): SampleHeader => ({ standard, provider: '12345678', municipality: '0599', identificatie, dagtekening: '2026-11-02' });
const client = { bsn: '999991838' };
const omvang = { volume: 3, eenheid: '04', frequentie: '2' };

export const invoiceHeaderSample: InvoiceHeader = {
  standard: 'iwmo', afzender: '12345678', ontvanger: '0599', identificatie: 'F1', dagtekening: '2026-11-05', basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0',
  declaratieNummer: 'D1', periodeBegin: '2026-10-01', periodeEind: '2026-10-31', declaratieDagtekening: '2026-11-05', totaalBedrag: 5000, totaalDebetCredit: 'D',
};
export const prestatieSample: Prestatie = { referentieNummer: 'R1', vorigReferentieNummer: null, toewijzingNummer: '100000', productCategorie: '02', productCode: '02A01', begindatum: '2026-10-01', einddatum: '2026-10-31', geleverdVolume: 4, eenheid: '04', productTarief: 1250, bedrag: 5000, debetCredit: 'D' };

export function ruleBreakingSamples(): RuleBreakingSample[] {
  return [
    {
      rule: 'TR380', code: '0001', file: 'WMO317.xml',
      xml: sample317(h('iwmo', 'V380'), client, { referentieAanbieder: 'W1', unchanged: ['1001'], toChange: [{ toewijzingNummer: '1002', gewensteIngangsdatum: '2026-12-01', einddatum: '2026-11-01', omvang }] }),
    },
    {
      rule: 'TR381', code: 'S329', file: 'WMO315.xml',
      xml: sample315(h('iwmo', 'V381'), client, [{ referentieAanbieder: 'R1', categorie: '02', code: '03A01', ingangsdatum: '2026-12-01', einddatum: '2027-04-30', omvang }]),
    },
    {
      rule: 'TR381', code: 'S329', file: 'JW305.xml',
      xml: sample305(h('ijw', 'S381'), client, [{ toewijzingNummer: '100001', categorie: '45', code: 'P5999', toewijzingIngangsdatum: '2026-01-01', begindatum: '2026-02-01' }]),
    },
    {
      rule: 'TR381', code: 'S329', file: 'WMO323.xml',
      xml: build323(invoiceHeaderSample, [{ bsn: client.bsn, prestaties: [{ ...prestatieSample, productCode: '03A01' }] }]),
    },
    {
      rule: 'TR137', code: '0001', file: 'JW323.xml',
      xml: build323({ ...invoiceHeaderSample, standard: 'ijw', periodeBegin: '2026-11-01', periodeEind: '2026-11-30' }, [{ bsn: client.bsn, prestaties: [{ ...prestatieSample, productCategorie: '45', productCode: '45A48', begindatum: '2026-11-01', einddatum: '2026-11-30' }] }]),
    },
  ];
}
