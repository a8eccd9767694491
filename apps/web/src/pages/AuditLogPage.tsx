import {
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { auditCsvUrl, type AuditFilter, type AuditRecord, type Outcome, type Problem } from '../api';
import { useApp } from '../app-context';
import { ErrorSummary, Loading, ProblemAlert, toProblem, type FieldError } from '../components/Alerts';
import { AuditTable } from '../components/AuditTable';
import { ChainStatus } from '../components/ChainStatus';
import { Field, TextField } from '../components/Field';
import { GrantReviews } from '../components/GrantReviews';
import { PageTitle } from '../components/PageTitle';
import { RelationReviews } from '../components/RelationReviews';
import type { Translate } from '../i18n';
import { isIsoDate } from '../validation';

interface Draft {
  subjectBsn: string;
  actorId: string;
  outcome: '' | Outcome;
  from: string;
  to: string;
}

const EMPTY: Draft = { subjectBsn: '', actorId: '', outcome: '', from: '', to: '' };

function toFilter(draft: Draft, t: Translate): { filter: AuditFilter } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const subjectBsn = draft.subjectBsn.replace(/\s/g, '');
  if (subjectBsn && !/^\d{9}$/.test(subjectBsn)) errors.push({ id: 'subjectBsn', message: t('audit.subjectBsn.error') });
  if (draft.from && !isIsoDate(draft.from)) errors.push({ id: 'from', message: t('audit.date.error') });
  if (draft.to && !isIsoDate(draft.to)) errors.push({ id: 'to', message: t('audit.date.error') });
  else if (draft.from && draft.to && draft.to < draft.from) errors.push({ id: 'to', message: t('audit.range.error') });
  if (errors.length) return { errors };
  const filter: AuditFilter = {};
  if (subjectBsn) filter.subjectBsn = subjectBsn;
  if (draft.actorId.trim()) filter.actorId = draft.actorId.trim();
  if (draft.outcome) filter.outcome = draft.outcome;
  if (draft.from) filter.from = draft.from;
  if (draft.to) filter.to = draft.to;
  return { filter };
}

export function AuditLogPage() {
  const { api, t } = useApp();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [records, setRecords] = useState<AuditRecord[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    (applied: AuditFilter, before?: number) => {
      setBusy(true);
      setProblem(null);
      api
        .auditRecords(applied, before)
        .then(
          (page) => {
            setRecords((current) => (before !== undefined && current ? [...current, ...page.records] : page.records));
            setNextBefore(page.nextBefore);
          },
          (error: unknown) => setProblem(toProblem(error)),
        )
        .finally(() => setBusy(false));
    },
    [api],
  );

  useEffect(() => load({}), [load]);

  const set = (field: keyof Draft) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));
  const errorFor = (id: string) => errors.find((e) => e.id === id)?.message;

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = toFilter(draft, t);
    if ('errors' in checked) {
      setErrors(checked.errors);
      document.getElementById(checked.errors[0]?.id ?? '')?.focus();
      return;
    }
    setErrors([]);
    setFilter(checked.filter);
    load(checked.filter);
  };

  const reset = () => {
    setDraft(EMPTY);
    setErrors([]);
    setFilter({});
    load({});
  };

  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <ChainStatus />

      <section aria-labelledby="filter-heading" className="kern-section">
        <Heading2 id="filter-heading">{t('audit.filters')}</Heading2>
        <ErrorSummary errors={errors} />
        <form className="kern-form kern-form--filters" noValidate aria-labelledby="filter-heading" onSubmit={submit}>
          <div className="kern-filter-grid">
            <TextField id="subjectBsn" label={t('audit.subjectBsn')} value={draft.subjectBsn} onChange={set('subjectBsn')} inputMode="numeric" autoComplete="off" size={12} error={errorFor('subjectBsn')} />
            <TextField id="actorId" label={t('audit.actorId')} value={draft.actorId} onChange={set('actorId')} autoComplete="off" error={errorFor('actorId')} />
            <Field id="outcome" label={t('audit.outcome')}>
              {(wiring) => (
                <Select {...wiring} name="outcome" value={draft.outcome} onChange={(event) => set('outcome')(event.target.value)}>
                  <SelectOption value="">{t('audit.outcome.any')}</SelectOption>
                  <SelectOption value="allowed">{t('outcome.allowed')}</SelectOption>
                  <SelectOption value="denied">{t('outcome.denied')}</SelectOption>
                </Select>
              )}
            </Field>
            <TextField id="from" label={t('audit.from')} type="date" value={draft.from} onChange={set('from')} error={errorFor('from')} />
            <TextField id="to" label={t('audit.to')} type="date" value={draft.to} onChange={set('to')} error={errorFor('to')} />
          </div>
          <ButtonGroup>
            <PrimaryActionButton type="submit" disabled={busy}>
              {t('audit.submit')}
            </PrimaryActionButton>
            <Button type="button" appearance="secondary-action-button" onClick={reset} disabled={busy}>
              {t('audit.reset')}
            </Button>
          </ButtonGroup>
        </form>
      </section>

      <section aria-labelledby="records-heading" className="kern-section">
        <Heading2 id="records-heading">{t('audit.records')}</Heading2>
        <Paragraph>
          <a className="utrecht-link" href={auditCsvUrl(filter)} download>
            {t('audit.download')}
          </a>
        </Paragraph>
        {problem && <ProblemAlert problem={problem} />}
        {!records ? (
          busy && <Loading />
        ) : records.length === 0 ? (
          <Paragraph role="status">{t('audit.none')}</Paragraph>
        ) : (
          <>
            <p id="records-caption" className="kern-visually-hidden">
              {t('audit.caption')}
            </p>
            <AuditTable records={records} captionId="records-caption" />
            {nextBefore !== undefined && (
              <ButtonGroup>
                <Button appearance="secondary-action-button" onClick={() => load(filter, nextBefore)} busy={busy} disabled={busy}>
                  {t('audit.more')}
                </Button>
              </ButtonGroup>
            )}
          </>
        )}
      </section>

      <GrantReviews />
      <RelationReviews />
    </>
  );
}
