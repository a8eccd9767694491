import {
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Problem } from '../api';
import { portalInboxApi, type InboxItem, type InboxOrder, type ThreadMessage } from '../api/portal-inbox';
import { useApp } from '../app-context';
import { Loading, ProblemAlert, StatusMessage, toProblem } from '../components/Alerts';
import { Field, TextareaField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { formatDateTime, type MessageKey } from '../i18n';

const topicKey = (topic: string | null): MessageKey => (topic ? (`inbox.topic.${topic}` as MessageKey) : 'inbox.topic.none');

/** One resident's thread, opened from the inbox: read it, answer it, or mark a message handled. */
function Thread({ item, onDone, onClose }: { item: InboxItem; onDone: () => void; onClose: () => void }) {
  const { api, t, lang } = useApp();
  const client = useMemo(() => portalInboxApi(api), [api]);
  const [messages, setMessages] = useState<ThreadMessage[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<MessageKey | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    client.thread(item.bsn).then(
      (m) => current && setMessages(m),
      (e: unknown) => current && setProblem(toProblem(e)),
    );
    heading.current?.focus();
    return () => {
      current = false;
    };
  }, [client, item.bsn]);

  const send = (event: FormEvent) => {
    event.preventDefault();
    const body = answer.trim();
    const invalid = body.length === 0 ? t('inbox.answer.required') : body.length > 5000 ? t('inbox.answer.tooLong') : undefined;
    setError(invalid);
    if (invalid) {
      document.getElementById('inbox-answer')?.focus();
      return;
    }
    client.answer(item.bsn, body).then(
      (m) => {
        setMessages(m);
        setAnswer('');
        setStatus('inbox.answer.sent');
        onDone();
      },
      (e: unknown) => setProblem(toProblem(e)),
    );
  };

  const markHandled = (id: string) =>
    client.markHandled(item.bsn, id).then(
      (m) => {
        setMessages(m);
        setStatus('inbox.markedHandled');
        onDone();
      },
      (e: unknown) => setProblem(toProblem(e)),
    );

  return (
    <section className="kern-card" aria-labelledby="inbox-thread-title">
      <Heading2 id="inbox-thread-title" ref={heading} tabIndex={-1}>
        {t('inbox.thread.title', { name: item.clientName })}
      </Heading2>
      {problem && <ProblemAlert problem={problem} />}
      {status && <StatusMessage>{t(status)}</StatusMessage>}
      {!messages && !problem && <Loading />}
      {messages && (
        <ol className="kern-thread">
          {messages.map((m) => (
            <li key={m.id} className={m.from === 'municipality' ? 'kern-thread__staff' : 'kern-thread__citizen'}>
              <Paragraph>
                <strong>{m.from === 'municipality' ? (m.answeredBy ?? t('inbox.thread.me')) : t('inbox.thread.citizen')}</strong>
                {' · '}
                <time dateTime={m.sentAt}>{formatDateTime(m.sentAt, lang)}</time>
                {' · '}
                {t(topicKey(m.topic))}
                {m.handled && ` · ${t('inbox.thread.handled')}`}
              </Paragraph>
              <Paragraph className="kern-thread__body">{m.body}</Paragraph>
              {m.from === 'me' && !m.handled && (
                <Button appearance="secondary-action-button" type="button" onClick={() => void markHandled(m.id)}>
                  {t('inbox.markHandled')}
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}
      <form className="kern-form" noValidate onSubmit={send}>
        <TextareaField id="inbox-answer" label={t('inbox.answer')} hint={t('inbox.answer.hint')} value={answer} onChange={setAnswer} error={error} rows={4} required />
        <ButtonGroup>
          <PrimaryActionButton type="submit">{t('inbox.answer.send')}</PrimaryActionButton>
          <Button appearance="secondary-action-button" type="button" onClick={onClose}>
            {t('inbox.close')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** The team's inbox of unanswered portal messages, under the purpose the user works for. */
export function PortalInboxPage() {
  const { api, t, lang, purpose } = useApp();
  const client = useMemo(() => portalInboxApi(api), [api]);
  const [order, setOrder] = useState<InboxOrder>('newest');
  const [data, setData] = useState<{ items: InboxItem[]; total: number } | Problem | null>(null);
  const [open, setOpen] = useState<InboxItem | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    client.inbox(order).then(
      (r) => current && setData(r),
      (e: unknown) => current && setData(toProblem(e)),
    );
    return () => {
      current = false;
    };
  }, [client, order, purpose, reload]);

  const refresh = useCallback(() => setReload((n) => n + 1), []);
  const inbox = data && 'items' in data ? data : null;
  const problem = data && !('items' in data) ? data : null;

  return (
    <>
      <PageTitle>{t('inbox.title')}</PageTitle>
      <Paragraph>{t('inbox.intro')}</Paragraph>
      <form className="kern-form kern-form--filters" noValidate onSubmit={(event) => event.preventDefault()}>
        <Field id="inbox-order" label={t('inbox.order')}>
          {(wiring) => (
            <Select {...wiring} value={order} onChange={(event) => setOrder(event.target.value as InboxOrder)}>
              <SelectOption value="newest">{t('inbox.order.newest')}</SelectOption>
              <SelectOption value="oldest">{t('inbox.order.oldest')}</SelectOption>
            </Select>
          )}
        </Field>
      </form>
      {problem && <ProblemAlert problem={problem} />}
      {!data && <Loading />}
      {inbox && inbox.items.length === 0 && <Paragraph>{t('inbox.none')}</Paragraph>}
      {inbox && inbox.items.length > 0 && (
        <Table>
          <caption>{t('inbox.count', { count: inbox.total })}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('inbox.col.client')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('inbox.col.topic')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('inbox.col.message')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('inbox.col.sent')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {inbox.items.map((item) => (
              <TableRow key={item.id}>
                <TableHeaderCell scope="row">
                  <Button appearance="subtle-button" type="button" aria-label={t('inbox.open', { name: item.clientName })} onClick={() => setOpen(item)}>
                    {item.clientName}
                  </Button>
                </TableHeaderCell>
                <TableCell>{t(topicKey(item.topic))}</TableCell>
                <TableCell>{item.excerpt}</TableCell>
                <TableCell>
                  <time dateTime={item.sentAt}>{formatDateTime(item.sentAt, lang)}</time>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {open && <Thread key={open.bsn} item={open} onDone={refresh} onClose={() => setOpen(null)} />}
    </>
  );
}
