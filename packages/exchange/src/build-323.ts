import type { InvoiceClient, InvoiceHeader, Prestatie } from './invoice.schema';
import { messageType } from './messages';
import { writeTree, type XOut } from './xml-lite';
import { headerElements } from './message-header';

function prestatieOut(p: Prestatie): XOut {
  return {
    n: 'Prestatie',
    c: [
      { n: 'ProductReferentie', c: [{ n: 'ReferentieNummer', b: true, t: p.referentieNummer }, ...(p.vorigReferentieNummer ? [{ n: 'VorigReferentieNummer', b: true, t: p.vorigReferentieNummer }] : [])] },
      { n: 'ToewijzingNummer', t: p.toewijzingNummer },
      { n: 'ProductCategorie', t: p.productCategorie },
      ...(p.productCode ? [{ n: 'ProductCode', t: p.productCode }] : []),
      { n: 'ProductPeriode', c: [{ n: 'Begindatum', b: true, t: p.begindatum }, { n: 'Einddatum', b: true, t: p.einddatum }] },
      { n: 'GeleverdVolume', t: String(p.geleverdVolume) },
      { n: 'Eenheid', t: p.eenheid },
      { n: 'ProductTarief', t: String(p.productTarief) },
      { n: 'IngediendBedrag', c: [{ n: 'Bedrag', b: true, t: String(p.bedrag) }, { n: 'DebetCredit', b: true, t: p.debetCredit }] },
    ],
  };
}

/** A 323 Declaratie (providers send these; Kern builds them for tests, demos and the bench). */
export function build323(h: InvoiceHeader, clients: InvoiceClient[]): string {
  const t = messageType(h.standard, '323');
  const root: XOut = {
    n: 'Bericht',
    c: [
      {
        n: 'Header',
        c: [
          ...headerElements(t, { ...h, xsdVersie: { basisschema: h.basisschemaXsdVersie, bericht: h.berichtXsdVersie } }),
        ],
      },
      {
        n: 'Declaratie',
        c: [
          { n: 'DeclaratieNummer', t: h.declaratieNummer },
          { n: 'DeclaratiePeriode', c: [{ n: 'Begindatum', b: true, t: h.periodeBegin }, { n: 'Einddatum', b: true, t: h.periodeEind }] },
          { n: 'DeclaratieDagtekening', t: h.declaratieDagtekening },
          { n: 'TotaalIngediendBedrag', c: [{ n: 'TotaalBedrag', b: true, t: String(h.totaalBedrag) }, { n: 'DebetCredit', b: true, t: h.totaalDebetCredit }] },
          { n: 'Clienten', c: clients.map((c) => ({ n: 'Client', c: [{ n: 'Bsn', t: c.bsn }, { n: 'Prestaties', c: c.prestaties.map(prestatieOut) }] })) },
        ],
      },
    ],
  };
  const body = writeTree(root, { msg: t.prefix, base: t.basePrefix }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body.replace(`<${t.prefix}:Bericht>`, `<${t.prefix}:Bericht xmlns:${t.basePrefix}="${t.baseNamespace}" xmlns:${t.prefix}="${t.namespace}">`)}`;
}
