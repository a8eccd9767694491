import { Button, ButtonGroup, FormField, FormFieldDescription, FormLabel, Heading2, Paragraph, PrimaryActionButton, Textarea, Textbox } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ChangeEvent, type SyntheticEvent } from 'react';
import { useLocation } from '../../router';
import { draftInputSchema, MAX_UPLOAD_BYTES, topics, urgentSituations, type Topic, type UrgentSituation } from '@kern/portal/contract';
import { problemText, type PortalRequest, type Term } from '../api';
import { Done, ErrorText, PortalTitle, useDate } from '../components';
import { usePortal } from '../context';
import { FileField, readBase64 } from '../file-field';
import { checkForm } from '../validate';

interface Draft {
  topic: Topic | null;
  urgentSituations: UrgentSituation[];
  description: string;
  phone: string;
  email: string;
}
const empty: Draft = { topic: null, urgentSituations: [], description: '', phone: '', email: '' };
const toBody = (d: Draft) => ({ ...d, phone: d.phone || null, email: d.email || null });

/**
 * The one front door. What the citizen types is saved on the server as a draft (a moment after
 * they stop typing), so an expired session or a closed browser loses nothing.
 */
export function RequestPage() {
  const { api, person, t, tx, lang } = usePortal();
  const { search } = useLocation();
  const date = useDate();
  const [draft, setDraft] = useState<Draft>(empty);
  const [request, setRequest] = useState<PortalRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [result, setResult] = useState<{ cases: { reference: string; law: string; terms: Term[] }[]; urgent: boolean } | null>(null);
  const idRef = useRef<string | null>(search.get('concept'));
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const id = idRef.current;
    if (!id) return;
    api.readRequest(id).then(
      (r) => {
        setRequest(r);
        setDraft({ topic: r.topic, urgentSituations: r.urgentSituations, description: r.description, phone: r.phone ?? '', email: r.email ?? '' });
      },
      (e: unknown) => setError(problemText(e, lang, t('app.error'))),
    );
  }, [api, lang, t]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const save = async (d: Draft): Promise<PortalRequest> => {
    const saved = idRef.current ? await api.saveDraft(idRef.current, toBody(d)) : await api.createDraft(person.ref, toBody(d));
    idRef.current = saved.id;
    setRequest(saved);
    return saved;
  };

  const update = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    setStatus(null);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      save(next).then(
        () => setStatus(t('request.saved')),
        (e: unknown) => setError(problemText(e, lang, t('app.error'))),
      );
    }, 700);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    if (file.size > MAX_UPLOAD_BYTES) {
      setError(t('request.fileTooBig'));
      return;
    }
    try {
      const saved = idRef.current ? request : await save(draft);
      if (!saved) return;
      setRequest(await api.upload(saved.id, file.name, await readBase64(file)));
    } catch (e) {
      setError(problemText(e, lang, t('app.error')));
    }
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    window.clearTimeout(timer.current);
    setError(null);
    // The draft route's own schema: a phone number or e-mail address that cannot be right is named before sending.
    const checked = checkForm(draftInputSchema, toBody(draft), lang, {
      description: { id: 'description', label: t('request.description') },
      phone: { id: 'phone', label: t('request.phone') },
      email: { id: 'email', label: t('request.email') },
    });
    if (!checked.ok) {
      setError(checked.message);
      document.getElementById(checked.id)?.focus();
      return;
    }
    try {
      const saved = await save(draft);
      const out = await api.submit(saved.id);
      setRequest(out.request);
      setResult({ cases: out.cases, urgent: out.urgent });
    } catch (e) {
      setError(problemText(e, lang, t('app.error')));
    }
  };

  if (result) {
    return (
      <>
        <PortalTitle>{t('request.sent')}</PortalTitle>
        <Done>{t('request.sent')}</Done>
        {result.urgent ? <Paragraph>{t('request.urgentFlagged')}</Paragraph> : null}
        {result.cases.map((c) => (
          <div className="kern-portal-card" key={c.reference}>
            <Paragraph>{`${t('request.reference')}: ${c.reference} (${tx(`law.${c.law}`)})`}</Paragraph>
            {c.terms.map((term) => (
              <Paragraph key={term.termId}>{`${t('case.dueBy')} ${date(term.dueDate)}.`}</Paragraph>
            ))}
          </div>
        ))}
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              idRef.current = null;
              setRequest(null);
              setDraft(empty);
              setResult(null);
            }}
          >
            {t('request.new')}
          </Button>
        </ButtonGroup>
      </>
    );
  }

  return (
    <>
      <PortalTitle>{t('request.title')}</PortalTitle>
      <Paragraph>{t('request.intro')}</Paragraph>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="kern-portal-choices">
          <legend className="utrecht-form-label">{t('request.topic')}</legend>
          {topics.map((topic) => (
            <label key={topic}>
              <input type="radio" name="topic" value={topic} checked={draft.topic === topic} onChange={() => update({ topic })} />
              {tx(`topic.${topic}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="kern-portal-choices" aria-describedby="urgent-hint">
          <legend className="utrecht-form-label">{t('request.urgent')}</legend>
          <p id="urgent-hint" className="utrecht-form-field-description">{t('request.urgentHint')}</p>
          {urgentSituations.map((u) => (
            <label key={u}>
              <input
                type="checkbox"
                name="urgent"
                value={u}
                checked={draft.urgentSituations.includes(u)}
                onChange={(e) => update({ urgentSituations: e.target.checked ? [...draft.urgentSituations, u] : draft.urgentSituations.filter((x) => x !== u) })}
              />
              {tx(`urgent.${u}`)}
            </label>
          ))}
        </fieldset>
        {draft.urgentSituations.length > 0 ? (
          <div role="alert" className="kern-alert utrecht-alert utrecht-alert--warning">
            <Paragraph>{t('request.urgentFlagged')}</Paragraph>
            {draft.urgentSituations.includes('unsafe-home') ? <Paragraph>{t('request.unsafeNow')}</Paragraph> : null}
          </div>
        ) : null}
        <FormField
          label={<FormLabel htmlFor="description">{t('request.description')}</FormLabel>}
          description={<FormFieldDescription id="description-hint">{t('request.descriptionHint')}</FormFieldDescription>}
          input={<Textarea id="description" name="description" rows={5} aria-describedby="description-hint" value={draft.description} onChange={(e) => update({ description: e.target.value })} />}
        />
        <FormField
          label={<FormLabel htmlFor="phone">{t('request.phone')}</FormLabel>}
          input={<Textbox id="phone" name="phone" type="tel" autoComplete="tel" value={draft.phone} onChange={(e) => update({ phone: e.target.value })} />}
        />
        <FormField
          label={<FormLabel htmlFor="email">{t('request.email')}</FormLabel>}
          input={<Textbox id="email" name="email" type="email" autoComplete="email" value={draft.email} onChange={(e) => update({ email: e.target.value })} />}
        />
        <Heading2>{t('request.documents')}</Heading2>
        <FileField id="file" label={t('request.addFile')} hint={t('request.documentsHint')} onChange={(e) => void onFile(e)} />
        {request && request.documents.length > 0 ? (
          <ul className="kern-portal-list">
            {request.documents.map((d) => (
              <li key={d.id}>{`${d.fileName} (${Math.ceil(d.sizeBytes / 1024)} kB)`}</li>
            ))}
          </ul>
        ) : null}
        <Done>{status}</Done>
        <ButtonGroup>
          <PrimaryActionButton type="submit">{t('request.submit')}</PrimaryActionButton>
          <Button
            appearance="secondary-action-button"
            type="button"
            onClick={() => {
              window.clearTimeout(timer.current);
              save(draft).then(() => setStatus(t('request.saved')), (e: unknown) => setError(problemText(e, lang, t('app.error'))));
            }}
          >
            {t('request.save')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
