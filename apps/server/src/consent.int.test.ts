import { sql, withSystem, withTenant } from '@kern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

// The Rotterdam demo family: the generalist coordinates all three, team Noord has a Wmo case for the parent.
const PARENT = '999991838';
const STRANGER = '999993872';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern();
});
afterAll(async () => kern?.close());

interface ConsentBody { id: string; inEffect: boolean; withdrawnAt: string | null; noticeVersion: number; dataCategories: string[]; recordedByKind: string }
const give = { purpose: 'integraal', recipient: 'wijkteam-generalist', dataCategories: ['wgs', 'participatiewet'] };

describe('consent', () => {
  it('records a consent under the notice in force, lists it in effect, and audits both', async () => {
    const coordinator = await kern.login('rotterdam.generalist');
    const res = await coordinator.request('POST', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal', body: { ...give, note: 'Mondeling gegeven in huisbezoek' } });
    expect(res.statusCode, res.body).toBe(201);
    const consent = res.json<ConsentBody>();
    expect(consent).toMatchObject({ inEffect: true, withdrawnAt: null, noticeVersion: 0, dataCategories: ['wgs', 'participatiewet'], recordedByKind: 'staff' });
    const list = await coordinator.request('GET', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal' });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ consents: ConsentBody[] }>().consents).toContainEqual(expect.objectContaining({ id: consent.id, inEffect: true }));
    const audit = await withTenant(kern.services.db, '0599', (tx) =>
      sql<{ resource: string; action: string }>`select resource, action from audit_log where subject_bsn = ${PARENT} and resource = 'consent'`.execute(tx));
    expect(audit.rows.map((r) => r.action).sort()).toEqual(expect.arrayContaining(['create', 'read']));
  });

  it('withdraws by writing a new record; the consent is out of effect at once and cannot be withdrawn twice', async () => {
    const coordinator = await kern.login('rotterdam.generalist');
    const given = (await coordinator.request('POST', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal', body: give })).json<ConsentBody>();
    const res = await coordinator.request('POST', `/api/v1/residents/${PARENT}/consents/${given.id}/withdrawal`, { purpose: 'integraal', body: { note: 'Ingetrokken per telefoon' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ConsentBody>()).toMatchObject({ id: given.id, inEffect: false });
    const rows = await withTenant(kern.services.db, '0599', (tx) =>
      sql<{ action: string }>`select action from consents where id = ${given.id}::uuid or withdraws = ${given.id}::uuid order by recorded_at`.execute(tx));
    expect(rows.rows.map((r) => r.action)).toEqual(['given', 'withdrawn']);
    const again = await coordinator.request('POST', `/api/v1/residents/${PARENT}/consents/${given.id}/withdrawal`, { purpose: 'integraal', body: {} });
    expect(again.statusCode).toBe(409);
  });

  it('is append-only in the database: an update or delete is refused even for the schema owner', async () => {
    const coordinator = await kern.login('rotterdam.generalist');
    const given = (await coordinator.request('POST', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal', body: give })).json<ConsentBody>();
    await expect(withSystem(kern.services.db, (tx) => sql`update consents set recipient = 'debt-counsellor' where id = ${given.id}::uuid`.execute(tx))).rejects.toThrow(/append-only/);
    await expect(withSystem(kern.services.db, (tx) => sql`delete from consents where id = ${given.id}::uuid`.execute(tx))).rejects.toThrow(/append-only/);
    await expect(withTenant(kern.services.db, '0599', (tx) => sql`update consents set note = 'x' where id = ${given.id}::uuid`.execute(tx))).rejects.toThrow();
  });

  it('refuses a consent beyond the privacy notice, naming what falls outside', async () => {
    const coordinator = await kern.login('rotterdam.generalist');
    const res = await coordinator.request('POST', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal', body: { ...give, recipient: 'wmo-consultant' } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ invalidParams: { name: string }[] }>().invalidParams).toContainEqual(expect.objectContaining({ name: 'recipient' }));
  });

  it('binds new consents to a newly published notice version, and to what that version covers', async () => {
    const admin = await kern.login('rotterdam.beheer');
    const published = await admin.request('POST', '/api/v1/privacy-notice/versions', {
      body: {
        title: 'Privacyverklaring sociaal domein Rotterdam 2026',
        body: { nl: 'Wij delen alleen met uw toestemming gegevens tussen wetten.', en: 'We only share data across laws with your consent.' },
        purposes: ['integraal'], recipients: ['wijkteam-generalist'], dataCategories: ['wgs', 'participatiewet', 'housing'],
      },
    });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json<{ version: number }>().version).toBe(1);
    const coordinator = await kern.login('rotterdam.generalist');
    const ok = await coordinator.request('POST', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal', body: give });
    expect(ok.json<ConsentBody>().noticeVersion).toBe(1);
    const outside = await coordinator.request('POST', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal', body: { ...give, dataCategories: ['plan'] } });
    expect(outside.statusCode).toBe(400);
    const caseworker = await kern.login('rotterdam.wmo');
    expect((await caseworker.request('POST', '/api/v1/privacy-notice/versions', { body: { title: 'x', body: { nl: 'x', en: 'x' }, purposes: [], recipients: [], dataCategories: [] } })).statusCode).toBe(400);
    expect((await caseworker.request('GET', '/api/v1/privacy-notice')).json<{ version: number }>().version).toBe(1);
  });

  it('shows another municipality, a worker without a relation, and a role without the purpose nothing', async () => {
    const denhaag = await kern.login('denhaag.generalist');
    const other = await denhaag.request('GET', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal' });
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain('wijkteam-generalist');
    const noRelation = await kern.login('rotterdam.inkomen');
    expect((await noRelation.request('GET', `/api/v1/residents/${PARENT}/consents`, { purpose: 'participatiewet' })).statusCode).toBe(403);
    expect((await noRelation.request('POST', `/api/v1/residents/${PARENT}/consents`, { purpose: 'participatiewet', body: give })).statusCode).toBe(403);
    const coordinator = await kern.login('rotterdam.generalist');
    expect((await coordinator.request('GET', `/api/v1/residents/${STRANGER}/consents`, { purpose: 'integraal' })).statusCode).toBe(403);
    const analyst = await kern.login('rotterdam.kwaliteit');
    expect((await analyst.request('GET', `/api/v1/residents/${PARENT}/consents`)).statusCode).toBe(403);
    expect((await analyst.request('GET', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal' })).statusCode).toBe(403);
  });
});
