import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { invalidInput, parseCsv, type InvalidParam } from '@kern/kit';
import { findLevelTexts, replaceLevelTexts } from './assessments.repository';
import { findInstrument, instruments, levelTextsImportSchema, type InstrumentView, type LevelTextsImport } from './contract';

/**
 * Checks a load of per-level texts against its instrument: every entry names a domain of the
 * instrument and a level on its scale, no domain and level twice. Pure; every problem carries
 * the path of the entry (texts.3.level), so a 200-line file can be fixed in one go.
 */
export function checkLevelTexts(raw: unknown): { ok: true; value: LevelTextsImport } | { ok: false; problems: InvalidParam[] } {
  if (isCsvLoad(raw)) return checkLevelTextsCsv(raw);
  const parsed = levelTextsImportSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ name: i.path.join('.') || '(root)', reason: i.message })) };
  const value = parsed.data;
  const instrument = findInstrument(value.instrumentId);
  if (!instrument) return { ok: false, problems: [{ name: 'instrumentId', reason: `unknown instrument ${value.instrumentId}` }] };
  const keys = new Set(instrument.domains.map((d) => d.key));
  const seen = new Set<string>();
  const problems: InvalidParam[] = [];
  value.texts.forEach((t, i) => {
    if (!keys.has(t.domain)) problems.push({ name: `texts.${i}.domain`, reason: `${instrument.id} has no domain ${t.domain}` });
    if (t.level < instrument.scale.min || t.level > instrument.scale.max) problems.push({ name: `texts.${i}.level`, reason: `${t.level} is outside the scale ${instrument.scale.min}-${instrument.scale.max}` });
    const k = `${t.domain}/${t.level}`;
    if (seen.has(k)) problems.push({ name: `texts.${i}`, reason: `domain ${t.domain} level ${t.level} twice` });
    seen.add(k);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** Loads a municipality's licensed level texts for one instrument; refused as a whole when any entry is wrong. */
export async function importLevelTexts(services: AccessServices, tx: Tx, ctx: AccessContext, raw: unknown): Promise<{ instrumentId: string; loaded: number }> {
  await authorize(services, tx, ctx, { resource: 'assessment-instrument', action: 'update', detail: 'load level texts' });
  const checked = checkLevelTexts(raw);
  if (!checked.ok) {
    throw invalidInput(
      { nl: `De niveauteksten zijn niet geladen: ${checked.problems.map((p) => `${p.name} (${p.reason})`).join('; ')}.`, en: `The level texts were not loaded: ${checked.problems.map((p) => `${p.name} (${p.reason})`).join('; ')}.` },
      checked.problems,
    );
  }
  const { value } = checked;
  await replaceLevelTexts(tx, ctx.actor.municipalityCode, value.instrumentId, value.source, services.clock.now().toISOString(), ctx.actor.kind === 'staff' ? ctx.actor.id : null, value.texts);
  return { instrumentId: value.instrumentId, loaded: value.texts.length };
}

/** The instruments with the municipality's level texts where it loaded them (no personal data). */
export async function listInstruments(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<InstrumentView[]> {
  await authorize(services, tx, ctx, { resource: 'assessment-instrument', action: 'read' });
  const out: InstrumentView[] = [];
  for (const i of instruments) {
    const texts = await findLevelTexts(tx, i.id);
    out.push({
      id: i.id, name: i.name, subject: i.subject, source: i.source, licensedLevelTexts: i.licensedLevelTexts, scale: i.scale,
      domains: i.domains.map((d) => ({ key: d.key, name: d.name, levels: texts.filter((t) => t.domainKey === d.key).map((t) => ({ level: t.level, text: t.text })) })),
      levelTextsLoaded: texts.length > 0,
    });
  }
  return out;
}

const isCsvLoad = (raw: unknown): raw is { instrumentId: unknown; source: unknown; csv: string } =>
  typeof raw === 'object' && raw !== null && typeof (raw as { csv?: unknown }).csv === 'string';

/**
 * The same load as a spreadsheet export: `domain;level;text` per line (a header line is allowed),
 * the text may itself contain semicolons. Problems name the line of the file (`line 7`), so the
 * municipality can find it in the sheet it exported.
 */
export function checkLevelTextsCsv(raw: { instrumentId: unknown; source: unknown; csv: string }): { ok: true; value: LevelTextsImport } | { ok: false; problems: InvalidParam[] } {
  const rows: { line: number; domain: string; level: number; text: string }[] = [];
  const problems: InvalidParam[] = [];
  // An unquoted text may hold semicolons of its own: every cell after the level is the text.
  for (const { line, cells } of parseCsv(raw.csv, { separator: ';' }).records) {
    const [domain, level, ...text] = cells;
    if ((cells.length === 1 && (domain ?? '').trim() === '') || (line === 1 && (domain ?? '').trim().toLowerCase() === 'domain' && cells.length > 1)) continue;
    if (text.length === 0) {
      problems.push({ name: `line ${line}`, reason: 'expected domain;level;text' });
      continue;
    }
    rows.push({ line, domain: (domain ?? '').trim(), level: Number((level ?? '').trim()), text: text.join(';').trim() });
  }
  if (problems.length > 0) return { ok: false, problems };
  const checked = checkLevelTexts({ instrumentId: raw.instrumentId, source: raw.source, texts: rows.map(({ domain, level, text }) => ({ domain, level, text })) });
  if (checked.ok) return checked;
  // texts.<i>.<field> -> the file's line.
  return {
    ok: false,
    problems: checked.problems.map((p) => {
      const m = /^texts\.(\d+)(?:\.(\w+))?$/.exec(p.name);
      const row = m ? rows[Number(m[1])] : undefined;
      return row ? { name: `line ${row.line}${m?.[2] ? ` (${m[2]})` : ''}`, reason: p.reason } : p;
    }),
  };
}
