import { Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { LoginAlert, Problem } from '../api';
import { useApp } from '../app-context';
import { formatDateTime } from '../i18n';
import { Loading, ProblemAlert, toProblem } from './Alerts';

/**
 * For the functional administrator: accounts that saw many failed logins. Nothing is locked by
 * them (throttling slows the guesser only); the line says what happened and what to do.
 */
export function LoginAlerts() {
  const { api, t, lang } = useApp();
  const [alerts, setAlerts] = useState<LoginAlert[] | Problem | null>(null);

  useEffect(() => {
    let current = true;
    api.loginAlerts().then(
      (all) => current && setAlerts(all),
      (error: unknown) => current && setAlerts(toProblem(error)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <section aria-labelledby="login-alerts-heading" className="kern-section">
      <Heading2 id="login-alerts-heading">{t('loginAlerts.title')}</Heading2>
      {!alerts ? (
        <Loading />
      ) : !Array.isArray(alerts) ? (
        <ProblemAlert problem={alerts} />
      ) : alerts.length === 0 ? (
        <Paragraph>{t('loginAlerts.none')}</Paragraph>
      ) : (
        <UnorderedList>
          {alerts.map((a) => (
            <UnorderedListItem key={`${a.username}-${a.windowStart}`}>
              {a.message} <time dateTime={a.raisedAt}>{t('loginAlerts.at', { at: formatDateTime(a.raisedAt, lang) })}</time>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
