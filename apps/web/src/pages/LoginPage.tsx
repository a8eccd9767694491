import { ButtonGroup, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useRef, useState, type SyntheticEvent } from 'react';
import type { Problem, Session } from '../api';
import { useApp } from '../app-context';
import { ErrorSummary, ProblemAlert, StatusMessage, toProblem, type FieldError } from '../components/Alerts';
import { TextField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import type { MessageKey } from '../i18n';

interface Props {
  notice: MessageKey | null;
  onLogin: (session: Session) => void;
}

export function LoginPage({ notice, onLogin }: Props) {
  const { api, t } = useApp();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const errorFor = (id: string) => errors.find((e) => e.id === id)?.message;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!username.trim()) found.push({ id: 'username', message: t('error.required') });
    if (!password) found.push({ id: 'password', message: t('error.required') });
    setErrors(found);
    setProblem(null);
    if (found.length > 0) {
      (found[0]?.id === 'username' ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    try {
      onLogin(await api.login(username.trim(), password));
    } catch (error) {
      setProblem(toProblem(error));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t('login.title')}</PageTitle>
      {notice && <StatusMessage>{t(notice)}</StatusMessage>}
      <Paragraph>{t('login.intro')}</Paragraph>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      <form className="kern-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="username"
          label={t('login.username')}
          value={username}
          onChange={setUsername}
          autoComplete="username"
          required
          inputRef={usernameRef}
          error={errorFor('username')}
        />
        <TextField
          id="password"
          label={t('login.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          required
          inputRef={passwordRef}
          error={errorFor('password')}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('login.submit')}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
