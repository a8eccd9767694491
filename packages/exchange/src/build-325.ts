import type { InvoiceHeader } from './invoice.schema';
import { messageType } from './messages';
import { toOut, writeTree, type XNode, type XOut } from './xml-lite';
import { headerElements } from './message-header';

export interface AnswerIdentity {
  /** BerichtIdentificatie of the 325 itself. */
  identificatie: string;
  dagtekening: string;
}

const retour = (codes: readonly string[]): XOut => ({ n: 'RetourCodes', c: codes.map((code) => ({ n: 'RetourCode', t: code })) });
const bedragMetDc = (n: string, cents: number): XOut => ({ n, c: [{ n: 'TotaalBedrag', b: true, t: String(Math.abs(cents)) }, { n: 'DebetCredit', b: true, t: cents < 0 ? 'C' : 'D' }] });

/** One rejected client of a 325 (OP304: only rejected clients and their rejected prestaties are answered). */
export function answerClientXml(header: InvoiceHeader, bsn: string, rejected: { node: XNode; codes: string[] }[]): string {
  const t = messageType(header.standard, '325');
  const out: XOut = {
    n: 'Client',
    c: [
      { n: 'Bsn', t: bsn },
      { n: 'Prestaties', c: rejected.map((r) => ({ n: 'Prestatie', c: [...(toOut(r.node).c ?? []), retour(r.codes)] })) },
      retour(['0200']),
    ],
  };
  return writeTree(out, { msg: t.prefix, base: t.basePrefix }, '\t\t\t\t').join('');
}

/**
 * The parts of a 325 around its clients: the clients (only rejected ones) are streamed in
 * between, because the totals come before them in the message.
 */
export function answer325Parts(
  header: InvoiceHeader,
  id: AnswerIdentity,
  result: { headerCodes: string[]; submittedCents: number; approvedCents: number; hasClients: boolean } | { headerCodes: string[]; refused: true } | { declarationRefused: string[] },
): { head: string; tail: string } {
  const t = messageType(header.standard, '325');
  const p = { msg: t.prefix, base: t.basePrefix };
  const headerOut: XOut = {
    n: 'Header',
    c: [
      ...headerElements(t, { afzender: header.ontvanger, ontvanger: header.afzender, identificatie: id.identificatie, dagtekening: id.dagtekening }),
      { n: 'DeclaratieIdentificatie', c: [{ n: 'Identificatie', b: true, t: header.identificatie }, { n: 'Dagtekening', b: true, t: header.dagtekening }] },
      { n: 'XsdVersieDeclaratie', c: [{ n: 'BasisschemaXsdVersie', b: true, t: header.basisschemaXsdVersie }, { n: 'BerichtXsdVersie', b: true, t: header.berichtXsdVersie }] },
      ...('declarationRefused' in result ? [retour(['0200'])] : result.headerCodes.length > 0 ? [retour(result.headerCodes)] : []),
    ],
  };
  const open = `<?xml version="1.0" encoding="UTF-8"?>\n<${t.prefix}:Bericht xmlns:${t.basePrefix}="${t.baseNamespace}" xmlns:${t.prefix}="${t.namespace}">\n`;
  const headXml = writeTree(headerOut, p, '\t').join('');
  const end = `</${t.prefix}:Bericht>\n`;
  if ('refused' in result) return { head: open + headXml, tail: end };
  if ('declarationRefused' in result) {
    // IV087: a finding on the class Declaratie (9333): the Header 0200, DeclaratieAntwoord with the
    // code and TotaalToegekendBedrag 0 (TR342); the declaration counts as not sent.
    const body = writeTree({ n: 'DeclaratieNummer', t: header.declaratieNummer }, p, '\t\t').join('') +
      writeTree(bedragMetDc('TotaalIngediendBedrag', header.totaalDebetCredit === 'C' ? -header.totaalBedrag : header.totaalBedrag), p, '\t\t').join('') +
      writeTree(bedragMetDc('TotaalToegekendBedrag', 0), p, '\t\t').join('') + writeTree(retour(result.declarationRefused), p, '\t\t').join('');
    return { head: `${open}${headXml}\t<${t.prefix}:DeclaratieAntwoord>\n${body}`, tail: `\t</${t.prefix}:DeclaratieAntwoord>\n${end}` };
  }
  const fully = result.approvedCents === result.submittedCents;
  const before = writeTree({ n: 'DeclaratieNummer', t: header.declaratieNummer }, p, '\t\t').join('') + writeTree(bedragMetDc('TotaalIngediendBedrag', result.submittedCents), p, '\t\t').join('') + writeTree(bedragMetDc('TotaalToegekendBedrag', result.approvedCents), p, '\t\t').join('');
  // 8001: the declaration is granted in full; otherwise 0200 on the class and the codes on the lines.
  const after = writeTree(retour([fully && !result.hasClients ? '8001' : '0200']), p, '\t\t').join('');
  return {
    head: `${open}${headXml}\t<${t.prefix}:DeclaratieAntwoord>\n${before}${result.hasClients ? `\t\t<${t.prefix}:Clienten>\n` : ''}`,
    tail: `${result.hasClients ? `\t\t</${t.prefix}:Clienten>\n` : ''}${after}\t</${t.prefix}:DeclaratieAntwoord>\n${end}`,
  };
}
