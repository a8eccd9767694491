import { sql, withTenant } from '@kern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

const DEN_HAAG_PARENT = '999990627'; // demo family in 's-Gravenhage (0518)
const ROTTERDAM_PARENT = '999991838';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern();
});
afterAll(async () => kern?.close());

describe('a municipality sees nothing of another municipality', () => {
  it('cannot find another municipality resident by BSN, name or address', async () => {
    const rotterdam = await kern.login('rotterdam.generalist');
    for (const q of [`bsn=${DEN_HAAG_PARENT}`, 'surname=Janssen&birthDate=1975-04-06', 'postcode=2572HT&houseNumber=2']) {
      const res = await rotterdam.request('GET', `/api/v1/residents?${q}`, { purpose: 'integraal' });
      expect(res.statusCode, q).toBe(200);
      expect(res.json<{ residents: unknown[] }>().residents, q).toEqual([]);
    }
  });

  it('cannot read another municipality resident, not even by breaking the glass', async () => {
    const rotterdam = await kern.login('rotterdam.generalist');
    const grant = await rotterdam.request('POST', `/api/v1/residents/${DEN_HAAG_PARENT}/break-glass`, {
      purpose: 'integraal',
      body: { reason: 'Probeer een inwoner van een andere gemeente in te zien.' },
    });
    expect(grant.statusCode).toBe(201);
    const read = await rotterdam.request('GET', `/api/v1/residents/${DEN_HAAG_PARENT}`, { purpose: 'integraal' });
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain('Janssen');
  });

  it('gets 404 for guessed ids of another municipality and changes nothing there', async () => {
    const denHaagAuditor = await kern.login('denhaag.auditor');
    const denHaagGeneralist = await kern.login('denhaag.generalist');
    await denHaagGeneralist.request('POST', '/api/v1/residents/999990226/break-glass', { purpose: 'integraal', body: { reason: 'Een geldige reden van meer dan twintig tekens.' } });
    const grants = (await denHaagAuditor.request('GET', '/api/v1/break-glass-grants?review=all')).json<{ grants: { id: string }[] }>().grants;
    expect(grants.length).toBeGreaterThan(0);
    const rotterdamAuditor = await kern.login('rotterdam.auditor');
    for (const g of grants) {
      const res = await rotterdamAuditor.request('POST', `/api/v1/break-glass-grants/${g.id}/review`, { body: { verdict: 'unjustified', note: 'Niet van ons.' } });
      expect(res.statusCode).toBe(404);
    }
    const stillOpen = (await denHaagAuditor.request('GET', '/api/v1/break-glass-grants?review=open')).json<{ grants: { id: string }[] }>().grants;
    expect(stillOpen.map((g) => g.id).sort()).toEqual(grants.map((g) => g.id).sort());

    // Issue 22: the relation comes from a request the team lead approved, not from the button.
    const asked = await denHaagGeneralist.request('POST', '/api/v1/involvements', { purpose: 'integraal', body: { subjectBsn: '999990226', kind: 'case', reason: 'Melding via de balie' } });
    expect(asked.statusCode).toBe(202);
    const requestId = asked.json<{ request: { id: string } }>().request.id;
    // A team lead of another municipality finds no such request.
    const rotterdamLead = await kern.login('rotterdam.teamleider');
    expect((await rotterdamLead.request('POST', `/api/v1/involvement-requests/${requestId}/decision`, { body: { verdict: 'approved', note: 'Niet van ons' } })).statusCode).toBe(404);
    const denHaagLead = await kern.login('denhaag.teamleider');
    const decided = await denHaagLead.request('POST', `/api/v1/involvement-requests/${requestId}/decision`, { body: { verdict: 'approved', note: 'Melding bekend' } });
    expect(decided.statusCode, decided.body).toBe(200);
    const id = decided.json<{ request: { involvementId: string } }>().request.involvementId;
    const rotterdam = await kern.login('rotterdam.generalist');
    expect((await rotterdam.request('POST', `/api/v1/involvements/${id}/closure`, { purpose: 'integraal' })).statusCode).toBe(404);
  });

  it('shows an auditor only the own municipality audit log and settings', async () => {
    const rotterdam = await kern.login('rotterdam.wmo');
    await rotterdam.request('GET', `/api/v1/residents/${ROTTERDAM_PARENT}`, { purpose: 'wmo' });
    const denHaagAuditor = await kern.login('denhaag.auditor');
    const records = (await denHaagAuditor.request('GET', `/api/v1/audit-records?subjectBsn=${ROTTERDAM_PARENT}`)).json<{ records: unknown[] }>().records;
    expect(records).toEqual([]);
    const admin = await kern.login('denhaag.beheer');
    const settings = await admin.request('GET', '/api/v1/municipality-settings');
    expect(settings.json()).toMatchObject({ municipalityCode: '0518' });
  });

  it('hides every other municipality row at the database level with row-level security alone', async () => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'municipality_code' order by table_name`.execute(kern.services.db);
    const tenantTables = tables.rows.map((t) => t.table_name).filter((t) => t !== 'region_members');
    expect(tenantTables).toEqual(expect.arrayContaining(['audit_log', 'involvements', 'staff_accounts', 'staff_sessions', 'municipality_settings', 'break_glass_grants']));
    for (const table of tenantTables) {
      const rls = await sql<{ relrowsecurity: boolean }>`select relrowsecurity from pg_class where relname = ${table}`.execute(kern.services.db);
      expect(rls.rows[0]?.relrowsecurity, `${table} has row-level security`).toBe(true);
      const foreign = await withTenant(kern.services.db, '0599', (tx) =>
        sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where municipality_code <> '0599'`.execute(tx),
      );
      expect(Number(foreign.rows[0]?.n), `${table} rows of other municipalities visible`).toBe(0);
      const all = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where municipality_code <> '0599'`.execute(kern.services.db);
      if (['audit_log', 'staff_accounts', 'municipality_settings'].includes(table)) expect(Number(all.rows[0]?.n), `${table} has 0518 rows to hide`).toBeGreaterThan(0);
    }
    await expect(
      withTenant(kern.services.db, '0599', (tx) => sql`update staff_accounts set display_name = 'x' where municipality_code = '0518' returning id`.execute(tx)),
    ).resolves.toMatchObject({ rows: [] });
    await expect(
      withTenant(kern.services.db, '0599', (tx) => sql`insert into municipality_settings (municipality_code, display_name) values ('0363', 'Amsterdam')`.execute(tx)),
    ).rejects.toThrow(/row-level security/);
  });
});
