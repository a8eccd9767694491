import {
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  RadioButton,
} from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import type { Problem } from '../api';
import { relationsApi, type InvolvementRequest, type RequestVerdict } from '../api/relations';
import { useApp } from '../app-context';
import { ErrorSummary, Loading, ProblemAlert, StatusMessage, toProblem, type FieldError } from '../components/Alerts';
import { TextareaField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { formatDateTime, type MessageKey } from '../i18n';
import { isPurpose } from '../purpose';

const VERDICTS: RequestVerdict[] = ['approved', 'rejected'];

/** The requests for access to decide on (team lead of the requester's team) and one's own requests. */
export function AccessRequestsPage() {
  const { api, t } = useApp();
  const client = useMemo(() => relationsApi(api), [api]);
  const [requests, setRequests] = useState<InvolvementRequest[] | Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    client.requests().then(setRequests, (error: unknown) => setRequests(toProblem(error)));
  }, [client]);

  const onDecided = (decided: InvolvementRequest) => {
    setRequests((current) => (Array.isArray(current) ? current.map((r) => (r.id === decided.id ? decided : r)) : current));
    setSaved(true);
    headingRef.current?.focus();
  };

  const list = Array.isArray(requests) ? requests : [];
  const toDecide = list.filter((r) => r.canDecide);
  const mine = list.filter((r) => !r.canDecide);

  return (
    <>
      <PageTitle>{t('relations.requests.title')}</PageTitle>
      <Paragraph>{t('relations.requests.intro')}</Paragraph>
      {saved && <StatusMessage>{t('relations.decide.saved')}</StatusMessage>}
      {!requests ? (
        <Loading />
      ) : !Array.isArray(requests) ? (
        <ProblemAlert problem={requests} />
      ) : (
        <>
          <section aria-labelledby="to-decide-heading" className="kern-section">
            <Heading2 id="to-decide-heading" ref={headingRef} tabIndex={-1}>
              {t('relations.decide.verdict')}
            </Heading2>
            {toDecide.length === 0 ? (
              <Paragraph>{t('relations.requests.none')}</Paragraph>
            ) : (
              toDecide.map((r) => <RequestDecision key={r.id} request={r} onDecided={onDecided} decide={client.decide} />)
            )}
          </section>
          <section aria-labelledby="mine-heading" className="kern-section">
            <Heading2 id="mine-heading">{t('relations.requests.mine')}</Heading2>
            {mine.length === 0 ? <Paragraph>{t('relations.requests.mine.none')}</Paragraph> : mine.map((r) => <RequestFacts key={r.id} request={r} />)}
          </section>
        </>
      )}
    </>
  );
}

function RequestFacts({ request }: { request: InvolvementRequest }) {
  const { t, lang } = useApp();
  const name = request.requestedByName ?? request.requestedBy;
  const facts: [MessageKey, string][] = [
    ['relations.requests.requester', name],
    ['relations.requests.purpose', isPurpose(request.purpose) ? t(`purpose.${request.purpose}`) : request.purpose],
    ['relations.requests.reason', request.reason],
    ['relations.requests.requestedAt', formatDateTime(request.requestedAt, lang)],
    ['relations.requests.status', t(`relations.status.${request.status}`)],
  ];
  return (
    <>
      <Heading3 id={`request-${request.id}-heading`}>{t('relations.requests.heading', { bsn: request.subjectBsn, name })}</Heading3>
      <DataList>
        {facts.map(([key, value]) => (
          <DataListItem key={key}>
            <DataListKey>{t(key)}</DataListKey>
            <DataListValue multiline>{value}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
    </>
  );
}

function RequestDecision({ request, onDecided, decide }: { request: InvolvementRequest; onDecided: (r: InvolvementRequest) => void; decide: ReturnType<typeof relationsApi>['decide'] }) {
  const { t } = useApp();
  const [verdict, setVerdict] = useState<RequestVerdict | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `request-${request.id}`;
  const verdictError = errors.find((e) => e.id === `${prefix}-approved`)?.message;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const found: FieldError[] = [];
    if (!verdict) found.push({ id: `${prefix}-approved`, message: t('relations.decide.verdict.required') });
    if (note.trim().length < 3) found.push({ id: `${prefix}-note`, message: t('relations.decide.note.required') });
    setErrors(found);
    if (found.length > 0 || !verdict) {
      document.getElementById(found[0]?.id ?? '')?.focus();
      return;
    }
    setBusy(true);
    try {
      onDecided(await decide(request.id, verdict, note.trim()));
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(false);
    }
  };

  return (
    <article aria-labelledby={`${prefix}-heading`} className="kern-grant">
      <RequestFacts request={request} />
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      <form className="kern-form" noValidate aria-labelledby={`${prefix}-heading`} onSubmit={(event) => void submit(event)}>
        <Fieldset invalid={Boolean(verdictError)} aria-describedby={verdictError ? `${prefix}-verdict-error` : undefined}>
          <FieldsetLegend>{t('relations.decide.verdict')}</FieldsetLegend>
          {verdictError && <FormFieldErrorMessage id={`${prefix}-verdict-error`}>{verdictError}</FormFieldErrorMessage>}
          {VERDICTS.map((v) => (
            <FormField
              key={v}
              type="radio"
              label={
                <FormLabel htmlFor={`${prefix}-${v}`} type="radio" checked={verdict === v}>
                  {t(`relations.decide.${v}`)}
                </FormLabel>
              }
              input={<RadioButton id={`${prefix}-${v}`} name={`${prefix}-verdict`} value={v} checked={verdict === v} invalid={Boolean(verdictError)} onChange={() => setVerdict(v)} />}
            />
          ))}
        </Fieldset>
        <TextareaField id={`${prefix}-note`} label={t('relations.decide.note')} value={note} onChange={setNote} required error={errors.find((e) => e.id === `${prefix}-note`)?.message} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('relations.decide.submit')}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </article>
  );
}
