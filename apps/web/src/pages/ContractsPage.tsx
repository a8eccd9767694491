import { Button, Heading2, Paragraph, Select, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, Textbox } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Problem } from '../api';
import { catalogueApi, type Contract, type FundingModel, type Provider } from '../api/catalogue';
import { useApp, useSession } from '../app-context';
import { ErrorSummary, Loading, ProblemAlert, StatusMessage, toProblem, type FieldError } from '../components/Alerts';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { AppLink, paths } from '../router';
import { isIsoDate } from '../validation';
import { CATALOGUE_MANAGERS, periodText } from './CataloguePage';

const FUNDING: FundingModel[] = ['inspanningsgericht', 'outputgericht', 'taakgericht'];

/** Euros as typed by a person ("33,50", "250000") to whole cents; null when it is not an amount. */
export function parseCents(text: string): number | null {
  const m = /^\s*(\d{1,12})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export const euro = (cents: number, lang: string): string =>
  new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

function ProviderForm({ onAdded }: { onAdded: (p: Provider) => void }) {
  const { api, t } = useApp();
  const contracting = useMemo(() => catalogueApi(api), [api]);
  const [form, setForm] = useState({ agbCode: '', name: '', kvkNumber: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!/^\d{8}$/.test(form.agbCode) || form.agbCode.startsWith('00')) found.push({ id: 'pv-agb', message: t('contracting.error.agb') });
    if (!form.name.trim()) found.push({ id: 'pv-name', message: t('contracting.error.name') });
    if (form.kvkNumber && !/^\d{8}$/.test(form.kvkNumber)) found.push({ id: 'pv-kvk', message: t('contracting.error.kvk') });
    setErrors(found);
    setProblem(null);
    if (found[0]) {
      document.getElementById(found[0].id)?.focus();
      return;
    }
    contracting.addProvider({ agbCode: form.agbCode, name: form.name.trim(), kvkNumber: form.kvkNumber || null }).then((p) => {
      setForm({ agbCode: '', name: '', kvkNumber: '' });
      onAdded(p);
    }, (error: unknown) => setProblem(toProblem(error)));
  };
  return (
    <form className="kern-form" noValidate onSubmit={submit} aria-labelledby="pv-form-heading">
      <Heading2 id="pv-form-heading">{t('contracting.addProvider')}</Heading2>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      <Field id="pv-agb" label={t('contracting.field.agb')} hint={t('contracting.field.agb.hint')} error={errorOf('pv-agb')}>
        {(w) => <Textbox {...w} inputMode="numeric" value={form.agbCode} onChange={(e) => setForm({ ...form, agbCode: e.target.value.trim() })} size={9} />}
      </Field>
      <Field id="pv-name" label={t('contracting.field.name')} error={errorOf('pv-name')}>
        {(w) => <Textbox {...w} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
      </Field>
      <Field id="pv-kvk" label={t('contracting.field.kvk')} error={errorOf('pv-kvk')}>
        {(w) => <Textbox {...w} inputMode="numeric" value={form.kvkNumber} onChange={(e) => setForm({ ...form, kvkNumber: e.target.value.trim() })} size={9} />}
      </Field>
      <Button type="submit" appearance="primary-action-button">{t('contracting.addProvider')}</Button>
    </form>
  );
}

const emptyContract = { providerId: '', reference: '', region: '', law: 'wmo' as 'wmo' | 'jeugdwet', fundingModel: 'inspanningsgericht' as FundingModel, budget: '', validFrom: '', validTo: '' };

function ContractForm({ providers, onAdded }: { providers: Provider[]; onAdded: (c: Contract) => void }) {
  const { api, t } = useApp();
  const contracting = useMemo(() => catalogueApi(api), [api]);
  const [form, setForm] = useState(emptyContract);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;
  const set = (key: keyof typeof emptyContract) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!form.providerId) found.push({ id: 'ct-provider', message: t('contracting.error.provider') });
    if (!form.reference.trim()) found.push({ id: 'ct-reference', message: t('contracting.error.reference') });
    const budgetCents = form.budget.trim() ? parseCents(form.budget) : null;
    if (form.fundingModel === 'taakgericht' && budgetCents === null) found.push({ id: 'ct-budget', message: t('contracting.error.budget') });
    if (form.fundingModel !== 'taakgericht' && form.budget.trim()) found.push({ id: 'ct-budget', message: t('contracting.error.noBudget') });
    if (!isIsoDate(form.validFrom)) found.push({ id: 'ct-validFrom', message: t('catalogue.error.date') });
    if (form.validTo && !isIsoDate(form.validTo)) found.push({ id: 'ct-validTo', message: t('catalogue.error.date') });
    setErrors(found);
    setProblem(null);
    if (found[0]) {
      document.getElementById(found[0].id)?.focus();
      return;
    }
    contracting.addContract({
      providerId: form.providerId, reference: form.reference.trim(), region: form.region.trim() || null, law: form.law, fundingModel: form.fundingModel,
      budgetCents: form.fundingModel === 'taakgericht' ? budgetCents : null, validFrom: form.validFrom, validTo: form.validTo || null,
    }).then((c) => {
      setForm(emptyContract);
      onAdded(c);
    }, (error: unknown) => setProblem(toProblem(error)));
  };
  return (
    <form className="kern-form" noValidate onSubmit={submit} aria-labelledby="ct-form-heading">
      <Heading2 id="ct-form-heading">{t('contracting.addContract')}</Heading2>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      <Field id="ct-provider" label={t('contracting.field.provider')} error={errorOf('ct-provider')}>
        {(w) => (
          <Select {...w} value={form.providerId} onChange={(e) => set('providerId')(e.target.value)}>
            <SelectOption value="">{t('contracting.error.provider')}</SelectOption>
            {providers.map((p) => <SelectOption key={p.id} value={p.id}>{`${p.name} (${p.agbCode})`}</SelectOption>)}
          </Select>
        )}
      </Field>
      <Field id="ct-reference" label={t('contracting.field.reference')} error={errorOf('ct-reference')}>
        {(w) => <Textbox {...w} value={form.reference} onChange={(e) => set('reference')(e.target.value)} />}
      </Field>
      <Field id="ct-region" label={t('contracting.field.region')}>
        {(w) => <Textbox {...w} value={form.region} onChange={(e) => set('region')(e.target.value)} />}
      </Field>
      <Field id="ct-law" label={t('contracting.field.law')}>
        {(w) => (
          <Select {...w} value={form.law} onChange={(e) => set('law')(e.target.value)}>
            <SelectOption value="wmo">{t('contracting.law.wmo')}</SelectOption>
            <SelectOption value="jeugdwet">{t('contracting.law.jeugdwet')}</SelectOption>
          </Select>
        )}
      </Field>
      <Field id="ct-funding" label={t('contracting.field.funding')}>
        {(w) => (
          <Select {...w} value={form.fundingModel} onChange={(e) => set('fundingModel')(e.target.value)}>
            {FUNDING.map((f) => <SelectOption key={f} value={f}>{t(`contracting.funding.${f}`)}</SelectOption>)}
          </Select>
        )}
      </Field>
      <Field id="ct-budget" label={t('contracting.field.budget')} hint={t('contracting.field.budget.hint')} error={errorOf('ct-budget')}>
        {(w) => <Textbox {...w} inputMode="decimal" value={form.budget} onChange={(e) => set('budget')(e.target.value)} />}
      </Field>
      <Field id="ct-validFrom" label={t('catalogue.field.validFrom')} hint={t('catalogue.field.date.hint')} error={errorOf('ct-validFrom')}>
        {(w) => <Textbox {...w} value={form.validFrom} onChange={(e) => set('validFrom')(e.target.value)} size={10} />}
      </Field>
      <Field id="ct-validTo" label={t('catalogue.field.validTo')} hint={t('catalogue.field.date.hint')} error={errorOf('ct-validTo')}>
        {(w) => <Textbox {...w} value={form.validTo} onChange={(e) => set('validTo')(e.target.value)} size={10} />}
      </Field>
      <Button type="submit" appearance="primary-action-button">{t('contracting.addContract')}</Button>
    </form>
  );
}

/** Care providers and contracts of the municipality, with forms for the contract manager. */
export function ContractsPage() {
  const { api, t, purpose } = useApp();
  const { account } = useSession();
  const contracting = useMemo(() => catalogueApi(api), [api]);
  const [data, setData] = useState<{ providers: Provider[]; contracts: Contract[] } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const canManage = CATALOGUE_MANAGERS.some((r) => account.roles.includes(r));
  const needsPurpose = !canManage && purpose !== 'wmo' && purpose !== 'jeugdwet';

  const load = useCallback(() => {
    if (needsPurpose) return;
    Promise.all([contracting.providers(), contracting.contracts()]).then(
      ([providers, contracts]) => setData({ providers, contracts }),
      (error: unknown) => setProblem(toProblem(error)),
    );
  }, [contracting, needsPurpose, purpose]);
  useEffect(load, [load]);

  return (
    <>
      <PageTitle>{t('contracting.title')}</PageTitle>
      <Paragraph>{t('contracting.intro')}</Paragraph>
      {needsPurpose && <Paragraph>{t('catalogue.purposeRequired')}</Paragraph>}
      {problem && <ProblemAlert problem={problem} />}
      {added && <StatusMessage>{t('contracting.added', { what: added })}</StatusMessage>}
      {!data ? !problem && !needsPurpose && <Loading /> : (
        <>
          <section aria-labelledby="providers-heading">
            <Heading2 id="providers-heading">{t('contracting.providers')}</Heading2>
            {data.providers.length === 0 ? <Paragraph>{t('contracting.providers.none')}</Paragraph> : (
              <div className="kern-table-scroll">
                <Table>
                  <TableCaption>{t('contracting.providers.caption')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('contracting.col.name')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('contracting.col.agb')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('contracting.col.kvk')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('contracting.col.contracts')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.providers.map((p) => (
                      <TableRow key={p.id}>
                        <TableHeaderCell scope="row">{p.name}</TableHeaderCell>
                        <TableCell>{p.agbCode}</TableCell>
                        <TableCell>{p.kvkNumber ?? '—'}</TableCell>
                        <TableCell>{p.contractCount}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
          </section>
          <section aria-labelledby="contracts-heading">
            <Heading2 id="contracts-heading">{t('contracting.contracts')}</Heading2>
            {data.contracts.length === 0 ? <Paragraph>{t('contracting.contracts.none')}</Paragraph> : (
              <div className="kern-table-scroll">
                <Table>
                  <TableCaption>{t('contracting.contracts.caption')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('contracting.col.reference')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('contracting.col.provider')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('contracting.col.law')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('contracting.col.funding')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('contracting.col.region')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('contracting.col.period')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.contracts.map((c) => (
                      <TableRow key={c.id}>
                        <TableHeaderCell scope="row"><AppLink href={paths.contract(c.id)}>{c.reference}</AppLink></TableHeaderCell>
                        <TableCell>{c.providerName}</TableCell>
                        <TableCell>{t(`contracting.law.${c.law}`)}</TableCell>
                        <TableCell>{t(`contracting.funding.${c.fundingModel}`)}</TableCell>
                        <TableCell>{c.region ?? t('contracting.own')}</TableCell>
                        <TableCell>{periodText(t, c.validFrom, c.validTo)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
          </section>
          {canManage && (
            <>
              <ProviderForm onAdded={(p) => { setAdded(p.name); load(); }} />
              <ContractForm providers={data.providers} onAdded={(c) => { setAdded(c.reference); load(); }} />
            </>
          )}
        </>
      )}
    </>
  );
}
