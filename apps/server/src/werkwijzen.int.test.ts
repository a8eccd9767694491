import { sql } from '@kern/db';
import { libraryWerkwijzen } from '@kern/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern();
});
afterAll(async () => kern?.close());

const library = (id: string) => {
  const found = libraryWerkwijzen().find((l) => l.id === id);
  if (!found) throw new Error(`library ${id}`);
  return found.yaml;
};
const storedVersions = async () => Number((await sql<{ n: number }>`select count(*)::int as n from werkwijze_versions where municipality_code = '0599'`.execute(kern.services.db)).rows[0]?.n);

describe('werkwijzen as versioned data', () => {
  it('refuses an invalid werkwijze with the path and line of each error, and stores nothing', async () => {
    const admin = await kern.login('rotterdam.beheer');
    const before = await storedVersions();
    const broken = library('frontoffice-backoffice').replace('roles: [wmo-consultant]', 'roles: [wmo-consulent]');
    const res = await admin.request('POST', '/api/v1/werkwijzen', { body: { yaml: broken } });
    expect(res.statusCode).toBe(400);
    const params = res.json<{ invalidParams: { name: string; reason: string }[] }>().invalidParams;
    expect(params.length).toBeGreaterThan(0);
    expect(params[0]?.name).toMatch(/^steps\[\d+\]\.roles\[0\] \(regel \d+\)$/);
    expect(params[0]?.reason).toMatch(/wmo-consulent/);
    expect(await storedVersions()).toBe(before);
  });

  it('refuses YAML that is no werkwijze at all, and hostile YAML aliases, as 400', async () => {
    const admin = await kern.login('rotterdam.beheer');
    for (const yaml of ['just a string', 'a: &a [*a, *a]\nb: *a', '{{{']) {
      const res = await admin.request('POST', '/api/v1/werkwijzen', { body: { yaml } });
      expect(res.statusCode, yaml).toBe(400);
    }
  });

  it('stores a changed werkwijze as a new version, never changes a stored one, and activates explicitly', async () => {
    const admin = await kern.login('rotterdam.beheer');
    const changed = library('frontoffice-backoffice').replace('name: Frontoffice en backoffice', 'name: Frontoffice en backoffice (Rotterdam)');
    const res = await admin.request('POST', '/api/v1/werkwijzen', { body: { yaml: changed, importedFrom: 'eigen aanpassing' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ created: true, werkwijze: { werkwijzeId: 'frontoffice-backoffice', version: 2, status: 'available' } });
    const again = await admin.request('POST', '/api/v1/werkwijzen', { body: { yaml: changed } });
    expect(again.json()).toMatchObject({ created: false, werkwijze: { version: 2 } });
    await expect(sql`update werkwijze_versions set definition = '{}'::jsonb where werkwijze_id = 'frontoffice-backoffice' and version = 1`.execute(kern.services.db)).rejects.toThrow(/immutable/);
    const activated = await admin.request('POST', '/api/v1/werkwijzen/frontoffice-backoffice/versions/2/activation');
    expect(activated.statusCode).toBe(200);
    const list = (await admin.request('GET', '/api/v1/werkwijzen')).json<{ werkwijzen: { werkwijzeId: string; version: number; status: string }[] }>().werkwijzen;
    expect(list.filter((w) => w.werkwijzeId === 'frontoffice-backoffice').map((w) => [w.version, w.status])).toEqual([[1, 'retired'], [2, 'active']]);
  });

  it('exports a version as the YAML it was imported as', async () => {
    const admin = await kern.login('rotterdam.beheer');
    const res = await admin.request('GET', '/api/v1/werkwijzen/een-loket/versions/1/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/yaml/);
    expect(res.body).toBe(library('een-loket'));
  });

  it('shows a readable diff against a neighbour werkwijze from the library', async () => {
    const worker = await kern.login('rotterdam.generalist');
    const res = await worker.request('GET', '/api/v1/werkwijze-diffs?from=frontoffice-backoffice@1&to=library:wijkteam-met-mandaat&lang=nl');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ entries: { kind: string; path: string }[]; text: string }>();
    expect(body.entries.length).toBeGreaterThan(3);
    expect(body.text).toMatch(/besluiten/);
  });

  it('lets only the functional administrator import or activate', async () => {
    const worker = await kern.login('rotterdam.generalist');
    expect((await worker.request('POST', '/api/v1/werkwijzen', { body: { yaml: library('een-loket') } })).statusCode).toBe(403);
    expect((await worker.request('POST', '/api/v1/werkwijzen/een-loket/versions/1/activation')).statusCode).toBe(403);
  });

  it('keeps another municipality werkwijzen invisible', async () => {
    const denHaag = await kern.login('denhaag.beheer');
    const list = (await denHaag.request('GET', '/api/v1/werkwijzen')).json<{ werkwijzen: { werkwijzeId: string; version: number }[] }>().werkwijzen;
    expect(list.some((w) => w.werkwijzeId === 'frontoffice-backoffice' && w.version === 2)).toBe(false);
    expect((await denHaag.request('GET', '/api/v1/werkwijzen/frontoffice-backoffice/versions/2')).statusCode).toBe(404);
  });
});

describe('a running case and a new werkwijze version', () => {
  it('stays on its version, and moves only with a complete step mapping', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    const started = await generalist.request('POST', '/api/v1/cases', {
      purpose: 'wmo',
      body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: '999990512', fields: { hulpvraag: 'Woningaanpassing badkamer' } },
    });
    expect(started.statusCode, started.body).toBe(201);
    const caseId = started.json<{ caseId: string }>().caseId;
    await generalist.request('POST', `/api/v1/cases/${caseId}/transitions`, { purpose: 'wmo', body: { to: 'onderzoeken' } });
    const version = (await generalist.request('GET', `/api/v1/cases/${caseId}`, { purpose: 'wmo' })).json<{ case: { werkwijzeVersion: number } }>().case.werkwijzeVersion;

    const admin = await kern.login('rotterdam.beheer');
    const target = version === 1 ? 2 : 1;
    const incomplete = await admin.request('POST', `/api/v1/cases/${caseId}/version-migration`, { body: { toVersion: target, mapping: { onderzoeken: 'onderzoeken' } } });
    expect(incomplete.statusCode).toBe(400);
    expect(JSON.stringify(incomplete.json())).toMatch(/melding/);
    const still = (await generalist.request('GET', `/api/v1/cases/${caseId}`, { purpose: 'wmo' })).json<{ case: { werkwijzeVersion: number } }>();
    expect(still.case.werkwijzeVersion).toBe(version);

    const complete = await admin.request('POST', `/api/v1/cases/${caseId}/version-migration`, { body: { toVersion: target, mapping: { melding: 'melding', onderzoeken: 'onderzoeken' } } });
    expect(complete.statusCode, complete.body).toBe(200);
    const moved = (await generalist.request('GET', `/api/v1/cases/${caseId}`, { purpose: 'wmo' })).json<{ case: { werkwijzeVersion: number }; history: { kind: string }[] }>();
    expect(moved.case.werkwijzeVersion).toBe(target);
    expect(moved.history.map((h) => h.kind)).toContain('migrated');
  });
});

describe('scenario presets', () => {
  it('suggests the small preset under 20,000 residents and the large one for a G4 city', async () => {
    const small = (await kern.anonymous.request('GET', '/api/v1/werkwijze-presets?residents=15000')).json<{ presets: { id: string }[]; suggested: string }>();
    expect(small.presets.map((p) => p.id)).toEqual(['klein', 'middel', 'groot']);
    expect(small.suggested).toBe('klein');
    expect((await kern.anonymous.request('GET', '/api/v1/werkwijze-presets?residents=650000')).json()).toMatchObject({ suggested: 'groot' });
    expect((await kern.anonymous.request('GET', '/api/v1/werkwijze-presets?residents=-5')).statusCode).toBe(400);
  });
});
