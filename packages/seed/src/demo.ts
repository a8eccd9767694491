import { openWorkRelation, type Purpose, type Role } from '@kern/access';
import { sql, withSystem, withTenant, type AnyDb } from '@kern/db';
import { createAccount, createTeam } from '@kern/identity';
import { newId } from '@kern/kit';
import { activateWerkwijzeVersion, findWerkwijzeVersions, libraryWerkwijzen, storeWerkwijzeVersion } from '@kern/workflows';
import { loadNationalCatalogue } from '@kern/catalogue';
import { seedCatalogueDemo } from './catalogue-demo';
import { seedDebtDemo } from './debt-demo';
import { insertDemoContracts } from './demo-contracts';
import { seedExchangeDemo } from './exchange-demo';
import { activateMunicipality, listMunicipalities, loadMunicipalities, registerRegions, type Region } from '@kern/tenancy';

/** Shown on start-up and in the README; the demo is not for real data. */
export const DEMO_PASSWORD = 'kern-demo-2026';

interface DemoCity {
  code: string;
  /** The werkwijze new cases start on: the two cities organise access differently. */
  werkwijzen: string[];
  prefix: string;
  name: string;
  /** A family from the official GBA-V test set, living together at one address. */
  family: { label: string; parent: string; partner: string; child: string };
}

/**
 * Two municipalities so isolation is visible: Rotterdam (0599) and 's-Gravenhage (0518), the two
 * with the most GBA-V test persons. The families were picked from the test set because parents
 * and a young child share one address.
 */
export const demoCities: DemoCity[] = [
  { code: '0599', werkwijzen: ['frontoffice-backoffice', 'een-loket', 'buurtcentrum-beschikkingsvrij'], prefix: 'rotterdam', name: 'Rotterdam', family: { label: 'Braveheart-Goulouse, 3074LA 5', parent: '999991838', partner: '999990512', child: '999990342' } },
  { code: '0518', werkwijzen: ['wijkteam-met-mandaat', 'een-loket', 'buurtcentrum-beschikkingsvrij'], prefix: 'denhaag', name: "'s-Gravenhage", family: { label: 'Janssen-Overvaart, 2572HT 2', parent: '999990627', partner: '999990226', child: '999997580' } },
];

const staff: { suffix: string; displayName: string; roles: Role[]; team: string; alsoIn?: string[]; description: string }[] = [
  { suffix: 'generalist', displayName: 'Sanne de Wit', roles: ['wijkteam-generalist'], team: 'Wijkteam Noord', description: 'wijkteam generalist, coordinator of the demo family' },
  { suffix: 'wmo', displayName: 'Mehmet Yilmaz', roles: ['wmo-consultant'], team: 'Wijkteam Noord', description: 'Wmo consultant, team has a Wmo case for the demo parent' },
  { suffix: 'jeugd', displayName: 'Lotte Bakker', roles: ['youth-consultant'], team: 'Wijkteam Zuid', description: 'youth consultant, own Jeugdwet case for the demo child' },
  { suffix: 'inkomen', displayName: 'Priya Ramdin', roles: ['income-consultant'], team: 'Werk en Inkomen', description: 'income consultant, no cases yet' },
  { suffix: 'schuld', displayName: 'Joost Visser', roles: ['debt-counsellor'], team: 'Schuldhulp', description: 'debt counsellor, no cases yet' },
  { suffix: 'besluit', displayName: 'Fatima El Amrani', roles: ['decision-maker'], team: 'Backoffice Wmo en Jeugd', description: 'back-office decision maker' },
  { suffix: 'kwaliteit', displayName: 'Tom Jansen', roles: ['quality-analyst'], team: 'Kwaliteit', description: 'quality analyst (no personal data)' },
  { suffix: 'beheer', displayName: 'Ingrid Mulder', roles: ['functional-administrator'], team: 'Kwaliteit', description: 'functional administrator' },
  // four eyes on the access policy: one administrator proposes a version, the other approves it
  { suffix: 'beheer2', displayName: 'Ruben de Groot', roles: ['functional-administrator'], team: 'Kwaliteit', description: 'second functional administrator (approves policy proposals)' },
  { suffix: 'auditor', displayName: 'Kees van Dijk', roles: ['auditor'], team: 'Kwaliteit', description: 'auditor: audit log and break-the-glass reviews' },
  // product catalogue and contracting
  { suffix: 'inkoop', displayName: 'Noor Hendriks', roles: ['contract-manager'], team: 'Inkoop', description: 'contract manager: product catalogue, care providers, contracts and tariffs (no personal data)' },
  // relations: decides the requests for access of the caseworking teams (no resident data)
  {
    suffix: 'teamleider', displayName: 'Anouk Smit', roles: ['team-lead'], team: 'Wijkteam Noord', alsoIn: ['Wijkteam Zuid', 'Werk en Inkomen', 'Schuldhulp', 'Backoffice Wmo en Jeugd'],
    description: 'team lead: decides requests for access of the caseworking teams',
  },
];

export const demoAccounts = demoCities.flatMap((c) =>
  staff.map((s) => ({ username: `${c.prefix}.${s.suffix}`, municipalityCode: c.code, municipalityName: c.name, description: s.description })),
);

const regions: Region[] = [
  { id: 'rijnmond', name: 'Inkoopregio Rijnmond', kind: 'inkoopregio', members: ['0599', '0606', '0622', '0613', '0597', '0489', '1621', '0542', '0556', '1930', '0614'] },
  { id: 'haaglanden', name: 'Jeugdregio Haaglanden', kind: 'jeugdregio', members: ['0518', '0603', '0629', '1926', '0637', '1916', '1783', '0503', '1842'] },
];

/**
 * Idempotent: a second run finds the demo accounts and changes nothing, so `npm start` can seed
 * on every start.
 */
export interface SeedProgress {
  step(label: string): void;
  tick(): void;
  done(summary: string): void;
}

/** Steps reported through SeedProgress, for a progress bar's total. */
export const demoSeedSteps = (): number => 3 + demoCities.length * (staff.length + 2);

const quiet: SeedProgress = { step: () => undefined, tick: () => undefined, done: () => undefined };


export async function seedDemo(db: AnyDb, bar: SeedProgress = quiet): Promise<{ created: boolean }> {
  const existing = await withSystem(db, (tx) => sql<{ n: number }>`select count(*)::int as n from staff_accounts where username = ${demoAccounts[0]?.username ?? ''}`.execute(tx));
  if (Number(existing.rows[0]?.n ?? 0) > 0) {
    // A demo database from before werkwijzen existed gets them now; nothing else changes.
    for (const city of demoCities) await installLibraryWerkwijzen(db, city);
    // product catalogue and contracting: reference data first, then the demo contracts (all idempotent)
    await loadNationalCatalogue(db);
    for (const city of demoCities) {
      await seedCatalogueDemo(db, city.code);
      await insertDemoContracts(db, city.code);
    }
    // exchange: a demo database from before invoices existed gets its provider and allocations now
    for (const city of demoCities) await seedExchangeDemo(db, city);
    // relations: a demo database from before requests for access gets the team lead who decides them
    for (const city of demoCities) await addMissingTeamLead(db, city);
    return { created: false };
  }


  bar.step('municipalities (CBS 2026)');
  await loadMunicipalities(db);
  const known = new Set((await listMunicipalities(db, undefined)).map((m) => m.code));
  bar.tick();
  bar.step('regions');
  await registerRegions(db, regions.map((r) => ({ ...r, members: r.members.filter((m) => known.has(m)) })));
  bar.tick();
  // product catalogue: the national categories and product codes (reference data, idempotent)
  bar.step('national product catalogue (WMO020, JZ020, iJw product codes)');
  await loadNationalCatalogue(db);
  bar.tick();

  for (const city of demoCities) {
    bar.step(`${city.name}: settings and audit chain`);
    await activateMunicipality(db, city.code);
    bar.tick();
    const teams = new Map<string, string>();
    for (const name of new Set(staff.flatMap((s) => [s.team, ...(s.alsoIn ?? [])]))) teams.set(name, await createTeam(db, city.code, name, name.startsWith('Wijkteam') ? name.replace('Wijkteam ', '') : null));
    const accounts = new Map<string, string>();
    for (const s of staff) {
      bar.step(`${city.name}: ${city.prefix}.${s.suffix}`);
      const teamIds = [s.team, ...(s.alsoIn ?? [])].map((t) => teams.get(t)).filter((t): t is string => t !== undefined);
      accounts.set(
        s.suffix,
        await createAccount(db, {
          municipalityCode: city.code,
          username: `${city.prefix}.${s.suffix}`,
          displayName: s.displayName,
          password: DEMO_PASSWORD,
          roles: s.roles,
          teamIds,
        }),
      );
      bar.tick();
    }
    bar.step(`${city.name}: werkwijzen from the library`);
    await installLibraryWerkwijzen(db, city);
    bar.step(`${city.name}: relations with the demo family`);
    const f = city.family;
    const involvements: { bsn: string; purpose: Purpose; kind: 'case' | 'coordinator'; account?: string; team?: string; reason: string }[] = [
      { bsn: f.parent, purpose: 'wmo', kind: 'case', team: 'Wijkteam Noord', reason: 'Melding huishoudelijke ondersteuning' },
      { bsn: f.child, purpose: 'jeugdwet', kind: 'case', account: 'jeugd', reason: 'Melding opvoedondersteuning' },
      ...[f.parent, f.partner, f.child].map((bsn) => ({ bsn, purpose: 'integraal' as const, kind: 'coordinator' as const, account: 'generalist', reason: `Regie huishouden ${f.label}` })),
    ];
    await withTenant(db, city.code, async (tx) => {
      for (const i of involvements) {
        const accountId = i.account ? (accounts.get(i.account) ?? null) : null;
        const teamId = i.team ? (teams.get(i.team) ?? null) : null;
        await openWorkRelation(tx, { id: newId(), municipalityCode: city.code, subjectBsn: i.bsn, purpose: i.purpose, kind: i.kind, accountId, teamId, reason: i.reason, openedAt: new Date(), source: i.kind === 'coordinator' ? 'coordinator-assignment' : 'case', createdBy: 'seed' });
      }
    });
    await seedDebtDemo(db, city.code);
    // product catalogue and contracting
    await seedCatalogueDemo(db, city.code);
    // provisions: demo care providers and contracts until contracting seeds its own
    await insertDemoContracts(db, city.code);
    // exchange: a care provider, its contract and allocations for the invoice inbox demo
    await seedExchangeDemo(db, city);
    bar.tick();
  }
  bar.done(`${demoCities.length} municipalities, ${demoAccounts.length} accounts`);
  return { created: true };
}

/** The library werkwijzen as version 1, the city's chosen ones active; skipped when already there. */
export async function installLibraryWerkwijzen(db: AnyDb, city: { code: string; werkwijzen: string[] }): Promise<void> {
  await withTenant(db, city.code, async (tx) => {
    if ((await findWerkwijzeVersions(tx)).length > 0) return;
    for (const l of libraryWerkwijzen()) {
      const { stored } = await storeWerkwijzeVersion(tx, { municipalityCode: city.code, werkwijze: l.werkwijze, yaml: l.yaml, importedFrom: `library:${l.id}`, createdBy: null, at: new Date() });
      if (city.werkwijzen.includes(l.werkwijze.id)) await activateWerkwijzeVersion(tx, l.werkwijze.id, stored.version, new Date());
    }
  });
}

/** The team lead of a demo database seeded before issue 22, in the teams that already exist; skipped when there. */
async function addMissingTeamLead(db: AnyDb, city: DemoCity): Promise<void> {
  const lead = staff.find((s) => s.suffix === 'teamleider');
  if (!lead) return;
  const username = `${city.prefix}.${lead.suffix}`;
  const teamIds = await withTenant(db, city.code, async (tx) => {
    const known = await sql<{ n: number }>`select count(*)::int as n from staff_accounts where username = ${username}`.execute(tx);
    if (Number(known.rows[0]?.n ?? 0) > 0) return null;
    const names = [lead.team, ...(lead.alsoIn ?? [])];
    const teams = await sql<{ id: string }>`select id from teams where name = any(${names}::text[])`.execute(tx);
    return teams.rows.map((t) => t.id);
  });
  if (!teamIds) return;
  await createAccount(db, { municipalityCode: city.code, username, displayName: lead.displayName, password: DEMO_PASSWORD, roles: lead.roles, teamIds });
}
