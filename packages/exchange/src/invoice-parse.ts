import type { InvoiceClient, InvoiceHeader, Prestatie } from './invoice.schema';
import type { MessageType } from './messages';
import { MessageRefusal } from './refusal';
import { child, children, childText, decode, parseTree, req, type XNode } from './xml-lite';

/** A number the XSD has already checked; a reading that still gives no integer refuses the message rather than book NaN. */
function num(v: string, what: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new MessageRefusal('0001', 'XSD', `${what} is not a whole number: ${JSON.stringify(v.slice(0, 40))}`);
  return n;
}

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
    totaalBedrag: num(req(totaal, 'TotaalBedrag'), 'TotaalBedrag'),
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
    geleverdVolume: num(req(p, 'GeleverdVolume'), 'GeleverdVolume'),
    eenheid: req(p, 'Eenheid'),
    productTarief: num(childText(p, 'ProductTarief') ?? '0', 'ProductTarief'),
    bedrag: num(req(bedrag, 'Bedrag'), 'Bedrag'),
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

// The fast path for the Client elements of a validated 323. A Client written the usual way (each
// element a plain start tag, leaves holding only text, no comments, processing instructions, CDATA
// or attributes) is read by one sticky regular expression per Prestatie that spells out the XSD's
// sequence for Client, Prestatie and its parts, with any namespace prefix. It only ever runs on
// a Client that libxml2 has already found valid, so a match puts each captured text in exactly the
// element the XSD says is at that place; anything else (no match) is read by `parseTree`, the
// general reader. Both give the same Prestatie for the same Client (see invoice-parse.test.ts).
const P = '(?:[A-Za-z_][\\w.-]*:)?';
const S = '[ \\t\\r\\n]*';
const open = (n: string): string => `<${P}${n}${S}>`;
const close = (n: string): string => `</${P}${n}${S}>`;
const leaf = (n: string): string => `${open(n)}([^<]*)${close(n)}${S}`;
const optional = (n: string): string => `(?:${leaf(n)})?`;
const clientHeadRe = new RegExp(`${S}${open('Client')}${S}${leaf('Bsn')}${open('Prestaties')}`, 'y');
const prestatieRe = new RegExp(
  `${S}${open('Prestatie')}${S}${open('ProductReferentie')}${S}${leaf('ReferentieNummer')}${optional('VorigReferentieNummer')}${close('ProductReferentie')}${S}` +
    `${leaf('ToewijzingNummer')}${leaf('ProductCategorie')}${optional('ProductCode')}${open('ProductPeriode')}${S}${leaf('Begindatum')}${leaf('Einddatum')}${close('ProductPeriode')}${S}` +
    `${leaf('GeleverdVolume')}${leaf('Eenheid')}${optional('ProductTarief')}${open('IngediendBedrag')}${S}${leaf('Bedrag')}${leaf('DebetCredit')}${close('IngediendBedrag')}${S}${close('Prestatie')}`,
  'y',
);
const clientTailRe = new RegExp(`${S}${close('Prestaties')}${S}${close('Client')}${S}$`, 'y');

/** Element text as `parseTree` gives it: entities resolved, then trimmed. */
function text(raw: string | undefined): string {
  const t = raw ?? '';
  return (t.includes('&') ? decode(t) : t).trim();
}
function optionalText(raw: string | undefined): string | null {
  return raw === undefined ? null : text(raw);
}

/** The regular-expression reading of one validated Client; undefined when it is not written the usual way. */
export function readClientFast(xml: string): InvoiceClient | undefined {
  clientHeadRe.lastIndex = 0;
  const head = clientHeadRe.exec(xml);
  if (!head) return undefined;
  const prestaties: Prestatie[] = [];
  let at = clientHeadRe.lastIndex;
  for (;;) {
    prestatieRe.lastIndex = at;
    const m = prestatieRe.exec(xml);
    if (!m) break;
    at = prestatieRe.lastIndex;
    prestaties.push({
      referentieNummer: text(m[1]),
      vorigReferentieNummer: optionalText(m[2]),
      toewijzingNummer: text(m[3]),
      productCategorie: text(m[4]),
      productCode: optionalText(m[5]),
      begindatum: text(m[6]),
      einddatum: text(m[7]),
      geleverdVolume: num(text(m[8]), 'GeleverdVolume'),
      eenheid: text(m[9]),
      productTarief: num(m[10] === undefined ? '0' : text(m[10]), 'ProductTarief'),
      bedrag: num(text(m[11]), 'Bedrag'),
      debetCredit: dc(text(m[12])),
    });
  }
  clientTailRe.lastIndex = at;
  if (prestaties.length === 0 || !clientTailRe.test(xml)) return undefined;
  return { bsn: text(head[1]), prestaties };
}

/** One validated Client element of a 323: the fast reading, or the general one when the Client is written unusually. */
export function readInvoiceClient(xml: string, basePrefixes: ReadonlySet<string>): InvoiceClient {
  return readClientFast(xml) ?? parseInvoiceClient(xml, basePrefixes).client;
}
