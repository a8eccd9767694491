import type { CaseDetail } from '@kern/cases';
import { describe, expect, it } from 'vitest';
import { storyOf } from './anonymise-story';

const detail: CaseDetail = {
  case: {
    id: '6f1c2b9e-0000-4000-8000-000000000001', reference: 'Z-2026-000042', werkwijzeId: 'frontoffice-backoffice', werkwijzeVersion: 1, caseTypeId: 'wmo-maatwerk',
    purpose: 'wmo', subjectBsn: '999993872', householdBsns: ['999993872', '999990512', '999990342', '999991838'], stepId: 'afgesloten', stepName: 'Afgesloten', phase: 'afsluiting',
    status: 'closed', meldingDate: '2026-03-02', openedAt: '2026-03-02T09:00:00.000Z', closedAt: '2026-04-20T10:00:00.000Z', parentCaseId: null,
    fields: { hulpvraag: 'Mevrouw De Vries, Kerkstraat 1, wil hulp', clientondersteuningAangeboden: true, geadviseerdeCategorieen: ['01', '02'], uren: 3, besluit: 'toegekend' },
  },
  phases: [],
  tasks: [],
  deadlines: [
    { termId: 'wmo-onderzoek', startDate: '2026-03-02', dueDate: '2026-04-13', metDate: '2026-04-01', suspendedDays: 0, explanation: [], status: 'met' },
    { termId: 'wmo-beschikking', startDate: '2026-04-01', dueDate: '2026-04-15', metDate: '2026-04-20', suspendedDays: 0, explanation: [], status: 'met-late' },
  ],
  transitions: [],
  history: [
    { seq: 1, at: '2026-03-02T09:00:00.000Z', actorId: 'a1', actorName: 'Sanne de Wit', kind: 'started', fromStep: null, toStep: 'melding', detail: { meldingDate: '2026-03-02' } },
    { seq: 2, at: '2026-04-20T10:00:00.000Z', actorId: 'a2', actorName: 'Fatima El Amrani', kind: 'closed', fromStep: 'besluit', toStep: 'afgesloten', detail: {} },
  ],
  journal: [],
};

describe('a leertafel story', () => {
  const story = storyOf(detail, '2026-05-01', { caseType: false, year: true, k: 7 });
  const text = JSON.stringify(story);

  it('holds no BSN, reference, id, name, address or calendar date', () => {
    expect(text).not.toMatch(/\d{9}/);
    expect(text).not.toContain('Z-2026');
    expect(text).not.toContain('6f1c2b9e');
    expect(text).not.toMatch(/Sanne|Fatima|Vries|Kerkstraat/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('counts days from the melding and bands durations, household size and lateness', () => {
    expect(story.timeline.map((t) => t.day)).toEqual([0, 49]);
    expect(story.durationWeeks).toBe('4-8');
    expect(story.householdSize).toBe('4+');
    expect(story.deadlines).toEqual([
      { term: 'wmo-onderzoek', outcome: 'met', daysLateBand: null },
      { term: 'wmo-beschikking', outcome: 'late', daysLateBand: '0-4' },
    ]);
  });

  it('keeps booleans, numbers and codes of recorded fields but drops free text, and generalises as told', () => {
    expect(story.recorded).toEqual([
      { field: 'hulpvraag', value: null },
      { field: 'clientondersteuningAangeboden', value: true },
      { field: 'geadviseerdeCategorieen', value: '01,02' },
      { field: 'uren', value: 3 },
      { field: 'besluit', value: 'toegekend' },
    ]);
    expect(story).toMatchObject({ caseType: null, year: '2026', k: 7 });
    expect(story.generalised).toContain('caseType');
  });
});
