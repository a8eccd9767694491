import { readFileSync, writeFileSync } from 'node:fs';
import { connect, migrate, withTenant } from '@kern/db';
import { loadConfig } from '@kern/kit';
import { diffWerkwijzen, findWerkwijzeVersion, formatDiff, libraryWerkwijzen, parseWerkwijzeYaml, storeWerkwijzeVersion, type Werkwijze } from '@kern/workflows';
import { municipalityExists } from '@kern/tenancy';

/** Reads a werkwijze from a file path or `library:<id>`, refusing invalid ones with their lines. */
function load(ref: string): { werkwijze: Werkwijze; yaml: string } {
  if (ref.startsWith('library:')) {
    const found = libraryWerkwijzen().find((l) => l.id === ref.slice('library:'.length));
    if (!found) throw new Error(`no library werkwijze ${ref}; available: ${libraryWerkwijzen().map((l) => `library:${l.id}`).join(', ')}`);
    return { werkwijze: found.werkwijze, yaml: found.yaml };
  }
  const yaml = readFileSync(ref, 'utf8');
  const parsed = parseWerkwijzeYaml(yaml);
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `  ${ref}${e.line !== undefined ? `:${e.line}` : ''}  ${e.path}  ${e.message}`);
    throw new Error(`${ref} is not a valid werkwijze:\n${lines.join('\n')}`);
  }
  return { werkwijze: parsed.werkwijze, yaml };
}

export function runValidate(files: string[]): void {
  let failed = 0;
  for (const file of files) {
    try {
      const { werkwijze } = load(file);
      console.log(`ok   ${file}: ${werkwijze.id} "${werkwijze.name}", ${werkwijze.steps.length} steps, case types ${werkwijze.caseTypes.map((t) => t.id).join(', ')}`);
    } catch (e) {
      failed++;
      console.error(`FAIL ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (failed > 0) process.exitCode = 1;
}

export function runDiff(from: string, to: string, options: { lang: 'nl' | 'en' }): void {
  const entries = diffWerkwijzen(load(from).werkwijze, load(to).werkwijze);
  console.log(formatDiff(entries, options.lang));
  if (entries.length > 0) process.exitCode = 1;
}

export async function runImport(file: string, options: { municipality: string; dataDir?: string }): Promise<void> {
  const { werkwijze, yaml } = load(file);
  const config = loadConfig(process.env, { dataDir: options.dataDir });
  const database = await connect(config);
  try {
    await migrate(database.db);
    const code = options.municipality.replace(/^GM/i, '');
    if (!(await municipalityExists(database.db, code))) throw new Error(`unknown municipality ${options.municipality}`);
    const { stored, created } = await withTenant(database.db, code, (tx) =>
      storeWerkwijzeVersion(tx, { municipalityCode: code, werkwijze, yaml, importedFrom: file, createdBy: null, at: new Date() }),
    );
    console.log(created ? `imported ${werkwijze.id} as version ${stored.version} for GM${code} (activate it in Kern)` : `${werkwijze.id} is already stored as version ${stored.version}; nothing changed`);
  } finally {
    await database.close();
  }
}

export async function runExport(ref: string, options: { municipality?: string; out?: string; dataDir?: string }): Promise<void> {
  let yaml: string;
  const m = /^([a-z0-9-]+)@(\d+)$/.exec(ref);
  if (m?.[1] && m[2] && options.municipality) {
    const config = loadConfig(process.env, { dataDir: options.dataDir });
    const database = await connect(config);
    try {
      const code = options.municipality.replace(/^GM/i, '');
      const found = await withTenant(database.db, code, (tx) => findWerkwijzeVersion(tx, m[1] ?? '', Number(m[2])));
      if (!found) throw new Error(`GM${code} has no werkwijze ${ref}`);
      yaml = found.sourceYaml;
    } finally {
      await database.close();
    }
  } else {
    yaml = load(ref).yaml;
  }
  if (options.out) {
    writeFileSync(options.out, yaml);
    console.error(`written ${options.out}`);
  } else {
    process.stdout.write(yaml);
  }
}
