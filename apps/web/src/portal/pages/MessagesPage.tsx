import { ButtonGroup, FormField, FormLabel, Heading2, Paragraph, PrimaryActionButton, Textarea } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { citizenMessageInputSchema, topics, type Topic } from '@kern/portal/contract';
import { problemText, type Message } from '../api';
import { Done, ErrorText, PortalTitle } from '../components';
import { usePortal } from '../context';
import { checkForm } from '../validate';

/** The secure thread; message text is rendered as text (React escapes it), never as HTML. */
export function MessagesPage() {
  const { api, person, t, tx, lang } = usePortal();
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [body, setBody] = useState('');
  // What the message is about decides who at the municipality reads it (debt help, care, ...).
  const [topic, setTopic] = useState<Topic | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fail = (e: unknown) => setError(problemText(e, lang, t('app.error')));

  useEffect(() => {
    api.messages(person.ref).then(setMessages, fail);
  }, [api, person.ref]);

  return (
    <>
      <PortalTitle>{t('messages.title')}</PortalTitle>
      <Paragraph>{t('messages.intro')}</Paragraph>
      {error ? <ErrorText>{error}</ErrorText> : null}
      {messages?.length === 0 ? <Paragraph>{t('messages.none')}</Paragraph> : null}
      <ol className="kern-portal-list" aria-label={t('messages.title')}>
        {(messages ?? []).map((m) => (
          <li key={m.id} className="kern-portal-card">
            <Paragraph>
              <strong>{m.from === 'me' ? t('messages.me') : [t('messages.municipality'), m.role ? tx(`role.${m.role}`) : null, m.answeredBy ?? m.team].filter(Boolean).join(', ')}</strong>
              {' — '}
              <time dateTime={m.sentAt}>{new Date(m.sentAt).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam' })}</time>
              {m.topic ? ` — ${tx(`topic.${m.topic}`)}` : null}
            </Paragraph>
            <Paragraph className="kern-portal-message">{m.body}</Paragraph>
          </li>
        ))}
      </ol>
      <Heading2>{t('messages.new')}</Heading2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          if (!topic) {
            setError(t('messages.topicMissing'));
            return;
          }
          const checked = checkForm(citizenMessageInputSchema, { body, topic }, lang, { body: { id: 'message', label: t('messages.new') } });
          if (!checked.ok) {
            setError(checked.message);
            document.getElementById(checked.id)?.focus();
            return;
          }
          api.send(person.ref, checked.value.body, checked.value.topic).then((list) => {
            setMessages(list);
            setBody('');
            setTopic(null);
            setDone(t('messages.sent'));
          }, fail);
        }}
      >
        <fieldset className="kern-portal-choices">
          <legend className="utrecht-form-label">{t('messages.topic')}</legend>
          {topics.map((value) => (
            <label key={value}>
              <input type="radio" name="message-topic" value={value} checked={topic === value} onChange={() => setTopic(value)} />
              {tx(`topic.${value}`)}
            </label>
          ))}
        </fieldset>
        <FormField label={<FormLabel htmlFor="message">{t('messages.new')}</FormLabel>} input={<Textarea id="message" rows={4} value={body} onChange={(e) => setBody(e.target.value)} />} />
        <Done>{done}</Done>
        <ButtonGroup>
          <PrimaryActionButton type="submit">{t('messages.send')}</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
