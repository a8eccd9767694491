import { FixedClock } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

// Rotterdam runs frontoffice-backoffice: the wijkteam investigates and advises, the back office decides.
const RESIDENT = '999993872';

interface JournalView {
  journal: { seq: number; at: string; actorName?: string; stepId: string | null; stepName: string; toStepName: string | null; fields: { name: string; label: string; value: unknown; kind: string }[] }[];
  history: { detail: Record<string, unknown> }[];
}

let kern: TestKern;
let generalist: Agent;
let caseId = '';
beforeAll(async () => {
  kern = await startTestKern({ clock: new FixedClock('2026-03-24T09:00:00Z') });
  generalist = await kern.login('rotterdam.generalist');
  const started = await generalist.request('POST', '/api/v1/cases', {
    purpose: 'wmo',
    body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: RESIDENT, fields: { hulpvraag: 'Hulp bij het huishouden na een heupoperatie' } },
  });
  caseId = started.json<{ caseId: string }>().caseId;
  const step = (to: string, fields: Record<string, unknown>) => generalist.request('POST', `/api/v1/cases/${caseId}/transitions`, { purpose: 'wmo', body: { to, fields } });
  expect((await step('onderzoeken', {})).statusCode).toBe(200);
  expect((await step('advies-opstellen', { gespreksverslag: 'Keukentafelgesprek gevoerd met cliënt en dochter.', clientondersteuningAangeboden: true })).statusCode).toBe(200);
  expect((await step('aanvraag', { advies: 'Huishoudelijke ondersteuning, 3 uur per week.', geadviseerdeCategorieen: ['01'] })).statusCode).toBe(200);
});
afterAll(async () => kern?.close());

describe('the case journal', () => {
  it('shows every step\'s recorded values with the werkwijze\'s labels, who and when, newest first', async () => {
    const res = await generalist.request('GET', `/api/v1/cases/${caseId}`, { purpose: 'wmo' });
    expect(res.statusCode, res.body).toBe(200);
    const { journal, history } = res.json<JournalView>();
    expect(journal.map((e) => e.stepName)).toEqual(['Advies aan de backoffice', 'Onderzoek (keukentafelgesprek)', 'Melding ontvangen', 'Melding ontvangen']);
    expect(journal.map((e) => e.seq)).toEqual([...journal.map((e) => e.seq)].sort((a, b) => b - a));
    expect(journal[0]).toMatchObject({
      actorName: expect.any(String),
      toStepName: 'Aanvraag toetsen (backoffice)',
      fields: [
        { name: 'advies', label: 'Advies', value: 'Huishoudelijke ondersteuning, 3 uur per week.', kind: 'text' },
        { name: 'geadviseerdeCategorieen', label: 'Geadviseerde productcategorieën', value: ['01'], kind: 'list' },
      ],
    });
    expect(journal[1]?.fields).toEqual([
      { name: 'gespreksverslag', label: 'Verslag van het onderzoek', value: 'Keukentafelgesprek gevoerd met cliënt en dochter.', kind: 'text' },
      { name: 'clientondersteuningAangeboden', label: 'Onafhankelijke clientondersteuning aangeboden', value: true, kind: 'boolean' },
    ]);
    // The melding: the hulpvraag recorded when the case was started.
    expect(journal[3]?.fields).toEqual([{ name: 'hulpvraag', label: 'Hulpvraag', value: 'Hulp bij het huishouden na een heupoperatie', kind: 'text' }]);
    expect(journal[3]?.toStepName).toBeNull();
    // The values are not repeated in the history.
    expect(history.every((h) => !('values' in h.detail))).toBe(true);
  });

  it('is read under the case\'s purpose and audited like the case', async () => {
    const before = await kern.login('rotterdam.auditor');
    const count = async () => (await before.request('GET', `/api/v1/audit-records?subjectBsn=${RESIDENT}&limit=1000`)).json<{ records: { resource: string; action: string }[] }>().records.filter((r) => r.resource === 'case' && r.action === 'read').length;
    const reads = await count();
    expect((await generalist.request('GET', `/api/v1/cases/${caseId}`, { purpose: 'wmo' })).statusCode).toBe(200);
    expect(await count()).toBe(reads + 1);
    const other = await generalist.request('GET', `/api/v1/cases/${caseId}`, { purpose: 'integraal' });
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain('heupoperatie');
  });

  it('shows nothing to another team, another law, a role without case work or another municipality', async () => {
    for (const [username, purpose, status] of [
      ['rotterdam.jeugd', 'jeugdwet', 403],
      ['rotterdam.schuld', 'wgs', 403],
      ['rotterdam.kwaliteit', 'wmo', 403],
      ['denhaag.generalist', 'wmo', 404],
    ] as const) {
      const agent = await kern.login(username);
      const res = await agent.request('GET', `/api/v1/cases/${caseId}`, { purpose });
      expect(res.statusCode, username).toBe(status);
      expect(res.body, username).not.toContain('Keukentafelgesprek');
    }
  });
});
