export interface XsdFinding {
  /** not-well-formed: the parser refused it; invalid: the schema did. */
  kind: 'not-well-formed' | 'invalid';
  line: number;
  message: string;
}
/** Validates one document against the XSD file (libxml2); a DOCTYPE or ENTITY declaration is refused before parsing. */
export function validateDocument(xsdFile: string, xml: string | Uint8Array): XsdFinding[];
