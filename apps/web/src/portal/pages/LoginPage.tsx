import { ButtonGroup, FormField, FormLabel, Heading2, Link, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { problemText, type PortalApi, type PortalSession } from '../api';
import { ErrorText } from '../components';
import type { PortalKey } from '../messages';

/** BRP test persons (GBA-V proefomgeving) for the demo login; a real portal logs in with DigiD only. */
const TEST_PERSONS = [
  { bsn: '999991838', municipalityCode: '0599', label: 'Patrick Braveheart, Rotterdam (ouder van Victoria)' },
  { bsn: '999990512', municipalityCode: '0599', label: 'Barbara Goulouse, Rotterdam' },
  { bsn: '999993872', municipalityCode: '0599', label: 'Rotterdam, testpersoon 999993872' },
  { bsn: '999992247', municipalityCode: '0599', label: 'Kees Zaal, Rotterdam' },
  { bsn: '999990627', municipalityCode: '0518', label: "Den Haag, testpersoon 999990627" },
] as const;

export function LoginPage({ t, api, onLoggedIn }: { t: (key: PortalKey) => string; api: PortalApi; onLoggedIn: (s: PortalSession) => void }) {
  const [options, setOptions] = useState<{ broker: boolean; demo: boolean } | null>(null);
  const [choice, setChoice] = useState<string>(TEST_PERSONS[0].bsn);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lang = document.documentElement.lang === 'en' ? 'en' : 'nl';

  useEffect(() => {
    api.loginOptions().then(setOptions, () => setOptions({ broker: false, demo: false }));
  }, [api]);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const person = TEST_PERSONS.find((p) => p.bsn === choice);
    if (!person) return;
    setBusy(true);
    api.demoLogin(person.bsn, person.municipalityCode).then(onLoggedIn, (e: unknown) => {
      setError(problemText(e, lang, t('app.error')));
      setBusy(false);
    });
  };

  return (
    <>
      <LoginTitle text={t('login.title')} />
      <Paragraph>{t('login.intro')}</Paragraph>
      {error ? <ErrorText>{error}</ErrorText> : null}
      {options?.broker ? (
        <Paragraph>
          <Link href="/api/v1/portal/broker/start" className="utrecht-button utrecht-button--primary-action">
            {t('login.digid')}
          </Link>
        </Paragraph>
      ) : null}
      {options?.demo ? (
        <form onSubmit={submit} noValidate>
          <Heading2>{t('login.demoTitle')}</Heading2>
          <Paragraph>{t('login.demoIntro')}</Paragraph>
          <FormField
            label={<FormLabel htmlFor="test-person">{t('login.person')}</FormLabel>}
            input={
              <select id="test-person" className="utrecht-select utrecht-select--html-select" value={choice} onChange={(e) => setChoice(e.target.value)}>
                {TEST_PERSONS.map((p) => (
                  <option key={p.bsn} value={p.bsn}>
                    {p.label}
                  </option>
                ))}
              </select>
            }
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit" disabled={busy}>
              {t('login.submit')}
            </PrimaryActionButton>
          </ButtonGroup>
        </form>
      ) : null}
    </>
  );
}

/** Before login there is no portal context yet; the page title is the plain text. */
function LoginTitle({ text }: { text: string }) {
  useEffect(() => {
    document.title = text;
  }, [text]);
  return (
    <h1 className="utrecht-heading-1 kern-page-title" tabIndex={-1}>
      {text}
    </h1>
  );
}
