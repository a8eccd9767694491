import { Button, Heading2, Heading3, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState, type SyntheticEvent } from 'react';
import type { Problem } from '../api';
import { insightApi, type Experiment, type ExperimentInput, type IndicatorDefinition } from '../api/insight';
import { useApp, useSession } from '../app-context';
import { Loading, ProblemAlert, toProblem } from '../components/Alerts';
import { Field, TextareaField, TextField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';

const empty: ExperimentInput = {
  title: '', hypothesis: '', intervention: '', targetGroup: '', indicatorId: 'plan-goals-reached', teamId: null,
  baselineFrom: '', baselineTo: '', periodFrom: '', periodTo: '',
};
const DATES = ['baselineFrom', 'baselineTo', 'periodFrom', 'periodTo'] as const;

/** Register experiments and compare the experiment group with its baseline. */
export function ExperimentsPage() {
  const { api, t, lang } = useApp();
  const { account } = useSession();
  const insight = useMemo(() => insightApi(api), [api]);
  const [list, setList] = useState<Experiment[] | null>(null);
  const [catalogue, setCatalogue] = useState<IndicatorDefinition[]>([]);
  const [form, setForm] = useState<ExperimentInput>({ ...empty, teamId: account.teams[0]?.id ?? null });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [generation, setGeneration] = useState(0);
  const analyst = account.roles.includes('quality-analyst');

  useEffect(() => {
    insight.experiments().then(setList, (e: unknown) => setProblem(toProblem(e)));
    insight.indicators().then((c) => setCatalogue([...c.core, ...c.local].filter((d) => ['percent', 'days', 'steps'].includes(d.unit))), () => undefined);
  }, [insight, generation]);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      await insight.registerExperiment(form);
      setForm({ ...empty, teamId: form.teamId });
      setProblem(null);
      setGeneration((g) => g + 1);
    } catch (e) {
      setProblem(toProblem(e));
    }
  };
  const evaluate = async (id: string) => {
    try {
      await insight.evaluateExperiment(id);
      setGeneration((g) => g + 1);
    } catch (e) {
      setProblem(toProblem(e));
    }
  };
  const set = (k: keyof ExperimentInput) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  return (
    <>
      <PageTitle>{t('insight.experiments.title')}</PageTitle>
      <Paragraph>{t('insight.experiments.intro')}</Paragraph>
      {problem && <ProblemAlert problem={problem} />}
      {list === null ? <Loading /> : list.length === 0 ? <Paragraph>{t('insight.experiments.none')}</Paragraph> : list.map((e) => (
        <section key={e.id} className="kern-experiment" aria-labelledby={`exp-${e.id}`}>
          <Heading3 id={`exp-${e.id}`}>{e.title}</Heading3>
          <Paragraph>{e.hypothesis}</Paragraph>
          <Paragraph>{`${t('insight.experiments.intervention')}: ${e.intervention}. ${t('insight.experiments.targetGroup')}: ${e.targetGroup}. ${t('insight.indicator')}: ${catalogue.find((d) => d.id === e.indicatorId)?.title[lang] ?? e.indicatorId}. ${e.baselineFrom} – ${e.baselineTo} / ${e.periodFrom} – ${e.periodTo}`}</Paragraph>
          <Paragraph><strong>{t('insight.experiments.result')}:</strong> {e.writeUp ?? t('insight.experiments.notEvaluated')}</Paragraph>
          {analyst && <Button type="button" appearance="secondary-action-button" onClick={() => void evaluate(e.id)}>{t('insight.experiments.evaluate')}</Button>}
        </section>
      ))}
      {analyst && (
        <form className="kern-form" noValidate onSubmit={(e) => void submit(e)}>
          <Heading2>{t('insight.experiments.new')}</Heading2>
          <TextField id="exp-title" label={t('insight.experiments.titleField')} value={form.title} onChange={set('title')} required />
          <TextareaField id="exp-hypothesis" label={t('insight.experiments.hypothesis')} value={form.hypothesis} onChange={set('hypothesis')} required />
          <TextField id="exp-intervention" label={t('insight.experiments.intervention')} value={form.intervention} onChange={set('intervention')} required />
          <TextField id="exp-target" label={t('insight.experiments.targetGroup')} value={form.targetGroup} onChange={set('targetGroup')} required />
          <Field id="exp-indicator" label={t('insight.indicator')}>
            {(w) => (
              <Select {...w} value={form.indicatorId} onChange={(e) => set('indicatorId')(e.target.value)}>
                {catalogue.map((d) => <SelectOption key={d.id} value={d.id}>{d.title[lang]}</SelectOption>)}
              </Select>
            )}
          </Field>
          {DATES.map((k) => <TextField key={k} id={`exp-${k}`} type="date" label={t(`insight.experiments.${k}`)} value={form[k]} onChange={set(k)} required />)}
          <Button type="submit" appearance="primary-action-button">{t('insight.experiments.register')}</Button>
        </form>
      )}
    </>
  );
}
