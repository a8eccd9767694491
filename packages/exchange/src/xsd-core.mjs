// Plain JavaScript on purpose: the XSD validation threads (xsd-worker.mjs) load this file
// without a TypeScript loader, and the main thread (xsd.ts) loads the very same file, so a
// batch is validated by the same code whichever thread does it. Types: xsd-core.d.mts.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { XmlDocument, XmlLibError, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';
import { fsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

let registered = false;
/** @type {Map<string, XsdValidator>} */
const validators = new Map();

/** @param {string} xsdFile */
function validatorFor(xsdFile) {
  const cached = validators.get(xsdFile);
  if (cached) return cached;
  if (!registered) {
    // The message XSDs import basisschema.xsd by a relative schemaLocation: libxml2 reads it through this provider.
    xmlRegisterInputProvider(fsInputProviders);
    registered = true;
  }
  const schemaDoc = XmlDocument.fromBuffer(new Uint8Array(readFileSync(xsdFile)), { url: pathToFileURL(xsdFile).href });
  const validator = XsdValidator.fromDoc(schemaDoc);
  schemaDoc.dispose();
  validators.set(xsdFile, validator);
  return validator;
}

/**
 * @param {'not-well-formed' | 'invalid'} kind
 * @param {unknown} e
 */
function findings(kind, e) {
  if (e instanceof XmlLibError && e.details.length > 0) {
    return e.details.map((d) => ({ kind, line: d.line, message: d.message.trim() }));
  }
  return [{ kind, line: 0, message: e instanceof Error ? e.message : String(e) }];
}

const doctype = Buffer.from('<!DOCTYPE');

/**
 * Validates one document against the XSD file. A DOCTYPE is refused before parsing: no
 * iStandaarden message has one, and refusing it closes external entities (XXE) and entity
 * expansion at the door.
 * @param {string} xsdFile
 * @param {string | Uint8Array} xml
 */
export function validateDocument(xsdFile, xml) {
  const hostile = typeof xml === 'string' ? /<!DOCTYPE|<!ENTITY/i.test(xml) : Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).includes(doctype);
  if (hostile) {
    return [{ kind: 'not-well-formed', line: 1, message: 'DOCTYPE/ENTITY declarations are not allowed in iStandaarden messages' }];
  }
  let doc;
  try {
    doc = typeof xml === 'string' ? XmlDocument.fromString(xml) : XmlDocument.fromBuffer(xml);
  } catch (e) {
    return findings('not-well-formed', e);
  }
  try {
    validatorFor(xsdFile).validate(doc);
    return [];
  } catch (e) {
    return findings('invalid', e);
  } finally {
    doc.dispose();
  }
}
