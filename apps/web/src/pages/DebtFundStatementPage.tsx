import { Button, Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Problem } from '../api';
import { debtFundApi, type FundStatement } from '../api/debt-fund';
import { useApp } from '../app-context';
import { Loading, ProblemAlert, toProblem } from '../components/Alerts';
import { TextField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../i18n';
import { AppLink, paths } from '../router';
import { euro } from './DebtPage';

/** The resident's statement from the debt fund; when the fund has not taken over yet, the take-over form. */
export function DebtFundStatementPage({ id }: { id: string }) {
  const { api, t, lang, purpose } = useApp();
  const fund = useMemo(() => debtFundApi(api), [api]);
  const [statement, setStatement] = useState<FundStatement | null>(null);
  const [notInFund, setNotInFund] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [decisionOn, setDecisionOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [monthly, setMonthly] = useState('');

  const load = useCallback(() => {
    setProblem(null);
    fund.statement(id).then(
      (s) => {
        setStatement(s);
        setNotInFund(false);
      },
      (error: unknown) => {
        const p = toProblem(error);
        if (p.status === 404) setNotInFund(true);
        else setProblem(p);
      },
    );
  }, [fund, id]);

  useEffect(() => {
    if (purpose === 'wgs') load();
  }, [load, purpose]);

  const takeOver = (event: FormEvent) => {
    event.preventDefault();
    const euros = monthly.trim().replace(',', '.');
    const body = { decisionOn, ...(euros ? { monthlyCents: Math.round(Number(euros) * 100) } : {}) };
    fund.takeOver(id, body).then(load, (error: unknown) => setProblem(toProblem(error)));
  };

  const p = statement?.participation;
  return (
    <>
      <PageTitle>{t('fund.statement.title')}</PageTitle>
      <Paragraph>
        <AppLink href={paths.debtFile(id)}>{t('fund.statement.backToFile')}</AppLink>
      </Paragraph>
      {purpose !== 'wgs' ? (
        <Paragraph>{t('debt.needsWgs')}</Paragraph>
      ) : (
        <>
          {problem && <ProblemAlert problem={problem} />}
          {notInFund && (
            <section aria-labelledby="fund-takeover-heading">
              <Heading2 id="fund-takeover-heading">{t('fund.takeOver.title')}</Heading2>
              <Paragraph>{t('fund.takeOver.intro')}</Paragraph>
              <form onSubmit={takeOver} noValidate>
                <TextField id="fund-decision-on" label={t('fund.takeOver.decisionOn')} type="date" value={decisionOn} onChange={setDecisionOn} required />
                <TextField id="fund-monthly" label={t('fund.takeOver.monthly')} hint={t('fund.takeOver.monthlyHint')} value={monthly} onChange={setMonthly} inputMode="numeric" />
                <Button type="submit" appearance="primary-action-button">{t('fund.takeOver.submit')}</Button>
              </form>
            </section>
          )}
          {!statement || !p ? (
            !problem && !notInFund && <Loading />
          ) : (
            <>
              <section aria-labelledby="fund-summary-heading">
                <Heading2 id="fund-summary-heading">{t('fund.statement.summary')}</Heading2>
                <dl className="kern-facts">
                  <dt>{t('fund.balance')}</dt>
                  <dd>{euro(p.balanceCents, lang)}</dd>
                  <dt>{t('fund.takenOver')}</dt>
                  <dd>{euro(p.takenOverCents, lang)}</dd>
                  <dt>{t('fund.repaid')}</dt>
                  <dd>{euro(p.repaidCents, lang)}</dd>
                  <dt>{t('fund.forgiven')}</dt>
                  <dd>{euro(p.forgivenCents, lang)}</dd>
                  <dt>{t('fund.monthly')}</dt>
                  <dd>{euro(p.monthlyCents, lang)}</dd>
                  <dt>{t('fund.monthsLeft')}</dt>
                  <dd>{statement.monthsLeft}</dd>
                  <dt>{t('fund.takeOverDue')}</dt>
                  <dd>{formatDate(p.takeOverDue, lang)} ({formatDate(p.takenOverOn, lang)})</dd>
                </dl>
              </section>
              <section aria-labelledby="fund-lines-heading">
                <Heading2 id="fund-lines-heading">{t('fund.statement.lines')}</Heading2>
                <div className="kern-table-scroll">
                  <Table>
                    <TableCaption>{t('fund.statement.linesCaption')}</TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{t('fund.col.date')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('fund.col.kind')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('fund.col.amount')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('fund.balance')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {statement.lines.map((l, i) => (
                        <TableRow key={i}>
                          <TableHeaderCell scope="row">{formatDate(l.bookedOn, lang)}{l.period ? ` (${l.period})` : ''}</TableHeaderCell>
                          <TableCell>{t(`fund.kind.${l.kind}`)}</TableCell>
                          <TableCell>{euro(l.amountCents, lang)}</TableCell>
                          <TableCell>{euro(l.balanceAfterCents, lang)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </section>
              <section aria-labelledby="fund-debts-heading">
                <Heading2 id="fund-debts-heading">{t('fund.statement.debts')}</Heading2>
                <div className="kern-table-scroll">
                  <Table>
                    <TableCaption>{t('fund.statement.debtsCaption')}</TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{t('debt.col.creditor')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('fund.col.claim')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('fund.col.rate')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('fund.col.settlement')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {statement.debts.map((d, i) => (
                        <TableRow key={i}>
                          <TableHeaderCell scope="row">{d.creditorName}</TableHeaderCell>
                          <TableCell>{euro(d.claimCents, lang)}</TableCell>
                          <TableCell>{(d.rateBasisPoints / 100).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')}%</TableCell>
                          <TableCell>{euro(d.settlementCents, lang)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </section>
            </>
          )}
        </>
      )}
    </>
  );
}
