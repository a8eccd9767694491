import type { PortalPlan } from '@kern/portal/contract';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PortalApi } from '../api';
import { PortalContext, type PortalState } from '../context';
import { portalMessages, portalText, type PortalKey } from '../messages';
import { PlanPage } from './PlanPage';

const plan: PortalPlan = {
  id: '6f1c0d7e-0000-4000-8000-0000000000a1',
  coordinator: 'Wijkteam Noord',
  members: [{ name: 'Jan', me: true }],
  agreedVersion: 1,
  draftVersion: null,
  versions: [{
    version: 1, state: 'agreed', createdAt: '2026-11-01T10:00:00Z', agreedAt: '2026-11-02T10:00:00Z', changeNote: null, agreedByMe: true,
    goals: [], actions: [], agreements: [], reviewDates: [],
  }],
  changeRequests: [],
  changesSinceMyAgreement: null,
};

/** Version 2 waits for the citizen: an action was added and a goal reached since version 1. */
const open: PortalPlan = {
  ...plan,
  draftVersion: 2,
  versions: [
    { ...plan.versions[0]!, state: 'agreed' },
    {
      version: 2, state: 'draft', createdAt: '2026-11-10T10:00:00Z', agreedAt: null, changeNote: null, agreedByMe: false,
      goals: [{ id: 'g1', domain: 'financien', text: 'Schulden op een rij', status: 'achieved', mine: true }],
      actions: [{ id: 'a2', goalId: null, text: 'Budgetcursus volgen', owner: { kind: 'citizen', name: 'Jan' }, dueDate: '2026-12-01', status: 'open' }],
      agreements: [], reviewDates: [],
    },
  ],
  changesSinceMyAgreement: {
    sinceVersion: 1, toVersion: 2,
    items: [
      { kind: 'goal', change: 'changed', text: 'Schulden op een rij', fields: [{ field: 'status', before: 'open', after: 'achieved' }] },
      { kind: 'action', change: 'added', text: 'Budgetcursus volgen', fields: [] },
      { kind: 'action', change: 'removed', text: 'Post openen', fields: [] },
    ],
  },
};

function renderPage(shown: PortalPlan = plan) {
  const api = {
    plan: vi.fn(() => Promise.resolve(shown)), addToPlan: vi.fn(() => Promise.resolve(shown)), askChange: vi.fn(() => Promise.resolve(shown)),
    agree: vi.fn(() => Promise.resolve({ ...shown, changesSinceMyAgreement: null, versions: shown.versions.map((v) => ({ ...v, agreedByMe: true })) })),
    planPdfUrl: vi.fn((ref: string, planId: string, version: number) => `/api/v1/portal/people/${ref}/plans/${planId}/pdf?version=${version}`),
  };
  const state: PortalState = {
    lang: 'nl', setLang: () => undefined,
    t: (key: PortalKey) => portalMessages.nl[key], tx: (key: string) => portalText('nl', key),
    api: api as unknown as PortalApi,
    session: { csrfToken: 'csrf', name: 'Jan', municipality: { code: '0599' }, people: [], expiresAt: '2026-12-31T00:00:00Z' },
    person: { ref: '6f1c0d7e-0000-4000-8000-0000000000b1', name: 'Jan', relation: 'self' },
    setPersonRef: () => undefined,
  };
  render(<PortalContext.Provider value={state}><PlanPage /></PortalContext.Provider>);
  return { api, user: userEvent.setup() };
}

describe('portal plan forms, checked with the routes\' own body schemas', () => {
  it('an own action without text is refused in Dutch, naming the field, with the cursor there and nothing sent', async () => {
    const { api, user } = renderPage();
    await user.type(await screen.findByLabelText('Wanneer wilt u dit gedaan hebben?'), '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Toevoegen' }));
    expect(screen.getByRole('alert').textContent).toContain('Wat gaat u doen?: Vul dit veld in.');
    expect(document.activeElement).toBe(screen.getByLabelText('Wat gaat u doen?'));
    expect(api.addToPlan).not.toHaveBeenCalled();
  });

  it('a date that does not exist is refused on the date field', async () => {
    const { api, user } = renderPage();
    await user.type(await screen.findByLabelText('Wat gaat u doen?'), 'Budgetcursus volgen');
    await user.click(screen.getByRole('button', { name: 'Toevoegen' }));
    expect(screen.getByRole('alert').textContent).toContain('Wanneer wilt u dit gedaan hebben?:');
    expect(document.activeElement).toBe(screen.getByLabelText('Wanneer wilt u dit gedaan hebben?'));
    expect(api.addToPlan).not.toHaveBeenCalled();
  });

  it('sends a valid own action as the schema gives it (text trimmed)', async () => {
    const { api, user } = renderPage();
    await user.type(await screen.findByLabelText('Wat gaat u doen?'), '  Budgetcursus volgen ');
    await user.type(screen.getByLabelText('Wanneer wilt u dit gedaan hebben?'), '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Toevoegen' }));
    expect(api.addToPlan).toHaveBeenCalledWith(expect.any(String), plan.id, { action: { text: 'Budgetcursus volgen', dueDate: '2026-12-01' } });
  });

  it('an empty change request is refused before it is sent', async () => {
    const { api, user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Ik wil iets veranderen' }));
    await user.click(screen.getByRole('button', { name: 'Verzoek versturen' }));
    expect(screen.getByRole('alert').textContent).toContain('Wat wilt u veranderen?: Vul dit veld in.');
    expect(api.askChange).not.toHaveBeenCalled();
  });
});

describe('agreeing to a plan: first the differences, then a second step', () => {
  it('lists what changed since the version the citizen agreed to, in words', async () => {
    renderPage(open);
    const changes = await screen.findByRole('region', { name: 'Wat is er veranderd?' });
    expect(changes.textContent).toContain('Dit is veranderd sinds versie 1, waarmee u akkoord ging.');
    const items = Array.from(changes.querySelectorAll('li')).map((li) => li.textContent);
    expect(items).toEqual([
      'Doel veranderd: Schulden op een rij (de stand was: nog bezig, nu: bereikt)',
      'Nieuwe actie: Budgetcursus volgen',
      'Actie eruit gehaald: Post openen',
    ]);
  });

  it('agrees only after the confirmation, with the focus on the question, and can go back', async () => {
    const { api, user } = renderPage(open);
    await user.click(await screen.findByRole('button', { name: 'Ik wil akkoord gaan met versie 2' }));
    expect(api.agree).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Weet u het zeker?' }));
    await user.click(screen.getByRole('button', { name: 'Nee, terug' }));
    expect(screen.queryByRole('heading', { name: 'Weet u het zeker?' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Ik wil akkoord gaan met versie 2' }));
    await user.keyboard('{Tab}{Enter}');
    expect(api.agree).toHaveBeenCalledWith(expect.any(String), open.id, 2);
    await waitFor(() => expect(screen.getAllByRole('status').map((e) => e.textContent).join(' ')).toContain('U bent akkoord gegaan met deze versie.'));
  });

  it('offers the shown version as PDF through the portal route', async () => {
    renderPage(open);
    const link = await screen.findByRole('link', { name: 'Download versie 2 als PDF' });
    expect(link.getAttribute('href')).toBe(`/api/v1/portal/people/6f1c0d7e-0000-4000-8000-0000000000b1/plans/${open.id}/pdf?version=2`);
  });

  it('shows no differences and no agree button once the citizen agreed to the latest version', async () => {
    renderPage(plan);
    await screen.findByText('U bent akkoord gegaan met deze versie.');
    expect(screen.queryByRole('region', { name: 'Wat is er veranderd?' })).toBeNull();
    expect(screen.queryByRole('button', { name: /akkoord gaan/ })).toBeNull();
  });
});
