import type { InvoiceClient, InvoiceHeader, Prestatie } from './invoice.schema';
import type { MessageType } from './messages';
import { child, children, childText, parseTree, req, type XNode } from './xml-lite';

function dc(v: string): 'D' | 'C' {
  if (v !== 'D' && v !== 'C') throw new Error(`DebetCredit ${v}`);
  return v;
}

/** The header and declaration fields of a validated 323 (the prelude closed into a document). */
export function parseInvoiceHeader(type: MessageType, doc: string): InvoiceHeader {
  const root = parseTree(doc);
  const h = child(root, 'Header');
  const d = child(root, 'Declaratie');
  if (!h || !d) throw new Error('323 without Header or Declaratie');
  const id = child(h, 'BerichtIdentificatie');
  const xsd = child(h, 'XsdVersie');
  const periode = child(d, 'DeclaratiePeriode');
  const totaal = child(d, 'TotaalIngediendBedrag');
  if (!id || !xsd || !periode || !totaal) throw new Error('323 header incomplete');
  return {
    standard: type.standard,
    afzender: req(h, 'Afzender'),
    ontvanger: req(h, 'Ontvanger'),
    identificatie: req(id, 'Identificatie'),
    dagtekening: req(id, 'Dagtekening'),
    basisschemaXsdVersie: req(xsd, 'BasisschemaXsdVersie'),
    berichtXsdVersie: req(xsd, 'BerichtXsdVersie'),
    declaratieNummer: req(d, 'DeclaratieNummer'),
    periodeBegin: req(periode, 'Begindatum'),
    periodeEind: req(periode, 'Einddatum'),
    declaratieDagtekening: req(d, 'DeclaratieDagtekening'),
    totaalBedrag: Number(req(totaal, 'TotaalBedrag')),
    totaalDebetCredit: dc(req(totaal, 'DebetCredit')),
  };
}

export function prestatieFrom(p: XNode): Prestatie {
  const ref = child(p, 'ProductReferentie');
  const periode = child(p, 'ProductPeriode');
  const bedrag = child(p, 'IngediendBedrag');
  if (!ref || !periode || !bedrag) throw new Error('Prestatie incomplete');
  return {
    referentieNummer: req(ref, 'ReferentieNummer'),
    vorigReferentieNummer: childText(ref, 'VorigReferentieNummer') ?? null,
    toewijzingNummer: req(p, 'ToewijzingNummer'),
    productCategorie: req(p, 'ProductCategorie'),
    productCode: childText(p, 'ProductCode') ?? null,
    begindatum: req(periode, 'Begindatum'),
    einddatum: req(periode, 'Einddatum'),
    geleverdVolume: Number(req(p, 'GeleverdVolume')),
    eenheid: req(p, 'Eenheid'),
    productTarief: Number(childText(p, 'ProductTarief') ?? '0'),
    bedrag: Number(req(bedrag, 'Bedrag')),
    debetCredit: dc(req(bedrag, 'DebetCredit')),
  };
}

/** One validated Client element of a 323, with its Prestatie nodes kept for the answer. */
export function parseInvoiceClient(xml: string, basePrefixes: ReadonlySet<string>): { client: InvoiceClient; nodes: XNode[] } {
  const c = parseTree(xml, basePrefixes);
  const ps = child(c, 'Prestaties');
  const nodes = ps ? children(ps, 'Prestatie') : [];
  return { client: { bsn: req(c, 'Bsn'), prestaties: nodes.map(prestatieFrom) }, nodes };
}
