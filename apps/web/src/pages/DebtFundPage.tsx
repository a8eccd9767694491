import { Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import type { Problem } from '../api';
import { debtFundApi, type FundCohort, type FundDashboard } from '../api/debt-fund';
import { useApp } from '../app-context';
import { Loading, ProblemAlert, toProblem } from '../components/Alerts';
import { PageTitle } from '../components/PageTitle';
import { euro } from './DebtPage';

const percent = (bp: number | null, lang: string): string =>
  bp === null ? '—' : new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(bp / 10_000);

// Colours with at least 3:1 contrast on white (WCAG 1.4.11); the table below carries the same figures.
const parts = [
  { key: 'repaidCents', label: 'fund.repaid', colour: '#1f4e79' },
  { key: 'forgivenCents', label: 'fund.forgiven', colour: '#8a4b00' },
  { key: 'exposureCents', label: 'fund.exposure', colour: '#4b6b2f' },
] as const;

/** A stacked bar per cohort: repaid, forgiven and still owed, as shares of what was taken over. */
function CohortChart({ cohorts }: { cohorts: FundCohort[] }) {
  const { t } = useApp();
  const shown = cohorts.filter((c) => !c.suppressed && (c.takenOverCents ?? 0) > 0);
  const rowHeight = 28;
  const width = 560;
  const left = 80;
  const height = shown.length * rowHeight + 40;
  return (
    <figure className="kern-chart">
      <svg role="img" aria-labelledby="fund-chart-title fund-chart-desc" viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: `${width}px` }}>
        <title id="fund-chart-title">{t('fund.chart.title')}</title>
        <desc id="fund-chart-desc">{t('fund.chart.desc')}</desc>
        {shown.map((c, i) => {
          const total = c.takenOverCents ?? 1;
          let x = left;
          return (
            <g key={c.cohort} transform={`translate(0, ${i * rowHeight})`}>
              <text x={0} y={18} fontSize="13" fill="#1a1a1a">{c.cohort}</text>
              {parts.map((p) => {
                const w = ((c[p.key] ?? 0) / total) * (width - left - 10);
                const rect = <rect key={p.key} x={x} y={4} width={Math.max(0, w)} height={rowHeight - 8} fill={p.colour} />;
                x += w;
                return rect;
              })}
            </g>
          );
        })}
        <g transform={`translate(${left}, ${shown.length * rowHeight + 12})`}>
          {parts.map((p, i) => (
            <g key={p.key} transform={`translate(${i * 150}, 0)`}>
              <rect width={14} height={14} fill={p.colour} />
              <text x={20} y={12} fontSize="13" fill="#1a1a1a">{t(p.label)}</text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="kern-muted">{t('fund.chart.tableHint')}</figcaption>
    </figure>
  );
}

/** The fund dashboard: aggregates by cohort (month of take-over), small cohorts suppressed. */
export function DebtFundPage() {
  const { api, t, lang } = useApp();
  const fund = useMemo(() => debtFundApi(api), [api]);
  const [dash, setDash] = useState<FundDashboard | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    fund.dashboard().then(setDash, (error: unknown) => setProblem(toProblem(error)));
  }, [fund]);

  return (
    <>
      <PageTitle>{t('fund.title')}</PageTitle>
      <Paragraph>{t('fund.intro')}</Paragraph>
      {problem && <ProblemAlert problem={problem} />}
      {!dash ? (
        !problem && <Loading />
      ) : (
        <>
          <section aria-labelledby="fund-totals-heading">
            <Heading2 id="fund-totals-heading">{t('fund.totals')}</Heading2>
            <dl className="kern-facts">
              <dt>{t('fund.residents')}</dt>
              <dd>{dash.totals.residents}</dd>
              <dt>{t('fund.takenOver')}</dt>
              <dd>{euro(dash.totals.takenOverCents, lang)}</dd>
              <dt>{t('fund.exposure')}</dt>
              <dd>{euro(dash.totals.exposureCents, lang)}</dd>
              <dt>{t('fund.repaid')}</dt>
              <dd>{euro(dash.totals.repaidCents, lang)}</dd>
              <dt>{t('fund.forgiven')}</dt>
              <dd>{euro(dash.totals.forgivenCents, lang)}</dd>
              <dt>{t('fund.repaymentRate')}</dt>
              <dd>{percent(dash.totals.repaymentRateBasisPoints, lang)}</dd>
              <dt>{t('fund.cash')}</dt>
              <dd>{euro(dash.totals.cashCents, lang)}</dd>
              <dt>{t('fund.payable')}</dt>
              <dd>{euro(dash.totals.payableCents, lang)}</dd>
            </dl>
          </section>
          <section aria-labelledby="fund-cohorts-heading">
            <Heading2 id="fund-cohorts-heading">{t('fund.cohorts')}</Heading2>
            {dash.cohorts.length === 0 ? (
              <Paragraph>{t('fund.empty')}</Paragraph>
            ) : (
              <>
                <CohortChart cohorts={dash.cohorts} />
                <div className="kern-table-scroll">
                  <Table>
                    <TableCaption>{t('fund.cohorts.caption').replace('{n}', String(dash.smallCellThreshold))}</TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{t('fund.cohort')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('fund.residents')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('fund.takenOver')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('fund.repaid')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('fund.forgiven')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('fund.exposure')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('fund.repaymentRate')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {dash.cohorts.map((c) => (
                        <TableRow key={c.cohort}>
                          <TableHeaderCell scope="row">{c.cohort}</TableHeaderCell>
                          {c.suppressed ? (
                            <TableCell colSpan={6}>{t('fund.suppressed')}</TableCell>
                          ) : (
                            <>
                              <TableCell>{c.residents}</TableCell>
                              <TableCell>{euro(c.takenOverCents ?? 0, lang)}</TableCell>
                              <TableCell>{euro(c.repaidCents ?? 0, lang)}</TableCell>
                              <TableCell>{euro(c.forgivenCents ?? 0, lang)}</TableCell>
                              <TableCell>{euro(c.exposureCents ?? 0, lang)}</TableCell>
                              <TableCell>{percent(c.repaymentRateBasisPoints, lang)}</TableCell>
                            </>
                          )}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}
