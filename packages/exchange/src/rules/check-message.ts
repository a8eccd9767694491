import { invalidInput } from '@kern/kit';
import { parseStartStop, startStopMessageFindings } from '../care-delivery/start-stop-rules';
import { overlaps, type Finding } from '../inbound/header-rules';
import { readInboundMessage, type InboundMessage } from '../inbound/read-message';
import type { MessageNumber, MessageType, Standard } from '../messages';
import { MessageRefusal } from '../refusal';
import { parse315, parse317 } from '../requests/request-parse';
import { requestMessageFindings } from '../requests/request-rules';
import { child, childText, children, type XNode } from '../xml-lite';

/**
 * The rules that need state, per kind of message: checked by `receive` / `process` and the use
 * cases that build a message, given the database; `validate` names them as not checked.
 */
export const statefulRules: Partial<Record<MessageNumber, readonly string[]>> = {
  '301': ['TR056'],
  '302': ['TR056', 'RETOUR (a 301 with this identification was sent)'],
  '305': ['TR056', 'TR019', 'TR063', 'TR326', 'TR415'],
  '307': ['TR056', 'TR019', 'TR063', 'TR415'],
  '315': ['TR056', 'TR347', 'TR374'],
  '317': ['TR056', 'TR347', 'TR349'],
  '319': ['TR056'],
  '320': ['TR056', 'RETOUR (a 319 with this identification was sent)'],
  '323': ['TR056', 'TR333', 'TR304', 'TR307', 'TR314', 'TR321', 'TR322', 'TR323', 'TR338', 'TR340', 'TR341', 'TR369', 'TR384', 'TR389', 'TR418'],
};

export interface MessageCheck {
  type: MessageType | null;
  /** Every rule the message breaks, with its WJ001 return code. */
  findings: Finding[];
  /** Rules of this kind of message that need the database: not checked here. */
  notChecked: readonly string[];
}

/**
 * One check of a message on the message itself, the same for every direction: XML and the XSD,
 * the header rules and every technical rule of the XSLT level that Kern implements for its kind.
 * `receive` runs the same functions (and the stateful rules); the builders of outgoing messages
 * run this before anything is sent. A 323 is checked as it streams (processInvoiceStream).
 */
export function checkMessage(xml: string, o: { today: string }): MessageCheck {
  let msg: InboundMessage;
  try {
    msg = readInboundMessage(xml);
  } catch (e) {
    if (e instanceof MessageRefusal) return { type: null, findings: [{ rule: e.rule, code: e.code }], notChecked: [] };
    throw e;
  }
  return { type: msg.type, findings: contentFindings(msg, o.today), notChecked: statefulRules[msg.type.number] ?? [] };
}

/** The content rules of a message already read (well-formed, 3.2, XSD-valid). */
export function contentFindings(msg: InboundMessage, today: string): Finding[] {
  const dagtekening = msg.header.dagtekening;
  switch (msg.type.number) {
    case '305':
    case '307': {
      const f = startStopMessageFindings(parseStartStop(msg), dagtekening, today);
      return [...f.header, ...f.content];
    }
    case '315': {
      const f = requestMessageFindings(parse315(msg), dagtekening, today);
      return [...f.header, ...f.content];
    }
    case '317': {
      const f = requestMessageFindings(parse317(msg), dagtekening, today);
      return [...f.header, ...f.content];
    }
    case '301':
      return findings301(msg.root);
    case '319':
      return findings319(msg.root, msg.type.standard);
    default:
      return [];
  }
}

/** TR006, TR061, TR302 on a 301. */
export function findings301(root: XNode): Finding[] {
  const out: Finding[] = [];
  const client = child(root, 'Client');
  const contacts = client ? children(child(client, 'Contactgegevens') ?? client, 'Contact') : [];
  // TR006: a Contact has a Telefoon, and/or Huis together with Postcode.
  for (const c of contacts) {
    const adres = child(c, 'Adres');
    const phone = child(c, 'Telefoon') !== undefined;
    const huisPostcode = adres !== undefined && child(adres, 'Huis') !== undefined && child(adres, 'Postcode') !== undefined;
    if (!phone && !huisPostcode) {
      out.push({ rule: 'TR006', code: '0001' });
      break;
    }
  }
  // TR061: at least one Adres of Soort 01 (BRP), 02 (correspondence) or 03 (residence).
  if (!contacts.some((c) => ['01', '02', '03'].includes(childText(c, 'Soort') ?? '') && child(c, 'Adres') !== undefined)) out.push({ rule: 'TR061', code: '0001' });
  // TR302: a product more than once only with periods that do not overlap (categories 11-14 may overlap).
  const products = client ? children(child(client, 'ToegewezenProducten') ?? client, 'ToegewezenProduct') : [];
  const ps = products.map((p) => {
    const product = child(p, 'Product');
    return { categorie: product ? (childText(product, 'Categorie') ?? null) : null, code: product ? (childText(product, 'Code') ?? null) : null, from: childText(p, 'Ingangsdatum') ?? '', to: childText(p, 'Einddatum') ?? null };
  });
  const free = (c: string | null) => c !== null && ['11', '12', '13', '14'].includes(c);
  outer: for (let i = 0; i < ps.length; i++) {
    for (let j = i + 1; j < ps.length; j++) {
      const a = ps[i];
      const b = ps[j];
      if (!a || !b || !overlaps(a.from, a.to, b.from, b.to)) continue;
      const same = a.categorie === null || b.categorie === null ? !(free(a.categorie) || free(b.categorie)) : a.categorie === b.categorie && !free(a.categorie) && (a.code === null || b.code === null || a.code === b.code);
      if (same) {
        out.push({ rule: 'TR302', code: '0001' });
        break outer;
      }
    }
  }
  return out;
}

/** TR377 / TR409 on a JW319: Woonplaatsbeginsel with RedenAfwijzingVerzoek 8, and only then (iWmo has no Woonplaatsbeginsel). */
export function findings319(root: XNode, standard: Standard): Finding[] {
  const antwoord = child(root, 'Antwoord');
  if (!antwoord || standard !== 'ijw') return [];
  const eight = childText(antwoord, 'RedenAfwijzingVerzoek') === '8';
  const wpb = child(antwoord, 'Woonplaatsbeginsel') !== undefined;
  if (eight && !wpb) return [{ rule: 'TR377', code: '0001' }];
  if (!eight && wpb) return [{ rule: 'TR409', code: '0001' }];
  return [];
}

/**
 * An outgoing message is never sent when it breaks a rule: the use case that built it refuses
 * with the rule and its return code (the same check `validate` and `receive` run).
 */
export function refuseUnlessSendable(xml: string, today: string): void {
  const { type, findings } = checkMessage(xml, { today });
  if (findings.length === 0) return;
  const names = findings.map((f) => `${f.rule} (${f.code})`).join(', ');
  const what = type?.name ?? 'message';
  throw invalidInput(
    { nl: `Kern verstuurt deze ${what} niet: het bericht breekt ${names}.`, en: `Kern does not send this ${what}: it breaks ${names}.` },
    findings.map((f) => ({ name: f.rule, reason: `return code ${f.code}` })),
  );
}
