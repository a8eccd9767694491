import {
  Button,
  Heading2,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Problem } from '../api';
import { exchangeApi, type InvoiceLine, type InvoiceMessage, type LineFilter, type PaymentBatch } from '../api/exchange';
import { useApp, useSession } from '../app-context';
import { Loading, ProblemAlert, StatusMessage, toProblem } from '../components/Alerts';
import { Field, TextField } from '../components/Field';
import { euro } from './DebtPage';

/** One declaration: its lines with verdict and reasons (filtered), approval for payment and the CSV export. */
export function InvoiceDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { api, t, lang, purpose } = useApp();
  const { csrfToken } = useSession();
  const exchange = useMemo(() => exchangeApi(api), [api]);
  const [data, setData] = useState<{ message: InvoiceMessage; lines: InvoiceLine[]; total: number } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [draft, setDraft] = useState({ verdict: '', returnCode: '' });
  const [filter, setFilter] = useState<LineFilter>({});
  const [batch, setBatch] = useState<PaymentBatch | null>(null);
  const [download, setDownload] = useState<{ url: string; fileName: string; lines: number } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [more, setMore] = useState(false);

  useEffect(() => {
    exchange.lines(id, filter).then(setData, (error: unknown) => setProblem(toProblem(error)));
  }, [exchange, id, filter]);
  // Move focus to the declaration when it is opened, so keyboard and screen reader users land on it.
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => () => {
    if (download) URL.revokeObjectURL(download.url);
  }, [download]);

  const approve = async () => {
    setProblem(null);
    try {
      const b = await exchange.approve(id);
      setBatch(b);
      onChanged();
      setFilter({ ...filter });
    } catch (error) {
      setProblem(toProblem(error));
    }
  };

  const exportCsv = async (batchId: string) => {
    setProblem(null);
    try {
      const { fileName, csv } = await exchange.paymentBatchCsv(batchId, { lang, purpose, csrfToken });
      setDownload({ url: URL.createObjectURL(new Blob([csv], { type: 'text/csv' })), fileName, lines: csv.trim().split('\n').length - 2 });
    } catch (error) {
      setProblem(toProblem(error));
    }
  };

  const showMore = async () => {
    if (!data) return;
    setMore(true);
    try {
      const next = await exchange.lines(id, filter, data.lines.length);
      setData({ ...next, lines: [...data.lines, ...next.lines] });
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setMore(false);
    }
  };

  const applyFilter = (event: FormEvent) => {
    event.preventDefault();
    // The form's empty choice is no filter; the server takes only the verdicts it knows.
    const verdict = draft.verdict === 'approved' || draft.verdict === 'rejected' ? draft.verdict : undefined;
    setFilter({ verdict, returnCode: draft.returnCode || undefined });
  };

  const m = data?.message;
  const name = m ? (m.declaratieNummer ?? m.identification) : '';
  const batchId = batch?.id ?? m?.paymentBatchId ?? null;
  return (
    <section aria-labelledby="exchange-detail-heading" className="kern-section">
      <Heading2 id="exchange-detail-heading" ref={headingRef} tabIndex={-1}>
        {m ? t('exchange.detail.heading', { declaration: name, provider: m.sender }) : t('common.loading')}
      </Heading2>
      {problem && <ProblemAlert problem={problem} />}
      {!data || !m ? (
        !problem && <Loading />
      ) : (
        <>
          {m.refusal && <Paragraph>{t('exchange.detail.refusal', { code: m.refusal.code, text: lang === 'nl' ? m.refusal.nl : m.refusal.en })}</Paragraph>}
          {m.failure && <Paragraph>{t('exchange.detail.failure', { at: new Date(m.failure.at).toLocaleString(lang), reason: m.failure.reason })}</Paragraph>}
          <Paragraph>
            {t('exchange.detail.totals', { lines: String(m.lines), approved: String(m.approvedLines), approvedAmount: euro(m.approvedCents, lang), rejected: String(m.rejectedLines), rejectedAmount: euro(m.rejectedCents, lang) })}
          </Paragraph>
          <form onSubmit={applyFilter} className="kern-filter" aria-label={t('exchange.filter.heading')}>
            <Field id="exchange-verdict" label={t('exchange.lines.verdict')}>
              {(wiring) => (
                <Select {...wiring} name="verdict" value={draft.verdict ?? ''} onChange={(e) => setDraft({ ...draft, verdict: e.target.value })}>
                  <SelectOption value="">{t('exchange.filter.any')}</SelectOption>
                  <SelectOption value="approved">{t('exchange.lines.verdict.approved')}</SelectOption>
                  <SelectOption value="rejected">{t('exchange.lines.verdict.rejected')}</SelectOption>
                </Select>
              )}
            </Field>
            <TextField id="exchange-return-code" label={t('exchange.lines.returnCode')} value={draft.returnCode ?? ''} onChange={(v) => setDraft({ ...draft, returnCode: v.trim().toUpperCase() })} size={6} />
            <Button type="submit" appearance="secondary-action-button">{t('exchange.filter.submit')}</Button>
          </form>
          {data.lines.length === 0 ? (
            <Paragraph>{t('exchange.lines.empty')}</Paragraph>
          ) : (
            <div className="kern-table-scroll">
              <Table>
                <TableCaption>{t('exchange.lines.caption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('exchange.col.reference')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('exchange.col.allocation')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('exchange.col.product')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('exchange.col.period')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('exchange.col.volume')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('exchange.col.tariff')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('exchange.col.amount')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('exchange.col.verdict')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('exchange.col.reasons')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.lines.map((l) => (
                    <TableRow key={l.id}>
                      <TableHeaderCell scope="row">{l.referentieNummer}</TableHeaderCell>
                      <TableCell>{l.toewijzingNummer}</TableCell>
                      <TableCell>{l.productCategorie}{l.productCode ? ` ${l.productCode}` : ''}</TableCell>
                      <TableCell>{l.begindatum} – {l.einddatum}</TableCell>
                      <TableCell>{l.volume} ({l.unit})</TableCell>
                      <TableCell>{euro(l.tariffCents, lang)}</TableCell>
                      <TableCell>{euro(l.amountCents, lang)}{l.debitCredit === 'C' ? ` ${t('exchange.credit')}` : ''}</TableCell>
                      <TableCell>{l.approved ? t('exchange.lines.verdict.approved') : t('exchange.lines.verdict.rejected')}{l.paid ? ` (${t('exchange.paid')})` : ''}</TableCell>
                      <TableCell>
                        {l.reasons.map((r) => (
                          <span key={r.code} className="kern-reason">
                            {r.code}{r.rule ? ` (${r.rule})` : ''}: {lang === 'nl' ? r.nl : r.en}
                            <br />
                          </span>
                        ))}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {data.total > data.lines.length && (
            <Paragraph>
              {t('exchange.lines.shown', { shown: String(data.lines.length), total: String(data.total) })}{' '}
              <Button appearance="secondary-action-button" disabled={more} onClick={() => void showMore()}>{t('exchange.lines.more')}</Button>
            </Paragraph>
          )}
          {m.status === 'answered' && (
            <section aria-labelledby="exchange-pay-heading">
              <Heading3 id="exchange-pay-heading">{t('exchange.approve.heading')}</Heading3>
              {m.approvedLines > 0 && !batchId && (
                <Button appearance="primary-action-button" onClick={() => void approve()}>{t('exchange.approve.submit')}</Button>
              )}
              {batch && <StatusMessage>{t('exchange.approve.done', { reference: batch.reference, lines: String(batch.lines), total: euro(batch.totalCents, lang) })}</StatusMessage>}
              {batchId && (
                <Button appearance="secondary-action-button" onClick={() => void exportCsv(batchId)}>{t('exchange.export.submit')}</Button>
              )}
              {download && (
                <Paragraph>
                  <a className="utrecht-link" href={download.url} download={download.fileName}>{t('exchange.export.ready', { file: download.fileName })}</a>
                  {' '}
                  {t('exchange.export.summary', { lines: String(download.lines) })}
                </Paragraph>
              )}
            </section>
          )}
        </>
      )}
    </section>
  );
}
