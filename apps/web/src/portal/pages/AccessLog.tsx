import { Button, ButtonGroup, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading2, Heading3, Paragraph, PrimaryActionButton, Textbox } from '@utrecht/component-library-react';
import type { AccessLogEntry, AccessLogGroup, AccessLogOutput } from '@kern/portal/contract';
import { useCallback, useEffect, useState } from 'react';
import { PortalApiError, problemText } from '../api';
import { ErrorText } from '../components';
import { usePortal } from '../context';

interface Filter { from: string; to: string; own: boolean }

/**
 * "Who looked at your data": the citizen's own reads hidden unless they ask, a summary per role and
 * team and purpose, a period to look at, and every single time below it, a page at a time.
 */
export function AccessLog() {
  const { api, person, t, tx, lang } = usePortal();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filter, setFilter] = useState<Filter>({ from: '', to: '', own: false });
  const [log, setLog] = useState<AccessLogOutput | null>(null);
  const [toError, setToError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const query = useCallback((f: Filter, before?: number) => ({
    ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}), own: f.own ? 'true' as const : 'false' as const, ...(before ? { before } : {}),
  }), []);
  const fail = useCallback((e: unknown) => {
    if (e instanceof PortalApiError && e.problem.invalidParams?.some((p) => p.name === 'to')) setToError(t('data.logToBeforeFrom'));
    else setError(problemText(e, lang, t('app.error')));
  }, [lang, t]);

  useEffect(() => {
    setError(null);
    api.accessLog(person.ref, query(filter)).then(setLog, fail);
  }, [api, person.ref, filter, query, fail]);

  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
  const who = (e: Pick<AccessLogEntry, 'who' | 'role' | 'team'>) =>
    e.who === 'staff' ? [e.role ? tx(`role.${e.role}`) : null, e.team].filter(Boolean).join(', ')
    : e.who === 'me' ? t('data.whoMe') : e.who === 'representative' ? t('data.whoRepresentative') : t('data.whoSystem');
  const why = (e: Pick<AccessLogGroup, 'purpose'>) => (e.purpose ? tx(`purpose.${e.purpose}`) : '-');
  const cell = 'utrecht-table__cell';
  const head = 'utrecht-table__header-cell';

  return (
    <section aria-labelledby="data-log">
      <Heading2 id="data-log">{t('data.log')}</Heading2>
      <Paragraph>{t('data.logIntro')}</Paragraph>
      <div className="kern-portal-choices">
        <label>
          <input type="checkbox" checked={filter.own} onChange={(e) => setFilter({ ...filter, own: e.target.checked })} />
          {t('data.logOwn')}
        </label>
      </div>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (from && to && to < from) {
            setToError(t('data.logToBeforeFrom'));
            return;
          }
          setToError(null);
          setFilter({ ...filter, from, to });
        }}
      >
        <FormField
          label={<FormLabel htmlFor="data-log-from">{t('data.logFrom')}</FormLabel>}
          description={<FormFieldDescription id="data-log-period-hint">{t('data.logPeriodHint')}</FormFieldDescription>}
          input={<Textbox id="data-log-from" type="date" aria-describedby="data-log-period-hint" value={from} onChange={(e) => setFrom(e.target.value)} />}
        />
        <FormField
          invalid={toError !== null}
          label={<FormLabel htmlFor="data-log-to">{t('data.logTo')}</FormLabel>}
          errorMessage={toError ? <FormFieldErrorMessage id="data-log-to-error">{toError}</FormFieldErrorMessage> : undefined}
          input={<Textbox id="data-log-to" type="date" invalid={toError !== null} aria-describedby={toError ? 'data-log-to-error' : undefined} value={to} onChange={(e) => setTo(e.target.value)} />}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit">{t('data.logFilter')}</PrimaryActionButton>
        </ButtonGroup>
      </form>
      <ErrorText>{error}</ErrorText>
      <div role="status">{log && log.groups.length === 0 ? <Paragraph>{t('data.logNone')}</Paragraph> : null}</div>
      {log && log.groups.length > 0 ? (
        <>
          <Heading3 id="data-log-summary">{t('data.logSummary')}</Heading3>
          {log.groupsCapped ? <Paragraph>{t('data.logCapped')}</Paragraph> : null}
          <div className="kern-portal-table" role="region" aria-labelledby="data-log-summary" tabIndex={0}>
            <table className="utrecht-table">
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className={head} scope="col">{t('data.who')}</th>
                  <th className={head} scope="col">{t('data.why')}</th>
                  <th className={head} scope="col">{t('data.logCount')}</th>
                  <th className={head} scope="col">{t('data.logFirst')}</th>
                  <th className={head} scope="col">{t('data.logLast')}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {log.groups.map((g) => (
                  <tr className="utrecht-table__row" key={`${g.who}|${g.role ?? ''}|${g.team ?? ''}|${g.purpose ?? ''}`}>
                    <td className={cell}>{who(g)}</td>
                    <td className={cell}>{why(g)}</td>
                    <td className={cell}>{g.denied > 0 ? `${g.count} (${t('data.logDeniedTimes')} ${g.denied})` : g.count}</td>
                    <td className={cell}>{when(g.first)}</td>
                    <td className={cell}>{when(g.last)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Heading3 id="data-log-details">{t('data.logDetails')}</Heading3>
          <div className="kern-portal-table" role="region" aria-labelledby="data-log-details" tabIndex={0}>
            <table className="utrecht-table">
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className={head} scope="col">{t('data.when')}</th>
                  <th className={head} scope="col">{t('data.who')}</th>
                  <th className={head} scope="col">{t('data.why')}</th>
                  <th className={head} scope="col">{t('data.what')}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {log.entries.map((e, i) => (
                  <tr className="utrecht-table__row" key={`${e.at}-${i}`}>
                    <td className={cell}>{when(e.at)}</td>
                    <td className={cell}>{who(e)}</td>
                    <td className={cell}>{why(e)}</td>
                    <td className={cell}>{`${tx(`action.${e.action}`)}${e.outcome === 'denied' ? ` (${t('data.denied')})` : ''}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {log.nextBefore !== null ? (
            <ButtonGroup>
              <Button
                appearance="secondary-action-button"
                onClick={() => {
                  const before = log.nextBefore ?? undefined;
                  api.accessLog(person.ref, query(filter, before)).then((older) => setLog({ ...log, entries: [...log.entries, ...older.entries], nextBefore: older.nextBefore }), fail);
                }}
              >
                {t('data.logMore')}
              </Button>
            </ButtonGroup>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
