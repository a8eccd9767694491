import { messageTypeByNamespace, type MessageType } from '../messages';
import { MessageRefusal } from '../refusal';
import { child, childText, children, parseTree, req, type XNode } from '../xml-lite';
import { validateAgainstXsd } from '../xsd';
import { maxMessageBytes } from '../contract/regie.schema';

export { maxMessageBytes } from '../contract/regie.schema';

export interface MessageHeader {
  afzender: string;
  ontvanger: string;
  identificatie: string;
  dagtekening: string;
  /** Return messages (302, 306, ..., 320) only. */
  identificatieRetour: string | null;
  dagtekeningRetour: string | null;
  retourCodes: string[];
}

/** A received message that passed every check before the content rules: well-formed, iWmo/iJw 3.2, XSD-valid. */
export interface InboundMessage {
  type: MessageType;
  xml: string;
  root: XNode;
  header: MessageHeader;
}

const refuse = (rule: string, message: string): MessageRefusal => new MessageRefusal('0001', rule, message);

/**
 * The root element's namespace, read from its start tag before any parser sees the document, so
 * a message of another standard, version or kind is refused by name rather than by a schema error.
 */
function rootNamespace(xml: string): string | undefined {
  const body = xml.replace(/^\uFEFF?\s*(<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
  const m = /^<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)((?:\s[^>]*)?)\/?>/.exec(body);
  if (!m) return undefined;
  const prefix = m[1];
  const attrs = m[3] ?? '';
  for (const d of attrs.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g)) {
    if ((d[1] ?? undefined) === prefix) return d[2];
  }
  return undefined;
}

/**
 * Reads one received message (text as it arrived). Refuses, with WJ001 0001 and the reason, what
 * must not be processed at all: too large, a DOCTYPE or ENTITY declaration (external entities,
 * entity expansion), not well-formed, not an iWmo/iJw 3.2 namespace (another standard or
 * version), or invalid against the message's XSD. Nothing is recorded for such input.
 */
export function readInboundMessage(xml: string): InboundMessage {
  if (Buffer.byteLength(xml, 'utf8') > maxMessageBytes) throw refuse('SIZE', `message larger than ${maxMessageBytes} bytes`);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw refuse('DOCTYPE', 'DOCTYPE/ENTITY declarations are not allowed in iStandaarden messages');
  const namespace = rootNamespace(xml);
  if (namespace === undefined) throw refuse('XML', 'no root element with a namespace: not an iStandaarden message');
  const type = messageTypeByNamespace(namespace);
  if (!type) {
    const version = /istandaarden\.nl\/(iwmo|ijw)\/(\d+_\d+)\//.exec(namespace);
    throw refuse('NAMESPACE', version ? `${version[1] ?? ''} version ${(version[2] ?? '').replace('_', '.')} is not accepted: only release 3.2` : `unknown namespace ${namespace.slice(0, 200)}`);
  }
  const findings = validateAgainstXsd(type, xml);
  if (findings.length > 0) {
    const f = findings[0];
    throw refuse(f?.kind === 'not-well-formed' ? 'XML' : 'XSD', `${f?.kind ?? 'invalid'} at line ${f?.line ?? 0}: ${f?.message ?? ''}`.slice(0, 500));
  }
  const root = parseTree(xml);
  return { type, xml, root, header: readHeader(root) };
}

export function readHeader(root: XNode): MessageHeader {
  const h = child(root, 'Header');
  const id = h ? child(h, 'BerichtIdentificatie') : undefined;
  if (!h || !id) throw refuse('XSD', 'Header/BerichtIdentificatie missing');
  const codes = child(h, 'RetourCodes');
  return {
    afzender: req(h, 'Afzender'),
    ontvanger: req(h, 'Ontvanger'),
    identificatie: req(id, 'Identificatie'),
    dagtekening: req(id, 'Dagtekening'),
    identificatieRetour: childText(h, 'IdentificatieRetour') ?? null,
    dagtekeningRetour: childText(h, 'DagtekeningRetour') ?? null,
    retourCodes: codes ? children(codes, 'RetourCode').map((c) => c.text) : [],
  };
}
