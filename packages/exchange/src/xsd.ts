import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { XmlDocument, XmlLibError, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';
import { fsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import type { MessageType } from './messages';

/** The schemas Kern validates against: the reference xsd-normalized copies plus the derived iWmo return messages. */
export const xsdDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'xsd');

export function xsdPath(type: MessageType): string {
  return join(xsdDir, type.standard, `${type.name}.xsd`);
}

let registered = false;
const validators = new Map<string, XsdValidator>();

function validatorFor(type: MessageType): XsdValidator {
  const cached = validators.get(type.name);
  if (cached) return cached;
  if (!registered) {
    // The message XSDs import basisschema.xsd by a relative schemaLocation: libxml2 reads it through this provider.
    xmlRegisterInputProvider(fsInputProviders);
    registered = true;
  }
  const url = pathToFileURL(xsdPath(type)).href;
  const schemaDoc = XmlDocument.fromBuffer(new Uint8Array(Buffer.from(readSchema(type))), { url });
  const validator = XsdValidator.fromDoc(schemaDoc);
  schemaDoc.dispose();
  validators.set(type.name, validator);
  return validator;
}

function readSchema(type: MessageType): string {
  return readFileSync(xsdPath(type), 'utf8');
}

export interface XsdFinding {
  /** not-well-formed: the parser refused it; invalid: the schema did. */
  kind: 'not-well-formed' | 'invalid';
  line: number;
  message: string;
}

/**
 * Validates one (small) document against the message's XSD. A DOCTYPE is refused before parsing:
 * no iStandaarden message has one, and refusing it closes external entities (XXE) and entity
 * expansion at the door.
 */
export function validateAgainstXsd(type: MessageType, xml: string | Uint8Array): XsdFinding[] {
  const hostile = typeof xml === 'string' ? /<!DOCTYPE|<!ENTITY/i.test(xml) : Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).includes('<!DOCTYPE');
  if (hostile) {
    return [{ kind: 'not-well-formed', line: 1, message: 'DOCTYPE/ENTITY declarations are not allowed in iStandaarden messages' }];
  }
  let doc: XmlDocument;
  try {
    doc = typeof xml === 'string' ? XmlDocument.fromString(xml) : XmlDocument.fromBuffer(xml);
  } catch (e) {
    return findings('not-well-formed', e);
  }
  try {
    validatorFor(type).validate(doc);
    return [];
  } catch (e) {
    return findings('invalid', e);
  } finally {
    doc.dispose();
  }
}

function findings(kind: XsdFinding['kind'], e: unknown): XsdFinding[] {
  if (e instanceof XmlLibError && e.details.length > 0) {
    return e.details.map((d) => ({ kind, line: d.line, message: d.message.trim() }));
  }
  return [{ kind, line: 0, message: e instanceof Error ? e.message : String(e) }];
}
