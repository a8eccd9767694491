import type { Decision } from '@kern/provisions';
import { describe, expect, it } from 'vitest';
import { decisionLetterValues, letterTypeOf, provisionText } from './make-letter';

const decision: Decision = {
  id: 'd1', caseId: 'c1', reference: 'Z-2026-000001-B1', subjectBsn: '999993872', law: 'jeugdwet', outcome: 'partly-granted',
  reasons: 'Wij kennen begeleiding toe.', decidedOn: '2026-03-03', decidedBy: 'u1', objectionUntil: '2026-04-14', createdAt: '2026-03-03T10:00:00Z',
  provisions: [{
    id: 'p1', decisionId: 'd1', standard: 'ijw', category: '45', productCode: null, form: 'pgb', volume: null, unit: null, frequency: null,
    budgetCents: null, pgbAmountCents: 450_000, validFrom: '2026-04-01', validTo: null,
  }],
};

describe('the values of a beschikking letter', () => {
  it('writes a partial grant as a grant letter and a refusal as a refusal letter', () => {
    expect(letterTypeOf(decision)).toBe('beschikking-toekenning');
    expect(letterTypeOf({ outcome: 'refused' })).toBe('beschikking-afwijzing');
  });

  it('says a provision in words: form, budget and period in Dutch', () => {
    expect(provisionText(decision.provisions[0]!)).toMatch(/^- Productcategorie 45, als persoonsgebonden budget \(pgb\), pgb-bedrag €\s4\.500,00, vanaf 1 april 2026\.$/);
  });

  it('takes the objection term as recorded with the decision and leaves the address empty when the BRP has none', () => {
    const v = decisionLetterValues(decision, null, 'Rotterdam');
    expect(v).toMatchObject({ bezwaarTot: '14 april 2026', besluitdatum: '3 maart 2026', wet: 'Jeugdwet', adres: '', naam: 'Geachte inwoner', gemeente: 'Rotterdam', kenmerk: 'Z-2026-000001-B1' });
  });
});
