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
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { BreakGlassGrant, Problem, Verdict } from '../api';
import { useApp } from '../app-context';
import { formatDateTime, type MessageKey } from '../i18n';
import { isPurpose } from '../purpose';
import { ErrorSummary, Loading, ProblemAlert, StatusMessage, toProblem, type FieldError } from './Alerts';
import { TextareaField } from './Field';

const VERDICTS: Verdict[] = ['justified', 'unjustified'];

/** Break-the-glass grants that still await the auditor's verdict. */
export function GrantReviews() {
  const { api, t } = useApp();
  const [grants, setGrants] = useState<BreakGlassGrant[] | Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    api.openBreakGlassGrants().then(setGrants, (error: unknown) => setGrants(toProblem(error)));
  }, [api]);

  const onReviewed = (id: string) => {
    setGrants((current) => (Array.isArray(current) ? current.filter((g) => g.id !== id) : current));
    setSaved(true);
    // The form that had focus is gone; continue from the section heading.
    headingRef.current?.focus();
  };

  return (
    <section aria-labelledby="grants-heading" className="kern-section">
      <Heading2 id="grants-heading" ref={headingRef} tabIndex={-1}>
        {t('grants.title')}
      </Heading2>
      {saved && <StatusMessage>{t('grants.saved')}</StatusMessage>}
      {!grants ? (
        <Loading />
      ) : !Array.isArray(grants) ? (
        <ProblemAlert problem={grants} />
      ) : grants.length === 0 ? (
        <Paragraph>{t('grants.none')}</Paragraph>
      ) : (
        grants.map((grant) => <GrantReview key={grant.id} grant={grant} onReviewed={() => onReviewed(grant.id)} />)
      )}
    </section>
  );
}

function GrantReview({ grant, onReviewed }: { grant: BreakGlassGrant; onReviewed: () => void }) {
  const { api, t, lang } = useApp();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `grant-${grant.id}`;
  const headingId = `${prefix}-heading`;
  const verdictErrorId = `${prefix}-verdict-error`;
  const name = grant.accountName ?? grant.accountId;
  const purposeLabel = isPurpose(grant.purpose) ? t(`purpose.${grant.purpose}`) : grant.purpose;
  const verdictError = errors.find((e) => e.id === `${prefix}-justified`)?.message;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const found: FieldError[] = [];
    if (!verdict) found.push({ id: `${prefix}-justified`, message: t('grants.verdict.required') });
    if (!note.trim()) found.push({ id: `${prefix}-note`, message: t('grants.note.required') });
    setErrors(found);
    if (found.length > 0 || !verdict) {
      document.getElementById(found[0]?.id ?? '')?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.reviewBreakGlassGrant(grant.id, verdict, note.trim());
      onReviewed();
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(false);
    }
  };

  const facts: [MessageKey, string][] = [
    ['grants.account', name],
    ['grants.purpose', purposeLabel],
    ['grants.reason', grant.reason],
    ['grants.grantedAt', formatDateTime(grant.grantedAt, lang)],
    ['grants.expiresAt', formatDateTime(grant.expiresAt, lang)],
  ];

  return (
    <article aria-labelledby={headingId} className="kern-grant">
      <Heading3 id={headingId}>{t('grants.heading', { name, bsn: grant.subjectBsn })}</Heading3>
      <DataList>
        {facts.map(([key, value]) => (
          <DataListItem key={key}>
            <DataListKey>{t(key)}</DataListKey>
            <DataListValue multiline>{value}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      <form className="kern-form" noValidate onSubmit={(event) => void submit(event)}>
        <Fieldset invalid={Boolean(verdictError)} aria-describedby={verdictError ? verdictErrorId : undefined}>
          <FieldsetLegend>{t('grants.verdict')}</FieldsetLegend>
          {verdictError && <FormFieldErrorMessage id={verdictErrorId}>{verdictError}</FormFieldErrorMessage>}
          {VERDICTS.map((v) => (
            <FormField
              key={v}
              type="radio"
              label={
                <FormLabel htmlFor={`${prefix}-${v}`} type="radio" checked={verdict === v}>
                  {t(`grants.${v}`)}
                </FormLabel>
              }
              input={
                <RadioButton
                  id={`${prefix}-${v}`}
                  name={`${prefix}-verdict`}
                  value={v}
                  checked={verdict === v}
                  invalid={Boolean(verdictError)}
                  onChange={() => setVerdict(v)}
                />
              }
            />
          ))}
        </Fieldset>
        <TextareaField
          id={`${prefix}-note`}
          label={t('grants.note')}
          value={note}
          onChange={setNote}
          required
          error={errors.find((e) => e.id === `${prefix}-note`)?.message}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('grants.submit')}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </article>
  );
}
