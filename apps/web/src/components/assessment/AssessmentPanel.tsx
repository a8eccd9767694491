import { ButtonGroup, Heading2, Heading3, Paragraph, PrimaryActionButton, Select, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { calendarDateSchema } from '@kern/kit/contract';
import { useCallback, useEffect, useMemo, useState, type SyntheticEvent } from 'react';
import type { Problem } from '../../api';
import { assessmentsApi, type Assessment, type AssessmentHistory, type Instrument } from '../../api/assessments';
import { useApp } from '../../app-context';
import { formatDate } from '../../i18n';
import { validateWith } from '../../validation';
import { todayIso } from '../../werkwijze';
import { ErrorSummary, Loading, ProblemAlert, StatusMessage, toProblem, type FieldError } from '../Alerts';
import { Field, TextField } from '../Field';
import { LineChart, RadarChart } from './charts';
import '../plan/plan.css';

/** Scores in a table: the charts' text alternative, one row per domain, one column per date. */
function ScoresTable({ instrument, assessments, caption }: { instrument: Instrument; assessments: Assessment[]; caption: string }) {
  const { t, lang } = useApp();
  const label = (v: number | undefined) => (v === undefined ? t('assessment.notScored') : `${v}${instrument.scale.labels.find((l) => l.value === v) ? ` (${instrument.scale.labels.find((l) => l.value === v)?.label[lang] ?? ''})` : ''}`);
  return (
    <Table>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('assessment.table.domain')}</TableHeaderCell>
          {assessments.map((a) => <TableHeaderCell key={a.id} scope="col">{formatDate(a.assessedOn, lang)}</TableHeaderCell>)}
        </TableRow>
      </TableHeader>
      <TableBody>
        {instrument.domains.map((d) => (
          <TableRow key={d.key}>
            <TableHeaderCell scope="row">{d.name[lang]}</TableHeaderCell>
            {assessments.map((a) => <TableCell key={a.id}>{label(a.scores[d.key])}</TableCell>)}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function InstrumentResults({ instrument, assessments, idPrefix }: { instrument: Instrument; assessments: Assessment[]; idPrefix: string }) {
  const { t, lang } = useApp();
  const latest = assessments.at(-1);
  if (!latest) return null;
  const name = instrument.name[lang];
  const axes = instrument.domains.map((d) => ({ key: d.key, label: d.name[lang] }));
  const vars = { instrument: name, date: formatDate(latest.assessedOn, lang), min: instrument.scale.min, max: instrument.scale.max };
  return (
    <section aria-labelledby={`${idPrefix}-h`} className="kern-assessment">
      <Heading3 id={`${idPrefix}-h`}>{name}</Heading3>
      <div className="kern-assessment__charts">
        {axes.length >= 3 && (
          <div>
            <Paragraph>{t('assessment.current', { date: vars.date })}</Paragraph>
            <RadarChart title={`${name}: ${t('assessment.current', { date: vars.date })}`} description={t('assessment.radar.desc', vars)} axes={axes} values={latest.scores} min={instrument.scale.min} max={instrument.scale.max} />
          </div>
        )}
        <div>
          <Paragraph>{t('assessment.progress')}</Paragraph>
          <LineChart
            title={`${name}: ${t('assessment.progress')}`}
            description={t('assessment.line.desc', vars)}
            dates={assessments.map((a) => formatDate(a.assessedOn, lang))}
            series={axes.filter((a) => assessments.some((x) => x.scores[a.key] !== undefined)).map((a) => ({ key: a.key, label: a.label, values: assessments.map((x) => x.scores[a.key]) }))}
            min={instrument.scale.min}
            max={instrument.scale.max}
          />
        </div>
      </div>
      <details className="kern-assessment__table">
        <summary>{t('assessment.table')}</summary>
        <ScoresTable instrument={instrument} assessments={assessments} caption={name} />
      </details>
    </section>
  );
}

function RecordAssessmentForm({ bsn, instruments, onSaved }: { bsn: string; instruments: Instrument[]; onSaved: () => void }) {
  const { api, t, lang } = useApp();
  const client = useMemo(() => assessmentsApi(api), [api]);
  const [instrumentId, setInstrumentId] = useState(instruments[0]?.id ?? '');
  const [date, setDate] = useState(todayIso);
  const [scores, setScores] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const instrument = instruments.find((i) => i.id === instrumentId);
  const values = instrument ? Array.from({ length: instrument.scale.max - instrument.scale.min + 1 }, (_, i) => instrument.scale.min + i) : [];

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setSaved(false);
    // Before, an empty or impossible date did nothing at all; now it says why, on the field.
    const dated = validateWith(calendarDateSchema, date, lang, { '': `asm-date-${bsn}` });
    setErrors(dated.ok ? [] : dated.errors);
    if (!dated.ok) {
      document.getElementById(`asm-date-${bsn}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const chosen = Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)]));
      await client.record({ instrumentId, subjectBsn: bsn, assessedOn: date, scores: chosen });
      setScores({});
      setSaved(true);
      onSaved();
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`asm-record-${bsn}`} className="kern-section kern-no-print">
      <Heading3 id={`asm-record-${bsn}`}>{t('assessment.record.title')}</Heading3>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      {saved && <StatusMessage>{t('assessment.record.saved')}</StatusMessage>}
      <form className="kern-form" noValidate onSubmit={(event) => void submit(event)}>
        <Field id={`asm-instrument-${bsn}`} label={t('assessment.record.instrument')}>
          {(wiring) => (
            <Select {...wiring} value={instrumentId} onChange={(e) => { setInstrumentId(e.target.value); setScores({}); }}>
              {instruments.map((i) => <SelectOption key={i.id} value={i.id}>{i.name[lang]}</SelectOption>)}
            </Select>
          )}
        </Field>
        <TextField id={`asm-date-${bsn}`} type="date" label={t('assessment.record.date')} value={date} onChange={setDate} required error={errors[0]?.message} />
        {instrument?.domains.map((d) => (
          <Field key={d.key} id={`asm-${bsn}-${d.key}`} label={d.name[lang]}>
            {(wiring) => (
              <Select {...wiring} value={scores[d.key] ?? ''} onChange={(e) => setScores({ ...scores, [d.key]: e.target.value })}>
                <SelectOption value="">{t('assessment.record.notAssessed')}</SelectOption>
                {values.map((v) => {
                  const label = instrument.scale.labels.find((l) => l.value === v)?.label[lang];
                  const level = d.levels.find((l) => l.level === v)?.text;
                  return <SelectOption key={v} value={String(v)}>{[String(v), label, level].filter(Boolean).join(' — ')}</SelectOption>;
                })}
              </Select>
            )}
          </Field>
        ))}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>{t('assessment.record.submit')}</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** A member's assessments: per instrument the current state as a radar and the progress as lines, with a table alternative. */
export function AssessmentPanel({ bsn, canRecord = true }: { bsn: string; canRecord?: boolean }) {
  const { api, t } = useApp();
  const client = useMemo(() => assessmentsApi(api), [api]);
  const [instruments, setInstruments] = useState<Instrument[] | null>(null);
  const [history, setHistory] = useState<AssessmentHistory | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const load = useCallback(async () => {
    try {
      const [i, h] = await Promise.all([client.instruments(), client.history(bsn)]);
      setInstruments(i);
      setHistory(h);
    } catch (e) {
      setProblem(toProblem(e));
    }
  }, [client, bsn]);
  useEffect(() => void load(), [load]);

  return (
    <section aria-labelledby={`asm-${bsn}`} className="kern-section kern-assessments" data-testid="assessment-panel">
      <Heading2 id={`asm-${bsn}`}>{t('assessment.title')}</Heading2>
      {problem ? <ProblemAlert problem={problem} /> : !instruments || !history ? <Loading /> : (
        <>
          {history.byInstrument.length === 0 && <Paragraph>{t('assessment.none')}</Paragraph>}
          {history.byInstrument.map((h) => {
            const instrument = instruments.find((i) => i.id === h.instrumentId);
            return instrument ? <InstrumentResults key={h.instrumentId} instrument={instrument} assessments={h.assessments} idPrefix={`asm-${bsn}-${h.instrumentId}`} /> : null;
          })}
          {canRecord && <RecordAssessmentForm bsn={bsn} instruments={instruments} onSaved={() => void load()} />}
        </>
      )}
    </section>
  );
}
