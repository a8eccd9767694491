import { Button, Fieldset, FieldsetLegend, Heading2, Heading3, Paragraph, Select, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, Textbox } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { CaseDetail, Problem } from '../../api';
import { provisionsApi, type Decision, type DecisionOutcome, type ProvisionForm, type ProvisionInput } from '../../api/provisions';
import { useApp } from '../../app-context';
import { formatDate } from '../../i18n';
import { ErrorSummary, ProblemAlert, StatusMessage, toProblem, type FieldError } from '../Alerts';
import { Field, TextareaField } from '../Field';
import { FREQUENCIES, UNITS, parseEuroCents, periodText, productText, sizeText } from './provision-text';

interface ProvisionDraft {
  category: string;
  productCode: string;
  form: ProvisionForm;
  volume: string;
  unit: string;
  frequency: string;
  pgbAmount: string;
  validFrom: string;
  validTo: string;
}

const today = () => new Date().toISOString().slice(0, 10);
const emptyProvision = (): ProvisionDraft => ({ category: '', productCode: '', form: 'zin', volume: '', unit: '', frequency: '', pgbAmount: '', validFrom: today(), validTo: '' });

/**
 * The case page's decision section: the decisions recorded on the case and, while the case
 * stands on its werkwijze's besluit step, a form to record the beschikking with its provisions.
 * The server checks the variant, the law's categories and the mandate; its answer names the field.
 */
export function DecisionSection({ detail, atDecisionStep, onRecorded, onDecisions }: { detail: CaseDetail; atDecisionStep: boolean; onRecorded: () => void; /** The decisions once loaded, e.g. to prefill the next step. */ onDecisions?: (decisions: Decision[]) => void }) {
  const { api, t, lang } = useApp();
  const provisions = useMemo(() => provisionsApi(api), [api]);
  const [decisions, setDecisions] = useState<Decision[] | null>(null);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const lawCase = detail.case.purpose === 'wmo' || detail.case.purpose === 'jeugdwet';

  useEffect(() => {
    if (decisions) onDecisions?.(decisions);
  }, [decisions, onDecisions]);

  useEffect(() => {
    if (!lawCase) return;
    let current = true;
    provisions.caseDecisions(detail.case.id).then(
      (d) => current && setDecisions(d),
      () => current && setDecisions([]),
    );
    return () => {
      current = false;
    };
  }, [provisions, detail.case.id, detail.case.stepId, lawCase, done]);

  if (!lawCase) return null;
  return (
    <section aria-labelledby="decision-heading" className="kern-section">
      <Heading2 id="decision-heading">{t('provisions.decision.title')}</Heading2>
      {done && <StatusMessage>{done}</StatusMessage>}
      {decisions && decisions.length === 0 && !atDecisionStep && <Paragraph>{t('provisions.decision.none')}</Paragraph>}
      {decisions?.map((d) => <DecisionView key={d.id} decision={d} />)}
      {atDecisionStep && detail.case.status === 'open' && (
        <>
          <Paragraph>{t('provisions.decision.atStep')}</Paragraph>
          {!open ? (
            <Button id="decision-open" appearance="primary-action-button" aria-expanded={false} onClick={() => setOpen(true)}>
              {t('provisions.decision.open')}
            </Button>
          ) : (
            <DecisionForm
              caseId={detail.case.id}
              onCancel={() => {
                setOpen(false);
                setTimeout(() => document.getElementById('decision-open')?.focus(), 0);
              }}
              onDone={(d) => {
                setOpen(false);
                setDone(t('provisions.decision.recorded', { reference: d.reference, date: formatDate(d.objectionUntil, lang) }));
                onRecorded();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

export function DecisionView({ decision: d }: { decision: Decision }) {
  const { t, lang } = useApp();
  return (
    <article className="kern-decision">
      <Heading3>{`${d.reference}: ${t(`provisions.outcome.${d.outcome}`)}`}</Heading3>
      <Paragraph>
        {t('provisions.decision.decidedOn')}: {formatDate(d.decidedOn, lang)}. {t('provisions.decision.objectionUntil')}: {formatDate(d.objectionUntil, lang)}.
      </Paragraph>
      <Paragraph className="kern-decision__reasons">{d.reasons}</Paragraph>
      {d.provisions.length === 0 ? (
        <Paragraph>{t('provisions.decision.noProvisions')}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{`${t('provisions.decision.provisions')} ${d.reference}`}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('provisions.col.product')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('provisions.provision.form')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('provisions.provision.size')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('provisions.provision.period')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {d.provisions.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{productText(p)}</TableCell>
                <TableCell>{t(`provisions.form.${p.form}`)}</TableCell>
                <TableCell>{sizeText(p, t, lang)}</TableCell>
                <TableCell>{periodText(p.validFrom, p.validTo, t, lang)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </article>
  );
}

function DecisionForm({ caseId, onDone, onCancel }: { caseId: string; onDone: (d: Decision) => void; onCancel: () => void }) {
  const { api, t } = useApp();
  const provisions = useMemo(() => provisionsApi(api), [api]);
  const [outcome, setOutcome] = useState<DecisionOutcome>('granted');
  const [reasons, setReasons] = useState('');
  const [drafts, setDrafts] = useState<ProvisionDraft[]>([emptyProvision()]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (i: number, patch: Partial<ProvisionDraft>) => setDrafts(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const errorFor = (id: string) => errors.find((e) => e.id === id)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (reasons.trim().length < 10) found.push({ id: 'decision-reasons', message: t('error.required') });
    const input: ProvisionInput[] = [];
    if (outcome !== 'refused') {
      drafts.forEach((d, i) => {
        if (!/^\d{2}$/.test(d.category)) found.push({ id: `provision-${i}-category`, message: t('provisions.provision.category.hint') });
        const volume = d.volume.trim() === '' ? null : Number(d.volume);
        if (volume !== null && !(Number.isInteger(volume) && volume > 0)) found.push({ id: `provision-${i}-volume`, message: t('provisions.error.number') });
        const pgb = d.form === 'pgb' ? parseEuroCents(d.pgbAmount) : null;
        if (d.form === 'pgb' && pgb === null) found.push({ id: `provision-${i}-pgb`, message: t('provisions.error.amount') });
        input.push({
          category: d.category, productCode: d.productCode.trim() || null, form: d.form, volume, unit: d.unit || null, frequency: d.frequency || null,
          pgbAmountCents: pgb, validFrom: d.validFrom, validTo: d.validTo || null,
        });
      });
    }
    setErrors(found);
    setProblem(null);
    if (found[0]) {
      document.getElementById(found[0].id)?.focus();
      return;
    }
    setBusy(true);
    try {
      onDone(await provisions.recordDecision(caseId, { outcome, reasons: reasons.trim(), provisions: input }));
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id="decision-form" onSubmit={(e) => void submit(e)} noValidate className="kern-form">
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      <Field id="decision-outcome" label={t('provisions.decision.outcome')}>
        {(w) => (
          <Select {...w} value={outcome} onChange={(e) => setOutcome(e.target.value as DecisionOutcome)}>
            {(['granted', 'partly-granted', 'refused'] as const).map((o) => <SelectOption key={o} value={o}>{t(`provisions.outcome.${o}`)}</SelectOption>)}
          </Select>
        )}
      </Field>
      <TextareaField id="decision-reasons" label={t('provisions.decision.reasons')} hint={t('provisions.decision.reasons.hint')} value={reasons} onChange={setReasons} error={errorFor('decision-reasons')} required />
      {outcome !== 'refused' && drafts.map((d, i) => (
        <Fieldset key={i}>
          <FieldsetLegend>{t('provisions.provision.legend', { n: i + 1 })}</FieldsetLegend>
          <Field id={`provision-${i}-category`} label={t('provisions.provision.category')} hint={t('provisions.provision.category.hint')} error={errorFor(`provision-${i}-category`)}>
            {(w) => <Textbox {...w} inputMode="numeric" size={3} value={d.category} onChange={(e) => update(i, { category: e.target.value.trim() })} />}
          </Field>
          <Field id={`provision-${i}-product`} label={t('provisions.provision.productCode')} hint={t('provisions.provision.productCode.hint')}>
            {(w) => <Textbox {...w} size={6} value={d.productCode} onChange={(e) => update(i, { productCode: e.target.value })} />}
          </Field>
          <Field id={`provision-${i}-form`} label={t('provisions.provision.form')}>
            {(w) => (
              <Select {...w} value={d.form} onChange={(e) => update(i, { form: e.target.value as ProvisionForm })}>
                <SelectOption value="zin">{t('provisions.form.zin')}</SelectOption>
                <SelectOption value="pgb">{t('provisions.form.pgb')}</SelectOption>
              </Select>
            )}
          </Field>
          {d.form === 'pgb' && (
            <Field id={`provision-${i}-pgb`} label={t('provisions.provision.pgbAmount')} error={errorFor(`provision-${i}-pgb`)}>
              {(w) => <Textbox {...w} inputMode="decimal" value={d.pgbAmount} onChange={(e) => update(i, { pgbAmount: e.target.value })} />}
            </Field>
          )}
          <Field id={`provision-${i}-volume`} label={t('provisions.provision.volume')} error={errorFor(`provision-${i}-volume`)}>
            {(w) => <Textbox {...w} inputMode="numeric" size={6} value={d.volume} onChange={(e) => update(i, { volume: e.target.value })} />}
          </Field>
          <Field id={`provision-${i}-unit`} label={t('provisions.provision.unit')}>
            {(w) => (
              <Select {...w} value={d.unit} onChange={(e) => update(i, { unit: e.target.value })}>
                <SelectOption value="">{t('provisions.provision.none')}</SelectOption>
                {UNITS.map((u) => <SelectOption key={u} value={u}>{`${u} ${t(`provisions.unit.${u}`)}`}</SelectOption>)}
              </Select>
            )}
          </Field>
          <Field id={`provision-${i}-frequency`} label={t('provisions.provision.frequency')}>
            {(w) => (
              <Select {...w} value={d.frequency} onChange={(e) => update(i, { frequency: e.target.value })}>
                <SelectOption value="">{t('provisions.provision.none')}</SelectOption>
                {FREQUENCIES.map((f) => <SelectOption key={f} value={f}>{t(`provisions.frequency.${f}`)}</SelectOption>)}
              </Select>
            )}
          </Field>
          <Field id={`provision-${i}-from`} label={t('provisions.provision.validFrom')}>
            {(w) => <Textbox {...w} type="date" value={d.validFrom} onChange={(e) => update(i, { validFrom: e.target.value })} />}
          </Field>
          <Field id={`provision-${i}-to`} label={t('provisions.provision.validTo')} hint={t('provisions.provision.validTo.hint')}>
            {(w) => <Textbox {...w} type="date" value={d.validTo} onChange={(e) => update(i, { validTo: e.target.value })} />}
          </Field>
          {drafts.length > 1 && (
            <Button appearance="secondary-action-button" onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>
              {t('provisions.provision.remove', { n: i + 1 })}
            </Button>
          )}
        </Fieldset>
      ))}
      {outcome !== 'refused' && (
        <Paragraph>
          <Button appearance="secondary-action-button" onClick={() => setDrafts([...drafts, emptyProvision()])}>
            {t('provisions.provision.add')}
          </Button>
        </Paragraph>
      )}
      <Paragraph>
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {t('provisions.decision.submit')}
        </Button>{' '}
        <Button appearance="subtle-button" onClick={onCancel}>
          {t('provisions.decision.cancel')}
        </Button>
      </Paragraph>
    </form>
  );
}
