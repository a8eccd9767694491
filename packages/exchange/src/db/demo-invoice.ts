import { build323 } from '../build-323';
import type { InvoiceHeader, Prestatie } from '../invoice.schema';

/**
 * A 323 from the demo provider (AGB 87654321, see @kern/seed's exchange demo) for a month of 2026:
 * the first client's 8 hours of begeleiding at the contract tariff (approved), the second's hours at an
 * old tariff (rejected, 0611) and a line on an allocation that does not exist (rejected, 9338).
 * For the demo upload, the route examples and the browser test.
 */
export function demoInvoiceXml(o: { municipalityCode: string; /** The two clients of allocations 5001 and 5002 (seed: exchangeDemoClients). */ clients: readonly [string, string]; identificatie?: string; /** 2026-01 .. 2026-10; default 2026-10 */ month?: string; /** only the approved line */ approvedOnly?: boolean }): string {
  const month = o.month ?? '2026-10';
  const end = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const line = (ref: string, toewijzingNummer: string, hours: number, tariff: number): Prestatie => ({
    referentieNummer: ref, vorigReferentieNummer: null, toewijzingNummer, productCategorie: '02', productCode: '02A01',
    begindatum: `${month}-01`, einddatum: end, geleverdVolume: hours, eenheid: '04', productTarief: tariff, bedrag: hours * tariff, debetCredit: 'D',
  });
  const id = o.identificatie ?? 'DEMO202610';
  const clients = [
    { bsn: o.clients[0], prestaties: [line(`${id}-1`, '5001', 8, 1300)] },
    ...(o.approvedOnly ? [] : [{ bsn: o.clients[1], prestaties: [line(`${id}-2`, '5002', 6, 1250), line(`${id}-3`, '9999', 2, 1300)] }]),
  ];
  const total = clients.flatMap((c) => c.prestaties).reduce((s, p) => s + p.bedrag, 0);
  const header: InvoiceHeader = {
    standard: 'iwmo', afzender: '87654321', ontvanger: o.municipalityCode, identificatie: id, dagtekening: '2026-11-02', basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0',
    declaratieNummer: id, periodeBegin: `${month}-01`, periodeEind: end, declaratieDagtekening: '2026-11-02', totaalBedrag: total, totaalDebetCredit: 'D',
  };
  return build323(header, clients);
}
