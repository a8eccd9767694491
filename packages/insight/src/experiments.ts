import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import { sql, type Tx } from '@kern/db';
import { invalidInput, newId, notFound } from '@kern/kit';
import { coreIndicator } from './catalogue';
import { groupTotalsSelect } from './compile-indicator';
import { compareMeans, compareProportions } from './effect-size';
import { findExperiment, findExperiments, findLocalIndicatorDefinitions, insertExperiment, saveExperimentResult } from './insight.repository';
import { indicatorDefinitionSchema, type Experiment, type ExperimentInput, type IndicatorDefinition } from './insight.schema';

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
  const id = newId();
  const e = { id, title: input.title, hypothesis: input.hypothesis, intervention: input.intervention, targetGroup: input.targetGroup, indicatorId: input.indicatorId, teamId: input.teamId,
    baselineFrom: input.baselineFrom, baselineTo: input.baselineTo, periodFrom: input.periodFrom, periodTo: input.periodTo };
  await insertExperiment(tx, ctx.actor.municipalityCode, e, ctx.actor.id, services.clock.now());
  return { ...e, writeUp: null, result: null, createdAt: services.clock.now().toISOString() };
}

export async function listExperiments(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<Experiment[]> {
  await authorize(services, tx, ctx, { resource: 'experiment', action: 'read', detail: 'experiments' });
  return findExperiments(tx);
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Compares the experiment group (the team, or the whole municipality, during the period) with
 * its baseline (the same group before), from the same rows the indicator is computed from, and
 * stores the effect with a plain-language write-up.
 */
export async function evaluateExperiment(services: AccessServices, tx: Tx, ctx: AccessContext, id: string): Promise<Experiment> {
  await authorize(services, tx, ctx, { resource: 'experiment', action: 'update', detail: `evaluate experiment ${id}` });
  const e = await findExperiment(tx, id);
  if (!e) throw notFound({ nl: 'Dit experiment bestaat niet.', en: 'This experiment does not exist.' });
  const def = await indicatorOf(tx, e.indicatorId);
  const kind = def ? kindOf(def) : undefined;
  if (!def || !kind) throw invalidInput({ nl: 'De indicator van dit experiment bestaat niet meer.', en: 'The indicator of this experiment no longer exists.' });
  const totals = async (from: string, to: string) => {
    const r = await sql<{ x: string; n: string; sum_squares: string }>`${groupTotalsSelect(def, { kind: 'range', code: ctx.actor.municipalityCode, teamId: e.teamId, from, to })}`.execute(tx);
    const row = r.rows[0];
    return { x: Number(row?.x ?? 0), n: Number(row?.n ?? 0), sumSquares: Number(row?.sum_squares ?? 0) };
  };
  const b = await totals(e.baselineFrom, e.baselineTo);
  const x = await totals(e.periodFrom, e.periodTo);
  const result = kind === 'proportion'
    ? compareProportions({ x: b.x, n: b.n }, { x: x.x, n: x.n }, def.better)
    : compareMeans({ n: b.n, sum: b.x, sumSquares: b.sumSquares }, { n: x.n, sum: x.x, sumSquares: x.sumSquares }, def.better);
  const fmt = kind === 'proportion' ? pct : (v: number) => v.toFixed(2);
  const writeUp = result.difference === null || !result.ci95
    ? `Onvoldoende gegevens: baseline n=${b.n}, experiment n=${x.n}. / Not enough data.`
    : `${def.title.nl}: baseline ${fmt(result.baseline.estimate ?? 0)} (n=${b.n}), experiment ${fmt(result.experiment.estimate ?? 0)} (n=${x.n}); verschil ${fmt(result.difference)}, ` +
      `95%-betrouwbaarheidsinterval ${fmt(result.ci95[0])} tot ${fmt(result.ci95[1])}. ` +
      (result.detected ? `Het effect is aangetoond${result.better === 'yes' ? ' en gunstig' : result.better === 'no' ? ' en ongunstig' : ''}.` : 'Geen aantoonbaar effect: het interval bevat nul.') +
      ` / ${def.title.en}: difference ${fmt(result.difference)}, 95% CI ${fmt(result.ci95[0])} to ${fmt(result.ci95[1])}; ${result.detected ? 'effect detected' : 'no detectable effect'}.`;
  await saveExperimentResult(tx, id, result, writeUp);
  return { ...e, result, writeUp };
}
