import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, PrimaryActionButton, Textarea } from '@utrecht/component-library-react';
import { useEffect, useState, type ChangeEvent, type SyntheticEvent } from 'react';
import { MAX_UPLOAD_BYTES, objectionInputSchema, type ObjectionKind, type PortalObjection } from '@kern/portal/contract';
import { AppLink, useLocation } from '../../router';
import { PortalApiError, problemText, type PortalDecision } from '../api';
import { Done, ErrorText, PortalTitle, useDate } from '../components';
import { usePortal } from '../context';
import { FileField, readBase64 } from '../file-field';
import { portalPaths } from '../paths';
import { checkForm } from '../validate';
import { useProvisionWords } from './DecisionsSection';

const ALLOWED = ['application/pdf', 'image/jpeg', 'image/png'];
type FieldError = { id: string; message: string } | null;

/**
 * Lodge an objection (bezwaar) or ask for a review of one decision. After the term the form
 * still takes it, asks why it is late, and says the municipality decides whether to consider it.
 * Every refusal is shown on its field, in the reader's language.
 */
export function ObjectionPage() {
  const { api, person, t, tx, lang } = usePortal();
  const { search } = useLocation();
  const date = useDate();
  const words = useProvisionWords();
  const decisionId = search.get('besluit') ?? '';
  const [decision, setDecision] = useState<PortalDecision | null | undefined>(undefined);
  const [kind, setKind] = useState<ObjectionKind>('objection');
  const [grounds, setGrounds] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<FieldError>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<PortalObjection | null>(null);

  useEffect(() => {
    api.decisions(person.ref).then((all) => setDecision(all.find((d) => d.id === decisionId) ?? null), (e: unknown) => setError(problemText(e, lang, t('app.error'))));
  }, [api, person.ref, decisionId, lang, t]);

  const refuse = (id: string, message: string) => {
    setFieldError({ id, message });
    document.getElementById(id)?.focus();
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0] ?? null;
    setFieldError(null);
    if (chosen && chosen.size > MAX_UPLOAD_BYTES) return refuse('attachment', t('objection.fileTooBig'));
    if (chosen && !ALLOWED.includes(chosen.type)) return refuse('attachment', t('objection.fileType'));
    setFile(chosen);
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!decision) return;
    setError(null);
    setFieldError(null);
    const body = {
      kind, grounds,
      lateReason: !decision.objection.inTime && lateReason.trim() ? lateReason : null,
      attachment: file ? { fileName: file.name, contentBase64: await readBase64(file) } : null,
    };
    const checked = checkForm(objectionInputSchema, body, lang, {
      grounds: { id: 'grounds', label: t('objection.grounds') },
      lateReason: { id: 'lateReason', label: t('objection.lateReason') },
      attachment: { id: 'attachment', label: t('objection.attachment') },
    });
    if (!checked.ok) return refuse(checked.id, checked.message);
    try {
      setSent((await api.lodgeObjection(person.ref, decision.id, body)).objection);
    } catch (e) {
      const field = e instanceof PortalApiError ? e.problem.invalidParams?.[0]?.name : undefined;
      const message = problemText(e, lang, t('app.error'));
      if (field === 'attachment' || field === 'grounds' || field === 'lateReason') refuse(field, message);
      else setError(message);
    }
  };

  if (sent) {
    return (
      <>
        <PortalTitle>{t('objection.sent')}</PortalTitle>
        <Done>{`${t('objection.sentCase')} ${sent.caseReference}.`}</Done>
        {sent.late ? <Paragraph>{t('objection.sentLate')}</Paragraph> : null}
        {sent.status ? <Paragraph>{`${sent.status.now[lang]} ${sent.status.next[lang]}`}</Paragraph> : null}
        {sent.decisionDue ? <Paragraph>{`${t('decisions.decideBy')} ${date(sent.decisionDue)}. ${sent.decisionDueExplanation[lang]}`}</Paragraph> : null}
        <Paragraph>
          <AppLink href={portalPaths.home}>{t('objection.back')}</AppLink>
        </Paragraph>
      </>
    );
  }

  const errorOn = (id: string) => (fieldError?.id === id ? fieldError.message : null);
  return (
    <>
      <PortalTitle>{t('objection.title')}</PortalTitle>
      {error ? <ErrorText>{error}</ErrorText> : null}
      {decision === undefined && !error ? <Paragraph aria-busy="true">{t('app.loading')}</Paragraph> : null}
      {decision === null ? <ErrorText>{t('objection.notFound')}</ErrorText> : null}
      {decision ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <section aria-labelledby="objection-about" className="kern-portal-card">
            <h2 id="objection-about" className="utrecht-heading-2">{t('objection.about')}</h2>
            <Paragraph>{`${t('decisions.decidedOn')} ${date(decision.decidedOn)}: ${tx(`law.${decision.law}`)}. ${t(`decisions.${decision.outcome}`)}`}</Paragraph>
            {decision.provisions.map((p, i) => <Paragraph key={i}>{words(p)}</Paragraph>)}
            <Paragraph>
              {decision.objection.inTime ? `${t('decisions.objectUntil')} ${date(decision.objection.until)}.` : `${t('decisions.objectLate')} ${date(decision.objection.until)}. ${t('decisions.objectLateHint')}`}
            </Paragraph>
          </section>
          <fieldset className="kern-portal-choices">
            <legend>{t('objection.kind')}</legend>
            {(['objection', 'review'] as const).map((k) => (
              <label key={k}>
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                {t(`objection.kind.${k}`)}
              </label>
            ))}
            {kind === 'review' ? <Paragraph>{t('objection.reviewHint')}</Paragraph> : null}
          </fieldset>
          <FormField
            invalid={Boolean(errorOn('grounds'))}
            label={<FormLabel htmlFor="grounds">{t('objection.grounds')}</FormLabel>}
            description={<FormFieldDescription id="grounds-hint">{t('objection.groundsHint')}</FormFieldDescription>}
            input={<Textarea id="grounds" name="grounds" rows={6} invalid={Boolean(errorOn('grounds'))} aria-describedby={errorOn('grounds') ? 'grounds-error grounds-hint' : 'grounds-hint'} value={grounds} onChange={(e) => setGrounds(e.target.value)} />}
          >
            {errorOn('grounds') ? <FormFieldErrorMessage id="grounds-error">{errorOn('grounds')}</FormFieldErrorMessage> : null}
          </FormField>
          {!decision.objection.inTime ? (
            <FormField
              invalid={Boolean(errorOn('lateReason'))}
              label={<FormLabel htmlFor="lateReason">{t('objection.lateReason')}</FormLabel>}
              description={<FormFieldDescription id="lateReason-hint">{t('objection.lateReasonHint')}</FormFieldDescription>}
              input={<Textarea id="lateReason" name="lateReason" rows={3} aria-describedby="lateReason-hint" value={lateReason} onChange={(e) => setLateReason(e.target.value)} />}
            >
              {errorOn('lateReason') ? <FormFieldErrorMessage id="lateReason-error">{errorOn('lateReason')}</FormFieldErrorMessage> : null}
            </FormField>
          ) : null}
          <FileField id="attachment" label={t('objection.attachment')} hint={t('objection.attachmentHint')} onChange={onFile} invalid={Boolean(errorOn('attachment'))} />
          {errorOn('attachment') ? <FormFieldErrorMessage id="attachment-error">{errorOn('attachment')}</FormFieldErrorMessage> : null}
          <PrimaryActionButton type="submit">{t('objection.submit')}</PrimaryActionButton>
        </form>
      ) : null}
    </>
  );
}
