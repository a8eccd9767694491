import { Alert, Button, Fieldset, FieldsetLegend, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useMemo, useState, type FormEvent } from 'react';
import type { Problem } from '../api';
import { provisionsApi, type Allocation, type AllocationStatus } from '../api/provisions';
import { useApp } from '../app-context';
import { Loading, ProblemAlert, StatusMessage, toProblem } from '../components/Alerts';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { AllocationsTable } from '../components/provisions/AllocationsTable';

/** The back office's list of one provider's allocations under the purpose's law, with filters. */
export function ProviderAllocationsPage() {
  const { api, t, purpose } = useApp();
  const provisions = useMemo(() => provisionsApi(api), [api]);
  const [filter, setFilter] = useState({ providerAgb: '', status: '' as '' | AllocationStatus, category: '', from: '', to: '' });
  const [result, setResult] = useState<{ agb: string; allocations: Allocation[] } | Problem | 'loading' | null>(null);
  const [error, setError] = useState<string | undefined>();
  const lawPurpose = purpose === 'wmo' || purpose === 'jeugdwet';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{8}$/.test(filter.providerAgb)) {
      setError(t('provisions.allocate.provider.hint'));
      document.getElementById('provider-agb')?.focus();
      return;
    }
    setError(undefined);
    setResult('loading');
    try {
      const allocations = await provisions.providerAllocations({
        providerAgb: filter.providerAgb, status: filter.status || undefined, category: filter.category || undefined, from: filter.from || undefined, to: filter.to || undefined,
      });
      setResult({ agb: filter.providerAgb, allocations });
    } catch (e) {
      setResult(toProblem(e));
    }
  };

  return (
    <>
      <PageTitle>{t('provisions.provider.title')}</PageTitle>
      <Paragraph>{t('provisions.provider.intro')}</Paragraph>
      {!lawPurpose ? (
        <Alert type="warning" role="alert" className="kern-alert">
          <Paragraph>{t('provisions.allocations.wrongPurpose')}</Paragraph>
        </Alert>
      ) : (
        <>
          <form onSubmit={(e) => void submit(e)} noValidate className="kern-form">
            <Fieldset>
              <FieldsetLegend>{t('provisions.provider.filters')}</FieldsetLegend>
              <Field id="provider-agb" label={t('provisions.allocate.provider')} hint={t('provisions.allocate.provider.hint')} error={error}>
                {(w) => <Textbox {...w} inputMode="numeric" size={9} value={filter.providerAgb} onChange={(e) => setFilter({ ...filter, providerAgb: e.target.value.trim() })} />}
              </Field>
              <Field id="provider-status" label={t('provisions.provider.status')}>
                {(w) => (
                  <Select {...w} value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value as '' | AllocationStatus })}>
                    <SelectOption value="">{t('provisions.provider.status.all')}</SelectOption>
                    {(['active', 'ended', 'withdrawn'] as const).map((s) => <SelectOption key={s} value={s}>{t(`provisions.status.${s}`)}</SelectOption>)}
                  </Select>
                )}
              </Field>
              <Field id="provider-category" label={t('provisions.provider.category')} hint={t('provisions.provision.category.hint')}>
                {(w) => <Textbox {...w} inputMode="numeric" size={3} value={filter.category} onChange={(e) => setFilter({ ...filter, category: e.target.value.trim() })} />}
              </Field>
              <Field id="provider-from" label={t('provisions.provider.from')}>
                {(w) => <Textbox {...w} type="date" value={filter.from} onChange={(e) => setFilter({ ...filter, from: e.target.value })} />}
              </Field>
              <Field id="provider-to" label={t('provisions.provider.to')}>
                {(w) => <Textbox {...w} type="date" value={filter.to} onChange={(e) => setFilter({ ...filter, to: e.target.value })} />}
              </Field>
              <Button type="submit" appearance="primary-action-button">
                {t('provisions.provider.submit')}
              </Button>
            </Fieldset>
          </form>
          {result === 'loading' ? (
            <Loading />
          ) : result && 'allocations' in result ? (
            <>
              <StatusMessage>{t('provisions.provider.count', { count: result.allocations.length })}</StatusMessage>
              {result.allocations.length > 0 && <AllocationsTable caption={`${t('provisions.provider.title')}: ${result.agb}`} allocations={result.allocations} showClient />}
            </>
          ) : result ? (
            <ProblemAlert problem={result} />
          ) : null}
        </>
      )}
    </>
  );
}
