import { Button, Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Problem } from '../api';
import { debtApi, type DebtFileSummary, type DebtSignal } from '../api/debt';
import { useApp, useSession } from '../app-context';
import { Loading, ProblemAlert, toProblem } from '../components/Alerts';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../i18n';
import { AppLink, navigate, paths } from '../router';

export const euro = (cents: number, lang: string): string =>
  new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** The debt counsellor's start page: the signals inbox (art. 8b view) and the team's files. */
export function DebtPage() {
  const { api, t, lang, purpose } = useApp();
  const { account } = useSession();
  const debt = useMemo(() => debtApi(api), [api]);
  const [signals, setSignals] = useState<DebtSignal[] | null>(null);
  const [files, setFiles] = useState<DebtFileSummary[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);

  const load = useCallback(() => {
    setProblem(null);
    Promise.all([debt.signals(), debt.files()]).then(
      ([s, f]) => {
        setSignals(s);
        setFiles(f);
      },
      (error: unknown) => setProblem(toProblem(error)),
    );
  }, [debt]);

  useEffect(() => {
    if (purpose === 'wgs') load();
  }, [load, purpose]);

  const act = (run: () => Promise<unknown>) => {
    setDone(false);
    run().then(
      (result) => {
        setDone(true);
        const fileId = (result as { debtFileId?: string | null } | undefined)?.debtFileId;
        if (fileId) navigate(paths.debtFile(fileId));
        else load();
      },
      (error: unknown) => setProblem(toProblem(error)),
    );
  };

  return (
    <>
      <PageTitle>{t('debt.title')}</PageTitle>
      <Paragraph>{t('debt.intro')}</Paragraph>
      {purpose !== 'wgs' ? (
        <Paragraph>{t('debt.needsWgs')}</Paragraph>
      ) : (
        <>
          {problem && <ProblemAlert problem={problem} />}
          {done && <Paragraph role="status">{t('debt.action.done')}</Paragraph>}
          <section aria-labelledby="signals-heading">
            <Heading2 id="signals-heading">{t('debt.signals.title')}</Heading2>
            {!signals ? (
              !problem && <Loading />
            ) : signals.length === 0 ? (
              <Paragraph>{t('debt.signals.empty')}</Paragraph>
            ) : (
              <div className="kern-table-scroll">
                <Table>
                  <TableCaption>{t('debt.signals.caption')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('debt.col.resident')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('debt.col.creditor')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('debt.col.kind')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('debt.col.arrears')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('debt.col.received')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('debt.col.status')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('debt.col.actions')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {signals.map((s) => (
                      <TableRow key={s.id}>
                        <TableHeaderCell scope="row">
                          {s.resident?.name ?? s.bsn}
                          {s.resident?.address && (
                            <>
                              <br />
                              <span className="kern-muted">{s.resident.address}</span>
                            </>
                          )}
                        </TableHeaderCell>
                        <TableCell>{s.creditorName}</TableCell>
                        <TableCell>
                          {t(`debt.kind.${s.kind}`)}
                          {s.urgent && (
                            <>
                              <br />
                              <strong>{t('debt.urgent')}</strong>
                            </>
                          )}
                        </TableCell>
                        <TableCell>{euro(s.arrearsCents, lang)}</TableCell>
                        <TableCell>
                          {formatDate(s.lastSignalOn, lang)}
                          {s.timesReceived > 1 ? ` (${s.timesReceived}×)` : ''}
                        </TableCell>
                        <TableCell>{t(`debt.offer.${s.offerStatus}`)}</TableCell>
                        <TableCell>
                          <div className="kern-actions">
                            {s.offerStatus === 'new' && (
                              <Button appearance="secondary-action-button" onClick={() => act(() => debt.offerHelp(s.id))}>
                                {t('debt.action.offer')}
                              </Button>
                            )}
                            <Button appearance="primary-action-button" onClick={() => act(() => debt.respond(s.id, { response: 'accepted', contact: account.displayName }))}>
                              {t('debt.action.accept')}
                            </Button>
                            <Button appearance="secondary-action-button" onClick={() => act(() => debt.respond(s.id, { response: 'declined' }))}>
                              {t('debt.action.decline')}
                            </Button>
                          </div>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
          </section>
          <section aria-labelledby="files-heading">
            <Heading2 id="files-heading">{t('debt.files.title')}</Heading2>
            {!files ? (
              !problem && <Loading />
            ) : files.length === 0 ? (
              <Paragraph>{t('debt.files.empty')}</Paragraph>
            ) : (
              <div className="kern-table-scroll">
                <Table>
                  <TableCaption>{t('debt.files.caption')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('debt.col.reference')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('debt.col.status')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('debt.col.firstConversationDue')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('debt.col.decisionDue')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {files.map((f) => (
                      <TableRow key={f.id}>
                        <TableHeaderCell scope="row">
                          <AppLink href={paths.debtFile(f.id)}>{f.reference}</AppLink>
                          {f.urgent ? ` — ${t('debt.urgent')}` : ''}
                        </TableHeaderCell>
                        <TableCell>{t(`debt.status.${f.status}`)}</TableCell>
                        <TableCell>{formatDate(f.firstConversationDue, lang)}</TableCell>
                        <TableCell>{f.decisionDue ? formatDate(f.decisionDue, lang) : '—'}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}
