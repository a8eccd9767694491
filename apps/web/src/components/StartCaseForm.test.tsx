import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { HouseholdMember, WerkwijzeDetail, WerkwijzeSummary } from '../api';
import { fakeApi, renderInApp } from '../test/render';
import { StartCaseForm } from './StartCaseForm';

const summary: WerkwijzeSummary = { werkwijzeId: 'ww-1', version: 2, name: 'Wmo-melding', status: 'active', importedFrom: null, createdAt: '2026-01-01T00:00:00Z', activatedAt: '2026-01-02T00:00:00Z' };
const detail = {
  ...summary,
  sourceYaml: '',
  definition: {
    id: 'ww-1', name: 'Wmo-melding', version: 2, description: 'Een melding',
    caseTypes: [{ id: 'wmo-hv', name: 'Huishoudelijke ondersteuning', law: 'wmo', subject: 'person', start: 'melding' }, { id: 'jw-zorg', name: 'Jeugdhulp', law: 'jeugdwet', subject: 'person', start: 'melding' }],
    skippedPhases: [], steps: [{ id: 'melding', name: 'Melding', phase: 'melding', roles: ['wmo-consultant'], transitions: [] }], segregationOfDuties: [], mandates: [],
  },
} satisfies WerkwijzeDetail;
const household: HouseholdMember[] = [
  { bsn: '999993653', name: { givenNames: 'Jan', prefix: null, surname: 'Jansen', fullName: 'Jan Jansen' }, birthDate: '1970-01-01', relation: 'self', livesElsewhere: false },
  { bsn: '999990019', name: { givenNames: 'Els', prefix: null, surname: 'Jansen', fullName: 'Els Jansen' }, birthDate: '1972-02-02', relation: 'partner', livesElsewhere: false },
];

function setUp(startCase = vi.fn().mockResolvedValue({ caseId: 'case-9', reference: 'Z-9' })) {
  const api = fakeApi({ werkwijzen: vi.fn().mockResolvedValue([summary]), werkwijze: vi.fn().mockResolvedValue(detail), startCase });
  return { startCase, ...renderInApp(<StartCaseForm bsn="999993653" household={household} />, { api }) };
}

describe('StartCaseForm', () => {
  it('offers only the case types of the law the person works under', async () => {
    setUp();
    const caseType = await screen.findByRole('combobox', { name: 'Zaaktype' });
    await waitFor(() => expect(caseType).toHaveProperty('value', 'wmo-hv'));
    expect(screen.getByRole('option', { name: /Jeugdhulp/ })).toHaveProperty('disabled', true);
  });

  it('an empty melding date is refused on its field by the date schema, with focus on it', async () => {
    const { user, startCase } = setUp();
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Zaaktype' })).toHaveProperty('value', 'wmo-hv'));
    const date = screen.getByLabelText('Datum melding');
    // A date input holds only real dates (an impossible one reads as empty); validation.test.ts covers the malformed text.
    await user.clear(date);
    await user.click(screen.getByRole('button', { name: 'Zaak starten' }));
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(date.getAttribute('aria-describedby')).toBe('start-meldingDate-error');
    expect(document.getElementById('start-meldingDate-error')?.textContent).toContain('Vul dit veld in.');
    expect(document.activeElement).toBe(date);
    expect(startCase).not.toHaveBeenCalled();
  });

  it('submits by Enter from the date field with the werkwijze, case type, date, team and chosen household members', async () => {
    const { user, startCase } = setUp();
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Zaaktype' })).toHaveProperty('value', 'wmo-hv'));
    await user.selectOptions(screen.getByLabelText('Team (optioneel)'), 'team-noord');
    await user.click(screen.getByRole('checkbox', { name: /Els Jansen/ }));
    const date = screen.getByLabelText('Datum melding');
    await user.clear(date);
    await user.type(date, '2026-03-02{Enter}');
    await waitFor(() => expect(startCase).toHaveBeenCalled());
    expect(startCase).toHaveBeenCalledWith({ werkwijzeId: 'ww-1', caseTypeId: 'wmo-hv', subjectBsn: '999993653', meldingDate: '2026-03-02', householdBsns: ['999993653', '999990019'], teamId: 'team-noord' });
    await waitFor(() => expect(window.location.pathname).toBe('/cases/case-9'));
  });
});

describe('StartCaseForm household members', () => {
  it('offers only members with a BSN, each once, so no two checkboxes share an id', async () => {
    const withoutBsn = [
      ...household,
      { name: { givenNames: 'Piet', prefix: null, surname: 'Jansen', fullName: 'Piet Jansen' }, birthDate: '2010-03-03', relation: 'child', livesElsewhere: false },
      { name: { givenNames: 'Kees', prefix: null, surname: 'Jansen', fullName: 'Kees Jansen' }, birthDate: '2012-04-04', relation: 'child', livesElsewhere: true },
      // A member the server sends twice (as partner and as housemate) gets one checkbox.
      { ...household[1]!, relation: 'housemate' },
    ] satisfies HouseholdMember[];
    const api = fakeApi({ werkwijzen: vi.fn().mockResolvedValue([summary]), werkwijze: vi.fn().mockResolvedValue(detail) });
    renderInApp(<StartCaseForm bsn="999993653" household={withoutBsn} />, { api });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Zaaktype' })).toHaveProperty('value', 'wmo-hv'));
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes.map((b) => b.id)).toEqual(['start-member-999990019']);
    expect(document.querySelectorAll('[id="start-member-undefined"]')).toHaveLength(0);
    expect(screen.queryByText(/Piet Jansen/)).toBeNull();
  });
});
