import type { Standard } from '../messages';
import { child, childText, children, req, type XNode } from '../xml-lite';
import type { InboundMessage } from '../inbound/read-message';

/** CDT_Omvang: volume x unit (WJ756) x frequency (WMO757/JZ757). */
export interface Omvang {
  volume: number;
  eenheid: string;
  frequentie: string;
}

/** One AangevraagdProduct of a 315 (verzoek om toewijzing): a request of its own with its own ReferentieAanbieder. */
export interface RequestedProduct {
  node: XNode;
  referentieAanbieder: string;
  beschikkingNummer: string | null;
  categorie: string | null;
  code: string | null;
  beschikkingIngangsdatum: string | null;
  ingangsdatum: string;
  einddatum: string | null;
  omvang: Omvang | null;
  /** LDT_Budget: whole eurocents. */
  budget: number | null;
  verwijzerType: string | null;
  raamcontract: boolean | null;
}

export interface Request315 {
  kind: '315';
  standard: Standard;
  provider: string;
  bsn: string;
  client: XNode;
  products: RequestedProduct[];
}

export interface UnchangedProduct {
  node: XNode;
  toewijzingNummer: string;
}
export interface ProductToChange {
  node: XNode;
  toewijzingNummer: string;
  gewensteIngangsdatum: string;
  einddatum: string | null;
  omvang: Omvang | null;
  budget: number | null;
}
export interface NewProduct {
  node: XNode;
  categorie: string | null;
  code: string | null;
  gewensteIngangsdatum: string;
  einddatum: string | null;
  omvang: Omvang | null;
  budget: number | null;
}

/** A 317 (verzoek om wijziging): one request for the client as a whole, under one ReferentieAanbieder. */
export interface Request317 {
  kind: '317';
  standard: Standard;
  provider: string;
  bsn: string;
  client: XNode;
  verzoek: XNode;
  referentieAanbieder: string;
  /** WJ758 RedenVerzoek. */
  redenVerzoek: string;
  unchanged: UnchangedProduct[];
  toChange: ProductToChange[];
  added: NewProduct[];
}

function omvangOf(n: XNode): Omvang | null {
  const o = child(n, 'Omvang');
  return o ? { volume: Number(req(o, 'Volume')), eenheid: req(o, 'Eenheid'), frequentie: req(o, 'Frequentie') } : null;
}
function numberOrNull(s: string | undefined): number | null {
  return s === undefined ? null : Number(s);
}
function productOf(n: XNode): { categorie: string | null; code: string | null } {
  const p = child(n, 'Product');
  return { categorie: p ? (childText(p, 'Categorie') ?? null) : null, code: p ? (childText(p, 'Code') ?? null) : null };
}
function clientOf(msg: InboundMessage): XNode {
  const client = child(msg.root, 'Client');
  if (!client) throw new Error(`a validated ${msg.type.name} has a Client`);
  return client;
}

export function parse315(msg: InboundMessage): Request315 {
  const client = clientOf(msg);
  const list = child(client, 'AangevraagdeProducten');
  return {
    kind: '315',
    standard: msg.type.standard,
    provider: msg.header.afzender,
    bsn: req(client, 'Bsn'),
    client,
    products: (list ? children(list, 'AangevraagdProduct') : []).map((n) => {
      const verwijzer = child(n, 'Verwijzer');
      const raam = childText(n, 'Raamcontract');
      return {
        node: n,
        referentieAanbieder: req(n, 'ReferentieAanbieder'),
        beschikkingNummer: childText(n, 'BeschikkingNummer') ?? null,
        ...productOf(n),
        beschikkingIngangsdatum: childText(n, 'BeschikkingIngangsdatum') ?? null,
        ingangsdatum: req(n, 'ToewijzingIngangsdatum'),
        einddatum: childText(n, 'ToewijzingEinddatum') ?? null,
        omvang: omvangOf(n),
        budget: numberOrNull(childText(n, 'Budget')),
        verwijzerType: verwijzer ? (childText(verwijzer, 'Type') ?? null) : null,
        // COD260: 1 ja, 2 nee.
        raamcontract: raam === undefined ? null : raam === '1',
      };
    }),
  };
}

export function parse317(msg: InboundMessage): Request317 {
  const client = clientOf(msg);
  const verzoek = child(client, 'Verzoek');
  if (!verzoek) throw new Error('a validated 317 has a Verzoek');
  const list = (container: string, item: string) => {
    const c = child(verzoek, container);
    return c ? children(c, item) : [];
  };
  return {
    kind: '317',
    standard: msg.type.standard,
    provider: msg.header.afzender,
    bsn: req(client, 'Bsn'),
    client,
    verzoek,
    referentieAanbieder: req(verzoek, 'ReferentieAanbieder'),
    redenVerzoek: req(verzoek, 'RedenVerzoek'),
    unchanged: list('OngewijzigdeProducten', 'OngewijzigdProduct').map((n) => ({ node: n, toewijzingNummer: req(n, 'ToewijzingNummer') })),
    toChange: list('TeWijzigenProducten', 'TeWijzigenProduct').map((n) => ({
      node: n,
      toewijzingNummer: req(n, 'ToewijzingNummer'),
      gewensteIngangsdatum: req(n, 'GewensteIngangsdatum'),
      einddatum: childText(n, 'Einddatum') ?? null,
      omvang: omvangOf(n),
      budget: numberOrNull(childText(n, 'Budget')),
    })),
    added: list('NieuweProducten', 'NieuwProduct').map((n) => ({
      node: n,
      ...productOf(n),
      gewensteIngangsdatum: req(n, 'GewensteIngangsdatum'),
      einddatum: childText(n, 'Einddatum') ?? null,
      omvang: omvangOf(n),
      budget: numberOrNull(childText(n, 'Budget')),
    })),
  };
}
