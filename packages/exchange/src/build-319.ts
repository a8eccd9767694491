import { messageType, type Standard } from './messages';
import { child, childText, parseTree, req, writeTree, type XOut } from './xml-lite';
import { headerElements } from './message-header';

/** The municipality's answer (319) to a request for an allocation (315) or a change (317). */
export interface Antwoord319 {
  standard: Standard;
  /** Municipality (CBS code without GM). */
  afzender: string;
  /** Provider AGB code. */
  ontvanger: string;
  identificatie: string;
  dagtekening: string;
  /** The provider's reference of the request (ReferentieAanbieder of the 315/317). */
  referentieAanbieder: string;
  /** WJ760: 1 verzoek afgewezen, 2 aanvraag in onderzoek (a granted request is answered with a 301 instead). */
  verzoekAntwoord: string;
  /** WJ759, with an answer that refuses. */
  redenAfwijzingVerzoek: string | null;
  /** iJw only: the municipality that is responsible per the woonplaatsbeginsel. */
  woonplaatsbeginselGemeente: string | null;
}

export function build319(a: Antwoord319): string {
  const t = messageType(a.standard, '319');
  const root: XOut = {
    n: 'Bericht',
    c: [
      {
        n: 'Header',
        c: [
          ...headerElements(t, a),
        ],
      },
      {
        n: 'Antwoord',
        c: [
          { n: 'ReferentieAanbieder', t: a.referentieAanbieder },
          { n: 'VerzoekAntwoord', t: a.verzoekAntwoord },
          ...(a.redenAfwijzingVerzoek ? [{ n: 'RedenAfwijzingVerzoek', t: a.redenAfwijzingVerzoek }] : []),
          // TR377/TR409: Woonplaatsbeginsel with reason 8 (woonplaatsbeginsel), and only then.
          ...(a.standard === 'ijw' && a.redenAfwijzingVerzoek === '8' && a.woonplaatsbeginselGemeente ? [{ n: 'Woonplaatsbeginsel', c: [{ n: 'Gemeente', t: a.woonplaatsbeginselGemeente }] }] : []),
        ],
      },
    ],
  };
  const body = writeTree(root, { msg: t.prefix, base: t.basePrefix }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body.replace(`<${t.prefix}:Bericht>`, `<${t.prefix}:Bericht xmlns:${t.basePrefix}="${t.baseNamespace}" xmlns:${t.prefix}="${t.namespace}">`)}`;
}

export function parse319(standard: Standard, xml: string): Antwoord319 {
  const root = parseTree(xml);
  const h = child(root, 'Header');
  const a = child(root, 'Antwoord');
  const id = h ? child(h, 'BerichtIdentificatie') : undefined;
  if (!h || !a || !id) throw new Error('319 without Header, BerichtIdentificatie or Antwoord');
  const wpb = child(a, 'Woonplaatsbeginsel');
  return {
    standard,
    afzender: req(h, 'Afzender'),
    ontvanger: req(h, 'Ontvanger'),
    identificatie: req(id, 'Identificatie'),
    dagtekening: req(id, 'Dagtekening'),
    referentieAanbieder: req(a, 'ReferentieAanbieder'),
    verzoekAntwoord: req(a, 'VerzoekAntwoord'),
    redenAfwijzingVerzoek: childText(a, 'RedenAfwijzingVerzoek') ?? null,
    woonplaatsbeginselGemeente: wpb ? (childText(wpb, 'Gemeente') ?? null) : null,
  };
}
