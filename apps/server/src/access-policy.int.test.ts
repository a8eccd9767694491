import { defaultPolicy } from '@kern/access';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern();
});
afterAll(async () => kern?.close());

describe('the access policy as data per municipality', () => {
  it('starts from the shipped default, version 0', async () => {
    const admin = await kern.login('rotterdam.beheer');
    const res = await admin.request('GET', '/api/v1/access-policy');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 0, document: { name: defaultPolicy.name } });
  });

  it('refuses an invalid policy with its paths; a valid one has no effect until a second administrator approves it, then in that municipality only', async () => {
    const admin = await kern.login('rotterdam.beheer');
    const invalid = await admin.request('POST', '/api/v1/access-policy/proposals', { body: { document: { ...defaultPolicy, rules: [{ ...defaultPolicy.rules[0], roles: ['koning'] }] }, reason: 'Test van een ongeldig beleid' } });
    expect(invalid.statusCode).toBe(400);
    expect(JSON.stringify(invalid.json())).toMatch(/document\.rules\.0\.roles/);

    // Rotterdam withdraws the Wmo rule: the Wmo consultant's team case no longer opens the resident.
    const withoutWmo = { ...defaultPolicy, name: 'Rotterdam zonder Wmo-leesrecht', rules: defaultPolicy.rules.filter((r) => r.id !== 'wmo-own-cases') };
    const wmo = await kern.login('rotterdam.wmo');
    expect((await wmo.request('GET', '/api/v1/residents/999991838', { purpose: 'wmo' })).statusCode).toBe(200);
    const proposed = await admin.request('POST', '/api/v1/access-policy/proposals', { body: { document: withoutWmo, reason: 'Wmo-lezen loopt voortaan via de backoffice' } });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const proposal = proposed.json<{ proposal: { id: string; status: string; baseVersion: number; diff: { removedRules: { id: string }[] } } }>().proposal;
    expect(proposal).toMatchObject({ status: 'proposed', baseVersion: 0, diff: { removedRules: [{ id: 'wmo-own-cases' }] } });

    // Proposed is not in force: nothing changed, and the proposer cannot approve their own proposal.
    expect((await admin.request('GET', '/api/v1/access-policy')).json()).toMatchObject({ version: 0 });
    expect((await wmo.request('GET', '/api/v1/residents/999991838', { purpose: 'wmo' })).statusCode).toBe(200);
    const ownApproval = await admin.request('POST', `/api/v1/access-policy/proposals/${proposal.id}/approval`, { body: {} });
    expect(ownApproval.statusCode).toBe(403);
    expect(ownApproval.body).toMatch(/Four eyes/);
    expect((await wmo.request('GET', '/api/v1/residents/999991838', { purpose: 'wmo' })).statusCode).toBe(200);

    const second = await kern.login('rotterdam.beheer2');
    const approved = await second.request('POST', `/api/v1/access-policy/proposals/${proposal.id}/approval`, { body: { note: 'Akkoord, besproken in het MT' } });
    expect(approved.statusCode, approved.body).toBe(201);
    expect(approved.json()).toMatchObject({ version: 1 });
    expect((await wmo.request('GET', '/api/v1/residents/999991838', { purpose: 'wmo' })).statusCode).toBe(403);
    expect((await second.request('POST', `/api/v1/access-policy/proposals/${proposal.id}/approval`, { body: {} })).statusCode).toBe(409);
    const denHaag = await kern.login('denhaag.wmo');
    expect((await denHaag.request('GET', '/api/v1/residents/999990627', { purpose: 'wmo' })).statusCode).toBe(200);

    // The auditor reads the full difference in the audit record of the approval.
    const auditor = await kern.login('rotterdam.auditor');
    const records = (await auditor.request('GET', '/api/v1/audit-records?limit=1000')).json<{ records: { action: string; resource: string; reason: string; outcome: string }[] }>().records.filter((r) => r.resource === 'access-policy');
    const approval = records.find((r) => r.action === 'decide' && r.reason.includes(`approved proposal ${proposal.id}`));
    expect(approval?.reason).toContain('removed wmo-own-cases');
    const diff = JSON.parse(approval?.reason.slice(approval.reason.lastIndexOf('; diff {') + 7) ?? '{}') as { removedRules: { id: string; roles: string[] }[] };
    expect(diff.removedRules).toEqual([expect.objectContaining({ id: 'wmo-own-cases', roles: ['wmo-consultant', 'wijkteam-generalist'] })]);

    // Back to the default so the next tests start from it (a proposal on version 1, approved by the other).
    const back = await second.request('POST', '/api/v1/access-policy/proposals', { body: { document: defaultPolicy, reason: 'Terug naar het standaardbeleid' } });
    expect((await admin.request('POST', `/api/v1/access-policy/proposals/${back.json<{ proposal: { id: string } }>().proposal.id}/approval`, { body: {} })).statusCode).toBe(201);
  });

  it('refuses, and audits, a version that takes the auditor\'s log away or grants the administrator personal data; the auditor still reads the log', async () => {
    const admin = await kern.login('rotterdam.beheer');
    const grab = {
      ...defaultPolicy,
      rules: [
        ...defaultPolicy.rules.filter((r) => r.id !== 'auditor-log'),
        { id: 'admin-reads', description: 'Beheer leest mee', roles: ['functional-administrator'], purposes: ['wmo'], relations: ['none'], resources: ['resident', 'household'], actions: ['read'], legalBasis: 'geen' },
      ],
    };
    const refused = await admin.request('POST', '/api/v1/access-policy/proposals', { body: { document: grab, reason: 'Beheer wil kunnen meekijken' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ detail: string }>().detail).toMatch(/de auditor moet het auditlog .* blijven inzien; rollen zonder persoonsgegevens/);
    expect(refused.json<{ invalidParams: { name: string; reason: string }[] }>().invalidParams).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'document.rules', reason: expect.stringContaining('audit-log') }),
      expect.objectContaining({ name: `document.rules.${grab.rules.length - 1}.roles`, reason: expect.stringContaining('admin-reads') }),
    ]));
    const proposals = (await admin.request('GET', '/api/v1/access-policy/proposals?status=all')).json<{ proposals: { reason: string }[] }>().proposals;
    expect(proposals.map((p) => p.reason)).not.toContain('Beheer wil kunnen meekijken');

    const auditor = await kern.login('rotterdam.auditor');
    const log = await auditor.request('GET', '/api/v1/audit-records?outcome=denied&limit=1000');
    expect(log.statusCode).toBe(200);
    expect(log.json<{ records: { reason: string }[] }>().records.some((r) => r.reason.includes('refused proposal') && r.reason.includes('admin-reads'))).toBe(true);
  });

  it('lets a second administrator reject a proposal, which then never takes effect', async () => {
    const admin = await kern.login('rotterdam.beheer');
    const second = await kern.login('rotterdam.beheer2');
    const before = (await admin.request('GET', '/api/v1/access-policy')).json<{ version: number }>().version;
    const p = await admin.request('POST', '/api/v1/access-policy/proposals', { body: { document: { ...defaultPolicy, breakGlass: { ...defaultPolicy.breakGlass, minutes: 30 } }, reason: 'Doorbreekglas korter geldig' } });
    const id = p.json<{ proposal: { id: string } }>().proposal.id;
    expect((await admin.request('POST', `/api/v1/access-policy/proposals/${id}/rejection`, { body: { note: 'eigen' } })).statusCode).toBe(403);
    expect((await second.request('POST', `/api/v1/access-policy/proposals/${id}/rejection`, { body: { note: 'Eerst met de FG bespreken' } })).statusCode).toBe(204);
    expect((await second.request('POST', `/api/v1/access-policy/proposals/${id}/approval`, { body: {} })).statusCode).toBe(409);
    expect((await admin.request('GET', '/api/v1/access-policy')).json()).toMatchObject({ version: before });
  });

  it('is closed to everyone but the functional administrator', async () => {
    for (const username of ['rotterdam.generalist', 'rotterdam.auditor', 'rotterdam.kwaliteit']) {
      const agent = await kern.login(username);
      expect((await agent.request('GET', '/api/v1/access-policy')).statusCode, username).toBe(403);
      expect((await agent.request('POST', '/api/v1/access-policy/proposals', { body: { document: defaultPolicy, reason: 'Een poging van een ander' } })).statusCode, username).toBe(403);
      expect((await agent.request('GET', '/api/v1/access-policy/proposals')).statusCode, username).toBe(403);
    }
  });
});
