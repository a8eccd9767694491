import { FixedClock } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-04-01T09:00:00Z') });
});
afterAll(async () => kern?.close());

describe('suspending a statutory term (opschorting)', () => {
  it('moves the due date by the suspended days on a ground the law allows, and refuses other grounds', async () => {
    const generalist = await kern.login('rotterdam.generalist');
    const started = await generalist.request('POST', '/api/v1/cases', {
      purpose: 'wmo',
      body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: '999993872', meldingDate: '2026-03-24', fields: { hulpvraag: 'Begeleiding bij dagbesteding' } },
    });
    const caseId = started.json<{ caseId: string }>().caseId;

    const wrongGround = await generalist.request('POST', `/api/v1/cases/${caseId}/suspensions`, {
      purpose: 'wmo', body: { termId: 'wmo-onderzoek', from: '2026-03-30', to: '2026-04-05', ground: 'awb-4:15-overmacht', note: 'Cliënt opgenomen' },
    });
    expect(wrongGround.statusCode).toBe(400);
    expect(wrongGround.json<{ messages: { nl: string } }>().messages.nl).toMatch(/niet mogelijk/);

    const ok = await generalist.request('POST', `/api/v1/cases/${caseId}/suspensions`, {
      purpose: 'wmo', body: { termId: 'wmo-onderzoek', from: '2026-03-30', to: '2026-04-05', ground: 'agreed-with-client', note: 'Cliënt wil eerst een persoonlijk plan maken' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    // 6 weeks after 24 March is 5 May; 7 suspended days make it 12 May, a Tuesday, so the
    // Algemene termijnenwet moves nothing (it applies to the end of the extended term).
    expect(ok.json()).toEqual({ dueDate: '2026-05-12', suspendedDays: 7 });
    const view = (await generalist.request('GET', `/api/v1/cases/${caseId}`, { purpose: 'wmo' })).json<{ deadlines: { termId: string; dueDate: string; explanation: string[] }[]; history: { kind: string }[] }>();
    expect(view.deadlines.find((d) => d.termId === 'wmo-onderzoek')?.dueDate).toBe('2026-05-12');
    expect(view.history.map((h) => h.kind)).toContain('suspended');

    const future = await generalist.request('POST', `/api/v1/cases/${caseId}/suspensions`, {
      purpose: 'wmo', body: { termId: 'wmo-onderzoek', from: '2026-06-01', to: '2026-06-05', ground: 'agreed-with-client', note: 'Vakantie cliënt' },
    });
    expect(future.statusCode).toBe(400);
  });
});
