import { Button, Heading2, Paragraph, Select, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, Textbox } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Problem } from '../api';
import { catalogueApi, UNITS, type Category, type Contract, type ContractedProduct } from '../api/catalogue';
import { useApp, useSession } from '../app-context';
import { ErrorSummary, Loading, ProblemAlert, StatusMessage, toProblem, type FieldError } from '../components/Alerts';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { AppLink, paths } from '../router';
import { isIsoDate } from '../validation';
import { CATALOGUE_MANAGERS, periodText, unitLabel } from './CataloguePage';
import { euro, parseCents } from './ContractsPage';

type Detail = Contract & { products: ContractedProduct[] };
const emptyProduct = { category: '', productCode: '', unit: '04', tariff: '', validFrom: '', validTo: '' };
const standardOf = { wmo: 'iwmo', jeugdwet: 'ijw' } as const;

function ProductForm({ contract, categories, onAdded }: { contract: Detail; categories: Category[]; onAdded: () => void }) {
  const { api, t } = useApp();
  const contracting = useMemo(() => catalogueApi(api), [api]);
  const [form, setForm] = useState({ ...emptyProduct, validFrom: contract.validFrom, validTo: contract.validTo ?? '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;
  const set = (key: keyof typeof emptyProduct) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!/^\d{2}$/.test(form.category)) found.push({ id: 'cp-category', message: t('contracting.error.category') });
    if (form.productCode && !/^[A-Za-z0-9]{1,5}$/.test(form.productCode)) found.push({ id: 'cp-productCode', message: t('catalogue.error.localCode') });
    const tariffCents = parseCents(form.tariff);
    if (tariffCents === null) found.push({ id: 'cp-tariff', message: t('contracting.error.tariff') });
    if (!isIsoDate(form.validFrom)) found.push({ id: 'cp-validFrom', message: t('catalogue.error.date') });
    if (form.validTo && !isIsoDate(form.validTo)) found.push({ id: 'cp-validTo', message: t('catalogue.error.date') });
    setErrors(found);
    setProblem(null);
    const unit = UNITS.find((u) => u === form.unit);
    if (found[0] || tariffCents === null || !unit) {
      if (found[0]) document.getElementById(found[0].id)?.focus();
      return;
    }
    contracting.addProduct(contract.id, {
      category: form.category, productCode: form.productCode || null, unit, tariffCents, validFrom: form.validFrom, validTo: form.validTo || null,
    }).then(() => {
      setForm({ ...emptyProduct, validFrom: contract.validFrom, validTo: contract.validTo ?? '' });
      onAdded();
    }, (error: unknown) => setProblem(toProblem(error)));
  };
  return (
    <form className="kern-form" noValidate onSubmit={submit} aria-labelledby="cp-form-heading">
      <Heading2 id="cp-form-heading">{t('contracting.addProduct')}</Heading2>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      <Field id="cp-category" label={t('catalogue.field.category')} error={errorOf('cp-category')}>
        {(w) => (
          <Select {...w} value={form.category} onChange={(e) => set('category')(e.target.value)}>
            <SelectOption value="">{t('contracting.chooseCategory')}</SelectOption>
            {categories.filter((c) => c.standard === standardOf[contract.law]).map((c) => <SelectOption key={c.code} value={c.code}>{`${c.code} ${c.name}`}</SelectOption>)}
          </Select>
        )}
      </Field>
      <Field id="cp-productCode" label={t('contracting.field.productCode')} error={errorOf('cp-productCode')}>
        {(w) => <Textbox {...w} value={form.productCode} onChange={(e) => set('productCode')(e.target.value.trim())} size={6} />}
      </Field>
      <Field id="cp-unit" label={t('catalogue.field.unit')}>
        {(w) => (
          <Select {...w} value={form.unit} onChange={(e) => set('unit')(e.target.value)}>
            {UNITS.map((u) => <SelectOption key={u} value={u}>{unitLabel(t, u)}</SelectOption>)}
          </Select>
        )}
      </Field>
      <Field id="cp-tariff" label={t('contracting.field.tariff')} error={errorOf('cp-tariff')}>
        {(w) => <Textbox {...w} inputMode="decimal" value={form.tariff} onChange={(e) => set('tariff')(e.target.value)} size={10} />}
      </Field>
      <Field id="cp-validFrom" label={t('catalogue.field.validFrom')} hint={t('catalogue.field.date.hint')} error={errorOf('cp-validFrom')}>
        {(w) => <Textbox {...w} value={form.validFrom} onChange={(e) => set('validFrom')(e.target.value)} size={10} />}
      </Field>
      <Field id="cp-validTo" label={t('catalogue.field.validTo')} hint={t('catalogue.field.date.hint')} error={errorOf('cp-validTo')}>
        {(w) => <Textbox {...w} value={form.validTo} onChange={(e) => set('validTo')(e.target.value)} size={10} />}
      </Field>
      <Button type="submit" appearance="primary-action-button">{t('contracting.addProduct')}</Button>
    </form>
  );
}

function EndForm({ contract, onEnded }: { contract: Detail; onEnded: (day: string) => void }) {
  const { api, t } = useApp();
  const contracting = useMemo(() => catalogueApi(api), [api]);
  const [day, setDay] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!isIsoDate(day)) {
      setError(t('catalogue.error.date'));
      document.getElementById('end-day')?.focus();
      return;
    }
    setError(undefined);
    contracting.endContract(contract.id, day).then(() => onEnded(day), (e: unknown) => setProblem(toProblem(e)));
  };
  return (
    <form className="kern-form" noValidate onSubmit={submit} aria-labelledby="end-form-heading">
      <Heading2 id="end-form-heading">{t('contracting.end')}</Heading2>
      {problem && <ProblemAlert problem={problem} />}
      <Field id="end-day" label={t('contracting.field.endOn')} hint={t('catalogue.field.date.hint')} error={error}>
        {(w) => <Textbox {...w} value={day} onChange={(e) => setDay(e.target.value)} size={10} />}
      </Field>
      <Button type="submit" appearance="secondary-action-button">{t('contracting.end')}</Button>
    </form>
  );
}

/** One contract: its terms, its contracted products and tariffs, and (for managers) forms to add a product or end it. */
export function ContractPage({ id }: { id: string }) {
  const { api, t, lang, purpose } = useApp();
  const { account } = useSession();
  const contracting = useMemo(() => catalogueApi(api), [api]);
  const [contract, setContract] = useState<Detail | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canManage = CATALOGUE_MANAGERS.some((r) => account.roles.includes(r));
  const needsPurpose = !canManage && purpose !== 'wmo' && purpose !== 'jeugdwet';
  const load = useCallback(() => {
    if (needsPurpose) return;
    Promise.all([contracting.contract(id), contracting.categories()]).then(([c, cats]) => {
      setContract(c);
      setCategories(cats);
    }, (error: unknown) => setProblem(toProblem(error)));
  }, [contracting, id, needsPurpose, purpose]);
  useEffect(load, [load]);

  return (
    <>
      <PageTitle>{t('contracting.detail', { reference: contract?.reference ?? '…' })}</PageTitle>
      <Paragraph><AppLink href={paths.contracts}>{t('contracting.back')}</AppLink></Paragraph>
      {needsPurpose && <Paragraph>{t('catalogue.purposeRequired')}</Paragraph>}
      {problem && <ProblemAlert problem={problem} />}
      {notice && <StatusMessage>{notice}</StatusMessage>}
      {!contract ? !problem && !needsPurpose && <Loading /> : (
        <>
          <dl className="kern-facts">
            <dt>{t('contracting.col.provider')}</dt>
            <dd>{`${contract.providerName} (AGB ${contract.providerAgb})`}</dd>
            <dt>{t('contracting.col.law')}</dt>
            <dd>{t(`contracting.law.${contract.law}`)}</dd>
            <dt>{t('contracting.col.funding')}</dt>
            <dd>{t(`contracting.funding.${contract.fundingModel}`)}</dd>
            {contract.budgetCents !== null && (
              <>
                <dt>{t('contracting.budget')}</dt>
                <dd>{euro(contract.budgetCents, lang)}</dd>
              </>
            )}
            <dt>{t('contracting.col.region')}</dt>
            <dd>{contract.region ?? t('contracting.own')}</dd>
            <dt>{t('contracting.col.period')}</dt>
            <dd>{periodText(t, contract.validFrom, contract.validTo)}</dd>
          </dl>
          <section aria-labelledby="products-heading">
            <Heading2 id="products-heading">{t('contracting.products')}</Heading2>
            {contract.products.length === 0 ? <Paragraph>{t('contracting.products.none')}</Paragraph> : (
              <div className="kern-table-scroll">
                <Table>
                  <TableCaption>{t('contracting.products.caption')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('catalogue.col.category')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('contracting.col.product')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('contracting.col.unit')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('contracting.col.tariff')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('catalogue.col.period')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {contract.products.map((p) => (
                      <TableRow key={p.id}>
                        <TableCell>{p.category}</TableCell>
                        <TableHeaderCell scope="row">{p.productCode ?? t('contracting.wholeCategory')}</TableHeaderCell>
                        <TableCell>{unitLabel(t, p.unit)}</TableCell>
                        <TableCell>{euro(p.tariffCents, lang)}</TableCell>
                        <TableCell>{periodText(t, p.validFrom, p.validTo)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
          </section>
          {canManage && (
            <>
              <ProductForm contract={contract} categories={categories} onAdded={() => { setNotice(t('contracting.productAdded')); load(); }} />
              <EndForm contract={contract} onEnded={(day) => { setNotice(t('contracting.ended', { day })); load(); }} />
            </>
          )}
        </>
      )}
    </>
  );
}
