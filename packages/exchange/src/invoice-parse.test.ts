import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInvoiceClient, readClientFast, readInvoiceClient } from './invoice-parse';
import { declaredBasePrefixes } from './xml-lite';

const reference = fileURLToPath(new URL('../examples', import.meta.url));
const clientsOf = (xml: string): string[] => xml.match(/<(\w+:)?Client>[\s\S]*?<\/(\w+:)?Client>/g) ?? [];
const general = (xml: string) => parseInvoiceClient(xml, new Set(['iwmo'])).client;

interface Shape {
  p: string;
  b: string;
  ws: string;
  tagWs: string;
  ref: string;
  vorig: string | null;
  code: string | null;
  tarief: string | null;
  valueWs: string;
}

function clientXml(s: Shape, prestaties: number): string {
  const el = (prefix: string, n: string, inner: string): string => `<${prefix}${n}${s.tagWs}>${inner}</${prefix}${n}${s.tagWs}>${s.ws}`;
  const leaf = (prefix: string, n: string, v: string): string => el(prefix, n, `${s.valueWs}${v}${s.valueWs}`);
  let out = `${s.ws}<${s.p}Client>${s.ws}${leaf(s.p, 'Bsn', '999990019')}<${s.p}Prestaties>${s.ws}`;
  for (let i = 0; i < prestaties; i++) {
    out += el(
      s.p,
      'Prestatie',
      s.ws +
        el(s.p, 'ProductReferentie', s.ws + leaf(s.b, 'ReferentieNummer', `${s.ref}${i}`) + (s.vorig === null ? '' : leaf(s.b, 'VorigReferentieNummer', s.vorig))) +
        leaf(s.p, 'ToewijzingNummer', String(100000 + i)) +
        leaf(s.p, 'ProductCategorie', '02') +
        (s.code === null ? '' : leaf(s.p, 'ProductCode', s.code)) +
        el(s.p, 'ProductPeriode', s.ws + leaf(s.b, 'Begindatum', '2026-10-01') + leaf(s.b, 'Einddatum', '2026-10-31')) +
        leaf(s.p, 'GeleverdVolume', '4') +
        leaf(s.p, 'Eenheid', '04') +
        (s.tarief === null ? '' : leaf(s.p, 'ProductTarief', s.tarief)) +
        el(s.p, 'IngediendBedrag', s.ws + leaf(s.b, 'Bedrag', '5000') + leaf(s.b, 'DebetCredit', i % 2 === 0 ? 'D' : 'C')),
    );
  }
  return `${out}</${s.p}Prestaties>${s.ws}</${s.p}Client>${s.ws}`;
}

describe('reading the Client elements of a validated 323', () => {
  it.each(['iwmo-3.2/berichten/WMO323.xml', 'ijw-3.2/berichten/JW323.xml'])('the fast reading of every client of %s is the general reading', (file) => {
    const xml = readFileSync(`${reference}/${file}`, 'utf8');
    const clients = clientsOf(xml);
    expect(clients.length).toBeGreaterThan(0);
    for (const c of clients) {
      const fast = readClientFast(c);
      expect(fast).toBeDefined();
      expect(fast).toEqual(parseInvoiceClient(c, declaredBasePrefixes(xml)).client);
    }
  });

  it('property: for any prefixes, whitespace, optional elements and entity references, the fast reading equals the general one', () => {
    const ws = fc.constantFrom('', '\n', '\n\t\t\t', '  ', '\r\n ');
    fc.assert(
      fc.property(
        fc.record({
          p: fc.constantFrom('wmo323:', 'jw323:', 'x:', ''),
          b: fc.constantFrom('iwmo:', 'ijw:', 'b.1:', ''),
          ws,
          tagWs: fc.constantFrom('', ' ', '\n'),
          ref: fc.constantFrom('R', 'R&amp;', 'a&#x41;b', 'Ref-'),
          vorig: fc.option(fc.constantFrom('R0', 'V&lt;1'), { nil: null }),
          code: fc.option(fc.constantFrom('02A01', 'AB&#49;'), { nil: null }),
          tarief: fc.option(fc.constantFrom('1250', '+0012', '0'), { nil: null }),
          valueWs: fc.constantFrom('', ' ', '\n\t'),
        }),
        fc.integer({ min: 1, max: 4 }),
        (shape, n) => {
          const xml = clientXml(shape, n);
          const fast = readClientFast(xml);
          expect(fast).toBeDefined();
          expect(fast).toEqual(general(xml));
        },
      ),
      { numRuns: 300 },
    );
  });

  const usual: Shape = { p: 'wmo323:', b: 'iwmo:', ws: '\n', tagWs: '', ref: 'R', vorig: null, code: '02A01', tarief: '1250', valueWs: '' };
  it.each([
    ['a comment', (x: string) => x.replace('<wmo323:Eenheid>', '<!-- c --><wmo323:Eenheid>')],
    ['a CDATA section', (x: string) => x.replace('>100000<', '><![CDATA[100000]]><')],
    ['a namespace declaration on an inner element', (x: string) => x.replace('<wmo323:Prestaties>', '<wmo323:Prestaties xmlns:q="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema">')],
    ['an element in another order (not valid, never read fast)', (x: string) => x.replace(/(<wmo323:GeleverdVolume>4<\/wmo323:GeleverdVolume>\n)(<wmo323:Eenheid>04<\/wmo323:Eenheid>\n)/, '$2$1')],
  ])('a client with %s is left to the general reading, which reads it the same way', (_name, change) => {
    const xml = change(clientXml(usual, 2));
    expect(xml).not.toBe(clientXml(usual, 2));
    expect(readClientFast(xml)).toBeUndefined();
    expect(readInvoiceClient(xml, new Set(['iwmo']))).toEqual(general(xml));
  });
});
