import { describe, expect, it } from 'vitest';
import { readInboundMessage } from '../inbound/read-message';
import { sample315, sample317, type SampleChange, type SampleHeader, type SampleRequestedProduct } from '../inbound/sample-messages';
import type { XNode } from '../xml-lite';
import { parse315, parse317 } from './request-parse';
import { judge315, judge317, requestMessageFindings, type CurrentAllocation, type RequestFacts } from './request-rules';

const h: SampleHeader = { standard: 'iwmo', provider: '12345678', municipality: '0599', identificatie: 'V1', dagtekening: '2026-11-02' };
const client = { bsn: '999991838' };
const product: SampleRequestedProduct = { referentieAanbieder: 'R1', categorie: '02', code: '02A01', ingangsdatum: '2026-11-01', einddatum: '2027-04-30', omvang: { volume: 3, eenheid: '04', frequentie: '2' } };
const current: CurrentAllocation[] = [{ toewijzingNummer: '1001', startDate: '2026-06-01', endDate: '2027-05-31' }, { toewijzingNummer: '1002', startDate: '2026-06-01', endDate: null }];

function facts(o: { used?: string[]; open?: boolean; current?: CurrentAllocation[] } = {}): RequestFacts {
  return {
    referenceUsed: (ref) => Promise.resolve((o.used ?? []).includes(ref)),
    openRequest: () => Promise.resolve(o.open ?? false),
    currentAllocations: () => Promise.resolve(o.current ?? current),
  };
}
const vot = (ps: SampleRequestedProduct[]) => parse315(readInboundMessage(sample315(h, client, ps)));
const vow = (r: SampleChange) => parse317(readInboundMessage(sample317(h, client, r)));
const byName = (m: Map<XNode, { code: string }[]>) => [...m].map(([n, f]) => [n.name, f.map((x) => x.code)]);
const change: SampleChange = { referentieAanbieder: 'W1', unchanged: ['1001'], toChange: [{ toewijzingNummer: '1002', gewensteIngangsdatum: '2026-12-01', omvang: { volume: 5, eenheid: '04', frequentie: '2' } }] };

describe('requests (315 verzoek om toewijzing, 317 verzoek om wijziging): technical rules', () => {
  it('a request that breaks no rule has no findings', async () => {
    expect(byName(await judge315(vot([product]), facts()))).toEqual([]);
    expect(byName(await judge317(vow(change), '2026-11-02', facts()))).toEqual([]);
    expect(requestMessageFindings(vot([product]), '2026-11-02', '2026-11-02')).toEqual({ header: [], content: [] });
  });

  it('TR347: a ReferentieAanbieder used before by the provider yields 9347 on the AangevraagdProduct or the Verzoek', async () => {
    expect(byName(await judge315(vot([product]), facts({ used: ['R1'] })))).toEqual([['AangevraagdProduct', ['9347']]]);
    expect(byName(await judge317(vow(change), '2026-11-02', facts({ used: ['W1'] })))).toEqual([['Verzoek', ['9347']]]);
  });

  it('TR374: a request while another request for the client is still open yields 9374 on the Client (315) or Verzoek (317)', async () => {
    expect(byName(await judge315(vot([product]), facts({ open: true })))).toEqual([['Client', ['9374']]]);
    expect(byName(await judge317(vow(change), '2026-11-02', facts({ open: true })))).toEqual([['Verzoek', ['9374']]]);
  });

  it('TR349: a 317 that leaves out a current allocation yields 9349 on the Verzoek', async () => {
    expect(byName(await judge317(vow({ ...change, unchanged: [] }), '2026-11-02', facts()))).toEqual([['Verzoek', ['9349']]]);
  });

  it('TR350: an OngewijzigdProduct that is not a current allocation yields 9350 on it', async () => {
    const r = await judge317(vow({ ...change, unchanged: ['1001', '7777'] }), '2026-11-02', facts());
    expect(byName(r)).toEqual([['OngewijzigdProduct', ['9350']]]);
  });

  it('TR351: a TeWijzigenProduct that is not a current allocation yields 9351 on it', async () => {
    const r = await judge317(vow({ ...change, toChange: [{ toewijzingNummer: '8888', gewensteIngangsdatum: '2026-12-01' }], unchanged: ['1001', '1002'] }), '2026-11-02', facts());
    expect(byName(r)).toEqual([['TeWijzigenProduct', ['9351']]]);
  });

  it('TR357: a change not in the future must start on the allocation\'s Ingangsdatum, else 9357', async () => {
    const r = await judge317(vow({ ...change, toChange: [{ toewijzingNummer: '1002', gewensteIngangsdatum: '2026-10-01' }] }), '2026-11-02', facts());
    expect(byName(r)).toEqual([['TeWijzigenProduct', ['9357']]]);
    const whole = await judge317(vow({ ...change, toChange: [{ toewijzingNummer: '1002', gewensteIngangsdatum: '2026-06-01' }] }), '2026-11-02', facts());
    expect(byName(whole)).toEqual([]);
  });

  it('TR373: a changed budget must start on the allocation\'s Ingangsdatum, else 9373', async () => {
    const r = await judge317(vow({ ...change, toChange: [{ toewijzingNummer: '1002', gewensteIngangsdatum: '2026-12-01', budget: 90000 }] }), '2026-11-02', facts());
    expect(byName(r)).toEqual([['TeWijzigenProduct', ['9373']]]);
  });

  it('TR383: the same ReferentieAanbieder twice in one 315 refuses the message with 0001', () => {
    expect(requestMessageFindings(vot([product, { ...product, ingangsdatum: '2027-06-01', einddatum: '2027-12-31' }]), '2026-11-02', '2026-11-02').content).toEqual([{ rule: 'TR383', code: '0001' }]);
  });

  it('TR386: the same product twice in one 315 with overlapping periods refuses the message with 0001', () => {
    const content = requestMessageFindings(vot([product, { ...product, referentieAanbieder: 'R2', ingangsdatum: '2027-01-01', einddatum: '2027-12-31' }]), '2026-11-02', '2026-11-02').content;
    expect(content).toEqual([{ rule: 'TR386', code: '0001' }]);
    const apart = requestMessageFindings(vot([product, { ...product, referentieAanbieder: 'R2', ingangsdatum: '2027-05-01', einddatum: '2027-12-31' }]), '2026-11-02', '2026-11-02').content;
    expect(apart).toEqual([]);
  });

  it('TR352: a 317 without an OngewijzigdProduct or TeWijzigenProduct refuses the message with 0001', () => {
    const r = vow({ referentieAanbieder: 'W1', added: [{ categorie: '02', gewensteIngangsdatum: '2026-12-01' }] });
    expect(requestMessageFindings(r, '2026-11-02', '2026-11-02').content).toEqual([{ rule: 'TR352', code: '0001' }]);
  });

  it('TR353: a 317 without a TeWijzigenProduct or NieuwProduct refuses the message with 0001', () => {
    const r = vow({ referentieAanbieder: 'W1', unchanged: ['1001', '1002'] });
    expect(requestMessageFindings(r, '2026-11-02', '2026-11-02').content).toEqual([{ rule: 'TR353', code: '0001' }]);
  });

  it('TR410: the same new product twice with overlapping periods refuses the 317 with 0001', () => {
    const r = vow({ ...change, added: [{ categorie: '02', code: '02A01', gewensteIngangsdatum: '2026-12-01', einddatum: '2027-03-31' }, { categorie: '02', code: '02A01', gewensteIngangsdatum: '2027-03-01' }] });
    expect(requestMessageFindings(r, '2026-11-02', '2026-11-02').content).toEqual([{ rule: 'TR410', code: '0001' }]);
  });

  it('TR135: a request dated after the system date yields 8848 on the header', () => {
    expect(requestMessageFindings(vot([product]), '2026-11-02', '2026-11-01').header).toEqual([{ rule: 'TR135', code: '8848' }]);
  });
});
