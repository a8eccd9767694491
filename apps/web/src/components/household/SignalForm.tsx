import { ButtonGroup, Heading2, PrimaryActionButton, Select, SelectOption } from '@utrecht/component-library-react';
import { useMemo, useState, type SyntheticEvent } from 'react';
import type { Problem } from '../../api';
import { householdApi, SIGNAL_KINDS, type HouseholdViewMember, type SignalKind } from '../../api/household';
import { useApp } from '../../app-context';
import { fullName } from '../../format';
import { isIsoDate } from '../../validation';
import { todayIso } from '../../werkwijze';
import { ErrorSummary, ProblemAlert, StatusMessage, toProblem, type FieldError } from '../Alerts';
import { Field, TextareaField, TextField } from '../Field';

/** Records an education or housing signal about one member (what the wijkteam heard). */
export function SignalForm({ members, onSaved }: { members: HouseholdViewMember[]; onSaved: () => void }) {
  const { api, t } = useApp();
  const hh = useMemo(() => householdApi(api), [api]);
  const withBsn = members.filter((m): m is HouseholdViewMember & { bsn: string } => Boolean(m.bsn));
  const [bsn, setBsn] = useState(withBsn[0]?.bsn ?? '');
  const [kind, setKind] = useState<SignalKind>('passend-onderwijs');
  const [summary, setSummary] = useState('');
  const [observedOn, setObservedOn] = useState(todayIso);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setSaved(false);
    const found: FieldError[] = [];
    if (summary.trim().length < 3) found.push({ id: 'signal-summary', message: t('error.required') });
    if (!isIsoDate(observedOn)) found.push({ id: 'signal-observedOn', message: t('error.required') });
    setErrors(found);
    if (found.length > 0) {
      document.getElementById(found[0]?.id ?? '')?.focus();
      return;
    }
    setBusy(true);
    try {
      await hh.recordSignal(bsn, { kind, summary: summary.trim(), observedOn });
      setSummary('');
      setSaved(true);
      onSaved();
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(false);
    }
  };

  if (withBsn.length === 0) return null;
  return (
    <section aria-labelledby="hh-signal-heading" className="kern-section kern-no-print">
      <Heading2 id="hh-signal-heading">{t('household.signalForm.title')}</Heading2>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      {saved && <StatusMessage>{t('household.signalForm.saved')}</StatusMessage>}
      <form className="kern-form" noValidate onSubmit={(event) => void submit(event)}>
        <Field id="signal-member" label={t('household.signalForm.member')}>
          {(wiring) => (
            <Select {...wiring} name="member" value={bsn} onChange={(e) => setBsn(e.target.value)}>
              {withBsn.map((m) => (
                <SelectOption key={m.bsn} value={m.bsn}>
                  {fullName(m.name)} ({t(`relation.${m.relation}`)})
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field id="signal-kind" label={t('household.signalForm.kind')}>
          {(wiring) => (
            <Select {...wiring} name="kind" value={kind} onChange={(e) => setKind(e.target.value as SignalKind)}>
              {SIGNAL_KINDS.map((k) => (
                <SelectOption key={k} value={k}>
                  {t(`household.signalKind.${k}`)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <TextareaField id="signal-summary" label={t('household.signalForm.summary')} value={summary} onChange={setSummary} required rows={3} error={errors.find((e) => e.id === 'signal-summary')?.message} />
        <TextField id="signal-observedOn" type="date" label={t('household.signalForm.observedOn')} value={observedOn} onChange={setObservedOn} error={errors.find((e) => e.id === 'signal-observedOn')?.message} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('household.signalForm.submit')}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </section>
  );
}
