import { authorize, holdsPersonalData, type AccessContext, type AccessServices } from '@kern/access';
import { sql, type Tx } from '@kern/db';
import { invalidInput, newId, notFound } from '@kern/kit';
import { coreIndicator } from './catalogue';
import { groupTotalsSelect } from './compile-indicator';
import { compareMeans, compareProportions, differenceInDifferences } from './effect-size';
import { teamExists } from '@kern/identity';
import { findExperiment, findExperiments, findLocalIndicatorDefinitions, insertExperiment, saveExperimentResult } from './insight.repository';
import { shownExperiment } from './shown-values';
import { indicatorDefinitionSchema, type ControlComparison, type Experiment, type ExperimentInput, type ExperimentResult, type IndicatorDefinition } from './contract/insight.schema';

async function indicatorOf(tx: Tx, id: string): Promise<IndicatorDefinition | undefined> {
  return coreIndicator(id) ?? (await findLocalIndicatorDefinitions(tx)).map((d) => indicatorDefinitionSchema.parse(d)).find((d) => d.id === id);
}

const kindOf = (def: IndicatorDefinition): 'proportion' | 'mean' | undefined => {
  const m = def.measure;
  if (m.kind === 'ratio' || m.kind === 'return-within' || (m.kind === 'score-change' && m.result === 'improved-share')) return 'proportion';
  if (m.kind === 'mean' || (m.kind === 'score-change' && m.result === 'mean-change')) return 'mean';
  return undefined;
};

export async function registerExperiment(services: AccessServices, tx: Tx, ctx: AccessContext, input: ExperimentInput): Promise<Experiment> {
  await authorize(services, tx, ctx, { resource: 'experiment', action: 'create', detail: `experiment ${input.title}` });
  const def = await indicatorOf(tx, input.indicatorId);
  if (!def || !kindOf(def)) {
    throw invalidInput(
      { nl: 'Kies een indicator die een aandeel of gemiddelde is; alleen daarop is een effect te schatten.', en: 'Choose an indicator that is a share or a mean; only those allow an effect estimate.' },
      [{ name: 'indicatorId', reason: def ? 'not a share or mean' : 'unknown indicator' }],
    );
  }
  for (const [name, team] of [['teamId', input.teamId], ['controlTeamId', input.controlTeamId]] as const) {
    if (team !== null && !(await teamExists(tx, team))) {
      throw invalidInput({ nl: 'Dit team bestaat niet in uw gemeente.', en: 'This team does not exist in your municipality.' }, [{ name, reason: 'unknown team' }]);
    }
  }
  const id = newId();
  const e = { id, title: input.title, hypothesis: input.hypothesis, intervention: input.intervention, targetGroup: input.targetGroup, indicatorId: input.indicatorId, teamId: input.teamId, controlTeamId: input.controlTeamId,
    baselineFrom: input.baselineFrom, baselineTo: input.baselineTo, periodFrom: input.periodFrom, periodTo: input.periodTo };
  await insertExperiment(tx, ctx.actor.municipalityCode, e, ctx.actor.id, services.clock.now());
  return { ...e, writeUp: null, result: null, createdAt: services.clock.now().toISOString() };
}

/** Whether the actor sees exact group sizes (the policy gives them personal data), else small groups as "< 5". */
async function shownFor(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<(e: Experiment) => Experiment> {
  const { document } = await services.policies.get(tx, ctx.actor.municipalityCode);
  return holdsPersonalData(document, ctx.actor.roles) ? (e) => e : shownExperiment;
}

export async function listExperiments(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<Experiment[]> {
  await authorize(services, tx, ctx, { resource: 'experiment', action: 'read', detail: 'experiments' });
  const shown = await shownFor(services, tx, ctx);
  return (await findExperiments(tx)).map(shown);
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Compares the experiment group (the team, or the whole municipality, during the period) with
 * its baseline (the same group before), from the same rows the indicator is computed from, and
 * stores the effect with a plain-language write-up. When the experiment names a control group
 * (another team), it also compares with the control group over the same period and computes the
 * difference in differences, which separates the intervention from what changed for everyone.
 */
export async function evaluateExperiment(services: AccessServices, tx: Tx, ctx: AccessContext, id: string): Promise<Experiment> {
  await authorize(services, tx, ctx, { resource: 'experiment', action: 'update', detail: `evaluate experiment ${id}` });
  const e = await findExperiment(tx, id);
  if (!e) throw notFound({ nl: 'Dit experiment bestaat niet.', en: 'This experiment does not exist.' });
  const def = await indicatorOf(tx, e.indicatorId);
  const kind = def ? kindOf(def) : undefined;
  if (!def || !kind) throw invalidInput({ nl: 'De indicator van dit experiment bestaat niet meer.', en: 'The indicator of this experiment no longer exists.' });
  const totals = async (teamId: string | null, from: string, to: string) => {
    const r = await sql<{ x: string; n: string; sum_squares: string }>`${groupTotalsSelect(def, { kind: 'range', code: ctx.actor.municipalityCode, teamId, from, to })}`.execute(tx);
    const row = r.rows[0];
    return { x: Number(row?.x ?? 0), n: Number(row?.n ?? 0), sumSquares: Number(row?.sum_squares ?? 0) };
  };
  const compare = (before: { x: number; n: number; sumSquares: number }, after: { x: number; n: number; sumSquares: number }) => kind === 'proportion'
    ? compareProportions({ x: before.x, n: before.n }, { x: after.x, n: after.n }, def.better)
    : compareMeans({ n: before.n, sum: before.x, sumSquares: before.sumSquares }, { n: after.n, sum: after.x, sumSquares: after.sumSquares }, def.better);
  const asMean = (g: { x: number; n: number; sumSquares: number }) => ({ n: g.n, sum: g.x, sumSquares: g.sumSquares });
  const b = await totals(e.teamId, e.baselineFrom, e.baselineTo);
  const x = await totals(e.teamId, e.periodFrom, e.periodTo);
  const result: ExperimentResult = compare(b, x);
  if (e.controlTeamId) {
    const cb = await totals(e.controlTeamId, e.baselineFrom, e.baselineTo);
    const cp = await totals(e.controlTeamId, e.periodFrom, e.periodTo);
    const control: ControlComparison = {
      controlTeamId: e.controlTeamId,
      // The control group in the same period plays the part of the baseline: experiment minus control.
      concurrent: compare(cp, x),
      differenceInDifferences: kind === 'proportion'
        ? differenceInDifferences({ kind: 'proportion', baseline: b, experiment: x, controlBaseline: cb, controlPeriod: cp }, def.better)
        : differenceInDifferences({ kind: 'mean', baseline: asMean(b), experiment: asMean(x), controlBaseline: asMean(cb), controlPeriod: asMean(cp) }, def.better),
    };
    result.control = control;
  }
  const fmt = kind === 'proportion' ? pct : (v: number) => v.toFixed(2);
  const verdictNl = (r: { detected: boolean; better: string }) => (r.detected ? `aangetoond${r.better === 'yes' ? ' en gunstig' : r.better === 'no' ? ' en ongunstig' : ''}` : 'niet aangetoond: het interval bevat nul');
  let writeUp = result.difference === null || !result.ci95
    ? `Onvoldoende gegevens: baseline n=${b.n}, experiment n=${x.n}. / Not enough data.`
    : `${def.title.nl}: baseline ${fmt(result.baseline.estimate ?? 0)} (n=${b.n}), experiment ${fmt(result.experiment.estimate ?? 0)} (n=${x.n}); verschil ${fmt(result.difference)}, ` +
      `95%-betrouwbaarheidsinterval ${fmt(result.ci95[0])} tot ${fmt(result.ci95[1])}. ` +
      (result.detected ? `Het effect is aangetoond${result.better === 'yes' ? ' en gunstig' : result.better === 'no' ? ' en ongunstig' : ''}.` : 'Geen aantoonbaar effect: het interval bevat nul.') +
      ` / ${def.title.en}: difference ${fmt(result.difference)}, 95% CI ${fmt(result.ci95[0])} to ${fmt(result.ci95[1])}; ${result.detected ? 'effect detected' : 'no detectable effect'}.`;
  const c = result.control;
  if (c) {
    const dd = c.differenceInDifferences;
    writeUp += c.concurrent.difference === null || !c.concurrent.ci95 || dd.difference === null || !dd.ci95
      ? ` Controlegroep: onvoldoende gegevens (controle n=${c.differenceInDifferences.controlPeriod.n}). / Control group: not enough data.`
      : ` Tegen de controlegroep in dezelfde periode (${fmt(c.concurrent.baseline.estimate ?? 0)}, n=${c.concurrent.baseline.n}): verschil ${fmt(c.concurrent.difference)}, ` +
        `interval ${fmt(c.concurrent.ci95[0])} tot ${fmt(c.concurrent.ci95[1])}, ${verdictNl(c.concurrent)}. ` +
        `Verschil in verschillen (verandering experimentgroep min verandering controlegroep): ${fmt(dd.difference)}, interval ${fmt(dd.ci95[0])} tot ${fmt(dd.ci95[1])}, ${verdictNl(dd)}.` +
        ` / Against the control group: difference ${fmt(c.concurrent.difference)} (${c.concurrent.detected ? 'detected' : 'not detected'}); difference in differences ${fmt(dd.difference)}, 95% CI ${fmt(dd.ci95[0])} to ${fmt(dd.ci95[1])} (${dd.detected ? 'detected' : 'not detected'}).`;
  }
  await saveExperimentResult(tx, id, result, writeUp);
  return (await shownFor(services, tx, ctx))({ ...e, result, writeUp });
}
