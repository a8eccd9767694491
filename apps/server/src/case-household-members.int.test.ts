import { caseFilesOfResident } from '@kern/cases';
import { sql, withTenant } from '@kern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

// The cases that name a resident as a household member are found through case_household_members
// (migration 0060), which a trigger keeps in step with cases.household_bsns.
const SUBJECT = '999991838';
const PARTNER = '999990512';
const CHILD = '999990342';
const OTHER = '999993872';

let kern: TestKern;
let caseId = '';
let reference = '';
beforeAll(async () => {
  kern = await startTestKern();
  const wmo = await kern.login('rotterdam.wmo');
  const res = await wmo.request('POST', '/api/v1/cases', {
    purpose: 'wmo',
    body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: SUBJECT, householdBsns: [PARTNER, CHILD], fields: { hulpvraag: 'Ondersteuning gezin' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  caseId = res.json<{ caseId: string }>().caseId;
  const row = await withTenant(kern.services.db, '0599', (tx) => sql<{ reference: string }>`select reference from cases where id = ${caseId}::uuid`.execute(tx));
  reference = row.rows[0]?.reference ?? '';
  expect(reference).not.toBe('');
});
afterAll(async () => kern?.close());

const casesOf = (bsn: string, municipalityCode = '0599') => withTenant(kern.services.db, municipalityCode, async (tx) => (await caseFilesOfResident(tx, bsn)).map((f) => f.row));

describe('cases of a household member', () => {
  it('finds a case for each member it names, and for its subject once', async () => {
    expect((await casesOf(PARTNER)).map((c) => c.id)).toContain(caseId);
    expect((await casesOf(CHILD)).map((c) => c.id)).toContain(caseId);
    expect((await casesOf(SUBJECT)).filter((c) => c.id === caseId)).toHaveLength(1);
    expect((await casesOf(OTHER)).map((c) => c.id)).not.toContain(caseId);
  });

  it('follows a change of the household on the case', async () => {
    await sql`update cases set household_bsns = ${[OTHER]}::text[] where id = ${caseId}::uuid`.execute(kern.services.db);
    expect((await casesOf(PARTNER)).map((c) => c.id)).not.toContain(caseId);
    expect((await casesOf(OTHER)).map((c) => c.id)).toContain(caseId);
    await sql`update cases set household_bsns = ${[PARTNER, CHILD]}::text[] where id = ${caseId}::uuid`.execute(kern.services.db);
    expect((await casesOf(PARTNER)).map((c) => c.id)).toContain(caseId);
  });

  it('shows on the home page of a citizen the case names as a household member', async () => {
    const citizen = await kern.citizenLogin(PARTNER);
    const ref = citizen.people.find((p) => p.relation === 'self')?.ref ?? '';
    const home = await citizen.request('GET', `/api/v1/portal/people/${ref}/home`);
    expect(home.statusCode, home.body).toBe(200);
    expect(home.json<{ cases: { reference: string }[] }>().cases.map((c) => c.reference)).toContain(reference);
  });

  it('is invisible to another municipality', async () => {
    expect(await casesOf(PARTNER, '0518')).toEqual([]);
    const rows = await withTenant(kern.services.db, '0518', (tx) => sql<{ n: number }>`select count(*)::int as n from case_household_members`.execute(tx));
    expect(rows.rows[0]?.n).toBe(0);
  });
});
