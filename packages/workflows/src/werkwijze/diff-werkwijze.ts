import { describeGuard } from './guards';
import type { Step, Transition, Werkwijze } from './werkwijze.schema';

/**
 * A readable difference between two werkwijzen, e.g. a neighbour's and your own. Paths use ids,
 * not positions (`steps.besluiten.transitions.toewijzen`), because two municipalities order
 * their files differently.
 */
// A type alias, not an interface: it must be assignable to the HTTP layer's open record schema.
export type DiffEntry = {
  kind: 'added' | 'removed' | 'changed';
  path: string;
  before?: unknown;
  after?: unknown;
  /** English. */
  summary: string;
  summaryNl: string;
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function keyed<T>(a: readonly T[], b: readonly T[], key: (x: T) => string) {
  const ma = new Map(a.map((x) => [key(x), x]));
  const mb = new Map(b.map((x) => [key(x), x]));
  const removed = [...ma].filter(([k]) => !mb.has(k));
  const added = [...mb].filter(([k]) => !ma.has(k));
  const both = [...ma].flatMap(([k, x]) => {
    const y = mb.get(k);
    return y === undefined ? [] : [[k, x, y] as const];
  });
  return { removed, added, both };
}

const guardText = (t: Transition, lang: 'nl' | 'en') => (t.guard ? ` [${describeGuard(t.guard, lang)}]` : '');

function diffStep(path: string, a: Step, b: Step, out: DiffEntry[]): void {
  const push = (e: DiffEntry) => out.push(e);
  for (const prop of ['name', 'phase', 'final', 'routesTo', 'decision', 'deadlines', 'fields'] as const) {
    if (!same(a[prop], b[prop])) {
      push({
        kind: 'changed', path: `${path}.${prop}`, before: a[prop], after: b[prop],
        summary: `Step "${b.name}": ${prop} differs (${JSON.stringify(a[prop]) ?? 'none'} -> ${JSON.stringify(b[prop]) ?? 'none'})`,
        summaryNl: `Stap "${b.name}": ${prop} verschilt (${JSON.stringify(a[prop]) ?? 'geen'} -> ${JSON.stringify(b[prop]) ?? 'geen'})`,
      });
    }
  }
  for (const r of a.roles.filter((x) => !b.roles.includes(x))) {
    push({ kind: 'removed', path: `${path}.roles`, before: r, summary: `Step "${b.name}": role ${r} may no longer act`, summaryNl: `Stap "${b.name}": rol ${r} mag niet meer handelen` });
  }
  for (const r of b.roles.filter((x) => !a.roles.includes(x))) {
    push({ kind: 'added', path: `${path}.roles`, after: r, summary: `Step "${b.name}": role ${r} may act`, summaryNl: `Stap "${b.name}": rol ${r} mag handelen` });
  }
  const t = keyed(a.transitions, b.transitions, (x) => x.to);
  for (const [to, x] of t.removed) {
    push({ kind: 'removed', path: `${path}.transitions.${to}`, before: x, summary: `Transition "${x.label}" from "${a.name}" to ${to}${guardText(x, 'en')} removed`, summaryNl: `Overgang "${x.label}" van "${a.name}" naar ${to}${guardText(x, 'nl')} vervallen` });
  }
  for (const [to, x] of t.added) {
    push({ kind: 'added', path: `${path}.transitions.${to}`, after: x, summary: `Transition "${x.label}" from "${b.name}" to ${to}${guardText(x, 'en')} added`, summaryNl: `Overgang "${x.label}" van "${b.name}" naar ${to}${guardText(x, 'nl')} toegevoegd` });
  }
  for (const [to, x, y] of t.both) {
    if (!same(x, y)) {
      push({
        kind: 'changed', path: `${path}.transitions.${to}`, before: x, after: y,
        summary: `Transition from "${b.name}" to ${to}: "${x.label}"${guardText(x, 'en')} -> "${y.label}"${guardText(y, 'en')}`,
        summaryNl: `Overgang van "${b.name}" naar ${to}: "${x.label}"${guardText(x, 'nl')} -> "${y.label}"${guardText(y, 'nl')}`,
      });
    }
  }
}

export function diffWerkwijzen(a: Werkwijze, b: Werkwijze): DiffEntry[] {
  const out: DiffEntry[] = [];
  for (const prop of ['id', 'name', 'version', 'description'] as const) {
    if (a[prop] !== b[prop]) {
      out.push({ kind: 'changed', path: prop, before: a[prop], after: b[prop], summary: `${prop}: ${String(a[prop])} -> ${String(b[prop])}`, summaryNl: `${prop}: ${String(a[prop])} -> ${String(b[prop])}` });
    }
  }
  const ct = keyed(a.caseTypes, b.caseTypes, (c) => c.id);
  for (const [id, c] of ct.removed) out.push({ kind: 'removed', path: `caseTypes.${id}`, before: c, summary: `Case type "${c.name}" (${c.law}) removed`, summaryNl: `Zaaktype "${c.name}" (${c.law}) vervallen` });
  for (const [id, c] of ct.added) out.push({ kind: 'added', path: `caseTypes.${id}`, after: c, summary: `Case type "${c.name}" (${c.law}) added`, summaryNl: `Zaaktype "${c.name}" (${c.law}) toegevoegd` });
  for (const [id, x, y] of ct.both) {
    if (!same(x, y)) out.push({ kind: 'changed', path: `caseTypes.${id}`, before: x, after: y, summary: `Case type "${y.name}" changed`, summaryNl: `Zaaktype "${y.name}" gewijzigd` });
  }
  const sp = keyed(a.skippedPhases, b.skippedPhases, (s) => s.phase);
  for (const [p] of sp.removed) out.push({ kind: 'removed', path: `skippedPhases.${p}`, summary: `Phase ${p} is no longer skipped`, summaryNl: `Fase ${p} wordt niet meer overgeslagen` });
  for (const [p, s] of sp.added) out.push({ kind: 'added', path: `skippedPhases.${p}`, after: s, summary: `Phase ${p} is skipped: ${s.reason}`, summaryNl: `Fase ${p} wordt overgeslagen: ${s.reason}` });

  const st = keyed(a.steps, b.steps, (s) => s.id);
  for (const [id, s] of st.removed) out.push({ kind: 'removed', path: `steps.${id}`, before: s, summary: `Step "${s.name}" (${s.phase}, ${s.roles.join('/')}) removed`, summaryNl: `Stap "${s.name}" (${s.phase}, ${s.roles.join('/')}) vervallen` });
  for (const [id, s] of st.added) out.push({ kind: 'added', path: `steps.${id}`, after: s, summary: `Step "${s.name}" (${s.phase}, ${s.roles.join('/')}) added`, summaryNl: `Stap "${s.name}" (${s.phase}, ${s.roles.join('/')}) toegevoegd` });
  for (const [id, x, y] of st.both) diffStep(`steps.${id}`, x, y, out);

  const sod = keyed(a.segregationOfDuties, b.segregationOfDuties, (r) => r.step);
  for (const [id, r] of sod.removed) out.push({ kind: 'removed', path: `segregationOfDuties.${id}`, before: r, summary: `No more segregation of duties on ${id} (was: not the same person as ${r.notSameActorAs.join(', ')})`, summaryNl: `Geen functiescheiding meer op ${id} (was: niet dezelfde persoon als ${r.notSameActorAs.join(', ')})` });
  for (const [id, r] of sod.added) out.push({ kind: 'added', path: `segregationOfDuties.${id}`, after: r, summary: `Segregation of duties: who does ${id} must not have done ${r.notSameActorAs.join(', ')}`, summaryNl: `Functiescheiding: wie ${id} doet, mag ${r.notSameActorAs.join(', ')} niet gedaan hebben` });
  for (const [id, x, y] of sod.both) {
    if (!same(x, y)) out.push({ kind: 'changed', path: `segregationOfDuties.${id}`, before: x, after: y, summary: `Segregation of duties on ${id}: ${x.notSameActorAs.join(', ')} -> ${y.notSameActorAs.join(', ')}`, summaryNl: `Functiescheiding op ${id}: ${x.notSameActorAs.join(', ')} -> ${y.notSameActorAs.join(', ')}` });
  }

  const md = keyed(a.mandates, b.mandates, (m) => `${m.role}@${m.step}`);
  for (const [k, m] of md.removed) out.push({ kind: 'removed', path: `mandates.${k}`, before: m, summary: `${m.role} no longer decides on ${m.step} (categories ${m.categories.join(', ')})`, summaryNl: `${m.role} besluit niet meer bij ${m.step} (categorieën ${m.categories.join(', ')})` });
  for (const [k, m] of md.added) out.push({ kind: 'added', path: `mandates.${k}`, after: m, summary: `${m.role} has a mandate on ${m.step} for categories ${m.categories.join(', ')}`, summaryNl: `${m.role} heeft mandaat bij ${m.step} voor categorieën ${m.categories.join(', ')}` });
  for (const [k, x, y] of md.both) {
    if (!same(x, y)) out.push({ kind: 'changed', path: `mandates.${k}`, before: x, after: y, summary: `Mandate of ${y.role} on ${y.step}: ${x.categories.join(', ')} -> ${y.categories.join(', ')}`, summaryNl: `Mandaat van ${y.role} bij ${y.step}: ${x.categories.join(', ')} -> ${y.categories.join(', ')}` });
  }
  return out;
}

const sign = { added: '+', removed: '-', changed: '~' } as const;

/** Plain text, one line per difference, grouped as the entries come (case types, steps, rules). */
export function formatDiff(entries: readonly DiffEntry[], lang: 'nl' | 'en' = 'nl'): string {
  if (entries.length === 0) return lang === 'nl' ? 'Geen verschillen.' : 'No differences.';
  const head = lang === 'nl' ? `${entries.length} verschil(len):` : `${entries.length} difference(s):`;
  return [head, ...entries.map((e) => `${sign[e.kind]} ${lang === 'nl' ? e.summaryNl : e.summary}  (${e.path})`)].join('\n');
}
