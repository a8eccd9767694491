import { screen, waitFor, within } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ResidentSummary, WerkwijzeDetail, WerkwijzeSummary } from '../api';
import { fakeApi, renderInApp, session } from '../test/render';
import { SearchPage, type SearchMemory } from './SearchPage';

const resident: ResidentSummary = {
  bsn: '999993653',
  name: { givenNames: 'Jan', prefix: null, surname: 'Jansen', fullName: 'Jan Jansen' },
  birthDate: '1970-05-01',
};
const summary: WerkwijzeSummary = { werkwijzeId: 'ww-1', version: 2, name: 'Wmo-melding', status: 'active', importedFrom: null, createdAt: '2026-01-01T00:00:00Z', activatedAt: '2026-01-02T00:00:00Z' };
const detail = {
  ...summary,
  sourceYaml: '',
  definition: {
    id: 'ww-1', name: 'Wmo-melding', version: 2, description: 'Een melding',
    caseTypes: [{ id: 'wmo-hv', name: 'Huishoudelijke ondersteuning', law: 'wmo', subject: 'person', start: 'melding' }],
    skippedPhases: [], steps: [{ id: 'melding', name: 'Melding', phase: 'melding', roles: ['wmo-consultant'], transitions: [] }], segregationOfDuties: [], mandates: [],
  },
} satisfies WerkwijzeDetail;

function setUp(roles: string[] = ['wmo-consultant']) {
  const startCase = vi.fn().mockResolvedValue({ caseId: 'case-7', reference: 'Z-7' });
  const api = fakeApi({
    searchResidents: vi.fn().mockResolvedValue([resident]),
    werkwijzen: vi.fn().mockResolvedValue([summary]),
    werkwijze: vi.fn().mockResolvedValue(detail),
    startCase,
  });
  const memory = createRef<SearchMemory | null>() as { current: SearchMemory | null };
  const account = { ...session.account, roles: roles as typeof session.account.roles };
  return { startCase, ...renderInApp(<SearchPage memory={memory} />, { api, session: { ...session, account } }) };
}

async function search(user: ReturnType<typeof setUp>['user']) {
  await user.type(screen.getByLabelText('BSN', { exact: false }), '999993653{Enter}');
  return screen.findByRole('table', { name: 'Zoekresultaten' });
}

describe('SearchPage: a first melding from search', () => {
  it('a caseworker starts a case from the result row with the keyboard, without opening the resident record', async () => {
    const { user, startCase } = setUp();
    const table = await search(user);
    const start = within(table).getByRole('button', { name: 'Zaak starten voor Jan Jansen' });
    start.focus();
    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { level: 2, name: 'Zaak starten voor Jan Jansen' });
    expect(document.activeElement).toBe(heading);
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Zaaktype' })).toHaveProperty('value', 'wmo-hv'));
    await user.click(screen.getByRole('button', { name: /^Zaak starten$/ }));
    await waitFor(() => expect(startCase).toHaveBeenCalled());
    expect(startCase.mock.calls[0]![0]).toMatchObject({ werkwijzeId: 'ww-1', caseTypeId: 'wmo-hv', subjectBsn: '999993653' });
    await waitFor(() => expect(window.location.pathname).toBe('/cases/case-7'));
  });

  it('cancelling returns the focus to the row button', async () => {
    const { user } = setUp();
    const table = await search(user);
    await user.click(within(table).getByRole('button', { name: 'Zaak starten voor Jan Jansen' }));
    await user.click(await screen.findByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('heading', { name: 'Zaak starten voor Jan Jansen' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(table).getByRole('button', { name: 'Zaak starten voor Jan Jansen' })));
  });

  it('offers no start to someone who does not work cases', async () => {
    const { user } = setUp(['quality-analyst']);
    const table = await search(user);
    expect(within(table).queryByRole('button')).toBeNull();
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Naam', 'BSN', 'Geboortedatum', 'Adres']);
  });
});
