import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DomainError } from '@kern/kit';
import { createBrpClient, type BrpClient } from './brp-client';
import { startFakeBrp, type RunningFakeBrp } from './fake-brp';
import { residentSchema, residentSummarySchema } from './contract';
import { loadTestPersons } from './test-persons';

const ROTTERDAM = { municipalityCode: '0599' };
const DEN_HAAG = { municipalityCode: '0518' };

/** Records every request body so tests can prove what the client sent. */
function recordingFetch(sent: Record<string, unknown>[]): typeof fetch {
  return async (input, init) => {
    sent.push(JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as Record<string, unknown>);
    return fetch(input, init);
  };
}

async function domainError(p: Promise<unknown>): Promise<DomainError> {
  const e: unknown = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('BRP client against the fake BRP', () => {
  let brp: RunningFakeBrp;
  let client: BrpClient;
  const sent: Record<string, unknown>[] = [];

  beforeAll(async () => {
    brp = await startFakeBrp({ apiKey: 'demo-key' });
    client = createBrpClient({ baseUrl: brp.url, apiKey: 'demo-key', fetch: recordingFetch(sent) });
  });
  afterAll(async () => {
    await brp.close();
  });

  it('maps a consulted person to a valid Resident with English names', async () => {
    const r = await client.getPersonByBsn('999993653', ROTTERDAM);
    expect(residentSchema.parse(r)).toEqual({
      bsn: '999993653',
      name: { givenNames: 'Suzanne', prefix: null, surname: 'Moulin', fullName: 'Suzanne Moulin' },
      birthDate: '1985-12-01',
      gender: 'female',
      birthPlace: 'Thann',
      address: { street: 'Boterdiep', houseNumber: 31, postcode: '3077AW', city: 'Rotterdam', addressableObjectId: '0599010000208579' },
      municipalityCode: '0599',
      registeredSince: '2013-11-02',
      deceased: false,
      partners: [{ name: { givenNames: 'Jean Marie', prefix: null, surname: 'Beaudelaire', fullName: 'Jean Marie Beaudelaire' }, birthDate: '1976-08-01' }],
      parents: [
        { name: { givenNames: 'Lisette', prefix: null, surname: 'Béamont', fullName: 'Lisette Béamont' }, birthDate: '1956-12-01' },
        { name: { givenNames: 'Guîllaumé', prefix: null, surname: 'Moulin', fullName: 'Guîllaumé Moulin' }, birthDate: '1955-04-03' },
      ],
      children: [],
    });
  });

  it('falls back to the municipality name when the address has no woonplaats', async () => {
    const r = await client.getPersonByBsn('999990639', DEN_HAAG);
    expect(r?.address).toEqual({ street: 'Zeeruststraat', houseNumber: 132, postcode: '2584BZ', city: "'s-Gravenhage" });
    expect(r?.children.map((c) => c.bsn)).toEqual(['999992387', '999994736', '999994773', '999993136']);
  });

  it('reports a deceased person and a partial birth date', async () => {
    expect((await client.getPersonByBsn('999990147', ROTTERDAM))?.deceased).toBe(true);
    expect((await client.getPersonByBsn('999990147', ROTTERDAM))?.diedOn).toBe('2018-05-26');
    expect((await client.getPersonByBsn('999992351', DEN_HAAG))?.birthDate).toBe('1978-03');
    expect((await client.getPersonByBsn('999994220', DEN_HAAG))?.birthDate).toBeNull();
  });

  it('sends gemeenteVanInschrijving and the fields it needs on every request', async () => {
    sent.length = 0;
    await client.getPersonByBsn('999999345', ROTTERDAM);
    await client.searchBySurnameAndBirthDate({ surname: 'Groot Esselink', birthDate: '1985-05-27', ...ROTTERDAM });
    await client.searchByPostcodeAndHouseNumber({ postcode: '3032CG', houseNumber: 651, ...ROTTERDAM });
    expect(sent.length).toBe(5); // one consult, and per search: find BSNs, then consult them
    for (const body of sent) {
      expect(body.gemeenteVanInschrijving).toBe('0599');
      expect(Array.isArray(body.fields)).toBe(true);
    }
  });

  it('accepts a GM-prefixed municipality code', async () => {
    expect((await client.getPersonByBsn('999999345', { municipalityCode: 'GM0599' }))?.bsn).toBe('999999345');
  });

  describe('a 0599 client never sees a 0518 resident', () => {
    it('consulting by BSN answers null', async () => {
      expect(await client.getPersonByBsn('999996538', ROTTERDAM)).toBeNull();
      expect((await client.getPersonByBsn('999996538', DEN_HAAG))?.name.fullName).toBe('Kevin de Boer');
    });

    it('searching by surname and birth date finds nobody', async () => {
      const search = { surname: 'Boer', prefix: 'de', birthDate: '1984-12-16' };
      expect(await client.searchBySurnameAndBirthDate({ ...search, ...ROTTERDAM })).toEqual([]);
      expect(await client.searchBySurnameAndBirthDate({ ...search, ...DEN_HAAG })).toHaveLength(1);
    });

    it('searching by address finds nobody', async () => {
      expect(await client.searchByPostcodeAndHouseNumber({ postcode: '2551 KH', houseNumber: 48, ...ROTTERDAM })).toEqual([]);
    });

    it('a batch of all 0518 persons yields nothing for 0599', async () => {
      const denHaag = loadTestPersons().flatMap((p) => (p.gemeenteVanInschrijving?.code === '0518' && p.burgerservicenummer ? [p.burgerservicenummer] : []));
      expect(await client.getPersonsByBsn(denHaag, ROTTERDAM)).toEqual([]);
    });
  });

  it('searches by surname and birth date, returning summaries with a structured address', async () => {
    const hits = await client.searchBySurnameAndBirthDate({ surname: 'groot esselink', birthDate: '1985-05-27', ...ROTTERDAM });
    expect(hits).toHaveLength(1);
    expect(residentSummarySchema.parse(hits[0])).toEqual({
      bsn: '999999345',
      name: { givenNames: 'Johan', prefix: null, surname: 'Groot Esselink', fullName: 'Johan Groot Esselink' },
      birthDate: '1985-05-27',
      address: { street: 'Hofdijk', houseNumber: 651, postcode: '3032CG', city: 'Rotterdam', addressableObjectId: '0599010000110069' },
    });
  });

  it('searches by postcode and house number, including house letters', async () => {
    const hits = await client.searchByPostcodeAndHouseNumber({ postcode: '3038 vp', houseNumber: 33, houseLetter: 'b', ...ROTTERDAM });
    expect(hits.map((h) => h.name.fullName).sort()).toEqual(['Angélie Holthuizen', 'Hubert Jozef Maassen', 'Sophia Yvette Maassen']);
    expect(hits[0]?.address?.houseLetter).toBe('b');
  });

  it('consults more than 20 BSNs in batches of at most 20, keeping the order asked', async () => {
    const rotterdam = loadTestPersons().flatMap((p) => (p.gemeenteVanInschrijving?.code === '0599' && p.burgerservicenummer ? [p.burgerservicenummer] : []));
    const asked = rotterdam.slice(0, 45);
    sent.length = 0;
    const found = await client.getPersonsByBsn(asked, ROTTERDAM);
    expect(found.map((r) => r.bsn)).toEqual(asked);
    expect(sent.map((b) => (b.burgerservicenummer as string[]).length)).toEqual([20, 20, 5]);
  });

  it('rejects a BSN failing the 11-test before calling the BRP', async () => {
    sent.length = 0;
    const e = await domainError(client.getPersonByBsn('999993654', ROTTERDAM));
    expect(e.code).toBe('invalid-input');
    expect(e.invalidParams[0]?.name).toBe('bsn');
    expect(sent).toHaveLength(0);
  });

  it('rejects bad search input with invalid-input naming the field', async () => {
    expect((await domainError(client.searchBySurnameAndBirthDate({ surname: 'Zaal', birthDate: '1958-02-30', ...ROTTERDAM }))).invalidParams[0]?.name).toBe('birthDate');
    expect((await domainError(client.searchBySurnameAndBirthDate({ surname: ' ', birthDate: '1958-04-19', ...ROTTERDAM }))).invalidParams[0]?.name).toBe('surname');
    expect((await domainError(client.searchByPostcodeAndHouseNumber({ postcode: '0000AA', houseNumber: 1, ...ROTTERDAM }))).invalidParams[0]?.name).toBe('postcode');
    expect((await domainError(client.searchByPostcodeAndHouseNumber({ postcode: '3032CG', houseNumber: 0, ...ROTTERDAM }))).invalidParams[0]?.name).toBe('houseNumber');
    expect((await domainError(client.getPersonByBsn('999999345', { municipalityCode: 'Rotterdam' }))).invalidParams[0]?.name).toBe('municipalityCode');
  });

  it('treats a wrong API key as the BRP being unavailable (a configuration fault, not user error)', async () => {
    const wrongKey = createBrpClient({ baseUrl: brp.url, apiKey: 'oud' });
    expect((await domainError(wrongKey.getPersonByBsn('999999345', ROTTERDAM))).code).toBe('upstream-unavailable');
  });
});

describe('BRP client failure handling', () => {
  const baseUrl = 'http://brp.invalid/haalcentraal/api/brp';
  const answering = (status: number, body: unknown): typeof fetch => async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('turns a network failure into upstream-unavailable with a Dutch and English message', async () => {
    const client = createBrpClient({ baseUrl, fetch: async () => Promise.reject(new TypeError('fetch failed')) });
    const e = await domainError(client.getPersonByBsn('999999345', ROTTERDAM));
    expect(e.code).toBe('upstream-unavailable');
    expect(e.userMessage.nl).toContain('BRP');
    expect(e.userMessage.en).toContain('BRP');
  });

  it('turns a 503 or 500 into upstream-unavailable', async () => {
    for (const status of [500, 503]) {
      const client = createBrpClient({ baseUrl, fetch: answering(status, { status, title: 'Bronservice BRP is tijdelijk niet beschikbaar.' }) });
      expect((await domainError(client.getPersonByBsn('999999345', ROTTERDAM))).code).toBe('upstream-unavailable');
    }
  });

  it('turns an answer that does not match the API shape into upstream-unavailable', async () => {
    const client = createBrpClient({ baseUrl, fetch: answering(200, { personen: 'geen lijst' }) });
    expect((await domainError(client.getPersonByBsn('999999345', ROTTERDAM))).code).toBe('upstream-unavailable');
  });

  it('turns a 400 from the BRP into invalid-input carrying the BRP’s invalidParams', async () => {
    const client = createBrpClient({
      baseUrl,
      fetch: answering(400, { status: 400, invalidParams: [{ name: 'geslachtsnaam', code: 'pattern', reason: 'Waarde voldoet niet aan patroon.' }] }),
    });
    const e = await domainError(client.searchBySurnameAndBirthDate({ surname: 'Zaal', birthDate: '1958-04-19', ...ROTTERDAM }));
    expect(e.code).toBe('invalid-input');
    expect(e.invalidParams).toEqual([{ name: 'geslachtsnaam', reason: 'Waarde voldoet niet aan patroon.' }]);
  });
});
