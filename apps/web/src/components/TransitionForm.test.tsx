import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { WerkwijzeStep } from '../api';
import { fakeApi, renderInApp } from '../test/render';
import { TransitionForm } from './TransitionForm';

const step: WerkwijzeStep = {
  id: 'onderzoek',
  name: 'Onderzoek',
  phase: 'onderzoek',
  roles: ['wmo-consultant'],
  transitions: [{ to: 'besluit', label: 'Naar besluit' }],
  fields: {
    type: 'object',
    properties: {
      samenvatting: { type: 'string', title: 'Samenvatting', minLength: 10 },
      uren: { type: 'integer', title: 'Uren per week', maximum: 40 },
      gesprekOp: { type: 'string', title: 'Datum gesprek', format: 'date' },
    },
    required: ['samenvatting'],
  },
};

function form(takeTransition = vi.fn().mockResolvedValue({ stepId: 'besluit', status: 'open', routedCaseIds: [] }), recorded: Record<string, unknown> = {}) {
  const onDone = vi.fn();
  const onCancel = vi.fn();
  const view = renderInApp(
    <TransitionForm caseId="case-1" transition={{ to: 'besluit', label: 'Naar besluit', allowed: true }} step={step} recorded={recorded} onDone={onDone} onCancel={onCancel} />,
    { api: fakeApi({ takeTransition }) },
  );
  return { ...view, takeTransition, onDone, onCancel };
}

describe('TransitionForm', () => {
  it('the step heading takes focus, so keyboard users start at the form', () => {
    form();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Stap: Naar besluit' }));
  });

  it("refuses a required field left empty and a number over the step's maximum, each on its own field", async () => {
    const { user, takeTransition } = form();
    await user.type(screen.getByLabelText(/Uren per week/), '41');
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    const summary = screen.getByLabelText(/Samenvatting/);
    const hours = screen.getByLabelText(/Uren per week/);
    expect(summary.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(`${summary.id}-error`)?.textContent).toContain('Samenvatting: Vul dit veld in.');
    expect(document.getElementById(`${hours.id}-error`)?.textContent).toContain('Uren per week: Vul 40 of minder in.');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(takeTransition).not.toHaveBeenCalled();
  });

  it('a text under its minimum length says how many characters it needs', async () => {
    const { user } = form();
    await user.type(screen.getByLabelText(/Samenvatting/), 'kort');
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(screen.getByRole('alert').textContent).toContain('Samenvatting: Gebruik minstens 10 tekens.');
  });

  it('sends only what changed, typed values as numbers, and reports the result', async () => {
    const { user, takeTransition, onDone } = form(undefined, { samenvatting: 'Eerder vastgelegd verslag' });
    await user.type(screen.getByLabelText(/Uren per week/), '12');
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ stepId: 'besluit', status: 'open', routedCaseIds: [] }));
    expect(takeTransition).toHaveBeenCalledWith('case-1', { to: 'besluit', fields: { uren: 12 } });
  });

  it('Annuleren cancels without a call', async () => {
    const { user, takeTransition, onCancel } = form();
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(onCancel).toHaveBeenCalled();
    expect(takeTransition).not.toHaveBeenCalled();
  });
});
