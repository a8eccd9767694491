import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import { sql, withSystem, type AnyDb, type Tx } from '@kern/db';
import type { z } from 'zod';
import type { storedDecreeSchema, termComputationQuerySchema, termComputationSchema } from '../contract';
import { builtInDecrees, checkDecree, computeDeadline, installDecrees, knownDecrees, lastCoveredDay, type EquatingDecree, type StatutoryTermId } from '../deadlines';
import { findAddedDecrees, insertAddedDecree, type AddedDecree } from './statutory-decrees.repository';

type StoredDecreeOut = z.infer<typeof storedDecreeSchema>;

/**
 * The statutory calendar of this process knows the shipped decrees plus the ones stored in
 * statutory_decrees. Every instance installs them at start-up and again whenever it reads the
 * table (the routes below, the background worker's tick), so a decree added on one instance counts
 * on the others within one tick; the next decree is published months before its first day.
 */
function install(added: readonly AddedDecree[]): void {
  const ids = (ds: readonly EquatingDecree[]) => ds.map((d) => d.id).sort().join(',');
  if (ids(knownDecrees()) !== ids([...builtInDecrees, ...added.map((a) => a.decree)])) installDecrees(added.map((a) => a.decree));
}

/** Installs the stored decrees (server start, worker tick, CLI). */
export async function installStoredDecrees(db: AnyDb): Promise<void> {
  install(await withSystem(db, findAddedDecrees));
}

const shipped = (decree: EquatingDecree): StoredDecreeOut => ({ decree, origin: 'builtIn', addedBy: null, addedAt: null });
const added = (a: AddedDecree): StoredDecreeOut => ({ decree: a.decree, origin: 'added', addedBy: a.addedBy, addedAt: a.addedAt });

function decreesOut(stored: readonly AddedDecree[]) {
  const all = [...builtInDecrees.map(shipped), ...stored.map(added)].sort((a, b) => (a.decree.coversFrom < b.decree.coversFrom ? -1 : 1));
  return { decrees: all, knownUntil: lastCoveredDay(all.map((d) => d.decree)) ?? null };
}

/** Any statutory term's end date with its explanation, counted with the decrees stored now. */
export async function computeStatutoryTerm(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  termId: StatutoryTermId,
  query: z.infer<typeof termComputationQuerySchema>,
): Promise<z.infer<typeof termComputationSchema>> {
  await authorize(services, tx, ctx, { resource: 'statutory-calendar', action: 'read', detail: `compute ${termId} from ${query.start}` });
  install(await findAddedDecrees(tx));
  const d = computeDeadline({ termId, start: query.start, ...(query.municipalTermWeeks !== undefined ? { municipalTermWeeks: query.municipalTermWeeks } : {}) });
  return { termId: d.termId, start: d.start, due: d.due, beyondKnownDecrees: d.beyondKnownDecrees, explanation: d.explanation };
}

export async function listStatutoryDecrees(services: AccessServices, tx: Tx, ctx: AccessContext) {
  await authorize(services, tx, ctx, { resource: 'statutory-calendar', action: 'read', detail: 'decrees' });
  const stored = await findAddedDecrees(tx);
  install(stored);
  return decreesOut(stored);
}

/**
 * Stores the next decree after checking it against every known one (a new id, a period that
 * overlaps none, days on weekdays inside the period); a refusal names the field in Dutch and
 * stores nothing. One decree at a time per installation (an advisory lock), so two administrators
 * cannot add overlapping periods at the same moment. The caller installs it after the commit.
 */
export async function storeStatutoryDecree(tx: Tx, raw: unknown, by: { addedBy: string; addedIn: string | null; at: Date }): Promise<StoredDecreeOut> {
  await sql`select pg_advisory_xact_lock(hashtext('statutory_decrees'))`.execute(tx);
  const stored = await findAddedDecrees(tx);
  const decree = checkDecree(raw, [...builtInDecrees, ...stored.map((a) => a.decree)]);
  await insertAddedDecree(tx, { decree, at: by.at, addedBy: by.addedBy, addedIn: by.addedIn });
  return { decree, origin: 'added', addedBy: by.addedBy, addedAt: by.at.toISOString() };
}

/** The admin page's use case: a functional administrator adds the next decree (audited). */
export async function addStatutoryDecree(services: AccessServices, tx: Tx, ctx: AccessContext, raw: unknown) {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '?';
  await authorize(services, tx, ctx, { resource: 'statutory-calendar', action: 'create', detail: `decree ${id}` });
  const decree = await storeStatutoryDecree(tx, raw, { addedBy: ctx.actor.id, addedIn: ctx.actor.municipalityCode, at: services.clock.now() });
  return { decree, knownUntil: decreesOut([...(await findAddedDecrees(tx))]).knownUntil };
}
