import { withTenant } from '@kern/db';
import { staffNames } from '@kern/identity';
import { FixedClock } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

// Access shows who did what by name, but staff and teams are identity's tables: the names come
// from identity's staff directory, passed to access at start-up (services.ts). These lists must
// name every staff member and team they list, exactly as identity knows them.

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-24T09:00:00Z') });
});
afterAll(async () => kern?.close());

const ROTTERDAM = '0599';
const directory = (ids: { staff?: string[]; teams?: string[] }) => withTenant(kern.services.db, ROTTERDAM, (tx) => staffNames(tx, ids));

describe("access's lists name staff and teams through identity's staff directory", () => {
  it('the relation review names the requester, the decider, the staff member and the team of each relation', async () => {
    const requester = await kern.login('rotterdam.wmo');
    const asked = await requester.request('POST', '/api/v1/involvements', { purpose: 'wmo', body: { subjectBsn: '999993653', reason: 'Melding aan de balie, hulpvraag onderzoeken' } });
    expect(asked.statusCode, asked.body).toBe(202);
    const id = asked.json<{ request: { id: string } }>().request.id;
    const lead = await kern.login('rotterdam.teamleider');
    const decided = await lead.request('POST', `/api/v1/involvement-requests/${id}/decision`, { purpose: 'wmo', body: { verdict: 'approved', note: 'Past bij de taak van het team' } });
    expect(decided.statusCode, decided.body).toBe(200);

    const auditor = await kern.login('rotterdam.auditor');
    const review = (await auditor.request('GET', '/api/v1/relations')).json<{
      relations: { accountId?: string; accountName?: string; teamId?: string; teamName?: string; createdBy?: string; createdByName?: string }[];
      requests: { id: string; requestedBy: string; requestedByName?: string; decidedBy?: string; decidedByName?: string }[];
    }>();
    const request = review.requests.find((r) => r.id === id);
    expect(request?.decidedBy).toBeDefined();
    const names = await directory({ staff: [request!.requestedBy, request!.decidedBy!] });
    expect(request).toMatchObject({ requestedByName: names.staff.get(request!.requestedBy), decidedByName: names.staff.get(request!.decidedBy!) });
    expect(request?.requestedByName).toBeTruthy();
    expect(request?.decidedByName).toBeTruthy();

    expect(review.relations.length).toBeGreaterThan(0);
    for (const r of review.relations) {
      const known = await directory({ staff: [r.accountId, r.createdBy].filter((x): x is string => !!x), teams: r.teamId ? [r.teamId] : [] });
      if (r.accountId) expect(r.accountName).toBe(known.staff.get(r.accountId));
      if (r.teamId) expect(r.teamName).toBe(known.teams.get(r.teamId));
      if (r.createdBy && known.staff.has(r.createdBy)) expect(r.createdByName).toBe(known.staff.get(r.createdBy));
    }
    expect(review.relations.some((r) => r.accountName || r.teamName)).toBe(true);
  });

  it('the audit log names staff actors, and only staff actors', async () => {
    const auditor = await kern.login('rotterdam.auditor');
    const records = (await auditor.request('GET', '/api/v1/audit-records?limit=200')).json<{ records: { actorId: string; actorKind: string; actorName?: string }[] }>().records;
    const staff = records.filter((r) => r.actorKind === 'staff');
    expect(staff.length).toBeGreaterThan(0);
    const names = await directory({ staff: staff.map((r) => r.actorId) });
    for (const r of staff) expect(r.actorName).toBe(names.staff.get(r.actorId));
    for (const r of records.filter((x) => x.actorKind !== 'staff')) expect(r.actorName).toBeUndefined();
  });
});
