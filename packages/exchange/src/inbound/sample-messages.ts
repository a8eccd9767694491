import { messageType, type MessageNumber, type Standard } from '../messages';
import { writeTree, type XOut } from '../xml-lite';
import { headerElements } from '../message-header';

/**
 * Small, valid provider messages (305, 307, 315, 317) for tests, the route examples and the demo:
 * one client, the products given. Content is codes and dates only.
 */
export interface SampleHeader {
  standard: Standard;
  provider: string;
  municipality: string;
  identificatie: string;
  dagtekening: string;
}

export interface SampleClient {
  bsn: string;
  geboortedatum?: string;
  achternaam?: string;
}

function wrap(h: SampleHeader, nr: MessageNumber, body: XOut): string {
  const t = messageType(h.standard, nr);
  const root: XOut = {
    n: 'Bericht',
    c: [
      {
        n: 'Header',
        c: [
          ...headerElements(t, { afzender: h.provider, ontvanger: h.municipality, identificatie: h.identificatie, dagtekening: h.dagtekening }),
        ],
      },
      body,
    ],
  };
  const xml = writeTree(root, { msg: t.prefix, base: t.basePrefix }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml.replace(`<${t.prefix}:Bericht>`, `<${t.prefix}:Bericht xmlns:${t.basePrefix}="${t.baseNamespace}" xmlns:${t.prefix}="${t.namespace}">`)}`;
}

function clientHead(c: SampleClient): XOut[] {
  return [
    { n: 'Bsn', t: c.bsn },
    { n: 'Geboortedatum', c: [{ n: 'Datum', b: true, t: c.geboortedatum ?? '1980-05-01' }] },
    { n: 'Geslacht', t: '2' },
    { n: 'Naam', c: [{ n: 'Geslachtsnaam', b: true, c: [{ n: 'Achternaam', b: true, t: c.achternaam ?? 'Jansen' }] }, { n: 'Voorletters', b: true, t: 'A' }] },
  ];
}

export interface SampleStartStop {
  toewijzingNummer: string;
  categorie?: string;
  code?: string;
  toewijzingIngangsdatum: string;
  begindatum: string;
  statusAanlevering?: '1' | '2' | '3';
  /** 307 only. */
  redenBeeindiging?: string;
  einddatum?: string;
}

const product = (categorie?: string, code?: string): XOut[] =>
  categorie ? [{ n: 'Product', c: [{ n: 'Categorie', b: true, t: categorie }, ...(code ? [{ n: 'Code', b: true, t: code }] : [])] }] : [];

export function sample305(h: SampleHeader, c: SampleClient, lines: SampleStartStop[]): string {
  return wrap(h, '305', {
    n: 'Client',
    c: [
      ...clientHead(c),
      {
        n: 'StartProducten',
        c: lines.map((l) => ({
          n: 'StartProduct',
          c: [
            { n: 'ToewijzingNummer', t: l.toewijzingNummer },
            ...product(l.categorie, l.code),
            { n: 'ToewijzingIngangsdatum', t: l.toewijzingIngangsdatum },
            { n: 'Begindatum', t: l.begindatum },
            { n: 'StatusAanlevering', t: l.statusAanlevering ?? '1' },
          ],
        })),
      },
    ],
  });
}

export function sample307(h: SampleHeader, c: SampleClient, lines: SampleStartStop[]): string {
  return wrap(h, '307', {
    n: 'Client',
    c: [
      ...clientHead(c),
      {
        n: 'StopProducten',
        c: lines.map((l) => ({
          n: 'StopProduct',
          c: [
            { n: 'ToewijzingNummer', t: l.toewijzingNummer },
            ...product(l.categorie, l.code),
            { n: 'ToewijzingIngangsdatum', t: l.toewijzingIngangsdatum },
            { n: 'Begindatum', t: l.begindatum },
            { n: 'RedenBeeindiging', t: l.redenBeeindiging ?? '31' },
            { n: 'Einddatum', t: l.einddatum ?? l.begindatum },
            { n: 'StatusAanlevering', t: l.statusAanlevering ?? '1' },
          ],
        })),
      },
    ],
  });
}

export interface SampleOmvang {
  volume: number;
  eenheid: string;
  frequentie: string;
}

export interface SampleRequestedProduct {
  referentieAanbieder: string;
  categorie: string;
  code?: string;
  ingangsdatum: string;
  einddatum?: string;
  omvang?: SampleOmvang;
  budget?: number;
}

const omvang = (o?: SampleOmvang): XOut[] =>
  o ? [{ n: 'Omvang', c: [{ n: 'Volume', b: true, t: String(o.volume) }, { n: 'Eenheid', b: true, t: o.eenheid }, { n: 'Frequentie', b: true, t: o.frequentie }] }] : [];
const opt = (n: string, v: string | number | undefined): XOut[] => (v === undefined ? [] : [{ n, t: String(v) }]);

export function sample315(h: SampleHeader, c: SampleClient, products: SampleRequestedProduct[]): string {
  return wrap(h, '315', {
    n: 'Client',
    c: [
      ...clientHead(c),
      {
        n: 'AangevraagdeProducten',
        c: products.map((p) => ({
          n: 'AangevraagdProduct',
          c: [
            { n: 'ReferentieAanbieder', t: p.referentieAanbieder },
            ...product(p.categorie, p.code),
            { n: 'ToewijzingIngangsdatum', t: p.ingangsdatum },
            ...opt('ToewijzingEinddatum', p.einddatum),
            ...omvang(p.omvang),
            ...opt('Budget', p.budget),
            // COD327 01: huisarts.
            { n: 'Verwijzer', c: [{ n: 'Type', b: true, t: '01' }, { n: 'ZorgverlenerCode', b: true, t: '01123456' }] },
          ],
        })),
      },
    ],
  });
}

export interface SampleChange {
  referentieAanbieder: string;
  /** WJ758. */
  redenVerzoek?: string;
  unchanged?: string[];
  toChange?: { toewijzingNummer: string; gewensteIngangsdatum: string; einddatum?: string; omvang?: SampleOmvang; budget?: number }[];
  added?: { categorie: string; code?: string; gewensteIngangsdatum: string; einddatum?: string; omvang?: SampleOmvang; budget?: number }[];
}

export function sample317(h: SampleHeader, c: SampleClient, r: SampleChange): string {
  const group = (container: string, items: XOut[]): XOut[] => (items.length > 0 ? [{ n: container, c: items }] : []);
  return wrap(h, '317', {
    n: 'Client',
    c: [
      { n: 'Bsn', t: c.bsn },
      {
        n: 'Verzoek',
        c: [
          { n: 'ReferentieAanbieder', t: r.referentieAanbieder },
          { n: 'RedenVerzoek', t: r.redenVerzoek ?? '1' },
          ...group('OngewijzigdeProducten', (r.unchanged ?? []).map((nr) => ({ n: 'OngewijzigdProduct', c: [{ n: 'ToewijzingNummer', t: nr }] }))),
          ...group('TeWijzigenProducten', (r.toChange ?? []).map((p) => ({
            n: 'TeWijzigenProduct',
            c: [{ n: 'ToewijzingNummer', t: p.toewijzingNummer }, { n: 'GewensteIngangsdatum', t: p.gewensteIngangsdatum }, ...opt('Einddatum', p.einddatum), ...omvang(p.omvang), ...opt('Budget', p.budget)],
          }))),
          ...group('NieuweProducten', (r.added ?? []).map((p) => ({
            n: 'NieuwProduct',
            c: [...product(p.categorie, p.code), { n: 'GewensteIngangsdatum', t: p.gewensteIngangsdatum }, ...opt('Einddatum', p.einddatum), ...omvang(p.omvang), ...opt('Budget', p.budget)],
          }))),
        ],
      },
    ],
  });
}
