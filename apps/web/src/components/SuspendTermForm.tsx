import { calendarDateSchema } from '@kern/kit/contract';
import { ButtonGroup, Paragraph, PrimaryActionButton, Select, SelectOption } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { SUSPENSION_GROUNDS, type CaseDeadline, type Problem, type SuspendTermResult, type SuspensionGround } from '../api';
import { useApp } from '../app-context';
import { MIN_SUSPENSION_NOTE, validateWith } from '../validation';
import { ErrorSummary, ProblemAlert, toProblem, type FieldError } from './Alerts';
import { Field, TextareaField, TextField } from './Field';

const isGround = (value: string): value is SuspensionGround => (SUSPENSION_GROUNDS as readonly string[]).includes(value);

interface Props {
  caseId: string;
  deadline: CaseDeadline;
  /** Unique per deadline on the page, for the ids of the inputs. */
  idPrefix: string;
  onDone: (result: SuspendTermResult) => void;
}

/**
 * Opschorting of one running term: a period (from, up to and including), the legal ground and a note.
 * The server decides which grounds the term allows and explains a refusal in the reader's language.
 */
export function SuspendTermForm({ caseId, deadline, idPrefix, onDone }: Props) {
  const { api, t, lang } = useApp();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [ground, setGround] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const ids = {
    from: `${idPrefix}-from`,
    to: `${idPrefix}-to`,
    ground: `${idPrefix}-ground`,
    note: `${idPrefix}-note`,
  };
  const errorFor = (id: string) => errors.find((e) => e.id === id)?.message;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const found: FieldError[] = [];
    const trimmedNote = note.trim();
    // The server's date schema, with its Dutch (or English) message: empty and malformed dates each say what to do.
    const dateError = (value: string) => {
      const checked = validateWith(calendarDateSchema, value, lang, { '': 'date' });
      return checked.ok ? null : (checked.errors[0]?.message ?? null);
    };
    const fromError = dateError(from);
    const toError = dateError(to);
    if (fromError) found.push({ id: ids.from, message: `${t('suspend.from')}: ${fromError}` });
    if (toError) found.push({ id: ids.to, message: `${t('suspend.to')}: ${toError}` });
    // ISO dates compare as text.
    else if (!fromError && to < from) found.push({ id: ids.to, message: `${t('suspend.to')}: ${t('suspend.error.order')}` });
    if (!isGround(ground)) found.push({ id: ids.ground, message: `${t('suspend.ground')}: ${t('suspend.error.ground')}` });
    if (!trimmedNote) found.push({ id: ids.note, message: `${t('suspend.note')}: ${t('error.required')}` });
    else if (trimmedNote.length < MIN_SUSPENSION_NOTE) {
      found.push({ id: ids.note, message: `${t('suspend.note')}: ${t('suspend.error.note', { n: MIN_SUSPENSION_NOTE })}` });
    }
    setErrors(found);
    if (found.length > 0 || !isGround(ground)) {
      document.getElementById(found[0]?.id ?? '')?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await api.suspendTerm(caseId, { termId: deadline.termId, from, to, ground, note: trimmedNote });
      setBusy(false);
      onDone(result);
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(false);
    }
  };

  return (
    <div className="kern-suspend">
      <Paragraph>{t('suspend.intro', { term: deadline.termId })}</Paragraph>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      <form className="kern-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id={ids.from} label={t('suspend.from')} hint={t('suspend.from.hint')} type="date" value={from} onChange={setFrom} required error={errorFor(ids.from)} />
        <TextField id={ids.to} label={t('suspend.to')} hint={t('suspend.to.hint')} type="date" value={to} onChange={setTo} required error={errorFor(ids.to)} />
        <Field id={ids.ground} label={t('suspend.ground')} error={errorFor(ids.ground)}>
          {(wiring) => (
            <Select {...wiring} name={ids.ground} required value={ground} onChange={(event) => setGround(event.target.value)}>
              <SelectOption value="">{t('common.choose')}</SelectOption>
              {SUSPENSION_GROUNDS.map((option) => (
                <SelectOption key={option} value={option}>
                  {t(`suspend.ground.${option}`)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <TextareaField
          id={ids.note}
          label={t('suspend.note')}
          hint={t('suspend.note.hint', { n: MIN_SUSPENSION_NOTE })}
          value={note}
          onChange={setNote}
          required
          rows={3}
          error={errorFor(ids.note)}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('suspend.submit')}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </div>
  );
}
