import { instruments } from '@kern/assessments';
import { sql, withSystem, type AnyDb, type Tx } from '@kern/db';
import { hashPassword } from '@kern/identity';
import { SCALE_FEMALE_NAMES, SCALE_MALE_NAMES, SCALE_SURNAMES, scalePopulation, type FakeBrpPopulation } from '@kern/registry';
import { activateMunicipality, listMunicipalities } from '@kern/tenancy';
import { libraryWerkwijzen } from '@kern/workflows';
import { DEMO_PASSWORD, installLibraryWerkwijzen, seedDemo } from './demo';
import { seedDemoClientData } from './demo-clients';
import { insertDemoContracts } from './demo-contracts';
import { seedDemoProvisions } from './provisions-demo';
import { installScaleFunctions } from './scale-functions';
import { generateScaleProvisions, SCALE_CONTRACTS_FROM, type ScaleProvisionsGenerator } from './scale-provisions';
export type { ScaleProvisionsGenerator } from './scale-provisions';
import { CLIENT_HOUSEHOLD_PERMILLE, cityShape, ENROLMENT_PERCENT, planTemplates, type CityShape } from './scale-plan';

export type Scale = 'demo' | 'g4';

/** Compatible with the CLI's progress bar (apps/cli/src/progress.ts). */
export interface ScaleProgress {
  step(label: string): void;
  tick(n?: number): void;
  done(summary?: string): void;
}
/** The progress bar's total: the generator reports in hundredths. */
export const SCALE_PROGRESS_TOTAL = 100;


export interface ScaleOptions {
  /** Default Amsterdam (0363), a G4 city. */
  municipalityCode?: string;
  /** Default 900,000 for g4. */
  residents?: number;
  onProgress?: ScaleProgress;
  provisions?: ScaleProvisionsGenerator;
  /** Households per transaction. */
  batchHouseholds?: number;
}

export interface ScaleResult extends CityShape {
  municipalityCode: string;
  municipalityName: string;
  cases: number;
  plans: number;
  assessments: number;
  offerings: number;
  provisions: number;
  seconds: number;
  /** Logins of the generated staff (password: DEMO_PASSWORD): one coordinator per team first. */
  coordinators: string[];
  created: boolean;
}

const quiet: ScaleProgress = { step: () => undefined, tick: () => undefined, done: () => undefined };

/**
 * `kern seed --scale demo|g4`. The demo seeds the two demo municipalities with their families (on
 * the GBA-V test persons) and gives them a plan, assessments and an offering. g4 adds a generated
 * city: residents (served by the fake BRP from their number, see fake-brp-population.ts), about
 * one in six a client, every client with a case, their household with a plan and a coordinator,
 * assessments over time and group offerings, written set-based in SQL (generate_series) in
 * batches of households. Deterministic: the same residents give the same city, ids included.
 */
export async function seedScale(database: { db: AnyDb }, scale: Scale, options: ScaleOptions = {}): Promise<ScaleResult | { created: boolean }> {
  const bar = options.onProgress ?? quiet;
  const db = database.db;
  bar.step('demo municipalities');
  const demo = await seedDemo(db);
  await seedDemoClientData(db);
  await seedDemoProvisions(db);
  if (scale === 'demo') {
    bar.done('demo');
    return demo;
  }
  return generateCity(db, bar, options);
}

/** md5-based uuid shaped as a version-4 uuid, so the same input always gives the same id. */
const uuidOf = (kind: string, n: ReturnType<typeof sql>) => sql`(overlay(overlay(md5(${kind} || ':' || (${n})::text) placing '4' from 13) placing '8' from 17))::uuid`;

interface CaseTypeSteps { law: string; caseType: string; open: { id: string; phase: string; name: string; roles: string[] }; closed: { id: string; phase: string } }

function caseTypeSteps(): CaseTypeSteps[] {
  const lib = libraryWerkwijzen().find((w) => w.id === 'een-loket');
  if (!lib) throw new Error('library werkwijze een-loket is missing');
  const w = lib.werkwijze;
  const starts = w.caseTypes.map((t) => w.steps.findIndex((s) => s.id === t.start));
  return w.caseTypes.map((t, i) => {
    const from = starts[i] ?? 0;
    const to = Math.min(...starts.filter((s) => s > from), w.steps.length);
    const segment = w.steps.slice(from, to);
    const open = segment[0];
    const closed = [...segment].reverse().find((s) => s.phase === 'afsluiting') ?? open;
    if (!open || !closed) throw new Error(`case type ${t.id} has no steps`);
    return { law: t.law, caseType: t.id, open: { id: open.id, phase: open.phase, name: open.name, roles: [...open.roles] }, closed: { id: closed.id, phase: closed.phase } };
  });
}

async function generateCity(db: AnyDb, bar: ScaleProgress, options: ScaleOptions): Promise<ScaleResult> {
  const started = Date.now();
  const code = options.municipalityCode ?? '0363';
  const prefix = `gm${code}`;
  const existing = await withSystem(db, (tx) => sql<{ households: number; residents: number; clients: number; seconds: string }>`select households, residents, clients, seconds from scale_cities where municipality_code = ${code}`.execute(tx));
  const municipality = (await listMunicipalities(db, undefined)).find((m) => m.code === code);
  if (!municipality) throw new Error(`municipality ${code} is not in the CBS list`);
  const shape = cityShape(options.residents ?? 900_000);
  const teams = Math.max(2, Math.min(40, Math.ceil(shape.households / 20_000)));
  const coordinatorsPerTeam = Math.max(1, Math.ceil(shape.clientHouseholds / teams / 60));
  const coordinators = Array.from({ length: teams }, (_, t) => `${prefix}.t${String(t + 1).padStart(2, '0')}.regisseur01`);
  const found = existing.rows[0];
  const others = await withSystem(db, (tx) => sql<{ municipality_code: string }>`select municipality_code from scale_cities where municipality_code <> ${code}`.execute(tx));
  // Generated BSNs are numbered from the same base in every city: two cities would share residents.
  if (others.rows[0]) throw new Error(`this database already holds the generated city ${others.rows[0].municipality_code}; one generated city per database`);
  if (found) {
    bar.done(`${municipality.name} was generated before; nothing changed`);
    return { ...shape, municipalityCode: code, municipalityName: municipality.name, cases: shape.clients, plans: shape.clientHouseholds, assessments: 0, offerings: 0, provisions: 0, seconds: Number(found.seconds), coordinators, created: false };
  }

  bar.step(`${municipality.name}: tenant, werkwijze, ${teams} teams and staff`);
  await activateMunicipality(db, code);
  await installLibraryWerkwijzen(db, { code, werkwijzen: ['een-loket'] });
  // The providers and contracts the generated allocations go to.
  await insertDemoContracts(db, code, SCALE_CONTRACTS_FROM);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const steps = caseTypeSteps();
  await withSystem(db, async (tx) => {
    await sql`insert into teams (id, municipality_code, name, area)
      select ${uuidOf(`${code}:team`, sql`t`)}, ${code}, 'Wijkteam ' || lpad(t::text, 2, '0'), 'Gebied ' || lpad(t::text, 2, '0')
      from generate_series(1, ${teams}) t`.execute(tx);
    // Coordinators (wijkteam generalists) and one consultant per law in every team.
    await sql`insert into staff_accounts (id, municipality_code, username, display_name, password_hash, roles)
      select ${uuidOf(`${code}:coordinator`, sql`t * 1000 + i`)}, ${code}, ${prefix} || '.t' || lpad(t::text, 2, '0') || '.regisseur' || lpad(i::text, 2, '0'),
        'Regisseur ' || t || '.' || i, ${passwordHash}, array['wijkteam-generalist']
      from generate_series(1, ${teams}) t, generate_series(1, ${coordinatorsPerTeam}) i`.execute(tx);
    await sql`insert into staff_accounts (id, municipality_code, username, display_name, password_hash, roles)
      select ${uuidOf(`${code}:consultant`, sql`t * 10 + r.n`)}, ${code}, ${prefix} || '.t' || lpad(t::text, 2, '0') || '.' || r.suffix,
        r.title || ' ' || t, ${passwordHash}, array[r.role]
      from generate_series(1, ${teams}) t,
        (values (1, 'wmo', 'Wmo-consulent', 'wmo-consultant'), (2, 'jeugd', 'Jeugdconsulent', 'youth-consultant'),
                (3, 'inkomen', 'Inkomensconsulent', 'income-consultant'), (4, 'schuld', 'Schuldhulpverlener', 'debt-counsellor')) r(n, suffix, title, role)`.execute(tx);
    await sql`insert into team_memberships (account_id, team_id, municipality_code)
      select a.id, ${uuidOf(`${code}:team`, sql`substring(a.username from '\\.t([0-9]+)\\.')::int`)}, ${code} from staff_accounts a where a.municipality_code = ${code}
        and a.username like ${`${prefix}.t%`}`.execute(tx);
    await createOfferings(tx, code, shape);
    // Work tables for one batch of households (dropped at the end): the statements below join on them by index.
    await sql`create table if not exists scale_work_people (k int not null, pos int not null, slot bigint not null, bsn char(9) primary key, age int not null, role text not null,
      client boolean not null, team int not null, law text, name text not null)`.execute(tx);
    await sql`create index if not exists scale_work_people_k on scale_work_people (k)`.execute(tx);
    await sql`create table if not exists scale_work_cases (id uuid primary key, subject_bsn char(9) not null unique, law text not null, status text not null, melding_date date not null, team_id uuid not null, k int not null)`.execute(tx);
    await sql`create index if not exists scale_work_cases_k on scale_work_cases (k)`.execute(tx);
    await sql`create table if not exists scale_work_plans (id uuid primary key, k int not null unique, anchor_bsn char(9) not null, coordinator_id uuid not null, team_id uuid not null, created_at timestamptz not null)`.execute(tx);
  });
  bar.tick(5);

  const batch = options.batchHouseholds ?? 20_000;
  const batches = Math.ceil(shape.households / batch);
  const totals = { cases: 0, plans: 0, assessments: 0, provisions: 0 };
  let enrolmentOffset = 0;
  let reported = 5;
  for (let b = 0; b < batches; b++) {
    const from = b * batch;
    const to = Math.min(shape.households, from + batch);
    bar.step(`${municipality.name}: households ${from.toLocaleString('en')}-${to.toLocaleString('en')}`);
    const counts = await withSystem(db, (tx) => generateBatch(tx, { code, prefix, from, to, teams, coordinatorsPerTeam, steps, enrolmentOffset, groupOfferings: groupOfferingCount(shape), provisions: options.provisions ?? generateScaleProvisions }));
    enrolmentOffset += counts.enrolments;
    totals.cases += counts.cases;
    totals.plans += counts.plans;
    totals.assessments += counts.assessments;
    totals.provisions += counts.provisions;
    const now = 5 + Math.round(((b + 1) / batches) * 90);
    bar.tick(now - reported);
    reported = now;
  }

  bar.step(`${municipality.name}: counters and summary`);
  const seconds = (Date.now() - started) / 1000;
  await withSystem(db, async (tx) => {
    await sql`insert into case_reference_counters (municipality_code, year, last)
      select municipality_code, split_part(reference, '-', 2)::int, max(split_part(reference, '-', 3)::int) from cases
      where municipality_code = ${code} group by 1, 2
      on conflict (municipality_code, year) do update set last = greatest(case_reference_counters.last, excluded.last)`.execute(tx);
    await sql`drop table if exists scale_work_people`.execute(tx);
    await sql`drop table if exists scale_work_cases`.execute(tx);
    await sql`drop table if exists scale_work_plans`.execute(tx);
    await sql`insert into scale_cities (municipality_code, households, residents, clients, generated_at, seconds)
      values (${code}, ${shape.households}, ${shape.residents}, ${shape.clients}, now(), ${seconds})`.execute(tx);
  });
  // Planner statistics, as an operator runs ANALYZE after a bulk load: PGlite has no autovacuum, and
  // without them the plan-member and allocation reads of the klantbeeld scan the whole city.
  await sql`analyze`.execute(db);
  bar.tick(SCALE_PROGRESS_TOTAL - reported);
  const result: ScaleResult = { ...shape, municipalityCode: code, municipalityName: municipality.name, ...totals, offerings: groupOfferingCount(shape) + GENERAL_OFFERINGS, seconds, coordinators, created: true };
  bar.done(`${shape.residents.toLocaleString('en')} residents, ${shape.clients.toLocaleString('en')} clients, ${totals.cases.toLocaleString('en')} cases, ${totals.plans.toLocaleString('en')} plans, ${totals.assessments.toLocaleString('en')} assessments, ${shape.enrolments.toLocaleString('en')} enrolments, ${totals.provisions.toLocaleString('en')} decisions, provisions and allocations`);
  return result;
}

const GENERAL_OFFERINGS = 10;
const GROUP_CAPACITY = 40;
/** Enough groups that an even spread fills about three quarters of every group's places. */
const groupOfferingCount = (shape: CityShape) => Math.max(1, Math.ceil(shape.enrolments / 30));

async function createOfferings(tx: Tx, code: string, shape: CityShape): Promise<void> {
  const domains = ['financien', 'sociaal-netwerk', 'geestelijke-gezondheid', 'tijdsbesteding', 'huiselijke-relaties', 'werk-opleiding'];
  const themes = ['Lotgenotengroep schulden', 'Buurtmaaltijd', 'Omgaan met stress', 'Taalcafé', 'Opvoedcursus', 'Werkervaringsgroep'];
  await sql`insert into offerings (id, municipality_code, name, description, kind, life_domain, location, capacity, starts_on, ends_on, status, created_at)
    select ${uuidOf(`${code}:offering`, sql`g`)}, ${code}, (${themes}::text[])[1 + g % 6] || ' ' || g, 'Groepsaanbod zonder beschikking, acht bijeenkomsten.', 'group',
      (${domains}::text[])[1 + g % 6], 'Buurthuis ' || (1 + g % 50), ${GROUP_CAPACITY}, date '2025-01-01', null, 'open', now()
    from generate_series(0, ${groupOfferingCount(shape) - 1}) g`.execute(tx);
  await sql`insert into offerings (id, municipality_code, name, description, kind, life_domain, location, capacity, starts_on, ends_on, status, created_at)
    select ${uuidOf(`${code}:general`, sql`g`)}, ${code}, 'Inloop buurtkamer ' || g, 'Algemene voorziening: iedereen is welkom.', 'general', 'sociaal-netwerk', 'Buurtkamer ' || g, null, date '2024-01-01', null, 'open', now()
    from generate_series(1, ${GENERAL_OFFERINGS}) g`.execute(tx);
}

/** Score expression per instrument: a skewed start level per domain, improving a little with each assessment n. */
function scoresSql(instrumentId: string): ReturnType<typeof sql> {
  const instrument = instruments.find((i) => i.id === instrumentId);
  if (!instrument) throw new Error(instrumentId);
  const { min, max } = instrument.scale;
  const span = max - min;
  const parts = instrument.domains.map((d, i) => {
    const m = `pg_temp.kern_scale_mix(p.slot * 16 + ${i}, 30) % 100`;
    const base = `${min} + (case when ${m} < 10 then 0 when ${m} < 35 then 1 when ${m} < 70 then 2 when ${m} < 92 then 3 else 4 end) * ${span} / 4`;
    const gain = `(case when pg_temp.kern_scale_mix(p.slot * 16 + ${i}, 31) % 3 = 0 then n else 0 end) * greatest(1, ${span} / 4)`;
    return `'${d.key}', least(${max}, greatest(${min}, (${base}) + ${gain}))`;
  });
  return sql.raw(`jsonb_build_object(${parts.join(', ')})`);
}

interface BatchInput {
  code: string; prefix: string; from: number; to: number; teams: number; coordinatorsPerTeam: number; steps: CaseTypeSteps[];
  enrolmentOffset: number; groupOfferings: number; provisions: ScaleProvisionsGenerator | undefined;
}

async function generateBatch(tx: Tx, i: BatchInput): Promise<{ cases: number; plans: number; assessments: number; enrolments: number; provisions: number }> {
  const { code } = i;
  // The arithmetic as temporary functions of this transaction's session (scale-functions.ts).
  await installScaleFunctions(tx);
  const team = (k: string) => sql.raw(`(1 + (${k} / 1500) % ${i.teams})`);
  const teamUuid = (t: ReturnType<typeof sql>) => uuidOf(`${code}:team`, t);
  const coordinatorUuid = (k: string) => uuidOf(`${code}:coordinator`, sql`${team(k)} * 1000 + 1 + pg_temp.kern_scale_mix(${sql.raw(k)}, 22) % ${i.coordinatorsPerTeam}`);
  await sql`truncate scale_work_people`.execute(tx);
  await sql`truncate scale_work_cases`.execute(tx);
  await sql`truncate scale_work_plans`.execute(tx);
  // Residents of the batch's households: the same arithmetic as the fake BRP's population.
  await sql`insert into scale_work_people (k, pos, slot, bsn, age, role, client, team, law, name)
    select k, pos, slot, bsn, age, role, client, ${team('k')}, law, given || ' ' || surname from (
      select k, pos, slot, bsn, age, role, client,
        case when not client then null when age < 18 then 'jeugdwet'
          else (array['wmo','wmo','wmo','wmo','wmo','wmo','wmo','wmo','wmo','participatiewet','participatiewet','participatiewet','participatiewet','participatiewet','wgs','wgs','wgs','integraal','integraal','wmo'])[1 + pg_temp.kern_scale_mix(slot, 21) % 20] end as law,
        (case when female then ${SCALE_FEMALE_NAMES}::text[] else ${SCALE_MALE_NAMES}::text[] end)[1 + pg_temp.kern_scale_mix(slot, 8) % ${SCALE_FEMALE_NAMES.length}] as given,
        (${SCALE_SURNAMES}::text[])[1 + (case when role = 'partner' and pg_temp.kern_scale_mix(k, 13) % 3 = 0 then pg_temp.kern_scale_mix(k, 14) else pg_temp.kern_scale_mix(k, 7) end) % ${SCALE_SURNAMES.length}] as surname
      from (
        select k, pos, slot, bsn, pg_temp.kern_scale_age(k, pos) as age, role, pg_temp.kern_scale_mix(k, 20) % 1000 < ${CLIENT_HOUSEHOLD_PERMILLE} as client,
          case when role = 'partner' then pg_temp.kern_scale_mix(slot - 1, 12) % 2 = 1 else pg_temp.kern_scale_mix(slot, 12) % 2 = 0 end as female
        from (
          select k, pos, k::bigint * 6 + pos as slot, pg_temp.kern_scale_bsn(k::bigint * 6 + pos) as bsn,
            case when pos = 0 then 'head' when pos = 1 and pg_temp.kern_scale_couple(k) then 'partner' else 'child' end as role
          from generate_series(${i.from}::int, ${i.to - 1}::int) k, generate_series(0, 5) pos
          where pos < pg_temp.kern_scale_household_size(k)
        ) s where bsn is not null
      ) p
    ) q`.execute(tx);

  // Every client has a case under their law on the een-loket werkwijze; about 30% are still open.
  const stepCase = (field: 'caseType' | 'openId' | 'openPhase' | 'closedId' | 'closedPhase') =>
    sql.raw(`case p.law ${i.steps.map((s) => `when '${s.law}' then '${field === 'caseType' ? s.caseType : field === 'openId' ? s.open.id : field === 'openPhase' ? s.open.phase : field === 'closedId' ? s.closed.id : s.closed.phase}'`).join(' ')} end`);
  const open = sql.raw('pg_temp.kern_scale_mix(p.slot, 23) % 100 < 30');
  const melding = sql.raw(`(case when pg_temp.kern_scale_mix(p.slot, 23) % 100 < 30 then date '2025-07-01' + (pg_temp.kern_scale_mix(p.slot, 24) % 180)::int else date '2024-01-01' + (pg_temp.kern_scale_mix(p.slot, 24) % 600)::int end)`);
  await sql`insert into scale_work_cases (id, subject_bsn, law, status, melding_date, team_id, k)
    select ${uuidOf(`${code}:case`, sql`p.slot`)}, p.bsn, p.law, case when ${open} then 'open' else 'closed' end, ${melding}, ${teamUuid(sql`p.team`)}, p.k
    from scale_work_people p where p.client`.execute(tx);
  await sql`insert into cases (id, municipality_code, reference, werkwijze_id, werkwijze_version, case_type_id, purpose, subject_bsn, household_bsns, team_id,
      coordinator_id, step_id, phase, fields, status, melding_date, opened_at, opened_by, closed_at)
    select c.id, ${code}, 'Z-' || extract(year from c.melding_date)::int || '-' || lpad(p.slot::text, 7, '0'), 'een-loket', 1, ${stepCase('caseType')}, p.law, p.bsn,
      hh.bsns, c.team_id,
      case when p.law = 'integraal' then ${coordinatorUuid('p.k')} end,
      case when c.status = 'open' then ${stepCase('openId')} else ${stepCase('closedId')} end,
      case when c.status = 'open' then ${stepCase('openPhase')} else ${stepCase('closedPhase')} end,
      '{}'::jsonb, c.status, c.melding_date, c.melding_date + time '09:00', ${coordinatorUuid('p.k')},
      case when c.status = 'closed' then c.melding_date + 90 + time '16:00' end
    from scale_work_people p join scale_work_cases c on c.subject_bsn = p.bsn
      join (select k, array_agg(bsn order by pos) as bsns from scale_work_people group by k) hh on hh.k = p.k`.execute(tx);
  for (const s of i.steps) {
    await sql`insert into case_tasks (id, municipality_code, case_id, step_id, phase, title, roles, team_id, status, created_at)
      select ${uuidOf(`${code}:task`, sql`c.id`)}, ${code}, c.id, ${s.open.id}, ${s.open.phase}, ${s.open.name}, ${s.open.roles}::text[], c.team_id, 'open', c.melding_date + time '09:00'
      from scale_work_cases c where c.status = 'open' and c.law = ${s.law}`.execute(tx);
  }
  // The team of an open case works with the whole household under the case's law.
  await sql`insert into involvements (id, municipality_code, subject_bsn, purpose, kind, account_id, team_id, reason, opened_at, case_id, source, created_by)
    select ${uuidOf(`${code}:involvement`, sql`c.id::text || h.bsn`)}, ${code}, h.bsn, c.law, 'case', null, c.team_id, 'zaak (gegenereerd)', c.melding_date + time '09:00', c.id, 'case', 'seed'
    from scale_work_cases c join scale_work_people h on h.k = c.k where c.status = 'open'`.execute(tx);

  // One household, one plan, one coordinator; most plans agreed, some changed since.
  const templates = planTemplates().map((t) => JSON.stringify(t));
  await sql`insert into scale_work_plans (id, k, anchor_bsn, coordinator_id, team_id, created_at)
    select ${uuidOf(`${code}:plan`, sql`h.k`)}, h.k, h.bsn, ${coordinatorUuid('h.k')}, ${teamUuid(sql`h.team`)}, f.first + 14 + time '10:00'
    from (select distinct on (k) k, bsn, team from scale_work_people where client order by k, pos) h
    join (select k, min(melding_date) as first from scale_work_cases group by k) f on f.k = h.k`.execute(tx);
  await sql`insert into plans (id, municipality_code, anchor_bsn, coordinator_id, team_id, status, created_at, created_by)
    select id, ${code}, anchor_bsn, coordinator_id, team_id, 'open', created_at, coordinator_id from scale_work_plans`.execute(tx);
  await sql`insert into plan_members (municipality_code, plan_id, bsn, name)
    select ${code}, w.id, p.bsn, p.name from scale_work_people p join scale_work_plans w on w.k = p.k where p.client`.execute(tx);
  await sql`insert into plan_versions (municipality_code, plan_id, version, content, change_note, created_at, created_by, agreed_at)
    select ${code}, w.id, v, (${templates}::text[])[1 + (pg_temp.kern_scale_mix(w.k, 25) + v) % ${templates.length}]::jsonb,
      case when v = 2 then 'Bijgesteld na evaluatie' end, w.created_at + (v - 1) * interval '120 days', w.coordinator_id,
      case when v = 1 and pg_temp.kern_scale_mix(w.k, 26) % 100 < 80 then w.created_at + interval '7 days'
           when v = 2 and pg_temp.kern_scale_mix(w.k, 27) % 100 < 60 then w.created_at + interval '127 days' end
    from scale_work_plans w, generate_series(1, 2) v
    where v = 1 or (pg_temp.kern_scale_mix(w.k, 26) % 100 < 80 and pg_temp.kern_scale_mix(w.k, 28) % 100 < 40)`.execute(tx);
  await sql`insert into plan_agreements (id, municipality_code, plan_id, version, agreed_at, party_bsn, party_name, party_role, method, recorded_by_kind, recorded_by_id)
    select ${uuidOf(`${code}:agreement`, sql`w.id::text || v.version`)}, ${code}, w.id, v.version, v.agreed_at, w.anchor_bsn, p.name, 'citizen',
      case when v.version = 1 then 'in-person' else 'portal' end, 'staff', w.coordinator_id::text
    from scale_work_plans w join plan_versions v on v.plan_id = w.id join scale_work_people p on p.bsn = w.anchor_bsn
    where v.agreed_at is not null`.execute(tx);
  await sql`insert into involvements (id, municipality_code, subject_bsn, purpose, kind, account_id, team_id, reason, opened_at, source, created_by)
    select ${uuidOf(`${code}:coordination`, sql`p.slot`)}, ${code}, p.bsn, 'integraal', 'coordinator', w.coordinator_id, null, 'Regie huishouden (gegenereerd)', w.created_at, 'coordinator-assignment', 'seed'
    from scale_work_people p join scale_work_plans w on w.k = p.k where p.client`.execute(tx);

  // Assessments over time: ZRM for adults, Positieve Gezondheid for children, the ladder for
  // Participatiewet clients, the household ZRM for the head of the household.
  let assessments = 0;
  const assess = async (instrumentId: string, salt: number, who: string, count: string) => {
    const r = await sql<{ n: number }>`with ins as (
        insert into assessments (id, municipality_code, instrument_id, subject_bsn, assessed_on, scores, note, recorded_at, recorded_by)
        select ${uuidOf(`${code}:assessment:${instrumentId}`, sql`p.slot * 8 + n`)}, ${code}, ${instrumentId}, p.bsn, c.melding_date + 21 + n * 90,
          ${scoresSql(instrumentId)}, null, c.melding_date + 21 + n * 90 + time '15:00', ${coordinatorUuid('p.k')}
        from scale_work_people p join scale_work_cases c on c.subject_bsn = p.bsn, generate_series(0, 3) n
        where p.client and ${sql.raw(who)} and n < ${sql.raw(count.replace(/SALT/g, String(salt)))}
        returning id, assessed_on
      ), events as (
        insert into domain_events (municipality_code, type, occurred_on, subject_ref, law, team_id, data)
        select ${code}, 'assessment.scored', assessed_on, id::text, null, null, ${JSON.stringify({ instrument: instrumentId })}::jsonb from ins
      )
      select count(*)::int as n from ins`.execute(tx);
    assessments += Number(r.rows[0]?.n ?? 0);
  };
  await assess('zrm-volwassenen', 32, 'p.age >= 18', '2 + pg_temp.kern_scale_mix(p.slot, SALT) % 3');
  await assess('positieve-gezondheid', 33, 'p.age < 18', '1 + pg_temp.kern_scale_mix(p.slot, SALT) % 2');
  await assess('participatieladder', 34, "p.law = 'participatiewet'", '2');
  await assess('zrm-huishouden', 35, 'p.bsn in (select anchor_bsn from scale_work_plans)', '1 + pg_temp.kern_scale_mix(p.slot, SALT) % 2');

  // Group offerings: a quarter of the clients, spread evenly, linked to the plan's first action.
  const enrolled = await sql<{ n: number }>`with e as (
      select p.*, ${i.enrolmentOffset} + row_number() over (order by p.slot) - 1 as ordinal from scale_work_people p
      where p.client and pg_temp.kern_scale_mix(p.slot, 40) % 100 < ${ENROLMENT_PERCENT}
    ), ins as (
      insert into offering_enrolments (id, municipality_code, offering_id, subject_bsn, plan_id, plan_action_id, enrolled_on, status, enrolled_by)
      select ${uuidOf(`${code}:enrolment`, sql`e.slot`)}, ${code}, ${uuidOf(`${code}:offering`, sql`e.ordinal % ${i.groupOfferings}`)}, e.bsn,
        ${uuidOf(`${code}:plan`, sql`e.k`)}, 'a1', c.melding_date + 45, 'enrolled', ${coordinatorUuid('e.k')}
      from e join scale_work_cases c on c.subject_bsn = e.bsn
      returning id, enrolled_on
    ), att as (
      insert into offering_attendance (municipality_code, enrolment_id, session_on, present, recorded_at, recorded_by)
      select ${code}, ins.id, ins.enrolled_on + s * 7, pg_temp.kern_scale_mix(hashtext(ins.id::text)::bigint & 2147483647, 40 + s) % 100 < 80, ins.enrolled_on + s * 7 + time '21:00', ${uuidOf(`${code}:coordinator`, sql`1001`)}
      from ins, generate_series(0, 3) s
    )
    select count(*)::int as n from ins`.execute(tx);

  // Facts for insight, pseudonymous as the domain events demand.
  await sql`insert into domain_events (municipality_code, type, occurred_on, subject_ref, law, team_id, data)
    select ${code}, 'case.started', c.melding_date, c.id::text, c.law, c.team_id, jsonb_build_object('generated', true) from scale_work_cases c`.execute(tx);
  await sql`insert into domain_events (municipality_code, type, occurred_on, subject_ref, law, team_id, data)
    select ${code}, 'plan.agreed', v.agreed_at::date, v.plan_id::text, 'integraal', w.team_id, jsonb_build_object('version', v.version)
    from scale_work_plans w join plan_versions v on v.plan_id = w.id where v.agreed_at is not null`.execute(tx);

  const provisions = i.provisions ? await i.provisions(tx, { municipalityCode: code, fromHousehold: i.from, toHousehold: i.to }) : 0;
  const count = async (table: 'scale_work_cases' | 'scale_work_plans') => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx)).rows[0]?.n ?? 0);
  return {
    cases: await count('scale_work_cases'),
    plans: await count('scale_work_plans'),
    assessments,
    enrolments: Number(enrolled.rows[0]?.n ?? 0),
    provisions,
  };
}

/**
 * The generated cities in this database as one population for the fake BRP
 * (`startFakeBrp({ population })`), so a server or bench serves the residents the seed wrote.
 */
export async function scaleFakeBrpPopulation(db: AnyDb): Promise<FakeBrpPopulation | undefined> {
  const cities = await withSystem(db, (tx) => sql<{ municipality_code: string; name: string; households: number }>`
    select s.municipality_code, m.name, s.households from scale_cities s join municipalities m on m.code = s.municipality_code`.execute(tx));
  if (cities.rows.length === 0) return undefined;
  const populations = cities.rows.map((c) => scalePopulation({ municipalityCode: c.municipality_code, municipalityName: c.name, households: Number(c.households) }));
  return {
    byBsn: (bsn) => populations.map((p) => p.byBsn(bsn)).find((x) => x !== undefined),
    atAddress: (postcode, houseNumber) => populations.flatMap((p) => p.atAddress(postcode, houseNumber)),
  };
}

/**
 * For benches: the households (their plan's anchor BSN) a generated coordinator coordinates, so
 * each simulated user opens households they have a relation with.
 */
export async function scaleCoordinatorHouseholds(db: AnyDb, username: string, limit = 100): Promise<string[]> {
  const r = await withSystem(db, (tx) => sql<{ anchor_bsn: string }>`
    select p.anchor_bsn from plans p join staff_accounts a on a.id = p.coordinator_id
    where a.username = ${username} and p.status = 'open' order by p.anchor_bsn limit ${limit}`.execute(tx));
  return r.rows.map((x) => x.anchor_bsn);
}
