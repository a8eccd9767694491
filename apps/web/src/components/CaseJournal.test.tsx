import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { WerkwijzeStep } from '../api';
import type { Decision } from '../api/provisions';
import { fakeApi, renderInApp } from '../test/render';
import { CaseJournal, RecordedEarlier, type JournalEntry } from './CaseJournal';
import { decisionPrefill } from './decision-prefill';
import { TransitionForm } from './TransitionForm';

const besluiten: WerkwijzeStep = {
  id: 'besluiten',
  name: 'Besluiten (beschikking)',
  phase: 'besluit',
  roles: ['decision-maker'],
  decision: { provisionCategoryField: 'toegekendeCategorieen' },
  fields: {
    type: 'object',
    properties: {
      besluit: { type: 'string', title: 'Besluit', enum: ['toekennen', 'afwijzen'] },
      toegekendeCategorieen: { type: 'array', title: 'Productcategorieën van het besluit', items: { type: 'string', enum: ['01', '02'] } },
      motivering: { type: 'string', title: 'Motivering', minLength: 10 },
    },
    required: ['besluit', 'motivering'],
  },
  transitions: [
    { to: 'toewijzen', label: 'Toekennen', guard: { field: 'besluit', equals: 'toekennen' } },
    { to: 'afgewezen', label: 'Afwijzen', guard: { field: 'besluit', equals: 'afwijzen' } },
  ],
};

// Newest first, as the server sends it.
const journal: JournalEntry[] = [
  { seq: 5, at: '2026-03-26T10:00:00.000Z', actorId: 'a2', actorName: 'Wim Consulent', stepId: 'aanvraag', stepName: 'Aanvraag toetsen (backoffice)', toStep: 'besluiten', toStepName: 'Besluiten (beschikking)', fields: [{ name: 'adviesVolledig', label: 'Advies volledig', value: true, kind: 'boolean' }] },
  { seq: 4, at: '2026-03-25T10:00:00.000Z', actorId: 'a1', actorName: 'Sanne Generalist', stepId: 'advies-opstellen', stepName: 'Advies aan de backoffice', toStep: 'aanvraag', toStepName: 'Aanvraag toetsen (backoffice)', fields: [
    { name: 'advies', label: 'Advies', value: 'Huishoudelijke ondersteuning, drie uur per week.', kind: 'text' },
    { name: 'geadviseerdeCategorieen', label: 'Geadviseerde productcategorieën', value: ['01'], kind: 'list' },
  ] },
  { seq: 3, at: '2026-03-24T12:00:00.000Z', actorId: 'a1', actorName: 'Sanne Generalist', stepId: 'onderzoeken', stepName: 'Onderzoek (keukentafelgesprek)', toStep: 'advies-opstellen', toStepName: 'Advies aan de backoffice', fields: [
    { name: 'gespreksverslag', label: 'Verslag van het onderzoek', value: 'Keukentafelgesprek met de inwoner gevoerd.', kind: 'text' },
    { name: 'startOp', label: 'Gesprek gevoerd op', value: '2026-03-24', kind: 'date' },
  ] },
  { seq: 1, at: '2026-03-24T09:00:00.000Z', actorId: 'a1', actorName: 'Sanne Generalist', stepId: 'melding', stepName: 'Melding ontvangen', toStep: null, toStepName: null, fields: [{ name: 'hulpvraag', label: 'Hulpvraag', value: 'Hulp bij het huishouden', kind: 'text' }] },
];

const decision = (outcome: Decision['outcome'], createdAt = '2026-03-27T09:00:00.000Z'): Decision => ({
  id: 'd1', caseId: 'case-1', reference: 'Z-2026-000001-B1', subjectBsn: '999993872', law: 'wmo', outcome,
  reasons: 'Voldoet aan de criteria van de verordening.', decidedOn: '2026-03-27', decidedBy: 'a3', objectionUntil: '2026-05-08', createdAt,
  provisions: outcome === 'refused' ? [] : [{ id: 'p1', decisionId: 'd1', standard: 'iwmo', category: '01', productCode: null, form: 'zin', volume: 3, unit: '04', frequency: '2', budgetCents: null, pgbAmountCents: null, validFrom: '2026-04-01', validTo: null }],
});

describe('the case journal', () => {
  it('shows every step with its labels, readable values, who and when, newest first', () => {
    renderInApp(<CaseJournal journal={journal} />);
    const entries = within(screen.getByRole('region', { name: 'Vastgelegd per stap' })).getAllByRole('listitem');
    expect(entries.map((li) => within(li).getByRole('heading').textContent)).toEqual([
      expect.stringMatching(/^Aanvraag toetsen \(backoffice\), door Wim Consulent op /),
      expect.stringMatching(/^Advies aan de backoffice, door Sanne Generalist/),
      expect.stringMatching(/^Onderzoek \(keukentafelgesprek\), door Sanne Generalist/),
      expect.stringMatching(/^Melding ontvangen, door Sanne Generalist/),
    ]);
    expect(entries[0]?.textContent).toContain('Advies volledigJa');
    expect(entries[1]?.textContent).toContain('Geadviseerde productcategorieën01');
    expect(entries[2]?.textContent).toContain('Gesprek gevoerd op24 maart 2026');
    // Labels, never the field keys.
    expect(screen.queryByText('gespreksverslag')).toBeNull();
  });

  it('beside the decision form, shows the onderzoek and the advice the earlier steps recorded', () => {
    renderInApp(<RecordedEarlier journal={journal} step={besluiten} />);
    const aside = screen.getByRole('complementary', { name: 'Eerder vastgelegd in deze zaak' });
    expect(aside.textContent).toContain('Keukentafelgesprek met de inwoner gevoerd.');
    expect(aside.textContent).toContain('Huishoudelijke ondersteuning, drie uur per week.');
    expect(aside.textContent).toContain('Hulp bij het huishouden');
  });
});

describe('record once: the beschikking prefills the toekennen step', () => {
  it('fills the outcome, the categories and the motivation from a grant, but not the refusing transition', () => {
    expect(decisionPrefill(besluiten, 'toewijzen', [decision('granted')], journal)?.values).toEqual({
      besluit: 'toekennen', toegekendeCategorieen: ['01'], motivering: 'Voldoet aan de criteria van de verordening.',
    });
    expect(decisionPrefill(besluiten, 'afgewezen', [decision('granted')], journal)?.values).toEqual({
      toegekendeCategorieen: ['01'], motivering: 'Voldoet aan de criteria van de verordening.',
    });
    expect(decisionPrefill(besluiten, 'afgewezen', [decision('refused')], journal)?.values).toEqual({ besluit: 'afwijzen', motivering: 'Voldoet aan de criteria van de verordening.' });
  });

  it('takes nothing from a decision recorded before the case came back to this step', () => {
    expect(decisionPrefill(besluiten, 'toewijzen', [decision('granted', '2026-03-20T09:00:00.000Z')], journal)).toBeNull();
  });

  it('the form opens prefilled and sends the decision without typing it again', async () => {
    const takeTransition = vi.fn().mockResolvedValue({ stepId: 'toewijzen', status: 'open', routedCaseIds: [] });
    const found = decisionPrefill(besluiten, 'toewijzen', [decision('granted')], journal);
    const { user } = renderInApp(
      <TransitionForm caseId="case-1" transition={{ to: 'toewijzen', label: 'Toekennen', allowed: true }} step={besluiten} recorded={{}}
        prefill={found ? { reference: found.decision.reference, values: found.values } : null} onDone={vi.fn()} onCancel={vi.fn()} />,
      { api: fakeApi({ takeTransition }) },
    );
    expect(screen.getByText(/Overgenomen uit beschikking Z-2026-000001-B1/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Besluit').value).toBe('toekennen');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Motivering').value).toBe('Voldoet aan de criteria van de verordening.');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: '01' }).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(takeTransition).toHaveBeenCalledWith('case-1', {
      to: 'toewijzen',
      fields: { besluit: 'toekennen', toegekendeCategorieen: ['01'], motivering: 'Voldoet aan de criteria van de verordening.' },
      provisionCategories: ['01'],
    });
  });
});
