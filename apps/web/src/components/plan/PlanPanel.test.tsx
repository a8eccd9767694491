import { assessmentsContract } from '@kern/assessments/contract';
import { plansContract } from '@kern/plans/contract';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../api';
import type { Plan } from '../../api/plans';
import { fakeApi, renderInApp } from '../../test/render';
import { PlanPanel } from './PlanPanel';

const plan: Plan = {
  id: '6f1c0d7e-0000-4000-8000-0000000000c1',
  anchorBsn: '999993653',
  members: [{ bsn: '999993653', name: 'Jan' }],
  coordinator: { id: 'acc-1', name: 'Demo Medewerker' },
  status: 'open',
  createdAt: '2026-11-01T10:00:00Z',
  agreedVersion: null,
  draftVersion: 1,
  versions: [{
    version: 1, state: 'draft', changeNote: null, createdAt: '2026-11-01T10:00:00Z', agreedAt: null, agreements: [],
    content: { goals: [], actions: [], agreements: [], reviewDates: [] },
  }],
  changeRequests: [],
};

/** The life domains the goal form offers come from the assessment instruments. */
const instruments = { instruments: [{ id: 'zrm-volwassenen', domains: [{ key: 'financien', name: { nl: 'Financiën', en: 'Finances' } }] }] };

/** The panel calls the plans contract: the fake answers by route and records what was sent. */
function fakeServer() {
  const sent: { route: string; input: unknown }[] = [];
  const call = vi.fn((route: unknown, input?: unknown) => {
    if (route === plansContract.householdPlan) return Promise.resolve({ view: 'full', plan });
    if (route === assessmentsContract.listInstruments) return Promise.resolve(instruments);
    const name = Object.entries(plansContract).find(([, r]) => r === route)?.[0] ?? 'unknown';
    sent.push({ route: name, input });
    return Promise.resolve(plan);
  });
  return { sent, api: fakeApi({ call: call as unknown as Api['call'] }) };
}

describe('PlanPanel editor, validated with the draft route\'s body schema', () => {
  it('an action without a due date is refused on the date field in Dutch, before any call', async () => {
    const { api, sent } = fakeServer();
    const { user } = renderInApp(<PlanPanel bsn="999993653" />, { api, purpose: 'integraal' });
    await user.type(await screen.findByLabelText('Eerste actie'), 'Budgetcursus volgen');
    await user.clear(screen.getByLabelText('Klaar op'));
    await user.click(screen.getByRole('button', { name: /^Opslaan$/ }));
    const due = screen.getByLabelText('Klaar op');
    expect(due.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(due.getAttribute('aria-describedby') ?? '')?.textContent).toContain('Vul dit veld in.');
    expect(document.activeElement).toBe(due);
    expect(sent).toEqual([]);
  });

  it('a goal longer than the schema allows is refused on the goal field', async () => {
    const { api, sent } = fakeServer();
    const { user } = renderInApp(<PlanPanel bsn="999993653" />, { api, purpose: 'integraal' });
    await user.click(await screen.findByLabelText('Nieuw doel'));
    await user.paste('x'.repeat(1001));
    await user.click(screen.getByRole('button', { name: /^Opslaan$/ }));
    const goal = screen.getByLabelText('Nieuw doel');
    expect(document.getElementById(goal.getAttribute('aria-describedby') ?? '')?.textContent).toContain('Gebruik ten hoogste 1000 tekens.');
    expect(sent).toEqual([]);
  });

  it('saves a new goal as the next draft through the plans contract', async () => {
    const { api, sent } = fakeServer();
    const { user } = renderInApp(<PlanPanel bsn="999993653" />, { api, purpose: 'integraal' });
    await user.type(await screen.findByLabelText('Nieuw doel'), 'Rekeningen op tijd betalen');
    await user.click(screen.getByRole('button', { name: /^Opslaan$/ }));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ route: 'draftVersion', input: { params: { id: plan.id }, body: { content: { goals: [{ domain: 'financien', text: 'Rekeningen op tijd betalen', memberBsn: null, status: 'open' }] } } } });
  });
});
