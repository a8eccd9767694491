import {
  Button, Heading2, Paragraph, Select, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, Textbox,
  UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Role } from '@kern/access/contract';
import type { Problem } from '../api';
import { catalogueApi, isUnitCode, UNITS, type Category, type LocalProduct, type MappingReport, type Standard } from '../api/catalogue';
import { useApp, useSession } from '../app-context';
import { ErrorSummary, Loading, ProblemAlert, StatusMessage, toProblem, type FieldError } from '../components/Alerts';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import type { MessageKey } from '../i18n';
import { isIsoDate } from '../validation';

/** Roles that keep the catalogue and the contracts (the server decides; this only hides forms). */
export const CATALOGUE_MANAGERS: readonly Role[] = ['contract-manager', 'functional-administrator'];

export const unitLabel = (t: (key: MessageKey) => string, unit: string | null): string =>
  unit ? `${unit} ${(UNITS as readonly string[]).includes(unit) ? t(`catalogue.unit.${unit as (typeof UNITS)[number]}`) : ''}`.trim() : '—';

export const periodText = (t: (key: MessageKey, vars?: Record<string, string>) => string, from: string, to: string | null): string =>
  t('catalogue.period', { from, to: to ?? t('catalogue.open') });

function productLine(p: LocalProduct): string {
  return `${p.localCode} — ${p.name} (${p.category}${p.nationalCode ? ` → ${p.nationalCode}` : ''})`;
}

function MappingReportSection({ report }: { report: MappingReport }) {
  const { t } = useApp();
  const list = (items: string[]) =>
    items.length === 0 ? <Paragraph>{t('catalogue.report.none')}</Paragraph> : (
      <UnorderedList>{items.map((i) => <UnorderedListItem key={i}>{i}</UnorderedListItem>)}</UnorderedList>
    );
  return (
    <section aria-labelledby="report-heading">
      <Heading2 id="report-heading">{t('catalogue.report')}</Heading2>
      <Paragraph className="kern-muted">{t('catalogue.report.on', { day: report.on })}</Paragraph>
      <h3 className="utrecht-heading-3" id="report-unmapped">{t('catalogue.report.unmapped')} ({report.unmapped.length})</h3>
      <Paragraph className="kern-muted">{t('catalogue.report.unmapped.hint')}</Paragraph>
      {list(report.unmapped.map(productLine))}
      <h3 className="utrecht-heading-3" id="report-twice">{t('catalogue.report.twice')} ({report.mappedTwice.length})</h3>
      <Paragraph className="kern-muted">{t('catalogue.report.twice.hint')}</Paragraph>
      {list(report.mappedTwice.map((g) => `${g.nationalCode}: ${g.localProducts.map((p) => p.localCode).join(', ')}`))}
      <h3 className="utrecht-heading-3" id="report-expired">{t('catalogue.report.expired')} ({report.expired.length})</h3>
      <Paragraph className="kern-muted">{t('catalogue.report.expired.hint')}</Paragraph>
      {list(report.expired.map((e) => `${productLine(e.product)}: ${t(`catalogue.report.reason.${e.reason}`)}`))}
    </section>
  );
}

const emptyForm = { standard: 'ijw' as Standard, localCode: '', name: '', category: '45', nationalCode: '', unit: '', validFrom: '', validTo: '' };

function AddLocalProductForm({ categories, onAdded }: { categories: Category[]; onAdded: (p: LocalProduct) => void }) {
  const { api, t } = useApp();
  const catalogue = useMemo(() => catalogueApi(api), [api]);
  const [form, setForm] = useState(emptyForm);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;
  const set = (key: keyof typeof emptyForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const ofStandard = categories.filter((c) => c.standard === form.standard);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!/^[A-Za-z0-9]{1,5}$/.test(form.localCode)) found.push({ id: 'lp-localCode', message: t('catalogue.error.localCode') });
    if (!form.name.trim()) found.push({ id: 'lp-name', message: t('catalogue.error.name') });
    if (form.nationalCode && !/^[A-Za-z0-9]{5}$/.test(form.nationalCode)) found.push({ id: 'lp-nationalCode', message: t('catalogue.error.nationalCode') });
    if (!isIsoDate(form.validFrom)) found.push({ id: 'lp-validFrom', message: t('catalogue.error.date') });
    if (form.validTo && !isIsoDate(form.validTo)) found.push({ id: 'lp-validTo', message: t('catalogue.error.date') });
    setErrors(found);
    setProblem(null);
    if (found[0]) {
      document.getElementById(found[0].id)?.focus();
      return;
    }
    catalogue.addLocalProduct({
      standard: form.standard, localCode: form.localCode, name: form.name.trim(), category: form.category,
      nationalCode: form.nationalCode ? form.nationalCode.toUpperCase() : null, unit: isUnitCode(form.unit) ? form.unit : null, validFrom: form.validFrom, validTo: form.validTo || null,
    }).then((p) => {
      setForm(emptyForm);
      onAdded(p);
    }, (error: unknown) => setProblem(toProblem(error)));
  };

  return (
    <form className="kern-form" noValidate onSubmit={submit} aria-labelledby="lp-form-heading">
      <Heading2 id="lp-form-heading">{t('catalogue.add')}</Heading2>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      <Field id="lp-standard" label={t('catalogue.field.standard')}>
        {(w) => (
          <Select {...w} value={form.standard} onChange={(e) => {
            const standard = e.target.value as Standard;
            setForm((f) => ({ ...f, standard, category: categories.find((c) => c.standard === standard)?.code ?? '' }));
          }}>
            <SelectOption value="iwmo">{t('catalogue.standard.iwmo')}</SelectOption>
            <SelectOption value="ijw">{t('catalogue.standard.ijw')}</SelectOption>
          </Select>
        )}
      </Field>
      <Field id="lp-localCode" label={t('catalogue.field.localCode')} hint={t('catalogue.field.localCode.hint')} error={errorOf('lp-localCode')}>
        {(w) => <Textbox {...w} value={form.localCode} onChange={(e) => set('localCode')(e.target.value)} size={6} />}
      </Field>
      <Field id="lp-name" label={t('catalogue.field.name')} error={errorOf('lp-name')}>
        {(w) => <Textbox {...w} value={form.name} onChange={(e) => set('name')(e.target.value)} />}
      </Field>
      <Field id="lp-category" label={t('catalogue.field.category')}>
        {(w) => (
          <Select {...w} value={form.category} onChange={(e) => set('category')(e.target.value)}>
            {ofStandard.map((c) => <SelectOption key={c.code} value={c.code}>{`${c.code} ${c.name}`}</SelectOption>)}
          </Select>
        )}
      </Field>
      <Field id="lp-nationalCode" label={t('catalogue.field.nationalCode')} hint={t('catalogue.field.nationalCode.hint')} error={errorOf('lp-nationalCode')}>
        {(w) => <Textbox {...w} value={form.nationalCode} onChange={(e) => set('nationalCode')(e.target.value)} size={6} />}
      </Field>
      <Field id="lp-unit" label={t('catalogue.field.unit')}>
        {(w) => (
          <Select {...w} value={form.unit} onChange={(e) => set('unit')(e.target.value)}>
            <SelectOption value="">{t('catalogue.field.unit.none')}</SelectOption>
            {UNITS.map((u) => <SelectOption key={u} value={u}>{unitLabel(t, u)}</SelectOption>)}
          </Select>
        )}
      </Field>
      <Field id="lp-validFrom" label={t('catalogue.field.validFrom')} hint={t('catalogue.field.date.hint')} error={errorOf('lp-validFrom')}>
        {(w) => <Textbox {...w} value={form.validFrom} onChange={(e) => set('validFrom')(e.target.value)} size={10} />}
      </Field>
      <Field id="lp-validTo" label={t('catalogue.field.validTo')} hint={t('catalogue.field.date.hint')} error={errorOf('lp-validTo')}>
        {(w) => <Textbox {...w} value={form.validTo} onChange={(e) => set('validTo')(e.target.value)} size={10} />}
      </Field>
      <Button type="submit" appearance="primary-action-button">{t('catalogue.add')}</Button>
    </form>
  );
}

function EndLocalProductForm({ products, onEnded }: { products: LocalProduct[]; onEnded: (p: LocalProduct) => void }) {
  const { api, t } = useApp();
  const catalogue = useMemo(() => catalogueApi(api), [api]);
  const open = products.filter((p) => p.validTo === null);
  const [id, setId] = useState('');
  const [day, setDay] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const errorOf = (field: string) => errors.find((e) => e.id === field)?.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!id) found.push({ id: 'end-product', message: t('catalogue.end.choose') });
    if (!isIsoDate(day)) found.push({ id: 'end-product-day', message: t('catalogue.error.date') });
    setErrors(found);
    setProblem(null);
    if (found[0]) {
      document.getElementById(found[0].id)?.focus();
      return;
    }
    catalogue.endLocalProduct(id, day).then((p) => {
      setId('');
      setDay('');
      onEnded(p);
    }, (error: unknown) => setProblem(toProblem(error)));
  };
  if (open.length === 0) return null;
  return (
    <form className="kern-form" noValidate onSubmit={submit} aria-labelledby="end-product-heading">
      <Heading2 id="end-product-heading">{t('catalogue.end')}</Heading2>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      <Field id="end-product" label={t('catalogue.end.product')} error={errorOf('end-product')}>
        {(w) => (
          <Select {...w} value={id} onChange={(e) => setId(e.target.value)}>
            <SelectOption value="">{t('catalogue.end.choose')}</SelectOption>
            {open.map((p) => <SelectOption key={p.id} value={p.id}>{`${p.localCode} — ${p.name}`}</SelectOption>)}
          </Select>
        )}
      </Field>
      <Field id="end-product-day" label={t('catalogue.end.day')} hint={t('catalogue.field.date.hint')} error={errorOf('end-product-day')}>
        {(w) => <Textbox {...w} value={day} onChange={(e) => setDay(e.target.value)} size={10} />}
      </Field>
      <Button type="submit" appearance="secondary-action-button">{t('catalogue.end')}</Button>
    </form>
  );
}

/** The municipality's product catalogue: the mapping report, the local products and (for managers) a form to add one. */
export function CataloguePage() {
  const { api, t, purpose } = useApp();
  const { account } = useSession();
  const catalogue = useMemo(() => catalogueApi(api), [api]);
  const [data, setData] = useState<{ categories: Category[]; products: LocalProduct[]; report: MappingReport } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const canManage = CATALOGUE_MANAGERS.some((r) => account.roles.includes(r));
  const needsPurpose = !canManage && purpose !== 'wmo' && purpose !== 'jeugdwet';

  const load = useCallback(() => {
    if (needsPurpose) return;
    Promise.all([catalogue.categories(), catalogue.localProducts(), catalogue.mappingReport()]).then(
      ([categories, products, report]) => setData({ categories, products, report }),
      (error: unknown) => setProblem(toProblem(error)),
    );
  }, [catalogue, needsPurpose, purpose]);
  useEffect(load, [load]);

  return (
    <>
      <PageTitle>{t('catalogue.title')}</PageTitle>
      <Paragraph>{t('catalogue.intro')}</Paragraph>
      {needsPurpose && <Paragraph>{t('catalogue.purposeRequired')}</Paragraph>}
      {problem && <ProblemAlert problem={problem} />}
      {added && <StatusMessage>{added}</StatusMessage>}
      {!data ? !problem && !needsPurpose && <Loading /> : (
        <>
          <MappingReportSection report={data.report} />
          <section aria-labelledby="local-heading">
            <Heading2 id="local-heading">{t('catalogue.local')}</Heading2>
            {data.products.length === 0 ? <Paragraph>{t('catalogue.local.none')}</Paragraph> : (
              <div className="kern-table-scroll">
                <Table>
                  <TableCaption>{t('catalogue.local.caption')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('catalogue.col.localCode')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('catalogue.col.name')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('catalogue.col.standard')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('catalogue.col.category')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('catalogue.col.nationalCode')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('catalogue.col.unit')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('catalogue.col.period')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.products.map((p) => (
                      <TableRow key={p.id}>
                        <TableHeaderCell scope="row">{p.localCode}</TableHeaderCell>
                        <TableCell>{p.name}</TableCell>
                        <TableCell>{p.standard}</TableCell>
                        <TableCell>{p.category}</TableCell>
                        <TableCell>{p.nationalCode ?? t('catalogue.notMapped')}</TableCell>
                        <TableCell>{unitLabel(t, p.unit)}</TableCell>
                        <TableCell>{periodText(t, p.validFrom, p.validTo)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
          </section>
          {canManage ? (
            <>
              <AddLocalProductForm categories={data.categories} onAdded={(p) => { setAdded(t('catalogue.added', { code: p.localCode })); load(); }} />
              <EndLocalProductForm products={data.products} onEnded={(p) => { setAdded(t('catalogue.ended', { code: p.localCode, day: p.validTo ?? '' })); load(); }} />
            </>
          ) : (
            <Paragraph className="kern-muted">{t('catalogue.readOnly')}</Paragraph>
          )}
        </>
      )}
    </>
  );
}
