import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type CaseDeadline } from '../api';
import { fakeApi, renderInApp } from '../test/render';
import { SuspendTermForm } from './SuspendTermForm';

const deadline: CaseDeadline = { termId: 'beslistermijn', startDate: '2026-03-01', dueDate: '2026-04-26', metDate: null, suspendedDays: 0, explanation: [], status: 'on-time' };

const form = (api = fakeApi({}), onDone = () => undefined, lang: 'nl' | 'en' = 'nl') =>
  renderInApp(<SuspendTermForm caseId="case-1" deadline={deadline} idPrefix="s1" onDone={onDone} />, { api, lang });

describe('SuspendTermForm', () => {
  it('an empty form puts a Dutch message on every field, each wired to its input', async () => {
    const suspendTerm = vi.fn();
    const { user } = form(fakeApi({ suspendTerm }));
    await user.click(screen.getByRole('button', { name: 'Opschorten' }));
    const expected: [string, string][] = [
      ['Van', 'Vul dit veld in.'],
      ['Tot en met', 'Vul dit veld in.'],
      ['Grond', 'Kies een grond.'],
      ['Toelichting', 'Vul dit veld in.'],
    ];
    for (const [label, message] of expected) {
      const input = screen.getByLabelText(label);
      expect(input.getAttribute('aria-invalid'), label).toBe('true');
      const errorId = (input.getAttribute('aria-describedby') ?? '').split(' ')[0] ?? '';
      expect(document.getElementById(errorId)?.textContent, label).toContain(message);
    }
    expect(document.activeElement).toBe(screen.getByLabelText('Van'));
    expect(suspendTerm).not.toHaveBeenCalled();
  });

  it('an end before the start and a note under five characters are refused', async () => {
    const { user } = form();
    await user.type(screen.getByLabelText('Van'), '2026-03-10');
    await user.type(screen.getByLabelText('Tot en met'), '2026-03-05');
    await user.selectOptions(screen.getByLabelText('Grond'), 'agreed-with-client');
    await user.type(screen.getByLabelText('Toelichting'), 'kort');
    await user.click(screen.getByRole('button', { name: 'Opschorten' }));
    expect(screen.getByLabelText('Van').getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById('s1-to-error')?.textContent).toContain('De datum “Tot en met” ligt vóór de datum “Van”.');
    expect(document.getElementById('s1-note-error')?.textContent).toContain('Gebruik minstens 5 tekens.');
  });

  it('sends the term, the period, the ground and the trimmed note, and hands back the result', async () => {
    const result = { deadline: { ...deadline, dueDate: '2026-05-03' } };
    const suspendTerm = vi.fn().mockResolvedValue(result);
    const onDone = vi.fn();
    const { user } = form(fakeApi({ suspendTerm }), onDone);
    await user.type(screen.getByLabelText('Van'), '2026-03-10');
    await user.type(screen.getByLabelText('Tot en met'), '2026-03-16');
    await user.selectOptions(screen.getByLabelText('Grond'), 'awb-4:15-aanvulling');
    await user.type(screen.getByLabelText('Toelichting'), '  Wachten op stukken  ');
    await user.click(screen.getByRole('button', { name: 'Opschorten' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(result));
    expect(suspendTerm).toHaveBeenCalledWith('case-1', { termId: 'beslistermijn', from: '2026-03-10', to: '2026-03-16', ground: 'awb-4:15-aanvulling', note: 'Wachten op stukken' });
  });

  it("a refusal with several fields lists each field's reason in Dutch, not the server's English", async () => {
    const suspendTerm = vi.fn().mockRejectedValue(
      new ApiError({
        title: 'Ongeldige invoer',
        status: 400,
        messages: { nl: 'Controleer deze velden: from (kies een datum van vandaag of eerder) en note (gebruik ten hoogste 1000 tekens).' },
        invalidParams: [{ name: 'from', reason: 'after today' }, { name: 'note', reason: 'Too big: expected string to have <=1000 characters' }],
      }),
    );
    const { user } = form(fakeApi({ suspendTerm }));
    await user.type(screen.getByLabelText('Van'), '2026-03-10');
    await user.type(screen.getByLabelText('Tot en met'), '2026-03-16');
    await user.selectOptions(screen.getByLabelText('Grond'), 'awb-4:15-aanvulling');
    await user.type(screen.getByLabelText('Toelichting'), 'Wachten op stukken');
    await user.click(screen.getByRole('button', { name: 'Opschorten' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('from: Kies een datum van vandaag of eerder.');
    expect(alert.textContent).toContain('note: Gebruik ten hoogste 1000 tekens.');
    expect(alert.textContent).not.toMatch(/after today|Too big|invalidParams/);
  });
});
