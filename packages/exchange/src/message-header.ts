import type { MessageType } from './messages';
import type { XOut } from './xml-lite';

/** Who sends what to whom: the fields every iWmo/iJw 3.2 message header starts with. */
export interface HeaderFields {
  afzender: string;
  ontvanger: string;
  identificatie: string;
  dagtekening: string;
  /** XsdVersie of the schemas the message follows; release 3.2 is 1.0.0 / 1.0.0. */
  xsdVersie?: { basisschema: string; bericht: string };
}

/** The common head of a message's Header, in the XSD's order; message-specific elements follow it. */
export function headerElements(type: MessageType, h: HeaderFields): XOut[] {
  const xsd = h.xsdVersie ?? { basisschema: '1.0.0', bericht: '1.0.0' };
  return [
    { n: 'BerichtCode', t: type.berichtCode },
    { n: 'BerichtVersie', t: '3' },
    { n: 'BerichtSubversie', t: '2' },
    { n: 'Afzender', t: h.afzender },
    { n: 'Ontvanger', t: h.ontvanger },
    { n: 'BerichtIdentificatie', c: [{ n: 'Identificatie', b: true, t: h.identificatie }, { n: 'Dagtekening', b: true, t: h.dagtekening }] },
    { n: 'XsdVersie', c: [{ n: 'BasisschemaXsdVersie', b: true, t: xsd.basisschema }, { n: 'BerichtXsdVersie', b: true, t: xsd.bericht }] },
  ];
}
