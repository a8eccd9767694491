import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Standard } from '../messages';
import { MessageRefusal } from '../refusal';
import { readInboundMessage } from './read-message';
import { sample305, sample307, sample315, sample317, type SampleHeader } from './sample-messages';

const examples = fileURLToPath(new URL('../../examples', import.meta.url));
const header = (standard: Standard): SampleHeader => ({ standard, provider: '12345678', municipality: '0599', identificatie: 'M1', dagtekening: '2026-11-02' });
const client = { bsn: '999991838' };

function refusal(xml: string): MessageRefusal {
  try {
    readInboundMessage(xml);
  } catch (e) {
    if (e instanceof MessageRefusal) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('reading a received message', () => {
  it.each(['iwmo', 'ijw'] as Standard[])('%s: the sample 305, 307, 315 and 317 Kern uses in its tests are valid messages', (standard) => {
    const h = header(standard);
    const line = { toewijzingNummer: '1001', toewijzingIngangsdatum: '2026-10-01', begindatum: '2026-10-05' };
    for (const xml of [
      sample305(h, client, [line]),
      sample307(h, client, [{ ...line, einddatum: '2026-10-31' }]),
      sample315(h, client, [{ referentieAanbieder: 'R1', categorie: standard === 'iwmo' ? '02' : '45', ingangsdatum: '2026-11-01', omvang: { volume: 4, eenheid: '04', frequentie: '2' }, einddatum: '2027-10-31' }]),
      sample317(h, client, { referentieAanbieder: 'R2', unchanged: ['1001'], added: [{ categorie: standard === 'iwmo' ? '02' : '45', gewensteIngangsdatum: '2026-12-01', einddatum: '2027-05-31', budget: 120000 }] }),
    ]) {
      const m = readInboundMessage(xml);
      expect(m.type.standard).toBe(standard);
      expect(m.header).toMatchObject({ afzender: '12345678', ontvanger: '0599', identificatie: 'M1' });
    }
  });

  it('reads the standard\'s example messages', () => {
    const m = readInboundMessage(readFileSync(`${examples}/iwmo-3.2/berichten/WMO305.xml`, 'utf8'));
    expect(m.type.name).toBe('WMO305');
    expect(m.header).toMatchObject({ afzender: '65656055', ontvanger: '0363', identificatie: '123456789013', dagtekening: '2025-04-05' });
  });

  it('refuses external entities (XXE) before parsing', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${sample305(header('iwmo'), client, []).replace(/^<\?xml[^>]*>\n/, '')}`;
    expect(refusal(xml)).toMatchObject({ code: '0001', rule: 'DOCTYPE' });
  });

  it('refuses entity expansion (billion laughs) before parsing', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
    expect(refusal(xml)).toMatchObject({ code: '0001', rule: 'DOCTYPE' });
  });

  it('refuses a document that is not well-formed', () => {
    const xml = sample305(header('iwmo'), client, [{ toewijzingNummer: '1', toewijzingIngangsdatum: '2026-10-01', begindatum: '2026-10-02' }]).replace('</wmo305:Bsn>', '</wmo305:Bs>');
    expect(refusal(xml)).toMatchObject({ code: '0001', rule: 'XML' });
  });

  it('refuses another version of the standard by name', () => {
    const xml = sample305(header('iwmo'), client, []).replaceAll('/3_2/', '/3_1/');
    const r = refusal(xml);
    expect(r).toMatchObject({ code: '0001', rule: 'NAMESPACE' });
    expect(r.message).toContain('version 3.1');
  });

  it('refuses a document in an unknown namespace', () => {
    expect(refusal('<?xml version="1.0"?><x:Bericht xmlns:x="urn:other"><x:Header/></x:Bericht>')).toMatchObject({ code: '0001', rule: 'NAMESPACE' });
    expect(refusal('not xml at all')).toMatchObject({ code: '0001', rule: 'XML' });
  });

  it('refuses a message that is invalid against its XSD (an invalid date)', () => {
    const xml = sample305(header('iwmo'), client, [{ toewijzingNummer: '1', toewijzingIngangsdatum: '2026-10-01', begindatum: '2026-02-30' }]);
    expect(refusal(xml)).toMatchObject({ code: '0001', rule: 'XSD' });
  });

  it('refuses a message over the size limit', () => {
    const xml = sample305(header('iwmo'), client, []).replace('<wmo305:Client>', `<!--${'x'.repeat(1024 * 1024)}--><wmo305:Client>`);
    expect(refusal(xml)).toMatchObject({ code: '0001', rule: 'SIZE' });
  });
});

describe('a regie message written with CDATA, comments and references', () => {
  it('is read as the plain one: the header fields come out the same', () => {
    const xml = sample305(header('iwmo'), client, [{ toewijzingNummer: '1001', toewijzingIngangsdatum: '2026-10-01', begindatum: '2026-10-05' }]);
    const dressed = xml
      .replace(/(<\w+:Afzender>)12345678(<\/)/, '$1<![CDATA[1234]]><!-- agb -->&#53;678$2')
      .replace(/(<\w+:Identificatie>)M1(<\/)/, '$1M&#x31;$2');
    expect(dressed).toContain('<![CDATA[1234]]><!-- agb -->&#53;678<');
    expect(dressed).toContain('M&#x31;<');
    const plain = readInboundMessage(xml);
    const read = readInboundMessage(dressed);
    expect(read.header).toEqual(plain.header);
    expect(read.header).toMatchObject({ afzender: '12345678', identificatie: 'M1' });
  });
});
