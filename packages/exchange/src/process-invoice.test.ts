import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build323 } from './build-323';
import { invoice, prestatie, PROVIDER } from '@kern/seed/testing';
import { generatedFacts, generateInvoice, testBsn } from './generate-invoice';
import { parseInvoiceClient, parseInvoiceHeader } from './invoice-parse';
import type { InvoiceClient, InvoiceHeader, Prestatie } from './invoice.schema';
import { MemoryBackend } from './memory-backend';
import { messageType } from './messages';
import { processInvoiceStream, type ProcessOptions } from './process-invoice';
import { validateAgainstXsd } from './xsd';
import { declaredBasePrefixes, parseTree } from './xml-lite';

const reference = fileURLToPath(new URL('../examples', import.meta.url));
const empty = (): MemoryBackend => new MemoryBackend({ allocations: [], tariffs: [], residents: [] });

async function run(source: AsyncIterable<Buffer | string> | string, backend = empty(), o: Partial<ProcessOptions> = {}) {
  let answer = '';
  const input = typeof source === 'string' ? [source] : source;
  const outcome = await processInvoiceStream(toAsync(input), backend, { today: '2026-11-23', answerIdentity: { identificatie: 'A325', dagtekening: '2026-11-23' }, answer: (s) => void (answer += s), ...o });
  return { outcome, answer, backend };
}
async function* toAsync(i: Iterable<Buffer | string> | AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
  for await (const x of i) yield x;
}

const header: InvoiceHeader = {
  standard: 'iwmo', afzender: '12345678', ontvanger: '0363', identificatie: 'B1', dagtekening: '2026-11-05', basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0',
  declaratieNummer: 'D1', periodeBegin: '2026-10-01', periodeEind: '2026-10-31', declaratieDagtekening: '2026-11-05', totaalBedrag: 5000, totaalDebetCredit: 'D',
};
const p0: Prestatie = { referentieNummer: 'R1', vorigReferentieNummer: null, toewijzingNummer: '100000', productCategorie: '02', productCode: '02A01', begindatum: '2026-10-01', einddatum: '2026-10-31', geleverdVolume: 4, eenheid: '04', productTarief: 1250, bedrag: 5000, debetCredit: 'D' };
const g = { standard: 'iwmo' as const, clients: 3, prestatiesPerClient: 1, month: '2026-10', provider: '12345678', municipality: '0363' };

describe('323 -> 325 over a stream', () => {
  it.each(['iwmo-3.2/berichten/WMO323.xml', 'ijw-3.2/berichten/JW323.xml'])('answers the reference example %s with a 325 that validates', async (file) => {
    const xml = readFileSync(`${reference}/${file}`, 'utf8');
    const { outcome, answer } = await run(xml);
    expect(outcome.refusal).toBeNull();
    expect(outcome.lines).toBe((xml.match(/<\w+:Prestatie>/g) ?? []).length);
    const type = messageType(file.startsWith('iwmo') ? 'iwmo' : 'ijw', '325');
    expect(validateAgainstXsd(type, answer)).toEqual([]);
    expect(answer).toContain('<RetourCode>9338</'.replace('<', `<${type.prefix}:`).replace('</', `</${type.prefix}:`));
  });

  it('build -> parse -> build of a 323 is stable, and what Kern builds validates', () => {
    const clients: InvoiceClient[] = [{ bsn: testBsn(1), prestaties: [p0, { ...p0, referentieNummer: 'R2', vorigReferentieNummer: 'R0', debetCredit: 'C' }] }];
    const xml = build323(header, clients);
    const type = messageType('iwmo', '323');
    expect(validateAgainstXsd(type, xml)).toEqual([]);
    const clientXml = /<wmo323:Client>[\s\S]*<\/wmo323:Client>/.exec(xml)?.[0] ?? '';
    const parsedHeader = parseInvoiceHeader(type, xml);
    const parsedClient = parseInvoiceClient(clientXml, declaredBasePrefixes(xml)).client;
    expect(parsedHeader).toEqual(header);
    expect(build323(parsedHeader, [parsedClient])).toBe(xml);
  });

  it('approves every prestatie against matching allocations, answers 8001 and books them', async () => {
    const { outcome, answer, backend } = await run(generateInvoice(g), new MemoryBackend(generatedFacts(g)), { municipality: '0363' });
    expect(outcome).toMatchObject({ refusal: null, lines: 3, approvedLines: 3, approvedCents: 15000, rejectedCents: 0 });
    expect(answer).toContain('<wmo325:RetourCode>8001</wmo325:RetourCode>');
    expect(backend.committed).toHaveLength(3);
    expect(validateAgainstXsd(messageType('iwmo', '325'), answer)).toEqual([]);
  });

  it('TR056: the same message received twice gives the same answer and no second effect', async () => {
    const backend = new MemoryBackend(generatedFacts(g));
    const first = await run(generateInvoice(g), backend);
    const again = await run(generateInvoice(g), backend);
    expect(again.outcome.repeated).toBe(true);
    expect(again.answer).toBe(first.answer);
    expect(backend.committed).toHaveLength(3);
  });

  it('TR056: a JW323 and a WMO323 of one sender with the same Identificatie are two messages: both are answered and booked', async () => {
    const jw = { ...g, standard: 'ijw' as const };
    const facts = generatedFacts(g);
    const jwFacts = generatedFacts(jw);
    const backend = new MemoryBackend({ allocations: [...facts.allocations, ...jwFacts.allocations.map((a) => ({ ...a, toewijzingNummer: `J${a.toewijzingNummer}` }))], tariffs: [...facts.tariffs, ...jwFacts.tariffs], residents: facts.residents });
    const wmo = await run(generateInvoice(g), backend);
    let jwXml = '';
    for await (const piece of generateInvoice(jw)) jwXml += piece;
    const jwMessage = await run(jwXml, backend);
    expect(parseInvoiceHeader(messageType('ijw', '323'), jwXml).identificatie).toBe(wmo.outcome.header?.identificatie);
    expect(jwMessage.outcome).toMatchObject({ repeated: false, refusal: null, lines: 3 });
    expect(jwMessage.answer).toContain('jw325:');
    expect(backend.committed).toHaveLength(6);
  });

  it('TR056: the same Identificatie with other content is refused with 9056; the message answered before keeps its bookings and nothing more is booked', async () => {
    const backend = new MemoryBackend(generatedFacts(g));
    let xml = '';
    for await (const piece of generateInvoice(g)) xml += piece;
    const first = await run(xml, backend);
    const other = xml.replace('</wmo323:Prestatie>', '<!-- other content --></wmo323:Prestatie>');
    expect(other).not.toBe(xml);
    const again = await run(other, backend);
    expect(again.outcome).toMatchObject({ repeated: false, refusal: { code: '9056', rule: 'TR056' } });
    expect(again.answer).toContain('<wmo325:RetourCode>9056</wmo325:RetourCode>');
    expect(validateAgainstXsd(messageType('iwmo', '325'), again.answer)).toEqual([]);
    expect(backend.committed).toHaveLength(3);
    // The first message's answer is still the one given for its own content.
    expect((await run(xml, backend)).answer).toBe(first.answer);
  });

  it('TR333: another message with a DeclaratieNummer used before is refused whole with 9333 and books nothing', async () => {
    const backend = new MemoryBackend(generatedFacts(g));
    await run(generateInvoice(g), backend);
    let xml = '';
    for await (const piece of generateInvoice(g)) xml += piece;
    const again = await run(xml.replace('<iwmo:Identificatie>GEN202610<', '<iwmo:Identificatie>OTHER1<'), backend);
    expect(again.outcome.refusal?.code).toBe('9333');
    expect(backend.committed).toHaveLength(3);
    expect(validateAgainstXsd(messageType('iwmo', '325'), again.answer)).toEqual([]);
  });

  it('IV087: 9333 is answered on DeclaratieAntwoord (TotaalToegekendBedrag 0), the Header 0200; the 325 validates', async () => {
    const backend = new MemoryBackend(generatedFacts(g));
    await run(generateInvoice(g), backend);
    let xml = '';
    for await (const piece of generateInvoice(g)) xml += piece;
    const { outcome, answer } = await run(xml.replace(/(<wmo323:Identificatie>|<iwmo:Identificatie>)([^<]+)</, '$1OTHER<'), backend);
    expect(outcome.refusal?.code).toBe('9333');
    const tree = parseTree(answer);
    const headerCodes = tree.children.find((c) => c.name === 'Header')?.children.find((c) => c.name === 'RetourCodes')?.children.map((c) => c.text);
    expect(headerCodes).toEqual(['0200']);
    const antwoord = tree.children.find((c) => c.name === 'DeclaratieAntwoord');
    expect(antwoord?.children.find((c) => c.name === 'RetourCodes')?.children.map((c) => c.text)).toEqual(['9333']);
    expect(antwoord?.children.find((c) => c.name === 'TotaalToegekendBedrag')?.children[0]?.text).toBe('0');
    expect(validateAgainstXsd(messageType('iwmo', '325'), answer)).toEqual([]);
  });

  it('a crash mid-message resumes by processing the file again, without double booking', async () => {
    const big = { ...g, clients: 10 };
    const backend = new MemoryBackend(generatedFacts(big));
    const limits = { maxPreludeChars: 1 << 20, maxClientChars: 1 << 20, batchClients: 3 };
    backend.beforeCommit = (batch) => {
      if (batch === 3) throw new Error('simulated crash');
    };
    await expect(run(generateInvoice(big), backend, { limits })).rejects.toThrow('simulated crash');
    expect(backend.committed).toHaveLength(0); // staged, not booked
    backend.beforeCommit = undefined;
    const resumed = await run(generateInvoice(big), backend, { limits });
    expect(resumed.outcome).toMatchObject({ refusal: null, lines: 10, approvedLines: 10 });
    expect(backend.committed).toHaveLength(10);
    expect(new Set(backend.committed.map((l) => l.prestatie.referentieNummer)).size).toBe(10);
  });

  it('checks a line against the earlier batches of its own message: a client block repeated after a batch boundary is rejected (8021, 9389)', async () => {
    const bsn = '999991838';
    const backend = new MemoryBackend({
      allocations: [{ toewijzingNummer: '2002', bsn, providerAgb: PROVIDER, productCategorie: '02', productCode: '02A01', ingangsdatum: '2026-01-01', einddatum: '2026-12-31', eenheid: '04', volume: 40, frequentie: '4', budget: null, removed: false }],
      residents: [{ bsn, from: '2000-01-01', to: null }],
      tariffs: [{ productCategorie: '02', productCode: '02A01', from: '2026-01-01', to: null, cents: 1250 }],
    });
    // The repeated X1 differs in its volume: an identical line would refuse the whole message (TR101).
    const xml = invoice('2026-05', [{ bsn, prestaties: [prestatie('X1', '2002', '2026-05', 30)] }, { bsn, prestaties: [prestatie('X1', '2002', '2026-05', 29), prestatie('X3', '2002', '2026-05', 5)] }]);
    const { outcome, answer } = await run(xml, backend, { limits: { maxPreludeChars: 1 << 20, maxClientChars: 1 << 20, batchClients: 1 } });
    expect(outcome).toMatchObject({ refusal: null, lines: 3, approvedLines: 1, rejectedLines: 2 });
    expect(answer).toContain('>8021<');
    expect(answer).toContain('>9389<');
  });

  it('a refusal in a later batch leaves nothing booked from the earlier batches', async () => {
    const big = { ...g, clients: 10 };
    const backend = new MemoryBackend(generatedFacts(big));
    let xml = '';
    for await (const piece of generateInvoice(big)) xml += piece;
    const last = xml.lastIndexOf('<iwmo:Begindatum>2026-10-01</iwmo:Begindatum>');
    const broken = `${xml.slice(0, last)}<iwmo:Begindatum>2026-10-32</iwmo:Begindatum>${xml.slice(last + '<iwmo:Begindatum>2026-10-01</iwmo:Begindatum>'.length)}`;
    const { outcome } = await run(broken, backend, { limits: { maxPreludeChars: 1 << 20, maxClientChars: 1 << 20, batchClients: 3 } });
    expect(outcome.refusal?.code).toBe('0001');
    expect(backend.committed).toHaveLength(0);
    expect(backend.stagedCount(outcome.header as InvoiceHeader)).toBe(0);
  });

  it('TR135 refuses a declaration dated after today: 8848 in the 325 header', async () => {
    const { outcome, answer } = await run(build323({ ...header, dagtekening: '2026-12-01' }, [{ bsn: testBsn(0), prestaties: [p0] }]));
    expect(outcome.refusal?.code).toBe('8848');
    expect(answer).toContain('<wmo325:RetourCode>8848</wmo325:RetourCode>');
  });

  it('TR378 refuses a declaration addressed to another municipality: S300', async () => {
    const { outcome } = await run(build323(header, [{ bsn: testBsn(0), prestaties: [p0] }]), empty(), { municipality: '0599' });
    expect(outcome.refusal?.code).toBe('S300');
  });

  it('refuses a TotaalIngediendBedrag that is not the sum of the prestaties', async () => {
    const { outcome } = await run(build323({ ...header, totaalBedrag: 4999 }, [{ bsn: testBsn(0), prestaties: [p0] }]));
    expect(outcome.refusal?.rule).toBe('TR358');
  });

  describe('money rules on the 323: each refuses the whole message with 0001 under its own rule, in process and in validate alike', () => {
    const bsn = '999991838';
    const clean = () => [{ bsn, prestaties: [prestatie('M1', '2002', '2026-05', 2), prestatie('M2', '2002', '2026-06', 2)] }];
    const cases: [string, () => string][] = [
      ['TR101', () => invoice('2026-05', [{ bsn, prestaties: [prestatie('M1', '2002', '2026-05', 2), prestatie('M1', '2002', '2026-05', 2)] }])],
      ['TR316', () => invoice('2026-05', [{ bsn, prestaties: [prestatie('M1', '2002', '2026-05', 2), prestatie('M2', '2002', '2026-05', 2, { vorigReferentieNummer: 'M1', debetCredit: 'C' })] }])],
      ['TR335', () => invoice('2026-05', [{ bsn, prestaties: [prestatie('M1', '2002', '2019-05', 2)] }], { declaratieDagtekening: '2026-11-05' })],
      ['TR358', () => invoice('2026-05', clean(), { totaalDebetCredit: 'C' })],
    ];
    it.each(cases)('%s: a message that breaks it is refused under its own rule and 0001, nothing booked', async (rule, xml) => {
      for (const verify of [true, false]) {
        const { outcome, answer, backend } = await run(xml(), empty(), { verify });
        expect(outcome.refusal).toMatchObject({ code: '0001', rule });
        expect(answer).toContain('<wmo325:RetourCode>0001</wmo325:RetourCode>');
        expect(answer).not.toContain('DeclaratieAntwoord');
        expect(backend.committed).toHaveLength(0);
      }
    });
    it('a clean message passes every money rule', async () => {
      const { outcome } = await run(invoice('2026-05', clean()), empty(), { verify: false });
      expect(outcome.refusal).toBeNull();
    });
  });

  it('answers an unknown BSN and allocation per line (9338), not by refusing the file', async () => {
    const { outcome, answer } = await run(build323(header, [{ bsn: '999999990', prestaties: [p0] }]));
    expect(outcome.refusal).toBeNull();
    expect(outcome.rejectedLines).toBe(1);
    expect(answer).toContain('<wmo325:RetourCode>9338</wmo325:RetourCode>');
  });

  describe('hostile or broken input: refused with 0001, nothing booked', () => {
    const valid = build323(header, [{ bsn: testBsn(0), prestaties: [p0] }]);
    const cases: [string, string][] = [
      ['not well-formed', valid.replace('</wmo323:Bsn>', '</wmo323:Bssn>')],
      ['wrong namespace', valid.replaceAll('iwmo/3_2/wmo323', 'iwmo/3_1/wmo323')],
      ['wrong version', valid.replace('<wmo323:BerichtVersie>3<', '<wmo323:BerichtVersie>2<')],
      ['external entity (XXE)', valid.replace('<wmo323:Bericht', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<wmo323:Bericht').replace('D1<', '&e;<')],
      ['entity expansion', valid.replace('<wmo323:Bericht', '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<wmo323:Bericht')],
      ['invalid date', valid.replace('2026-10-01</iwmo:Begindatum>\n\t\t\t\t\t\t\t', '2026-02-30</iwmo:Begindatum>\n\t\t\t\t\t\t\t')],
      ['text between clients', valid.replace('</wmo323:Client>', '</wmo323:Client>x')],
      ['an unterminated comment between clients', valid.replace('</wmo323:Client>', '</wmo323:Client><!-- x ')],
      ['not an iStandaarden message', '<?xml version="1.0"?><html><body/></html>'],
      ['empty file', ''],
    ];
    it.each(cases)('%s', async (_name, xml) => {
      const { outcome, backend } = await run(xml);
      expect(outcome.refusal?.code).toBe('0001');
      expect(outcome.lines).toBe(0);
      expect(backend.committed).toHaveLength(0);
    });
    it('the invalid-date case really puts 30 February in a prestatie', () => {
      expect(valid.includes('2026-10-01</iwmo:Begindatum>\n\t\t\t\t\t\t\t')).toBe(true);
    });

    it('a 2 GB file (one endless Client, streamed, never stored) is refused with flat memory', async () => {
      const before = process.memoryUsage().heapUsed;
      let produced = 0;
      async function* endless(): AsyncGenerator<string> {
        yield valid.slice(0, valid.indexOf('<wmo323:Client>') + '<wmo323:Client>'.length);
        const block = '<wmo323:Bsn>999990019</wmo323:Bsn>'.repeat(30_000); // ~1 MB
        while (produced < 2 * 1024 ** 3) {
          produced += block.length;
          yield block;
        }
      }
      const { outcome } = await run(endless());
      expect(outcome.refusal?.code).toBe('0001');
      expect(outcome.refusal?.message).toMatch(/larger than/);
      expect(produced).toBeLessThan(64 * 1024 ** 2); // stopped reading long before 2 GB
      expect(process.memoryUsage().heapUsed - before).toBeLessThan(256 * 1024 ** 2);
    });
  });

  describe('the forms of XML the XSD allows are read, wherever they stand', () => {
    const two = build323({ ...header, totaalBedrag: 10000 }, [{ bsn: testBsn(0), prestaties: [p0] }, { bsn: testBsn(1), prestaties: [{ ...p0, referentieNummer: 'R2' }] }]);
    it.each([
      ['a comment between clients', two.replace('</wmo323:Client>', '</wmo323:Client><!-- <wmo323:Client> in a comment -->')],
      ['a processing instruction between clients', two.replace('</wmo323:Client>', '</wmo323:Client><?kern note?>')],
      ['GeleverdVolume as CDATA', two.replace('<wmo323:GeleverdVolume>4</wmo323:GeleverdVolume>', '<wmo323:GeleverdVolume><![CDATA[4]]></wmo323:GeleverdVolume>')],
      ['a Bedrag as character references with a comment', two.replace('<iwmo:Bedrag>5000</iwmo:Bedrag>', '<iwmo:Bedrag>&#53;0<!-- c -->&#x30;0</iwmo:Bedrag>')],
    ])('%s', async (_name, xml) => {
      expect(xml).not.toBe(two);
      const { outcome } = await run(xml, empty(), { verify: false });
      expect(outcome.refusal).toBeNull();
      expect({ clients: outcome.clients, lines: outcome.lines, submitted: outcome.submittedCents }).toEqual({ clients: 2, lines: 2, submitted: 10000 });
    });
  });

  it('elements nested 100,000 deep inside a Client are refused (0001), not read', async () => {
    const one = build323(header, [{ bsn: testBsn(0), prestaties: [p0] }]);
    const xml = one.replace('<wmo323:Prestaties>', `<wmo323:Prestaties>${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}`);
    const { outcome } = await run(xml, empty(), { verify: false });
    expect(outcome.refusal?.code).toBe('0001');
    expect(outcome.lines).toBe(0);
  });

  it('64 MB of whitespace between two clients is refused after reading little more than the bound', async () => {
    const two = build323({ ...header, totaalBedrag: 10000 }, [{ bsn: testBsn(0), prestaties: [p0] }, { bsn: testBsn(1), prestaties: [{ ...p0, referentieNummer: 'R2' }] }]);
    const cut = two.indexOf('</wmo323:Client>') + '</wmo323:Client>'.length;
    let produced = 0;
    async function* hostile(): AsyncGenerator<string> {
      yield two.slice(0, cut);
      const block = ' '.repeat(64 * 1024);
      for (let i = 0; i < 1024; i++) {
        produced += block.length;
        yield block;
      }
      yield two.slice(cut);
    }
    const { outcome } = await run(hostile(), empty(), { verify: false });
    expect(outcome.refusal?.code).toBe('0001');
    expect(outcome.refusal?.message).toMatch(/bytes of whitespace or comments after Client 1/);
    expect(produced).toBeLessThan(1024 * 1024);
  });

  it('property: approved + rejected amounts always equal the submitted total, and the 325 says the approved total', async () => {
    const facts = generatedFacts({ ...g, clients: 4, prestatiesPerClient: 2 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ client: fc.integer({ min: 0, max: 5 }), alloc: fc.integer({ min: 0, max: 9 }), volume: fc.integer({ min: 1, max: 8 }), tariff: fc.constantFrom(1250, 1300), credit: fc.boolean(), off: fc.integer({ min: -1, max: 1 }) }),
          { minLength: 1, maxLength: 12 },
        ),
        async (lines) => {
          const byClient = new Map<number, Prestatie[]>();
          lines.forEach((l, i) => {
            const p: Prestatie = { ...p0, referentieNummer: `R${i}`, vorigReferentieNummer: l.credit ? `P${i - 1}` : null /* a line of an earlier message: TR316 forbids crediting one of this message */, toewijzingNummer: String(100000 + l.alloc), geleverdVolume: l.volume, productTarief: l.tariff, bedrag: l.volume * l.tariff + l.off, debetCredit: l.credit ? 'C' : 'D' };
            byClient.set(l.client, [...(byClient.get(l.client) ?? []), p]);
          });
          const clients = [...byClient.entries()].map(([c, prestaties]) => ({ bsn: testBsn(c), prestaties }));
          const sum = clients.flatMap((c) => c.prestaties).reduce((s, p) => s + (p.debetCredit === 'D' ? p.bedrag : -p.bedrag), 0);
          const xml = build323({ ...header, totaalBedrag: Math.abs(sum), totaalDebetCredit: sum < 0 ? 'C' : 'D' }, clients);
          const { outcome, answer } = await run(xml, new MemoryBackend(facts));
          expect(outcome.refusal).toBeNull();
          expect(outcome.approvedCents + outcome.rejectedCents).toBe(outcome.submittedCents);
          expect(outcome.submittedCents).toBe(sum);
          const antwoord = parseTree(answer);
          const toegekend = antwoord.children.find((c) => c.name === 'DeclaratieAntwoord')?.children.find((c) => c.name === 'TotaalToegekendBedrag');
          const bedrag = Number(toegekend?.children[0]?.text) * (toegekend?.children[1]?.text === 'C' ? -1 : 1);
          expect(bedrag).toBe(outcome.approvedCents);
          expect(validateAgainstXsd(messageType('iwmo', '325'), answer)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('XSD on validation threads and on the calling thread give the same outcome, bookings and 325 (valid, rejected lines, XSD refusal in a later batch)', async () => {
    const big = { ...g, clients: 10 };
    const limits = { maxPreludeChars: 1 << 20, maxClientChars: 1 << 20, batchClients: 3 };
    let xml = '';
    for await (const piece of generateInvoice(big)) xml += piece;
    const last = xml.lastIndexOf('<iwmo:Begindatum>2026-10-01</iwmo:Begindatum>');
    const broken = `${xml.slice(0, last)}<iwmo:Begindatum>2026-10-32</iwmo:Begindatum>${xml.slice(last + '<iwmo:Begindatum>2026-10-01</iwmo:Begindatum>'.length)}`;
    const facts = generatedFacts(big);
    const fewerFacts = generatedFacts({ ...big, clients: 5 }); // clients 6-10 have no allocation: rejected lines
    const outcomes = [];
    for (const [message, f] of [[xml, facts], [xml, fewerFacts], [broken, facts]] as const) {
      const threaded = await run(message, new MemoryBackend(f), { limits, xsdThreads: 2 });
      const here = await run(message, new MemoryBackend(f), { limits, xsdThreads: 0 });
      expect(threaded.outcome).toEqual(here.outcome);
      expect(threaded.answer).toEqual(here.answer);
      expect(threaded.backend.committed).toEqual(here.backend.committed);
      outcomes.push(here.outcome);
    }
    expect(outcomes.map((o) => [o.refusal?.code ?? null, o.approvedLines > 0, o.rejectedLines > 0])).toEqual([[null, true, false], [null, true, true], ['0001', true, false]]);
  });
});
