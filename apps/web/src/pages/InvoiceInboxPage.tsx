import {
  Button,
  Heading2,
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
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Problem } from '../api';
import { exchangeApi, INVOICE_STATUSES, type InboxFilter, type InvoiceMessage } from '../api/exchange';
import { useApp, useSession } from '../app-context';
import { ErrorSummary, Loading, ProblemAlert, StatusMessage, toProblem, type FieldError } from '../components/Alerts';
import { Field, TextField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import type { MessageKey } from '../i18n';
import { euro } from './DebtPage';
import { InvoiceDetail } from './InvoiceDetail';

const statusKey: Record<InvoiceMessage['status'], MessageKey> = {
  receiving: 'exchange.status.receiving',
  answered: 'exchange.status.answered',
  refused: 'exchange.status.refused',
  failed: 'exchange.status.failed',
};

/** The invoice inbox: upload a 323, the declarations received, per line the verdict and its reasons, approval and the CSV export. */
export function InvoiceInboxPage() {
  const { api, t, lang, purpose } = useApp();
  const { csrfToken } = useSession();
  const exchange = useMemo(() => exchangeApi(api), [api]);
  const lawPurpose = purpose === 'wmo' || purpose === 'jeugdwet';
  const [messages, setMessages] = useState<InvoiceMessage[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [draft, setDraft] = useState({ provider: '', period: '', status: '' });
  const [filter, setFilter] = useState<InboxFilter>({});
  const [filterErrors, setFilterErrors] = useState<FieldError[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    if (!lawPurpose) return;
    setProblem(null);
    exchange.messages(filter).then(setMessages, (error: unknown) => setProblem(toProblem(error)));
  }, [exchange, filter, lawPurpose]);
  useEffect(load, [load]);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setUploadError([{ id: 'exchange-file', message: t('exchange.upload.missing') }]);
      fileRef.current?.focus();
      return;
    }
    setUploadError([]);
    setNotice(null);
    setProblem(null);
    setBusy(true);
    try {
      const d = await exchange.deliver(file, { lang, purpose, csrfToken });
      const counts = /approved=(\d+);rejected=(\d+)/.exec(d.lines);
      setNotice(
        d.status === 'repeated'
          ? t('exchange.upload.repeated')
          : d.status === 'refused'
            ? t('exchange.upload.refused')
            : t('exchange.upload.done', { approved: counts?.[1] ?? '0', rejected: counts?.[2] ?? '0' }),
      );
      if (fileRef.current) fileRef.current.value = '';
      setSelected(d.messageId || null);
      load();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const applyFilter = (event: FormEvent) => {
    event.preventDefault();
    if (draft.period && !/^\d{4}-\d{2}$/.test(draft.period)) {
      setFilterErrors([{ id: 'exchange-period', message: t('exchange.filter.periodInvalid') }]);
      return;
    }
    setFilterErrors([]);
    // The form's empty fields are no filter; the server takes only the statuses it knows.
    const status = INVOICE_STATUSES.find((s) => s === draft.status);
    setFilter({ provider: draft.provider || undefined, period: draft.period || undefined, status });
  };

  return (
    <>
      <PageTitle>{t('exchange.title')}</PageTitle>
      <Paragraph>{t('exchange.intro')}</Paragraph>
      {!lawPurpose ? (
        <Paragraph className="kern-notice">{t('exchange.purposeNeeded')}</Paragraph>
      ) : (
        <>
          <section aria-labelledby="exchange-upload-heading">
            <Heading2 id="exchange-upload-heading">{t('exchange.upload.heading')}</Heading2>
            <form onSubmit={(e) => void upload(e)} noValidate>
              <ErrorSummary errors={uploadError} />
              <Field id="exchange-file" label={t('exchange.upload.file')} hint={t('exchange.upload.hint')} error={uploadError[0]?.message}>
                {(wiring) => (
                  <input
                    id={wiring.id}
                    ref={fileRef}
                    name="file"
                    type="file"
                    accept=".xml,application/xml,text/xml"
                    className="utrecht-textbox"
                    aria-describedby={wiring['aria-describedby']}
                    aria-invalid={wiring['aria-invalid']}
                  />
                )}
              </Field>
              <Button type="submit" appearance="primary-action-button" disabled={busy} aria-disabled={busy}>
                {busy ? t('exchange.upload.busy') : t('exchange.upload.submit')}
              </Button>
            </form>
            {notice && <StatusMessage>{notice}</StatusMessage>}
          </section>
          {problem && <ProblemAlert problem={problem} />}
          <section aria-labelledby="exchange-messages-heading">
            <Heading2 id="exchange-messages-heading">{t('exchange.messages.heading')}</Heading2>
            <form onSubmit={applyFilter} className="kern-filter" aria-label={t('exchange.filter.heading')} noValidate>
              <ErrorSummary errors={filterErrors} />
              <TextField id="exchange-provider" label={t('exchange.filter.provider')} value={draft.provider ?? ''} onChange={(v) => setDraft({ ...draft, provider: v })} inputMode="numeric" size={10} />
              <TextField id="exchange-period" label={t('exchange.filter.period')} value={draft.period ?? ''} onChange={(v) => setDraft({ ...draft, period: v })} error={filterErrors[0]?.message} size={8} />
              <Field id="exchange-status" label={t('exchange.filter.status')}>
                {(wiring) => (
                  <Select {...wiring} name="status" value={draft.status ?? ''} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
                    <SelectOption value="">{t('exchange.filter.any')}</SelectOption>
                    <SelectOption value="answered">{t('exchange.status.answered')}</SelectOption>
                    <SelectOption value="refused">{t('exchange.status.refused')}</SelectOption>
                    <SelectOption value="receiving">{t('exchange.status.receiving')}</SelectOption>
                    <SelectOption value="failed">{t('exchange.status.failed')}</SelectOption>
                  </Select>
                )}
              </Field>
              <Button type="submit" appearance="secondary-action-button">{t('exchange.filter.submit')}</Button>
            </form>
            {!messages ? (
              !problem && <Loading />
            ) : messages.length === 0 ? (
              <Paragraph>{t('exchange.messages.empty')}</Paragraph>
            ) : (
              <div className="kern-table-scroll">
                <Table>
                  <TableCaption>{t('exchange.messages.caption')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('exchange.col.declaration')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('exchange.col.received')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('exchange.col.provider')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('exchange.col.period')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('exchange.col.status')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('exchange.col.lines')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('exchange.col.approvedAmount')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('exchange.col.open')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {messages.map((m) => {
                      const name = m.declaratieNummer ?? m.identification;
                      return (
                        <TableRow key={m.id}>
                          <TableHeaderCell scope="row">{name}</TableHeaderCell>
                          <TableCell>{new Date(m.receivedAt).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')}</TableCell>
                          <TableCell>{m.sender}</TableCell>
                          <TableCell>{m.periodBegin && m.periodEnd ? `${m.periodBegin} – ${m.periodEnd}` : '—'}</TableCell>
                          <TableCell>{t(statusKey[m.status])}</TableCell>
                          <TableCell>{m.approvedLines} / {m.rejectedLines}</TableCell>
                          <TableCell>{euro(m.approvedCents, lang)}</TableCell>
                          <TableCell>
                            <Button appearance="subtle-button" aria-pressed={selected === m.id} onClick={() => setSelected(m.id)}>
                              {t('exchange.open', { declaration: name })}
                            </Button>
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </div>
            )}
          </section>
          {selected && <InvoiceDetail key={selected} id={selected} onChanged={load} />}
        </>
      )}
    </>
  );
}
