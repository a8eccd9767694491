import { messageType, type Standard } from '../messages';
import { child, childText, children, parseTree, req, writeTree, type XNode, type XOut } from '../xml-lite';
import type { Omvang } from '../requests/request-parse';
import { headerElements } from '../message-header';

/** The client as the 301 identifies them: from the BRP, never from free text. */
export interface Client301 {
  bsn: string;
  geboortedatum: string;
  /** COD170: null when the date is wholly known. */
  datumGebruik: string | null;
  /** COD046: 0 onbekend, 1 man, 2 vrouw. */
  geslacht: '0' | '1' | '2';
  achternaam: string;
  voorvoegsel: string | null;
  voornamen: string | null;
  voorletters: string | null;
  /** The BRP address (Contact Soort 01), when known (TR061 wants one). */
  adres: { huisnummer: number; huisletter: string | null; toevoeging: string | null; postcode: string | null; straatnaam: string | null; plaatsnaam: string | null } | null;
}

/** One ToegewezenProduct (allocation) as the 3.2 301 carries it. */
export interface ToegewezenProduct301 {
  toewijzingNummer: string;
  /** TR379: the ReferentieAanbieder of the 315/317 it honours, the first time it is sent; otherwise null. */
  referentieAanbieder: string | null;
  categorie: string | null;
  code: string | null;
  /** ToewijzingDatumTijd of this state, in Dutch local time. */
  toewijzingsdatum: string;
  toewijzingstijd: string;
  ingangsdatum: string;
  einddatum: string | null;
  /**
   * RedenWijziging (WMO002/JZ002). Release 3.2's 301 has no RedenBeeindiging: an ending is an
   * Einddatum with its RedenWijziging; the RedenBeeindiging is the provider's, in the 307.
   */
  redenWijziging: string | null;
  omvang: Omvang | null;
  /** Whole eurocents. */
  budget: number | null;
}

export interface Toewijzing301 {
  standard: Standard;
  /** Municipality (CBS code, four digits). */
  afzender: string;
  /** Provider AGB code. */
  ontvanger: string;
  identificatie: string;
  dagtekening: string;
  client: Client301;
  products: ToegewezenProduct301[];
}

const t = (n: string, v: string | number | null | undefined, b = false): XOut[] => (v === null || v === undefined ? [] : [{ n, t: String(v), ...(b ? { b: true } : {}) }]);

export function build301(m: Toewijzing301): string {
  const type = messageType(m.standard, '301');
  const c = m.client;
  const adres = c.adres;
  const root: XOut = {
    n: 'Bericht',
    c: [
      {
        n: 'Header',
        c: [
          ...headerElements(type, { afzender: m.afzender, ontvanger: m.ontvanger, identificatie: m.identificatie, dagtekening: m.dagtekening }),
        ],
      },
      {
        n: 'Client',
        c: [
          { n: 'Bsn', t: c.bsn },
          { n: 'Geboortedatum', c: [...t('Datum', c.geboortedatum, true), ...t('DatumGebruik', c.datumGebruik, true)] },
          { n: 'Geslacht', t: c.geslacht },
          {
            n: 'Naam',
            c: [
              { n: 'Geslachtsnaam', b: true, c: [...t('Achternaam', c.achternaam, true), ...t('Voorvoegsel', c.voorvoegsel, true)] },
              ...t('Voornamen', c.voornamen, true),
              ...t('Voorletters', c.voorletters, true),
              // COD700 1: eigen naam.
              { n: 'NaamGebruik', b: true, t: '1' },
            ],
          },
          {
            n: 'Contactgegevens',
            c: [
              {
                n: 'Contact',
                c: [
                  // COD757 01: BRP-adres.
                  { n: 'Soort', t: '01' },
                  ...(adres
                    ? [{
                        n: 'Adres',
                        c: [
                          { n: 'Huis', b: true, c: [...t('Huisnummer', adres.huisnummer, true), ...t('Huisletter', adres.huisletter, true), ...t('HuisnummerToevoeging', adres.toevoeging, true)] },
                          ...t('Postcode', adres.postcode, true),
                          ...t('Straatnaam', adres.straatnaam, true),
                          ...t('Plaatsnaam', adres.plaatsnaam, true),
                          { n: 'LandCode', b: true, t: 'NL' },
                        ],
                      } satisfies XOut]
                    : []),
                ],
              },
            ],
          },
          {
            n: 'ToegewezenProducten',
            c: m.products.map((p): XOut => ({
              n: 'ToegewezenProduct',
              c: [
                { n: 'ToewijzingNummer', t: p.toewijzingNummer },
                ...t('ReferentieAanbieder', p.referentieAanbieder),
                ...(p.categorie ? [{ n: 'Product', c: [{ n: 'Categorie', b: true, t: p.categorie }, ...t('Code', p.code, true)] }] : []),
                { n: 'Toewijzingsdatum', t: p.toewijzingsdatum },
                { n: 'Toewijzingstijd', t: p.toewijzingstijd },
                { n: 'Ingangsdatum', t: p.ingangsdatum },
                ...t('Einddatum', p.einddatum),
                ...t('RedenWijziging', p.redenWijziging),
                ...(p.omvang ? [{ n: 'Omvang', c: [{ n: 'Volume', b: true, t: String(p.omvang.volume) }, { n: 'Eenheid', b: true, t: p.omvang.eenheid }, { n: 'Frequentie', b: true, t: p.omvang.frequentie }] }] : []),
                ...t('Budget', p.budget),
              ],
            })),
          },
        ],
      },
    ],
  };
  const body = writeTree(root, { msg: type.prefix, base: type.basePrefix }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body.replace(`<${type.prefix}:Bericht>`, `<${type.prefix}:Bericht xmlns:${type.basePrefix}="${type.baseNamespace}" xmlns:${type.prefix}="${type.namespace}">`)}`;
}

const orNull = (s: string | undefined): string | null => s ?? null;

/** Reads a 301 (Kern's own or the standard's example) back into the shape build301 takes. */
export function parse301(standard: Standard, xml: string): Toewijzing301 {
  const root = parseTree(xml);
  return parse301Tree(standard, root);
}

export function parse301Tree(standard: Standard, root: XNode): Toewijzing301 {
  const h = child(root, 'Header');
  const id = h ? child(h, 'BerichtIdentificatie') : undefined;
  const c = child(root, 'Client');
  if (!h || !id || !c) throw new Error('301 without Header, BerichtIdentificatie or Client');
  const g = child(c, 'Geboortedatum');
  const naam = child(c, 'Naam');
  const gn = naam ? child(naam, 'Geslachtsnaam') : undefined;
  const contacts = child(c, 'Contactgegevens');
  const brpContact = contacts ? children(contacts, 'Contact').find((x) => childText(x, 'Soort') === '01') : undefined;
  const adres = brpContact ? child(brpContact, 'Adres') : undefined;
  const huis = adres ? child(adres, 'Huis') : undefined;
  const list = child(c, 'ToegewezenProducten');
  return {
    standard,
    afzender: req(h, 'Afzender'),
    ontvanger: req(h, 'Ontvanger'),
    identificatie: req(id, 'Identificatie'),
    dagtekening: req(id, 'Dagtekening'),
    client: {
      bsn: req(c, 'Bsn'),
      geboortedatum: g ? req(g, 'Datum') : '',
      datumGebruik: g ? orNull(childText(g, 'DatumGebruik')) : null,
      geslacht: req(c, 'Geslacht') as Client301['geslacht'],
      achternaam: gn ? req(gn, 'Achternaam') : '',
      voorvoegsel: gn ? orNull(childText(gn, 'Voorvoegsel')) : null,
      voornamen: naam ? orNull(childText(naam, 'Voornamen')) : null,
      voorletters: naam ? orNull(childText(naam, 'Voorletters')) : null,
      adres: adres
        ? {
            huisnummer: Number(huis ? req(huis, 'Huisnummer') : 0),
            huisletter: huis ? orNull(childText(huis, 'Huisletter')) : null,
            toevoeging: huis ? orNull(childText(huis, 'HuisnummerToevoeging')) : null,
            postcode: orNull(childText(adres, 'Postcode')),
            straatnaam: orNull(childText(adres, 'Straatnaam')),
            plaatsnaam: orNull(childText(adres, 'Plaatsnaam')),
          }
        : null,
    },
    products: (list ? children(list, 'ToegewezenProduct') : []).map((p) => {
      const product = child(p, 'Product');
      const o = child(p, 'Omvang');
      const budget = childText(p, 'Budget');
      return {
        toewijzingNummer: req(p, 'ToewijzingNummer'),
        referentieAanbieder: orNull(childText(p, 'ReferentieAanbieder')),
        categorie: product ? orNull(childText(product, 'Categorie')) : null,
        code: product ? orNull(childText(product, 'Code')) : null,
        toewijzingsdatum: req(p, 'Toewijzingsdatum'),
        toewijzingstijd: req(p, 'Toewijzingstijd'),
        ingangsdatum: req(p, 'Ingangsdatum'),
        einddatum: orNull(childText(p, 'Einddatum')),
        redenWijziging: orNull(childText(p, 'RedenWijziging')),
        omvang: o ? { volume: Number(req(o, 'Volume')), eenheid: req(o, 'Eenheid'), frequentie: req(o, 'Frequentie') } : null,
        budget: budget === undefined ? null : Number(budget),
      };
    }),
  };
}

/** ToewijzingDatumTijd as the 301 writes it: the Dutch local date and time of an instant. */
export function dutchDateTime(at: Date): { datum: string; tijd: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { datum: `${get('year')}-${get('month')}-${get('day')}`, tijd: `${get('hour')}:${get('minute')}:${get('second')}` };
}
