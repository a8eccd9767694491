import { readFileSync } from 'node:fs';
import { messageType, returnOf, type MessageType } from './messages';
import { parseTree, toOut, writeTree, type XNode, type XOut } from './xml-lite';
import { xsdPath } from './xsd';

const retourClasses = new Map<string, Set<string>>();

/**
 * The element names that carry RetourCodes in a return message, read from its XSD: the message
 * classes (Client, StartProduct, ...) whose complex type ends in RetourCodes.
 */
function classesOf(t: MessageType): Set<string> {
  const cached = retourClasses.get(t.name);
  if (cached) return cached;
  const xsd = readFileSync(xsdPath(t), 'utf8');
  const typesWithCodes = new Set<string>();
  for (const m of xsd.matchAll(/<xs:complexType name="(\w+)">([\s\S]*?)<\/xs:complexType>/g)) {
    if (m[1] && m[1] !== 'Header' && /<xs:element name="RetourCodes"/.test(m[2] ?? '')) typesWithCodes.add(m[1]);
  }
  const names = new Set<string>();
  for (const m of xsd.matchAll(/<xs:element name="(\w+)" type="\w+:(\w+)"/g)) {
    if (m[1] && m[2] && typesWithCodes.has(m[2])) names.add(m[1]);
  }
  retourClasses.set(t.name, names);
  return names;
}

export interface RetourOptions {
  identificatie: string;
  dagtekening: string;
  /** Codes per message class node of the received message; default 0200 ("geen opmerking"). */
  codesFor?: (node: XNode) => string[] | undefined;
  /** Codes on the header (message level); default 0200; none for a message accepted without findings. */
  headerCodes?: string[];
  /** The received message already parsed (so `codesFor` sees the caller's own nodes). */
  root?: XNode;
  /** A message refused as a whole: the answer is the header with its codes, no message classes. */
  headerOnly?: boolean;
}

/**
 * Builds the return message (302, 306, 308, 316, 318, 320) for a received, validated message: the
 * received content, with the return identification in the header and RetourCodes on every message
 * class, as the iStandaarden return messages mirror their request.
 */
export function buildRetour(received: MessageType, xml: string, o: RetourOptions): { type: MessageType; xml: string } {
  const nr = returnOf[received.number];
  if (!nr || nr === '325') throw new Error(`${received.name} has no generic return message`);
  const t = messageType(received.standard, nr);
  const classes = classesOf(t);
  const root = o.root ?? parseTree(xml);
  const codes = (n: XNode): XOut => ({ n: 'RetourCodes', c: (o.codesFor?.(n) ?? ['0200']).map((c) => ({ n: 'RetourCode', t: c })) });
  const convert = (n: XNode): XOut => {
    if (n.name === 'Header') {
      return {
        n: 'Header',
        c: [
          ...n.children.map((c) => (c.name === 'BerichtCode' ? { n: 'BerichtCode', t: t.berichtCode } : toOut(c))),
          { n: 'IdentificatieRetour', t: o.identificatie },
          { n: 'DagtekeningRetour', t: o.dagtekening },
          { n: 'XsdVersieRetour', c: [{ n: 'BasisschemaXsdVersie', b: true, t: '1.0.0' }, { n: 'BerichtXsdVersie', b: true, t: '1.0.0' }] },
          // No codes at all: a message accepted without any finding (IV028).
          ...((o.headerCodes ?? ['0200']).length > 0 ? [{ n: 'RetourCodes', c: (o.headerCodes ?? ['0200']).map((c) => ({ n: 'RetourCode', t: c })) }] : []),
        ],
      };
    }
    if (n.children.length === 0) return toOut(n);
    const out: XOut = { n: n.name, c: n.children.map(convert) };
    if (n.base) out.b = true;
    else if (classes.has(n.name)) out.c?.push(codes(n));
    return out;
  };
  const converted = convert(root);
  if (o.headerOnly) converted.c = converted.c?.filter((c) => c.n === 'Header');
  const body = writeTree(converted, { msg: t.prefix, base: t.basePrefix }).join('');
  return { type: t, xml: `<?xml version="1.0" encoding="UTF-8"?>\n${body.replace(`<${t.prefix}:Bericht>`, `<${t.prefix}:Bericht xmlns:${t.basePrefix}="${t.baseNamespace}" xmlns:${t.prefix}="${t.namespace}">`)}` };
}
