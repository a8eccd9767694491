import type { PortalPlan } from '@kern/portal/contract';
import { render, screen } from '@testing-library/react';
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

function renderPage() {
  const api = { plan: vi.fn(() => Promise.resolve(plan)), addToPlan: vi.fn(() => Promise.resolve(plan)), askChange: vi.fn(() => Promise.resolve(plan)) };
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
