import {
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  RadioButton,
} from '@utrecht/component-library-react';
import { useEffect, useState, type SyntheticEvent, type RefObject } from 'react';
import type { Problem, ResidentQuery, ResidentSummary } from '../api';
import { useApp, useSession } from '../app-context';
import { ErrorSummary, ProblemAlert, toProblem, type FieldError } from '../components/Alerts';
import { TextField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { ResidentTable } from '../components/ResidentTable';
import { StartCaseForm } from '../components/StartCaseForm';
import { fullName } from '../format';
import type { MessageKey, Translate } from '../i18n';
import { isIsoDate, isValidBsn, normalisePostcode } from '../validation';
import { isCaseworker } from '../werkwijze';

const MODES = ['bsn', 'name', 'address'] as const;
type Mode = (typeof MODES)[number];

const MODE_LABELS: Record<Mode, MessageKey> = {
  bsn: 'search.mode.bsn',
  name: 'search.mode.name',
  address: 'search.mode.address',
};

interface Values {
  bsn: string;
  surname: string;
  birthDate: string;
  postcode: string;
  houseNumber: string;
}

export interface SearchMemory {
  mode: Mode;
  values: Values;
  results: ResidentSummary[] | null;
}

const EMPTY: Values = { bsn: '', surname: '', birthDate: '', postcode: '', houseNumber: '' };

/** Checks the fields of the chosen way of searching and builds the query, or lists what to fix. */
function validate(mode: Mode, v: Values, t: Translate): { query: ResidentQuery } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  switch (mode) {
    case 'bsn': {
      const bsn = v.bsn.replace(/[\s.]/g, '');
      if (!isValidBsn(bsn)) return { errors: [{ id: 'bsn', message: t('search.error.bsn') }] };
      return { query: { bsn } };
    }
    case 'name': {
      const surname = v.surname.trim();
      if (!surname) errors.push({ id: 'surname', message: t('search.error.surname') });
      if (!isIsoDate(v.birthDate)) errors.push({ id: 'birthDate', message: t('search.error.birthDate') });
      return errors.length ? { errors } : { query: { surname, birthDate: v.birthDate } };
    }
    case 'address': {
      const postcode = normalisePostcode(v.postcode);
      const houseNumber = v.houseNumber.trim();
      if (!postcode) errors.push({ id: 'postcode', message: t('search.error.postcode') });
      if (!/^[1-9]\d{0,4}$/.test(houseNumber)) errors.push({ id: 'houseNumber', message: t('search.error.houseNumber') });
      return errors.length || !postcode ? { errors } : { query: { postcode, houseNumber } };
    }
  }
}

export function SearchPage({ memory }: { memory: RefObject<SearchMemory | null> }) {
  const { api, t, purpose } = useApp();
  const [mode, setMode] = useState<Mode>(memory.current?.mode ?? 'bsn');
  const [values, setValues] = useState<Values>(memory.current?.values ?? EMPTY);
  const [results, setResults] = useState<ResidentSummary[] | null>(memory.current?.results ?? null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  // A first melding starts from the results, without opening (or breaking the glass on) the resident's record.
  const { account } = useSession();
  const mayStart = isCaseworker(account.roles) && purpose !== null;
  const [starting, setStarting] = useState<ResidentSummary | null>(null);

  const set = (field: keyof Values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const errorFor = (id: string) => errors.find((e) => e.id === id)?.message;

  useEffect(() => {
    memory.current = { mode, values, results };
  }, [memory, mode, values, results]);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const checked = validate(mode, values, t);
    const found = 'errors' in checked ? [...checked.errors] : [];
    if (!purpose) found.unshift({ id: 'purpose', message: t('purpose.required') });
    setErrors(found);
    if (found.length > 0 || 'errors' in checked) {
      document.getElementById(found[0]?.id ?? '')?.focus();
      return;
    }
    setBusy(true);
    setStarting(null);
    try {
      const residents = await api.searchResidents(checked.query);
      setResults(residents);
    } catch (error) {
      setProblem(toProblem(error));
      setResults(null);
    } finally {
      setBusy(false);
    }
  };

  const chooseMode = (next: Mode) => {
    setMode(next);
    setErrors([]);
  };

  return (
    <>
      <PageTitle>{t('search.title')}</PageTitle>
      <Paragraph>{t('search.intro')}</Paragraph>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      <form className="kern-form" noValidate role="search" aria-label={t('search.title')} onSubmit={(event) => void submit(event)}>
        <Fieldset>
          <FieldsetLegend>{t('search.mode')}</FieldsetLegend>
          {MODES.map((m) => (
            <FormField
              key={m}
              type="radio"
              label={
                <FormLabel htmlFor={`mode-${m}`} type="radio" checked={mode === m}>
                  {t(MODE_LABELS[m])}
                </FormLabel>
              }
              input={<RadioButton id={`mode-${m}`} name="mode" value={m} checked={mode === m} onChange={() => chooseMode(m)} />}
            />
          ))}
        </Fieldset>

        {mode === 'bsn' && (
          <TextField id="bsn" label={t('search.bsn')} hint={t('search.bsn.hint')} value={values.bsn} onChange={set('bsn')} inputMode="numeric" autoComplete="off" size={12} error={errorFor('bsn')} />
        )}
        {mode === 'name' && (
          <>
            <TextField id="surname" label={t('search.surname')} value={values.surname} onChange={set('surname')} autoComplete="off" error={errorFor('surname')} />
            <TextField id="birthDate" label={t('search.birthDate')} type="date" value={values.birthDate} onChange={set('birthDate')} autoComplete="off" error={errorFor('birthDate')} />
          </>
        )}
        {mode === 'address' && (
          <>
            <TextField id="postcode" label={t('search.postcode')} hint={t('search.postcode.hint')} value={values.postcode} onChange={set('postcode')} autoComplete="off" size={8} error={errorFor('postcode')} />
            <TextField id="houseNumber" label={t('search.houseNumber')} value={values.houseNumber} onChange={set('houseNumber')} inputMode="numeric" autoComplete="off" size={6} error={errorFor('houseNumber')} />
          </>
        )}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('search.submit')}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>

      {results && (
        <section aria-labelledby="results-heading" className="kern-section">
          <Heading2 id="results-heading">{t('search.results')}</Heading2>
          <Paragraph role="status">{results.length === 0 ? t('search.none') : t('search.results.count', { count: results.length })}</Paragraph>
          {results.length > 0 && (
            <ResidentTable residents={results} labelledBy="results-heading" {...(mayStart ? { onStart: setStarting } : {})} />
          )}
        </section>
      )}
      {mayStart && starting && (
        <StartCaseForm
          key={starting.bsn}
          bsn={starting.bsn}
          household={[]}
          subjectName={fullName(starting.name)}
          onCancel={() => {
            const bsn = starting.bsn;
            setStarting(null);
            // Back to the row's own button, so the keyboard continues where it was.
            requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-start-bsn="${bsn}"]`)?.focus());
          }}
        />
      )}
    </>
  );
}
