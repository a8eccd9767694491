import { sql, withSystem, type AnyDb } from '@kern/db';
import { cbsMunicipalities, loadMunicipalities } from '@kern/tenancy';
import type { SeedProgress } from './demo';

/**
 * `kern seed --scale nl`: a synthetic national dataset for the benchmark and its bench. All 342
 * municipalities with their real CBS codes; sizes and problem profiles are plausible but made up
 * (a log-normal spread around the real national total of ~18 million residents, with the four
 * largest cities at roughly their real size). Only pseudonymous domain events and population
 * figures are generated, set-based in SQL (generate_series), never one row per round trip.
 *
 * At fraction 1: ~12% of residents are clients (~2.2 million) with ~11 events each (~22 million).
 */
export interface NlSeedOptions {
  /** Share of the full dataset to generate, 0 < fraction <= 1. */
  fraction: number;
  /** Municipalities per statement: the progress bar's step. */
  batch?: number;
}

export interface NlSeedResult {
  created: boolean;
  municipalities: number;
  residents: number;
  clients: number;
  events: number;
  seconds: number;
}

const KNOWN: Record<string, number> = { '0363': 931_000, '0599': 670_000, '0518': 566_000, '0344': 374_000 };

/** A deterministic number in [0, 1) from a string (FNV-1a), so every run generates the same country. */
function unit(s: string): number {
  let h = 0x811c9dc5;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h / 4294967296;
}

export interface MunicipalityProfile {
  code: string;
  residents: number;
  clientRate: number;
  onTime: number;
  improve: number;
  returnRate: number;
}

/** Sizes and problem profiles, deterministic per CBS code. */
export function nlProfiles(codes: string[]): MunicipalityProfile[] {
  const raw = codes.map((code) => {
    // Log-normal around a median of ~30,000 residents (sigma ~0.8), clipped to real extremes.
    const u1 = Math.max(1e-9, unit(`a${code}`));
    const u2 = unit(`b${code}`);
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return { code, residents: KNOWN[code] ?? Math.round(Math.min(300_000, Math.max(950, 30_000 * Math.exp(0.8 * z)))) };
  });
  const knownTotal = Object.values(KNOWN).reduce((s, v) => s + v, 0);
  const restTotal = raw.filter((r) => !KNOWN[r.code]).reduce((s, r) => s + r.residents, 0);
  const scale = (18_000_000 - knownTotal) / Math.max(1, restTotal);
  return raw.map((r) => {
    const residents = KNOWN[r.code] ?? Math.max(950, Math.round(r.residents * scale));
    return {
      code: r.code,
      residents,
      // Larger cities carry more problems per resident; each municipality has its own profile.
      clientRate: 0.1 + 0.04 * unit(`c${r.code}`) + (residents > 200_000 ? 0.02 : 0),
      onTime: 0.6 + 0.35 * unit(`d${r.code}`),
      improve: 0.35 + 0.3 * unit(`e${r.code}`),
      returnRate: 0.05 + 0.15 * unit(`f${r.code}`),
    };
  });
}

const quiet: SeedProgress = { step: () => undefined, tick: () => undefined, done: () => undefined };

export const nlSeedSteps = (batch = 18): number => Math.ceil(342 / batch) + 2;

export async function seedNl(db: AnyDb, options: NlSeedOptions, bar: SeedProgress = quiet): Promise<NlSeedResult> {
  if (!(options.fraction > 0 && options.fraction <= 1)) throw new Error('fraction must be in (0, 1]');
  const started = Date.now();
  bar.step('municipalities (CBS 2026)');
  await loadMunicipalities(db);
  bar.tick();
  const existing = await sql<{ n: number }>`select count(*)::int as n from domain_events where subject_ref like 'nl-%'`.execute(db);
  if (Number(existing.rows[0]?.n ?? 0) > 0) {
    bar.done('national dataset already present');
    return { created: false, municipalities: 342, residents: 0, clients: 0, events: Number(existing.rows[0]?.n), seconds: (Date.now() - started) / 1000 };
  }
  const profiles = nlProfiles(cbsMunicipalities().map((m) => m.code));
  bar.step('population');
  await withSystem(db, async (tx) => {
    const rows = profiles.flatMap((p) => [2024, 2025, 2026].map((y) => sql`(${p.code}, ${y}, ${Math.round(p.residents * (1 + (y - 2026) * 0.005))})`));
    await sql`insert into insight_population (code, year, residents) values ${sql.join(rows)} on conflict (code, year) do update set residents = excluded.residents`.execute(tx);
  });
  bar.tick();
  const batch = options.batch ?? 18;
  let clients = 0;
  for (let i = 0; i < profiles.length; i += batch) {
    const part = profiles.slice(i, i + batch);
    bar.step(`events ${part[0]?.code ?? ''}..${part[part.length - 1]?.code ?? ''}`);
    const values = part.map((p) => {
      const n = Math.max(1, Math.round(p.residents * p.clientRate * options.fraction));
      clients += n;
      return sql`(${p.code}::char(4), ${n}::int, ${p.onTime}::float8, ${p.improve}::float8, ${p.returnRate}::float8)`;
    });
    await withSystem(db, (tx) => insertEvents(tx, sql`(values ${sql.join(values)}) as m(code, clients, on_time, improve, return_rate)`));
    bar.tick();
  }
  const total = await sql<{ n: string }>`select count(*) as n from domain_events where subject_ref like 'nl-%'`.execute(db);
  await sql`analyze domain_events`.execute(db);
  const seconds = (Date.now() - started) / 1000;
  const result = { created: true, municipalities: profiles.length, residents: profiles.reduce((s, p) => s + p.residents, 0), clients, events: Number(total.rows[0]?.n ?? 0), seconds };
  bar.done(`${result.clients.toLocaleString('en')} clients, ${result.events.toLocaleString('en')} events in ${seconds.toFixed(1)} s`);
  return result;
}

/**
 * One statement per batch of municipalities: every client gets a life in the social domain
 * (a case under one law from 2024-01 to 2025-12, its steps, statutory terms met or missed by the
 * municipality's on-time profile, a decision, ZRM and ladder scores that improve by its profile,
 * a plan goal, an invoice line, the closing, and for some a return). `r(k)` is a deterministic
 * pseudo-random number in [0, 1) per client and draw.
 */
async function insertEvents(tx: Parameters<Parameters<typeof withSystem>[1]>[0], profiles: ReturnType<typeof sql>): Promise<void> {
  await sql`
    insert into domain_events (municipality_code, type, occurred_on, subject_ref, law, data)
    select c.code, e.type, e.on_day, e.subject, c.law, e.data
    from (
      select m.code, m.on_time, m.improve, m.return_rate, g,
        'nl-' || m.code || '-' || g as client,
        (array['wmo','wmo','wmo','jeugdwet','jeugdwet','participatiewet','wgs','wgs'])[1 + (g * 7 + ascii(substr(m.code, 4, 1))) % 8] as law,
        date '2024-01-01' + ((g * 37 + m.code::int) % 700) as start,
        ((g * 2654435761::bigint + m.code::int * 97) % 1000) / 1000.0 as r1,
        ((g * 40503::bigint + m.code::int * 31) % 997) / 997.0 as r2,
        ((g * 69069::bigint + m.code::int * 13) % 991) / 991.0 as r3,
        1 + (g % 4) as zrm0
      from ${profiles}, generate_series(1, m.clients) g
    ) c
    cross join lateral (values
      ('case.started', c.start, 'nl-case-' || c.code || '-' || c.g, jsonb_build_object('client', c.client, 'caseType', c.law)),
      ('case.step-completed', c.start + 3, 'nl-case-' || c.code || '-' || c.g, jsonb_build_object('phase', 'melding')),
      ('case.step-completed', c.start + 30, 'nl-case-' || c.code || '-' || c.g, jsonb_build_object('phase', 'onderzoek')),
      (case c.law when 'wmo' then (case when c.r1 < c.on_time then 'case.deadline-met' else 'case.deadline-missed' end)
                  when 'jeugdwet' then (case when c.r1 < c.on_time then 'case.deadline-met' else 'case.deadline-missed' end)
                  when 'wgs' then 'debt.first-conversation-held' else 'plan.agreed' end,
        c.start + 35, 'nl-case-' || c.code || '-' || c.g,
        case c.law when 'wmo' then jsonb_build_object('term', 'wmo-onderzoek') when 'jeugdwet' then jsonb_build_object('term', 'jeugdwet-beschikking')
                   when 'wgs' then jsonb_build_object('withinTerm', c.r1 < c.on_time) else '{}'::jsonb end),
      ('case.decided', c.start + 20 + (c.g % 40), 'nl-case-' || c.code || '-' || c.g, jsonb_build_object('daysSinceMelding', 20 + (c.g % 40))),
      (case c.law when 'wmo' then (case when c.r2 < c.on_time then 'case.deadline-met' else 'case.deadline-missed' end)
                  when 'wgs' then (case when c.r2 < 0.5 then 'debt.solution-agreed' else 'debt.amount-forgiven' end) else 'plan.agreed' end,
        c.start + 50, 'nl-case-' || c.code || '-' || c.g,
        case c.law when 'wmo' then jsonb_build_object('term', 'wmo-beschikking') when 'wgs' then jsonb_build_object('amountCents', 10000 + c.g % 50000) else '{}'::jsonb end),
      ('assessment.scored', c.start + 5, c.client, jsonb_build_object('instrument', 'zrm', 'domain', 'financien', 'score', c.zrm0)),
      ('assessment.scored', c.start + 200, c.client, jsonb_build_object('instrument', 'zrm', 'domain', 'financien', 'score', least(5, c.zrm0 + case when c.r3 < c.improve then 1 else 0 end))),
      ('plan.goal-closed', c.start + 180, 'nl-plan-' || c.code || '-' || c.g, jsonb_build_object('reached', c.r3 < c.improve + 0.2)),
      (case when c.law in ('wmo', 'jeugdwet') then 'exchange.invoice-line-approved' else 'assessment.scored' end, c.start + 90, c.client,
        case when c.law in ('wmo', 'jeugdwet') then jsonb_build_object('amountCents', 5000 + (c.g * 131) % 400000, 'firstSubmission', c.r2 < 0.85)
             else jsonb_build_object('instrument', 'participatieladder', 'score', 1 + (c.g % 3) + case when c.r3 < c.improve then 1 else 0 end) end),
      ('case.closed', c.start + 250, 'nl-case-' || c.code || '-' || c.g, jsonb_build_object('client', c.client)),
      (case when c.r2 < c.return_rate then 'case.started' end, c.start + 250 + (c.g % 300), 'nl-return-' || c.code || '-' || c.g, jsonb_build_object('client', c.client, 'caseType', c.law))
    ) as e(type, on_day, subject, data)
    where e.type is not null`.execute(tx);
}
