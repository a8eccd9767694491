import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { invalidInput, notFound } from '@kern/kit';
import type { z } from 'zod';
import { diffWerkwijzen, formatDiff, libraryWerkwijzen, parseWerkwijzeYaml, type Werkwijze } from '../werkwijze';
import {
  activateWerkwijzeVersion,
  findActiveWerkwijze,
  findWerkwijzeVersion,
  findWerkwijzeVersions,
  insertWerkwijzeVersion,
  type StoredWerkwijze,
} from './werkwijze-store.repository';
import type { importWerkwijzeInputSchema, diffInputSchema } from '../contract';

/** Key order is not meaning: jsonb sorts keys, YAML keeps the author's order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}
const sameDefinition = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

const summary = ({ sourceYaml: _y, definition: _d, ...s }: StoredWerkwijze) => s;

export async function listWerkwijzen(services: AccessServices, tx: Tx, ctx: AccessContext) {
  await authorize(services, tx, ctx, { resource: 'werkwijze', action: 'read' });
  return { werkwijzen: (await findWerkwijzeVersions(tx)).map(summary) };
}

export async function getWerkwijzeVersion(services: AccessServices, tx: Tx, ctx: AccessContext, werkwijzeId: string, version: number) {
  await authorize(services, tx, ctx, { resource: 'werkwijze', action: 'read' });
  const found = await findWerkwijzeVersion(tx, werkwijzeId, version);
  if (!found) throw notFound({ nl: `Werkwijze ${werkwijzeId} versie ${version} bestaat niet.`, en: `Werkwijze ${werkwijzeId} version ${version} does not exist.` });
  return found;
}

/**
 * Stores a werkwijze as a new immutable version. An invalid file is refused with every error's
 * path and line and nothing is stored; importing the same definition twice stores nothing new.
 */
export async function importWerkwijze(services: AccessServices, tx: Tx, ctx: AccessContext, input: z.infer<typeof importWerkwijzeInputSchema>) {
  await authorize(services, tx, ctx, { resource: 'werkwijze', action: 'create', detail: input.importedFrom ? `import from ${input.importedFrom}` : 'import' });
  const parsed = parseWerkwijzeYaml(input.yaml);
  if (!parsed.ok) {
    throw invalidInput(
      { nl: 'De werkwijze is ongeldig en is niet opgeslagen; zie de fouten per regel.', en: 'The werkwijze is invalid and was not stored; see the errors per line.' },
      parsed.errors.map((e) => ({ name: e.line !== undefined ? `${e.path} (regel ${e.line})` : e.path, reason: e.message })),
    );
  }
  const { stored, created } = await storeWerkwijzeVersion(tx, {
    municipalityCode: ctx.actor.municipalityCode,
    werkwijze: parsed.werkwijze,
    yaml: input.yaml,
    importedFrom: input.importedFrom ?? null,
    createdBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
    at: services.clock.now(),
  });
  return { werkwijze: summary(stored), created };
}

/**
 * Stores a validated werkwijze as the next version of its id, or finds the stored version with
 * the same definition. No access check: the HTTP use case, the CLI and the seed each decide who
 * may store (an administrator, the operator at the console, the demo).
 */
export async function storeWerkwijzeVersion(
  tx: Tx,
  v: { municipalityCode: string; werkwijze: Werkwijze; yaml: string; importedFrom: string | null; createdBy: string | null; at: Date },
): Promise<{ stored: StoredWerkwijze; created: boolean }> {
  const versions = await findWerkwijzeVersions(tx, v.werkwijze.id);
  const same = versions.find((x) => sameDefinition(x.definition, v.werkwijze));
  if (same) return { stored: same, created: false };
  const version = Math.max(0, ...versions.map((x) => x.version)) + 1;
  await insertWerkwijzeVersion(tx, {
    municipalityCode: v.municipalityCode,
    werkwijzeId: v.werkwijze.id,
    version,
    name: v.werkwijze.name,
    sourceYaml: v.yaml,
    definition: v.werkwijze,
    importedFrom: v.importedFrom,
    createdBy: v.createdBy,
    at: v.at,
  });
  const stored = await findWerkwijzeVersion(tx, v.werkwijze.id, version);
  if (!stored) throw new Error('werkwijze version vanished after insert');
  return { stored, created: true };
}

export async function activateWerkwijze(services: AccessServices, tx: Tx, ctx: AccessContext, werkwijzeId: string, version: number) {
  await authorize(services, tx, ctx, { resource: 'werkwijze', action: 'update', detail: `activate ${werkwijzeId} v${version}` });
  const found = await findWerkwijzeVersion(tx, werkwijzeId, version);
  if (!found) throw notFound({ nl: `Werkwijze ${werkwijzeId} versie ${version} bestaat niet.`, en: `Werkwijze ${werkwijzeId} version ${version} does not exist.` });
  await activateWerkwijzeVersion(tx, werkwijzeId, version, services.clock.now());
  return { werkwijze: summary((await findWerkwijzeVersion(tx, werkwijzeId, version)) ?? found) };
}

/** The active definition new cases start on. */
export async function activeDefinition(tx: Tx, werkwijzeId: string): Promise<{ version: number; werkwijze: Werkwijze } | undefined> {
  const active = await findActiveWerkwijze(tx, werkwijzeId);
  return active ? { version: active.version, werkwijze: active.definition as Werkwijze } : undefined;
}

export async function definitionOf(tx: Tx, werkwijzeId: string, version: number): Promise<Werkwijze | undefined> {
  return (await findWerkwijzeVersion(tx, werkwijzeId, version))?.definition as Werkwijze | undefined;
}

async function resolve(tx: Tx, ref: string): Promise<Werkwijze> {
  if (ref.startsWith('library:')) {
    const found = libraryWerkwijzen().find((l) => l.id === ref.slice('library:'.length));
    if (found) return found.werkwijze;
  } else {
    const m = /^([a-z0-9-]+)@(\d+)$/.exec(ref);
    if (m?.[1] && m[2]) {
      const stored = await findWerkwijzeVersion(tx, m[1], Number(m[2]));
      if (stored) return stored.definition as Werkwijze;
    }
  }
  throw notFound({ nl: `Werkwijze ${ref} niet gevonden (gebruik id@versie of library:id).`, en: `Werkwijze ${ref} not found (use id@version or library:id).` });
}

export async function diffStoredWerkwijzen(services: AccessServices, tx: Tx, ctx: AccessContext, input: z.infer<typeof diffInputSchema>) {
  await authorize(services, tx, ctx, { resource: 'werkwijze', action: 'read', detail: `diff ${input.from} ${input.to}` });
  const entries = diffWerkwijzen(await resolve(tx, input.from), await resolve(tx, input.to));
  return { entries, text: formatDiff(entries, input.lang) };
}
