import { ButtonGroup, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import type { Problem } from '../api';
import { useApp } from '../app-context';
import { ErrorSummary, ProblemAlert, StatusMessage, toProblem, type FieldError } from '../components/Alerts';
import { TextField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { MIN_PASSWORD_LENGTH } from '../validation';

const EMPTY = { current: '', next: '', repeat: '' };

export function PasswordPage() {
  const { api, t } = useApp();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const set = (field: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const errorFor = (id: string) => errors.find((e) => e.id === id)?.message;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setDone(false);
    const found: FieldError[] = [];
    if (!values.current) found.push({ id: 'current-password', message: t('error.required') });
    if (values.next.length < MIN_PASSWORD_LENGTH) found.push({ id: 'new-password', message: t('password.tooShort', { min: MIN_PASSWORD_LENGTH }) });
    else if (values.next === values.current) found.push({ id: 'new-password', message: t('password.same') });
    if (values.repeat !== values.next) found.push({ id: 'repeat-password', message: t('password.mismatch') });
    setErrors(found);
    if (found.length > 0) {
      document.getElementById(found[0]?.id ?? '')?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.changePassword(values.current, values.next);
      setValues(EMPTY);
      setDone(true);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t('password.title')}</PageTitle>
      {done && <StatusMessage>{t('password.done')}</StatusMessage>}
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      <form className="kern-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id="current-password" label={t('password.current')} type="password" value={values.current} onChange={set('current')} autoComplete="current-password" required error={errorFor('current-password')} />
        <TextField
          id="new-password"
          label={t('password.new')}
          hint={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
          type="password"
          value={values.next}
          onChange={set('next')}
          autoComplete="new-password"
          required
          error={errorFor('new-password')}
        />
        <TextField id="repeat-password" label={t('password.repeat')} type="password" value={values.repeat} onChange={set('repeat')} autoComplete="new-password" required error={errorFor('repeat-password')} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('password.submit')}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
