import { Button, Heading2, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { DebtFileView, HouseholdSituation, SolutionKind, VtlbInput, debtApi } from '../api/debt';
import { useApp } from '../app-context';
import { Field } from '../components/Field';
import { parseEuros } from '../money';
import { DecisionForm, FirstConversationForm, MoratoriumForm } from './DebtProcessForms';

const SITUATIONS: HouseholdSituation[] = ['single', 'single-parent', 'couple', 'couple-with-children'];
const KINDS: SolutionKind[] = ['debt-mediation', 'payment-arrangement', 'zero-offer'];

/** The next step of the Wgs process for the file: first conversation, beschikking, cooling-off period, VTLB, solution. */
export function DebtFileForms({ view, debt, run, done }: { view: DebtFileView; debt: ReturnType<typeof debtApi>; run: (p: Promise<unknown>) => void; done: () => void }) {
  const { t } = useApp();
  const id = view.file.id;
  const [vtlb, setVtlb] = useState({ situation: 'single' as HouseholdSituation, children: '0', costSharers: '1', income: '', housing: '', premium: '', zorgtoeslag: '0' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [kind, setKind] = useState<SolutionKind>('debt-mediation');

  const submitVtlb = (event: FormEvent) => {
    event.preventDefault();
    const money = { income: vtlb.income, housing: vtlb.housing, premium: vtlb.premium };
    const found: Record<string, string> = {};
    const cents: Record<string, number> = {};
    for (const [key, text] of Object.entries(money)) {
      const c = text.trim() === '0' ? 0 : parseEuros(text);
      if (c === null) found[key] = t('debt.register.invalidAmount');
      else cents[key] = c;
    }
    const zorgtoeslag = vtlb.zorgtoeslag.trim() === '0' ? 0 : parseEuros(vtlb.zorgtoeslag);
    if (zorgtoeslag === null) found.zorgtoeslag = t('debt.register.invalidAmount');
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`vtlb-${first}`)?.focus();
      return;
    }
    const input: VtlbInput = {
      situation: vtlb.situation, children: Number(vtlb.children) || 0, costSharers: Number(vtlb.costSharers) || 1,
      netIncomeCents: cents.income ?? 0, housingCostsCents: cents.housing ?? 0, healthPremiumCents: cents.premium ?? 0, zorgtoeslagCents: zorgtoeslag ?? 0,
    };
    run(debt.vtlb(id, input));
  };

  const money = (key: 'income' | 'housing' | 'premium' | 'zorgtoeslag') => (
    <Field id={`vtlb-${key}`} label={t(`debt.vtlb.${key}`)} hint={t('debt.register.amount.hint')} error={errors[key]}>
      {(w) => <Textbox {...w} inputMode="decimal" value={vtlb[key]} onChange={(e) => setVtlb({ ...vtlb, [key]: e.target.value })} />}
    </Field>
  );

  return (
    <section aria-labelledby="next-heading">
      <Heading2 id="next-heading">{t('debt.next.title')}</Heading2>
      {view.file.status === 'intake' && <FirstConversationForm view={view} debt={debt} done={done} />}
      {view.file.status === 'assessment' && <DecisionForm view={view} debt={debt} done={done} />}
      <MoratoriumForm view={view} debt={debt} done={done} />
      {(view.file.status === 'assessment' || view.file.status === 'plan') && (
        <form className="kern-form" noValidate onSubmit={submitVtlb} aria-labelledby="vtlb-form-heading">
          <h3 id="vtlb-form-heading" className="utrecht-heading-3">{t('debt.vtlb.compute')}</h3>
          <Field id="vtlb-situation" label={t('debt.vtlb.situation')}>
            {(w) => (
              <Select {...w} value={vtlb.situation} onChange={(e) => setVtlb({ ...vtlb, situation: e.target.value as HouseholdSituation })}>
                {SITUATIONS.map((s) => (
                  <SelectOption key={s} value={s}>
                    {t(`debt.situation.${s}`)}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Field id="vtlb-children" label={t('debt.vtlb.children')}>
            {(w) => <Textbox {...w} inputMode="numeric" value={vtlb.children} onChange={(e) => setVtlb({ ...vtlb, children: e.target.value })} />}
          </Field>
          <Field id="vtlb-costSharers" label={t('debt.vtlb.costSharers')}>
            {(w) => <Textbox {...w} inputMode="numeric" value={vtlb.costSharers} onChange={(e) => setVtlb({ ...vtlb, costSharers: e.target.value })} />}
          </Field>
          {money('income')}
          {money('housing')}
          {money('premium')}
          {money('zorgtoeslag')}
          <Button type="submit" appearance="primary-action-button">
            {t('debt.vtlb.submit')}
          </Button>
        </form>
      )}
      {view.file.status === 'plan' && view.vtlb && !view.solution && (
        <form className="kern-form" noValidate onSubmit={(e) => { e.preventDefault(); run(debt.proposeSolution(id, kind)); }}>
          <Field id="solution-kind" label={t('debt.solution.kind')}>
            {(w) => (
              <Select {...w} value={kind} onChange={(e) => setKind(e.target.value as SolutionKind)}>
                {KINDS.map((k) => (
                  <SelectOption key={k} value={k}>
                    {t(`debt.solution.kind.${k}`)}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit" appearance="primary-action-button">
            {t('debt.solution.propose')}
          </Button>
        </form>
      )}
      {view.solution?.solution.status === 'proposed' && (
        <ul className="kern-plain-list">
          {view.solution.offers.filter((o) => o.status === 'sent').map((o) => (
            <li key={o.id}>
              {o.creditorName}:{' '}
              <Button appearance="secondary-action-button" onClick={() => run(debt.offerResponse(id, o.id, 'accepted'))}>
                {t('debt.offer.creditorAccepts')}
                <span className="kern-visually-hidden"> {o.creditorName}</span>
              </Button>{' '}
              <Button appearance="secondary-action-button" onClick={() => run(debt.offerResponse(id, o.id, 'rejected'))}>
                {t('debt.offer.creditorRejects')}
                <span className="kern-visually-hidden"> {o.creditorName}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
