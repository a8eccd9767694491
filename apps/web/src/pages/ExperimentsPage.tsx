import { Button, Heading2, Heading3, Paragraph, Select, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState, type SyntheticEvent } from 'react';
import type { Problem } from '../api';
import { insightApi, type Experiment, type ExperimentInput, type IndicatorDefinition, type Team } from '../api/insight';
import { useApp, useSession } from '../app-context';
import { Loading, ProblemAlert, toProblem } from '../components/Alerts';
import { Field, TextareaField, TextField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { focusFirst, problemFieldErrors } from '../components/problem-fields';

const empty: ExperimentInput = {
  title: '', hypothesis: '', intervention: '', targetGroup: '', indicatorId: 'plan-goals-reached', teamId: null, controlTeamId: null,
  baselineFrom: '', baselineTo: '', periodFrom: '', periodTo: '',
};
const DATES = ['baselineFrom', 'baselineTo', 'periodFrom', 'periodTo'] as const;
/** Input ids by the server's field names, so a refusal lands next to its field. */
const FIELD_IDS: Record<string, string> = {
  title: 'exp-title', hypothesis: 'exp-hypothesis', intervention: 'exp-intervention', targetGroup: 'exp-target', indicatorId: 'exp-indicator', teamId: 'exp-team', controlTeamId: 'exp-control',
  ...Object.fromEntries(DATES.map((k) => [k, `exp-${k}`])),
};

const estimate = (v: number | null, unit: 'percent' | 'other') => (v === null ? '—' : unit === 'percent' ? `${(v * 100).toFixed(1)}%` : v.toFixed(2));

/** The four groups of an experiment with a control group, and the two comparisons, as a table. */
function ControlTable({ e, teamName, unit }: { e: Experiment; teamName: (id: string | null) => string; unit: 'percent' | 'other' }) {
  const { t } = useApp();
  const r = e.result;
  const c = r?.control;
  if (!r || !c) return null;
  const dd = c.differenceInDifferences;
  const ci = (x: [number, number] | null) => (x ? `${estimate(x[0], unit)} – ${estimate(x[1], unit)}` : '—');
  const verdict = (x: { detected: boolean; better: string }) => t(x.detected ? (x.better === 'yes' ? 'insight.experiments.detectedBetter' : x.better === 'no' ? 'insight.experiments.detectedWorse' : 'insight.experiments.detected') : 'insight.experiments.notDetected');
  return (
    <Table>
      <TableCaption>{t('insight.experiments.controlCaption', { group: teamName(e.teamId), control: teamName(c.controlTeamId) })}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('insight.experiments.comparison')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('insight.experiments.estimates')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('insight.experiments.difference')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('insight.experiments.ci')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('insight.experiments.verdict')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        <TableRow>
          <TableHeaderCell scope="row">{t('insight.experiments.vsBaseline')}</TableHeaderCell>
          <TableCell>{`${estimate(r.baseline.estimate, unit)} (n=${r.baseline.n}) → ${estimate(r.experiment.estimate, unit)} (n=${r.experiment.n})`}</TableCell>
          <TableCell>{estimate(r.difference, unit)}</TableCell>
          <TableCell>{ci(r.ci95)}</TableCell>
          <TableCell>{verdict(r)}</TableCell>
        </TableRow>
        <TableRow>
          <TableHeaderCell scope="row">{t('insight.experiments.vsControl')}</TableHeaderCell>
          <TableCell>{`${estimate(c.concurrent.baseline.estimate, unit)} (n=${c.concurrent.baseline.n}) / ${estimate(c.concurrent.experiment.estimate, unit)} (n=${c.concurrent.experiment.n})`}</TableCell>
          <TableCell>{estimate(c.concurrent.difference, unit)}</TableCell>
          <TableCell>{ci(c.concurrent.ci95)}</TableCell>
          <TableCell>{verdict(c.concurrent)}</TableCell>
        </TableRow>
        <TableRow>
          <TableHeaderCell scope="row">{t('insight.experiments.did')}</TableHeaderCell>
          <TableCell>{`${estimate(dd.controlBaseline.estimate, unit)} (n=${dd.controlBaseline.n}) → ${estimate(dd.controlPeriod.estimate, unit)} (n=${dd.controlPeriod.n})`}</TableCell>
          <TableCell>{estimate(dd.difference, unit)}</TableCell>
          <TableCell>{ci(dd.ci95)}</TableCell>
          <TableCell>{verdict(dd)}</TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

/** Register experiments and compare the experiment group with its baseline. */
export function ExperimentsPage() {
  const { api, t, lang } = useApp();
  const { account } = useSession();
  const insight = useMemo(() => insightApi(api), [api]);
  const [list, setList] = useState<Experiment[] | null>(null);
  const [catalogue, setCatalogue] = useState<IndicatorDefinition[]>([]);
  const [form, setForm] = useState<ExperimentInput>({ ...empty, teamId: account.teams[0]?.id ?? null });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [teams, setTeams] = useState<Team[]>([]);
  const [generation, setGeneration] = useState(0);
  const analyst = account.roles.includes('quality-analyst');

  useEffect(() => {
    insight.experiments().then(setList, (e: unknown) => setProblem(toProblem(e)));
    insight.indicators().then((c) => setCatalogue([...c.core, ...c.local].filter((d) => ['percent', 'days', 'steps'].includes(d.unit))), () => undefined);
    insight.teams().then(setTeams, () => setTeams([]));
  }, [insight, generation]);
  const teamName = (id: string | null) => {
    if (id === null) return t('insight.experiments.wholeMunicipality');
    const found = teams.find((x) => x.id === id);
    return found ? (found.area ? `${found.name} (${found.area})` : found.name) : id;
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      await insight.registerExperiment(form);
      setForm({ ...empty, teamId: form.teamId, controlTeamId: form.controlTeamId });
      setProblem(null);
      setErrors({});
      setGeneration((g) => g + 1);
    } catch (e) {
      const p = toProblem(e);
      const found = problemFieldErrors(p, lang, FIELD_IDS);
      setErrors(found);
      if (Object.keys(found).length > 0) {
        setProblem(null);
        focusFirst(found);
      } else setProblem(p);
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
          <Paragraph>{t('insight.experiments.groups', { group: teamName(e.teamId), control: e.controlTeamId ? teamName(e.controlTeamId) : t('insight.experiments.noControl') })}</Paragraph>
          <Paragraph><strong>{t('insight.experiments.result')}:</strong> {e.writeUp ?? t('insight.experiments.notEvaluated')}</Paragraph>
          <ControlTable e={e} teamName={teamName} unit={catalogue.find((d) => d.id === e.indicatorId)?.unit === 'percent' ? 'percent' : 'other'} />
          {analyst && <Button type="button" appearance="secondary-action-button" onClick={() => void evaluate(e.id)}>{t('insight.experiments.evaluate')}</Button>}
        </section>
      ))}
      {analyst && (
        <form className="kern-form" noValidate onSubmit={(e) => void submit(e)}>
          <Heading2>{t('insight.experiments.new')}</Heading2>
          <TextField id="exp-title" label={t('insight.experiments.titleField')} value={form.title} onChange={set('title')} error={errors['exp-title']} required />
          <TextareaField id="exp-hypothesis" label={t('insight.experiments.hypothesis')} value={form.hypothesis} onChange={set('hypothesis')} error={errors['exp-hypothesis']} required />
          <TextField id="exp-intervention" label={t('insight.experiments.intervention')} value={form.intervention} onChange={set('intervention')} error={errors['exp-intervention']} required />
          <TextField id="exp-target" label={t('insight.experiments.targetGroup')} value={form.targetGroup} onChange={set('targetGroup')} error={errors['exp-target']} required />
          <Field id="exp-team" label={t('insight.experiments.team')} error={errors['exp-team']}>
            {(w) => (
              <Select {...w} value={form.teamId ?? ''} onChange={(e) => setForm((f) => ({ ...f, teamId: e.target.value || null, controlTeamId: e.target.value ? f.controlTeamId : null }))}>
                <SelectOption value="">{t('insight.experiments.wholeMunicipality')}</SelectOption>
                {teams.map((x) => <SelectOption key={x.id} value={x.id}>{teamName(x.id)}</SelectOption>)}
              </Select>
            )}
          </Field>
          <Field id="exp-control" label={t('insight.experiments.control')} hint={t('insight.experiments.controlHint')} error={errors['exp-control']}>
            {(w) => (
              <Select {...w} value={form.controlTeamId ?? ''} onChange={(e) => setForm((f) => ({ ...f, controlTeamId: e.target.value || null }))}>
                <SelectOption value="">{t('insight.experiments.noControl')}</SelectOption>
                {teams.filter((x) => x.id !== form.teamId).map((x) => <SelectOption key={x.id} value={x.id}>{teamName(x.id)}</SelectOption>)}
              </Select>
            )}
          </Field>
          <Field id="exp-indicator" label={t('insight.indicator')} error={errors['exp-indicator']}>
            {(w) => (
              <Select {...w} value={form.indicatorId} onChange={(e) => set('indicatorId')(e.target.value)}>
                {catalogue.map((d) => <SelectOption key={d.id} value={d.id}>{d.title[lang]}</SelectOption>)}
              </Select>
            )}
          </Field>
          {DATES.map((k) => <TextField key={k} id={`exp-${k}`} type="date" label={t(`insight.experiments.${k}`)} value={form[k]} onChange={set(k)} error={errors[`exp-${k}`]} required />)}
          <Button type="submit" appearance="primary-action-button">{t('insight.experiments.register')}</Button>
        </form>
      )}
    </>
  );
}
