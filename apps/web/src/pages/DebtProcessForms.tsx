import { Button, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, RadioButton, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { Problem } from '../api';
import { EVIDENCE_ACCEPT, EVIDENCE_KINDS, MAX_EVIDENCE_BYTES, REFUSAL_GROUNDS, evidenceMediaType, type DebtFileView, type EvidenceKind, type RefusalGround, type debtApi } from '../api/debt';
import { useApp } from '../app-context';
import { ProblemAlert, toProblem } from '../components/Alerts';
import { Field, TextField } from '../components/Field';
import { focusFirst, problemFieldErrors } from '../components/problem-fields';
import { formatDate } from '../i18n';
import { isIsoDate } from '../validation';

type Debt = ReturnType<typeof debtApi>;
interface FormProps {
  view: DebtFileView;
  debt: Debt;
  /** Reloads the file after a step was recorded. */
  done: () => void;
}

export const todayIso = () => new Date().toISOString().slice(0, 10);

/** The calendar date `months` after an ISO date (the last day of a shorter month when the day does not exist). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** One form's submit: field errors from the server next to their fields, anything else above the form. */
function useSubmit(fields: Record<string, string>) {
  const { lang } = useApp();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const send = (p: Promise<unknown>, done: () => void) => {
    setProblem(null);
    p.then(
      () => {
        setErrors({});
        done();
      },
      (error: unknown) => {
        const pr = toProblem(error);
        const found = problemFieldErrors(pr, lang, fields);
        if (Object.keys(found).length > 0) {
          setErrors(found);
          focusFirst(found);
        } else {
          setErrors({});
          setProblem(pr);
        }
      },
    );
  };
  const invalid = (found: Record<string, string>) => {
    setErrors(found);
    focusFirst(found);
    return Object.keys(found).length > 0;
  };
  return { errors, problem, send, invalid };
}

/** Wgs art. 4: the date of the first conversation (not in the future, not before the request). */
export function FirstConversationForm({ view, debt, done }: FormProps) {
  const { t } = useApp();
  const [heldOn, setHeldOn] = useState(todayIso());
  const { errors, problem, send, invalid } = useSubmit({ heldOn: 'fc-heldOn' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid(isIsoDate(heldOn) ? {} : { 'fc-heldOn': t('debt.form.invalidDate') })) return;
    send(debt.firstConversation(view.file.id, heldOn), done);
  };
  return (
    <form className="kern-form" noValidate onSubmit={submit} aria-labelledby="fc-heading">
      <h3 id="fc-heading" className="utrecht-heading-3">{t('debt.fc.title')}</h3>
      {problem && <ProblemAlert problem={problem} />}
      <TextField id="fc-heldOn" type="date" label={t('debt.fc.heldOn')} hint={t('debt.fc.hint', { due: view.file.firstConversationDue })} value={heldOn} onChange={setHeldOn} error={errors['fc-heldOn']} required />
      <Button type="submit" appearance="primary-action-button">{t('debt.fc.submit')}</Button>
    </form>
  );
}

/** Wgs art. 4a: the beschikking, a plan of action or a refusal on a stated ground. */
export function DecisionForm({ view, debt, done }: FormProps) {
  const { t } = useApp();
  const [decision, setDecision] = useState<'plan' | 'refused'>('plan');
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [ground, setGround] = useState<RefusalGround | ''>('');
  const { errors, problem, send, invalid } = useSubmit({ decidedOn: 'dec-decidedOn', ground: 'dec-ground', decision: 'dec-plan' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!isIsoDate(decidedOn)) found['dec-decidedOn'] = t('debt.form.invalidDate');
    if (decision === 'refused' && !ground) found['dec-ground'] = t('debt.decision.groundRequired');
    if (invalid(found)) return;
    send(debt.decide(view.file.id, decision === 'plan' || !ground ? { decision: 'plan', decidedOn } : { decision: 'refused', decidedOn, ground }), done);
  };
  return (
    <form className="kern-form" noValidate onSubmit={submit} aria-labelledby="dec-heading">
      <h3 id="dec-heading" className="utrecht-heading-3">{t('debt.decision.title')}</h3>
      {problem && <ProblemAlert problem={problem} />}
      <Fieldset>
        <FieldsetLegend>{t('debt.decision.legend')}</FieldsetLegend>
        {(['plan', 'refused'] as const).map((d) => (
          <FormField
            key={d}
            type="radio"
            label={<FormLabel htmlFor={`dec-${d}`} type="radio" checked={decision === d}>{t(`debt.decision.${d}`)}</FormLabel>}
            input={<RadioButton id={`dec-${d}`} name="dec-decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />}
          />
        ))}
      </Fieldset>
      <TextField id="dec-decidedOn" type="date" label={t('debt.decision.decidedOn')} hint={view.file.decisionDue ? t('debt.decision.hint', { due: view.file.decisionDue }) : undefined} value={decidedOn} onChange={setDecidedOn} error={errors['dec-decidedOn']} required />
      {decision === 'refused' && (
        <Field id="dec-ground" label={t('debt.decision.ground')} error={errors['dec-ground']}>
          {(w) => (
            <Select {...w} required value={ground} onChange={(e) => setGround(e.target.value as RefusalGround | '')}>
              <SelectOption value="">{t('debt.decision.chooseGround')}</SelectOption>
              {REFUSAL_GROUNDS.map((g) => <SelectOption key={g} value={g}>{t(`debt.ground.${g}`)}</SelectOption>)}
            </Select>
          )}
        </Field>
      )}
      <Button type="submit" appearance="primary-action-button">{t('debt.decision.submit')}</Button>
    </form>
  );
}

/** Wgs art. 5: a cooling-off period or moratorium of at most six months. */
export function MoratoriumForm({ view, debt, done }: FormProps) {
  const { t, lang } = useApp();
  const [from, setFrom] = useState(todayIso());
  const [until, setUntil] = useState('');
  const { errors, problem, send, invalid } = useSubmit({ from: 'mor-from', until: 'mor-until' });
  const { moratoriumFrom, moratoriumUntil, status } = view.file;
  if (moratoriumFrom && moratoriumUntil) {
    return <Paragraph>{t('debt.moratorium.running', { from: formatDate(moratoriumFrom, lang), until: formatDate(moratoriumUntil, lang) })}</Paragraph>;
  }
  if (status === 'closed' || status === 'refused') return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!isIsoDate(from)) found['mor-from'] = t('debt.form.invalidDate');
    if (!isIsoDate(until)) found['mor-until'] = t('debt.form.invalidDate');
    else if (isIsoDate(from) && until < from) found['mor-until'] = t('debt.moratorium.beforeFrom');
    else if (isIsoDate(from) && until > addMonths(from, 6)) found['mor-until'] = t('debt.moratorium.tooLong', { latest: formatDate(addMonths(from, 6), lang) });
    if (invalid(found)) return;
    send(debt.moratorium(view.file.id, { from, until }), done);
  };
  return (
    <form className="kern-form" noValidate onSubmit={submit} aria-labelledby="mor-heading">
      <h3 id="mor-heading" className="utrecht-heading-3">{t('debt.moratorium.title')}</h3>
      {problem && <ProblemAlert problem={problem} />}
      <TextField id="mor-from" type="date" label={t('debt.moratorium.from')} value={from} onChange={setFrom} error={errors['mor-from']} required />
      <TextField id="mor-until" type="date" label={t('debt.moratorium.until')} hint={t('debt.moratorium.hint')} value={until} onChange={setUntil} error={errors['mor-until']} required />
      <Button type="submit" appearance="primary-action-button">{t('debt.moratorium.submit')}</Button>
    </form>
  );
}

/** An evidence document for one claim: the file's name, type and size are checked here and by the server; the document itself stays in the DMS. */
export function EvidenceForm({ view, debt, done }: FormProps) {
  const { t } = useApp();
  const [debtId, setDebtId] = useState(view.debts[0]?.id ?? '');
  const [kind, setKind] = useState<EvidenceKind>('creditor-statement');
  const [file, setFile] = useState<{ name: string; type: string; size: number } | null>(null);
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const { errors, problem, send, invalid } = useSubmit({ mediaType: 'ev-file', sizeBytes: 'ev-file', fileName: 'ev-file', receivedOn: 'ev-receivedOn', note: 'ev-note', kind: 'ev-kind' });
  if (view.debts.length === 0 || view.file.status === 'closed') return null;
  // A debt added after the form appeared: keep the choice valid.
  const chosen = view.debts.some((d) => d.id === debtId) ? debtId : (view.debts[0]?.id ?? '');

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const f = event.target.files?.[0];
    setFile(f ? { name: f.name, type: f.type, size: f.size } : null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const mediaType = file ? evidenceMediaType(file.name, file.type) : null;
    if (!file) found['ev-file'] = t('debt.evidence.fileRequired');
    else if (!mediaType) found['ev-file'] = t('debt.evidence.badType');
    else if (file.size < 1 || file.size > MAX_EVIDENCE_BYTES) found['ev-file'] = t('debt.evidence.badSize', { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 });
    if (!isIsoDate(receivedOn)) found['ev-receivedOn'] = t('debt.form.invalidDate');
    if (invalid(found) || !file || !mediaType) return;
    send(
      debt.addEvidence(view.file.id, chosen, { kind, fileName: file.name, mediaType, sizeBytes: file.size, receivedOn, ...(note.trim() ? { note: note.trim() } : {}) }),
      () => {
        setNote('');
        setFile(null);
        const input = document.getElementById('ev-file');
        if (input instanceof HTMLInputElement) input.value = '';
        done();
      },
    );
  };
  const fileError = errors['ev-file'];
  return (
    <form className="kern-form" noValidate onSubmit={submit} aria-labelledby="ev-heading">
      <h3 id="ev-heading" className="utrecht-heading-3">{t('debt.evidence.title')}</h3>
      {problem && <ProblemAlert problem={problem} />}
      <Field id="ev-debt" label={t('debt.evidence.debt')}>
        {(w) => (
          <Select {...w} value={chosen} onChange={(e) => setDebtId(e.target.value)}>
            {view.debts.map((d) => <SelectOption key={d.id} value={d.id}>{d.creditor.name}</SelectOption>)}
          </Select>
        )}
      </Field>
      <Field id="ev-kind" label={t('debt.evidence.kind')} error={errors['ev-kind']}>
        {(w) => (
          <Select {...w} value={kind} onChange={(e) => setKind(e.target.value as EvidenceKind)}>
            {EVIDENCE_KINDS.map((k) => <SelectOption key={k} value={k}>{t(`debt.evidenceKind.${k}`)}</SelectOption>)}
          </Select>
        )}
      </Field>
      <FormField
        invalid={Boolean(fileError)}
        label={<FormLabel htmlFor="ev-file">{t('debt.evidence.file')}</FormLabel>}
        description={<FormFieldDescription id="ev-file-hint">{t('debt.evidence.fileHint', { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 })}</FormFieldDescription>}
        input={<input id="ev-file" type="file" accept={EVIDENCE_ACCEPT} aria-describedby={fileError ? 'ev-file-error ev-file-hint' : 'ev-file-hint'} aria-invalid={fileError ? true : undefined} onChange={onFile} />}
        errorMessage={fileError ? <FormFieldErrorMessage id="ev-file-error">{fileError}</FormFieldErrorMessage> : undefined}
      />
      <TextField id="ev-receivedOn" type="date" label={t('debt.evidence.receivedOn')} value={receivedOn} onChange={setReceivedOn} error={errors['ev-receivedOn']} required />
      <Field id="ev-note" label={t('debt.evidence.note')} error={errors['ev-note']}>
        {(w) => <Textbox {...w} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <Button type="submit" appearance="primary-action-button">{t('debt.evidence.submit')}</Button>
    </form>
  );
}
