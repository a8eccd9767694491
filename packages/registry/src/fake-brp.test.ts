import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { buildFakeBrpApp, startFakeBrp, BRP_BASE_PATH, type RunningFakeBrp } from './fake-brp';
import { foutberichtSchema, type Persoon } from './haal-centraal.schema';

const URL_PATH = `${BRP_BASE_PATH}/personen`;
const app = buildFakeBrpApp();

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'POST', url: URL_PATH, payload: body as object, headers });
  return { status: res.statusCode, type: res.headers['content-type'], body: res.json<{ personen: Persoon[] } & Record<string, unknown>>() };
}

const bsnsOf = (personen: Persoon[]): (string | undefined)[] => personen.map((p) => p.burgerservicenummer);

describe('fake BRP: RaadpleegMetBurgerservicenummer', () => {
  it('returns the requested persons in the Haal Centraal response shape', async () => {
    const r = await post({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999993653', '999999345'], fields: ['burgerservicenummer', 'naam'] });
    expect(r.status).toBe(200);
    expect(r.type).toContain('application/json');
    expect(r.body.type).toBe('RaadpleegMetBurgerservicenummer');
    expect(bsnsOf(r.body.personen)).toEqual(['999993653', '999999345']);
  });

  it('answers an unknown BSN with an empty list, not an error', async () => {
    const r = await post({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['123456782'], fields: ['naam'] });
    expect(r.status).toBe(200);
    expect(r.body.personen).toEqual([]);
  });

  it('returns a deceased person when consulted by BSN (no inclusiefOverledenPersonen for this type)', async () => {
    const r = await post({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999990147'], fields: ['overlijden'] });
    expect(r.body.personen[0]?.overlijden?.datum).toMatchObject({ datum: '2018-05-26' });
  });
});

describe('fake BRP: fields filter', () => {
  it('returns only the whole top-level fields asked for', async () => {
    const r = await post({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999993653'], fields: ['burgerservicenummer', 'geslacht'] });
    expect(r.body.personen[0]).toEqual({ burgerservicenummer: '999993653', geslacht: { code: 'V', omschrijving: 'vrouw' } });
  });

  it('narrows to dotted paths, through arrays, keeping the type of polymorphic objects', async () => {
    const r = await post({
      type: 'RaadpleegMetBurgerservicenummer',
      burgerservicenummer: ['999999345'],
      fields: ['naam.voornamen', 'verblijfplaats.verblijfadres.postcode', 'kinderen.naam.voornamen'],
    });
    const p = r.body.personen[0];
    expect(p?.naam).toEqual({ voornamen: 'Johan' });
    expect(p?.verblijfplaats).toEqual({ type: 'Adres', verblijfadres: { postcode: '3032CG' } });
    expect(p?.kinderen?.map((k) => k.naam?.voornamen)).toEqual(['Hein', 'Trix', 'Maud', 'Fien', 'Daan', 'Teun']);
    expect(p?.kinderen?.[0]).toEqual({ naam: { voornamen: 'Hein' } });
  });

  it('delivers opschortingBijhouding automatically, as the spec says', async () => {
    const r = await post({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999990147'], fields: ['burgerservicenummer'] });
    expect(r.body.personen[0]?.opschortingBijhouding?.reden).toEqual({ code: 'O', omschrijving: 'overlijden' });
  });
});

describe('fake BRP: gemeenteVanInschrijving', () => {
  it('hides a person registered in 0518 from a request scoped to 0599', async () => {
    const both = { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999996538', '999999345'], fields: ['burgerservicenummer'] };
    expect(bsnsOf((await post({ ...both, gemeenteVanInschrijving: '0599' })).body.personen)).toEqual(['999999345']);
    expect(bsnsOf((await post({ ...both, gemeenteVanInschrijving: '0518' })).body.personen)).toEqual(['999996538']);
  });

  it('applies the municipality to searches too', async () => {
    const q = { type: 'ZoekMetPostcodeEnHuisnummer', postcode: '2551KH', huisnummer: 48, fields: ['burgerservicenummer'] };
    expect((await post({ ...q, gemeenteVanInschrijving: '0518' })).body.personen).toHaveLength(3);
    expect((await post({ ...q, gemeenteVanInschrijving: '0599' })).body.personen).toEqual([]);
  });
});

describe('fake BRP: ZoekMetGeslachtsnaamEnGeboortedatum', () => {
  const base = { type: 'ZoekMetGeslachtsnaamEnGeboortedatum', geboortedatum: '1985-05-27', fields: ['burgerservicenummer', 'naam'] };

  it('matches the surname case-insensitively', async () => {
    expect(bsnsOf((await post({ ...base, geslachtsnaam: 'groot ESSELINK' })).body.personen)).toEqual(['999999345']);
  });

  it('supports a trailing wildcard after at least three letters', async () => {
    expect(bsnsOf((await post({ ...base, geslachtsnaam: 'Groot E*' })).body.personen)).toEqual(['999999345']);
  });

  it('narrows by optional voornamen and voorvoegsel', async () => {
    expect((await post({ ...base, geslachtsnaam: 'Groot Esselink', voornamen: 'johan' })).body.personen).toHaveLength(1);
    expect((await post({ ...base, geslachtsnaam: 'Groot Esselink', voornamen: 'Wilma' })).body.personen).toHaveLength(0);
    const boer = { ...base, geslachtsnaam: 'Boer', geboortedatum: '1984-12-16' };
    expect(bsnsOf((await post({ ...boer, voorvoegsel: 'de' })).body.personen)).toEqual(['999996538']);
    expect((await post({ ...boer, voorvoegsel: 'van' })).body.personen).toHaveLength(0);
  });

  it('leaves deceased persons out unless inclusiefOverledenPersonen is true', async () => {
    const q = { ...base, geslachtsnaam: 'Buidel', geboortedatum: '1948-01-17' };
    expect((await post(q)).body.personen).toHaveLength(0);
    expect(bsnsOf((await post({ ...q, inclusiefOverledenPersonen: true })).body.personen)).toEqual(['999990147']);
  });

  it('rejects fields outside PersoonBeperkt for a search', async () => {
    const r = await post({ ...base, geslachtsnaam: 'Groot Esselink', fields: ['kinderen'] });
    expect(r.status).toBe(400);
    expect(r.body.invalidParams).toEqual([expect.objectContaining({ name: 'fields[0]', code: 'field' })]);
  });
});

describe('fake BRP: ZoekMetPostcodeEnHuisnummer', () => {
  const q = { type: 'ZoekMetPostcodeEnHuisnummer', fields: ['burgerservicenummer'] };

  it('normalises the postcode (space, lower case) and finds everyone at the number', async () => {
    const r = await post({ ...q, postcode: '3032 cg', huisnummer: 651 });
    expect(bsnsOf(r.body.personen).sort()).toEqual(['999999345', '999999357', '999999369', '999999370', '999999412']);
  });

  it('narrows by huisletter only when given', async () => {
    expect((await post({ ...q, postcode: '3038VP', huisnummer: 33 })).body.personen).toHaveLength(3);
    expect((await post({ ...q, postcode: '3038VP', huisnummer: 33, huisletter: 'B' })).body.personen).toHaveLength(3);
    expect((await post({ ...q, postcode: '3038VP', huisnummer: 33, huisletter: 'a' })).body.personen).toHaveLength(0);
  });

  it('does not match another house number', async () => {
    expect((await post({ ...q, postcode: '3032CG', huisnummer: 652 })).body.personen).toEqual([]);
  });
});

describe('fake BRP: problem+json on bad input', () => {
  async function invalid(body: unknown) {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/problem+json');
    const parsed = foutberichtSchema.parse(r.body);
    expect(parsed).toMatchObject({ status: 400, code: 'paramsValidation', instance: URL_PATH });
    return parsed.invalidParams ?? [];
  }

  it('names each malformed BSN by its index', async () => {
    const params = await invalid({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999993653', '12345', 'abcdefghi'], fields: ['naam'] });
    expect(params.map((p) => [p.name, p.code])).toEqual([
      ['burgerservicenummer[1]', 'pattern'],
      ['burgerservicenummer[2]', 'pattern'],
    ]);
  });

  it('reports missing required parameters all at once', async () => {
    const params = await invalid({ type: 'ZoekMetGeslachtsnaamEnGeboortedatum' });
    expect(params.map((p) => [p.name, p.code]).sort()).toEqual([
      ['fields', 'required'],
      ['geboortedatum', 'required'],
      ['geslachtsnaam', 'required'],
    ]);
  });

  it('rejects an unknown query type', async () => {
    const params = await invalid({ type: 'ZoekMetIets', fields: ['naam'] });
    expect(params).toEqual([expect.objectContaining({ name: 'type', code: 'value' })]);
  });

  it('rejects a non-existent field, an automatic field and an unexpected parameter', async () => {
    const params = await invalid({
      type: 'RaadpleegMetBurgerservicenummer',
      burgerservicenummer: ['999993653'],
      fields: ['naam', 'schoenmaat', 'opschortingBijhouding'],
      bsn: '999993653',
    });
    expect(params.map((p) => [p.name, p.code])).toEqual([
      ['fields[1]', 'field'],
      ['fields[2]', 'field'],
      ['bsn', 'unknownParam'],
    ]);
  });

  it('rejects a huisnummer that is not an integer and an impossible date', async () => {
    const params = await invalid({ type: 'ZoekMetPostcodeEnHuisnummer', postcode: '3032CG', huisnummer: '651', geboortedatum: '2001-02-30', fields: ['naam'] });
    expect(params.map((p) => [p.name, p.code])).toEqual([
      ['huisnummer', 'integer'],
      ['geboortedatum', 'date'],
    ]);
  });

  it('answers a body that is not JSON with problem+json too', async () => {
    const res = await app.inject({ method: 'POST', url: URL_PATH, payload: '{not json', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('fake BRP: X-API-KEY', () => {
  const secured = buildFakeBrpApp({ apiKey: 'sleutel' });
  const body = { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999993653'], fields: ['naam'] };

  it('answers 401 problem+json without the configured key', async () => {
    const res = await secured.inject({ method: 'POST', url: URL_PATH, payload: body, headers: { 'x-api-key': 'fout' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ status: 401, code: 'authentication' });
  });

  it('serves the request with the key, and needs no key when none is configured', async () => {
    const res = await secured.inject({ method: 'POST', url: URL_PATH, payload: body, headers: { 'x-api-key': 'sleutel' } });
    expect(res.statusCode).toBe(200);
    expect((await post(body)).status).toBe(200);
  });
});

describe('fake BRP over a real HTTP listener', () => {
  let brp: RunningFakeBrp;
  beforeAll(async () => {
    brp = await startFakeBrp({ port: 0 });
  });
  afterAll(async () => {
    await brp.close();
  });

  async function fetchPersonen(body: unknown): Promise<{ personen: Persoon[] }> {
    const res = await fetch(`${brp.url}/personen`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return (await res.json()) as { personen: Persoon[] };
  }

  it('listens on a free port under the spec’s base path', () => {
    expect(brp.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/haalcentraal\/api\/brp$/);
  });

  it('answers all three query types', async () => {
    const fields = ['burgerservicenummer'];
    const raadpleeg = await fetchPersonen({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999996538'], fields });
    const naam = await fetchPersonen({ type: 'ZoekMetGeslachtsnaamEnGeboortedatum', geslachtsnaam: 'Charbon', geboortedatum: '1985-09-20', fields });
    const adres = await fetchPersonen({ type: 'ZoekMetPostcodeEnHuisnummer', postcode: '2551KH', huisnummer: 48, fields, gemeenteVanInschrijving: '0518' });
    expect(bsnsOf(raadpleeg.personen)).toEqual(['999996538']);
    expect(bsnsOf(naam.personen)).toEqual(['999996630']);
    expect(bsnsOf(adres.personen).sort()).toEqual(['999996538', '999996629', '999996630']);
  });

  it('answers unsupported media types with problem+json 415', async () => {
    const res = await fetch(`${brp.url}/personen`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hallo' });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
