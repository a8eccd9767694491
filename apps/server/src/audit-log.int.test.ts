import { sql, withTenant } from '@kern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern();
  const wmo = await kern.login('rotterdam.wmo');
  await wmo.request('GET', '/api/v1/residents/999991838', { purpose: 'wmo' });
  await wmo.request('GET', '/api/v1/residents/999993872', { purpose: 'wmo' });
});
afterAll(async () => kern?.close());

describe('the audit log', () => {
  it('verifies as an unbroken hash chain after real activity', async () => {
    const auditor = await kern.login('rotterdam.auditor');
    const res = await auditor.request('GET', '/api/v1/audit-chain/verification');
    expect(res.statusCode).toBe(200);
    const v = res.json<{ valid: boolean; checked: number }>();
    expect(v.valid).toBe(true);
    expect(v.checked).toBeGreaterThan(3);
  });

  it('cannot be changed or deleted by the application role', async () => {
    await expect(withTenant(kern.services.db, '0599', (tx) => sql`update audit_log set reason = 'erased' where seq = 1`.execute(tx))).rejects.toThrow();
    await expect(withTenant(kern.services.db, '0599', (tx) => sql`delete from audit_log where seq = 1`.execute(tx))).rejects.toThrow();
  });

  it('refuses updates even from the schema owner, through its trigger', async () => {
    await expect(sql`update audit_log set reason = 'erased' where municipality_code = '0599' and seq = 1`.execute(kern.services.db)).rejects.toThrow(/append-only/);
  });

  it('reports the first broken record when someone with database superpowers edits one', async () => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(kern.services.db);
    await sql`update audit_log set payload = replace(payload, 'wmo', 'wgs') where municipality_code = '0599' and seq = 3`.execute(kern.services.db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(kern.services.db);
    const auditor = await kern.login('rotterdam.auditor');
    const v = (await auditor.request('GET', '/api/v1/audit-chain/verification')).json<{ valid: boolean; firstBrokenSeq: number }>();
    expect(v).toMatchObject({ valid: false, firstBrokenSeq: 3 });
    const denHaag = await kern.login('denhaag.auditor');
    expect((await denHaag.request('GET', '/api/v1/audit-chain/verification')).json()).toMatchObject({ valid: true });
  });

  it('exports as CSV with a header row, neutralising spreadsheet formulas', async () => {
    const auditor = await kern.login('rotterdam.auditor');
    const res = await auditor.request('GET', '/api/v1/audit-records?format=csv&limit=1000');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,actorId,actorName,actorKind,actorRoles,actorTeams,purpose,action,resource,subjectBsn,outcome,reason,legalBasis,breakGlass,requestId');
    expect(lines.length).toBeGreaterThan(3);
    expect(res.body).toContain('999991838');
  });

  it('is not open to a caseworker', async () => {
    const wmo = await kern.login('rotterdam.wmo');
    const res = await wmo.request('GET', '/api/v1/audit-records');
    expect(res.statusCode).toBe(403);
    const auditor = await kern.login('rotterdam.auditor');
    const denials = (await auditor.request('GET', '/api/v1/audit-records?outcome=denied')).json<{ records: { resource: string }[] }>().records;
    expect(denials.some((r) => r.resource === 'audit-log')).toBe(true);
  });

  it('refuses a read whose audit record cannot be written, and answers none of its data', async () => {
    // The audit write fails for this one subject, as a full disk or a broken constraint would make it.
    await sql`create function kern_test_audit_fails() returns trigger language plpgsql as $$
      begin if new.subject_bsn = '999991838' then raise exception 'audit write failed'; end if; return new; end $$`.execute(kern.services.db);
    await sql`create trigger kern_test_audit_fails before insert on audit_log for each row execute function kern_test_audit_fails()`.execute(kern.services.db);
    try {
      const wmo = await kern.login('rotterdam.wmo');
      const res = await wmo.request('GET', '/api/v1/residents/999991838', { purpose: 'wmo' });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('999991838');
      expect(res.json()).not.toHaveProperty('resident');
    } finally {
      await sql`drop trigger kern_test_audit_fails on audit_log`.execute(kern.services.db);
      await sql`drop function kern_test_audit_fails()`.execute(kern.services.db);
    }
  });
});
