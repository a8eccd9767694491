import { Button, Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Problem } from '../api';
import { debtApi, type NormTable } from '../api/debt';
import { useApp, useSession } from '../app-context';
import { Loading, ProblemAlert, StatusMessage, toProblem } from '../components/Alerts';
import { TextareaField, TextField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { focusFirst, problemFieldErrors } from '../components/problem-fields';
import { formatDate, type MessageKey } from '../i18n';
import { isIsoDate } from '../validation';
import { parseEuros } from '../money';
import { addMonths, todayIso } from './DebtProcessForms';
import { euro } from './DebtPage';

/** The amount fields of a norm table: form key, server parameter name, label. */
const AMOUNTS = [
  ['singleNorm', 'singleNormCents', 'debt.norms.singleNorm'],
  ['coupleNorm', 'coupleNormCents', 'debt.norms.coupleNorm'],
  ['housingSingle', 'housing.normSingleCents', 'debt.norms.housingSingle'],
  ['housingCouple', 'housing.normCoupleCents', 'debt.norms.housingCouple'],
  ['housingCeiling', 'housing.ceilingCents', 'debt.norms.housingCeiling'],
  ['premium', 'health.normPremiumPerAdultCents', 'debt.norms.premium'],
] as const satisfies readonly (readonly [string, string, MessageKey])[];
const PERCENTAGES = [
  ['basePercentage', 'basePercentage', 'debt.norms.basePercentage'],
  ['sharerBase', 'costSharer.baseBasisPoints', 'debt.norms.sharerBase'],
  ['sharerPerPerson', 'costSharer.perPersonBasisPoints', 'debt.norms.sharerPerPerson'],
] as const satisfies readonly (readonly [string, string, MessageKey])[];
type FormKey = (typeof AMOUNTS)[number][0] | (typeof PERCENTAGES)[number][0] | 'validFrom' | 'validUntil' | 'source' | 'assumptions';
type Form = Record<FormKey, string>;

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const eurosText = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
const percentText = (bp: number) => String(bp / 100).replace('.', ',');
/** "40" or "40,5" per cent to basis points; null when it is not a percentage. */
const parsePercent = (text: string): number | null => {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
};

/** The next half year after the latest table, prefilled with its figures: the administrator changes what changed. */
function nextPeriod(latest: NormTable | undefined): Form {
  const from = latest ? dayAfter(latest.validUntil) : `${todayIso().slice(0, 4)}-${Number(todayIso().slice(5, 7)) <= 6 ? '01' : '07'}-01`;
  const base = latest ?? null;
  return {
    validFrom: from,
    validUntil: dayBefore(addMonths(from, 6)),
    source: base?.source ?? '',
    assumptions: (base?.assumptions ?? []).join('\n'),
    singleNorm: base ? eurosText(base.singleNormCents) : '',
    coupleNorm: base ? eurosText(base.coupleNormCents) : '',
    housingSingle: base ? eurosText(base.housing.normSingleCents) : '',
    housingCouple: base ? eurosText(base.housing.normCoupleCents) : '',
    housingCeiling: base ? eurosText(base.housing.ceilingCents) : '',
    premium: base ? eurosText(base.health.normPremiumPerAdultCents) : '',
    basePercentage: base ? String(base.basePercentage) : '95',
    sharerBase: base ? percentText(base.costSharer.baseBasisPoints) : '40',
    sharerPerPerson: base ? percentText(base.costSharer.perPersonBasisPoints) : '30',
  };
}

/** Field ids by the server's parameter names, so a refusal lands next to its field. */
const FIELD_IDS: Record<string, string> = {
  validFrom: 'nt-validFrom', validUntil: 'nt-validUntil', source: 'nt-source', assumptions: 'nt-assumptions',
  ...Object.fromEntries([...AMOUNTS, ...PERCENTAGES].map(([key, param]) => [param, `nt-${key}`])),
};

/** The functional administrator's page for the VTLB norm tables: every period with its figures, and the next half year added. */
export function NormTablesPage() {
  const { api, t, lang } = useApp();
  const { account } = useSession();
  const debt = useMemo(() => debtApi(api), [api]);
  const [tables, setTables] = useState<{ own: NormTable[]; shipped: NormTable[] } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stored, setStored] = useState<string | null>(null);
  const admin = account.roles.includes('functional-administrator');

  const load = useCallback(() => {
    debt.normTables().then(
      (r) => {
        setTables(r);
        const latest = [...r.own, ...r.shipped].sort((a, b) => a.validUntil.localeCompare(b.validUntil)).at(-1);
        setForm(nextPeriod(latest));
      },
      (e: unknown) => setProblem(toProblem(e)),
    );
  }, [debt]);
  useEffect(load, [load]);

  if (!tables || !form) return problem ? <ProblemAlert problem={problem} /> : <Loading />;
  const today = todayIso();
  // A municipality's own table takes precedence over a shipped one for the same period.
  const rows = [...tables.own.map((x) => ({ table: x, own: true })), ...tables.shipped.filter((s) => !tables.own.some((o) => o.validFrom <= s.validUntil && s.validFrom <= o.validUntil)).map((x) => ({ table: x, own: false }))]
    .sort((a, b) => b.table.validFrom.localeCompare(a.table.validFrom));

  const set = (key: FormKey) => (value: string) => setForm({ ...form, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStored(null);
    setProblem(null);
    const found: Record<string, string> = {};
    if (!isIsoDate(form.validFrom)) found['nt-validFrom'] = t('debt.form.invalidDate');
    if (!isIsoDate(form.validUntil)) found['nt-validUntil'] = t('debt.form.invalidDate');
    if (form.source.trim().length < 3) found['nt-source'] = t('debt.norms.sourceRequired');
    const cents: Record<string, number> = {};
    for (const [key] of AMOUNTS) {
      const c = form[key].trim() === '0' ? 0 : parseEuros(form[key]);
      if (c === null) found[`nt-${key}`] = t('debt.register.invalidAmount');
      else cents[key] = c;
    }
    const bp: Record<string, number> = {};
    for (const [key] of PERCENTAGES) {
      const p = parsePercent(form[key]);
      if (p === null) found[`nt-${key}`] = t('debt.norms.invalidPercent');
      else bp[key] = p;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirst(found);
    const table: NormTable = {
      validFrom: form.validFrom, validUntil: form.validUntil, source: form.source.trim(),
      assumptions: form.assumptions.split('\n').map((a) => a.trim()).filter(Boolean),
      singleNormCents: cents.singleNorm ?? 0, coupleNormCents: cents.coupleNorm ?? 0,
      basePercentage: Math.round((bp.basePercentage ?? 0) / 100),
      costSharer: { baseBasisPoints: bp.sharerBase ?? 0, perPersonBasisPoints: bp.sharerPerPerson ?? 0 },
      housing: { normSingleCents: cents.housingSingle ?? 0, normCoupleCents: cents.housingCouple ?? 0, ceilingCents: cents.housingCeiling ?? 0 },
      health: { normPremiumPerAdultCents: cents.premium ?? 0 },
    };
    debt.storeNormTable(table).then(
      (saved) => {
        setErrors({});
        setStored(t('debt.norms.stored', { from: formatDate(saved.validFrom, lang), until: formatDate(saved.validUntil, lang) }));
        load();
      },
      (e: unknown) => {
        const p = toProblem(e);
        // An overlapping period is a refusal about the start date.
        const onFields = p.status === 409 ? { 'nt-validFrom': p.messages?.[lang] ?? p.detail ?? p.title } : problemFieldErrors(p, lang, FIELD_IDS);
        if (Object.keys(onFields).length > 0) {
          setErrors(onFields);
          focusFirst(onFields);
        } else setProblem(p);
      },
    );
  };

  return (
    <>
      <PageTitle>{t('debt.norms.title')}</PageTitle>
      <Paragraph>{t('debt.norms.intro')}</Paragraph>
      {problem && <ProblemAlert problem={problem} />}
      {stored && <StatusMessage>{stored}</StatusMessage>}
      <div className="kern-table-scroll">
        <Table>
          <TableCaption>{t('debt.norms.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('debt.norms.period')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('debt.norms.origin')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('debt.norms.singleNorm')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('debt.norms.coupleNorm')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('debt.norms.basePercentage')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('debt.norms.housing')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('debt.norms.premium')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('debt.norms.source')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(({ table: n, own }) => (
              <TableRow key={`${own ? 'own' : 'shipped'}-${n.validFrom}`}>
                <TableHeaderCell scope="row">
                  {t('debt.norms.range', { from: formatDate(n.validFrom, lang), until: formatDate(n.validUntil, lang) })}
                  {n.validFrom <= today && today <= n.validUntil ? ` (${t('debt.norms.current')})` : ''}
                </TableHeaderCell>
                <TableCell>{t(own ? 'debt.norms.own' : 'debt.norms.shipped')}</TableCell>
                <TableCell>{euro(n.singleNormCents, lang)}</TableCell>
                <TableCell>{euro(n.coupleNormCents, lang)}</TableCell>
                <TableCell>{`${n.basePercentage}%`}</TableCell>
                <TableCell>{t('debt.norms.housingCell', { single: euro(n.housing.normSingleCents, lang), couple: euro(n.housing.normCoupleCents, lang), ceiling: euro(n.housing.ceilingCents, lang) })}</TableCell>
                <TableCell>{euro(n.health.normPremiumPerAdultCents, lang)}</TableCell>
                <TableCell>
                  {n.source}
                  {n.assumptions.length > 0 && (
                    <details>
                      <summary>{t('debt.norms.assumptionsCount', { n: n.assumptions.length })}</summary>
                      <UnorderedList>{n.assumptions.map((a) => <UnorderedListItem key={a}>{a}</UnorderedListItem>)}</UnorderedList>
                    </details>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      {admin && (
        <form className="kern-form" noValidate onSubmit={submit} aria-labelledby="nt-heading">
          <Heading2 id="nt-heading">{t('debt.norms.add')}</Heading2>
          <Paragraph>{t('debt.norms.addIntro')}</Paragraph>
          <TextField id="nt-validFrom" type="date" label={t('debt.norms.validFrom')} hint={t('debt.norms.validFromHint')} value={form.validFrom} onChange={set('validFrom')} error={errors['nt-validFrom']} required />
          <TextField id="nt-validUntil" type="date" label={t('debt.norms.validUntil')} hint={t('debt.norms.validUntilHint')} value={form.validUntil} onChange={set('validUntil')} error={errors['nt-validUntil']} required />
          <TextField id="nt-source" label={t('debt.norms.source')} value={form.source} onChange={set('source')} error={errors['nt-source']} required />
          {AMOUNTS.map(([key, , label]) => (
            <TextField key={key} id={`nt-${key}`} label={t(label)} hint={t('debt.norms.euroHint')} value={form[key]} onChange={set(key)} error={errors[`nt-${key}`]} required />
          ))}
          {PERCENTAGES.map(([key, , label]) => (
            <TextField key={key} id={`nt-${key}`} label={t(label)} hint={t('debt.norms.percentHint')} value={form[key]} onChange={set(key)} error={errors[`nt-${key}`]} required />
          ))}
          <TextareaField id="nt-assumptions" label={t('debt.norms.assumptions')} hint={t('debt.norms.assumptionsHint')} value={form.assumptions} onChange={set('assumptions')} error={errors['nt-assumptions']} />
          <Button type="submit" appearance="primary-action-button">{t('debt.norms.submit')}</Button>
        </form>
      )}
    </>
  );
}
