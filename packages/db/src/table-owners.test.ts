import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from './migrate';
import { ownerOf, PUBLISHED_TABLES, TABLE_OWNERS } from './table-owners';

/**
 * Every package's SQL names only the tables it owns (table-owners.ts). The scan reads the string
 * and template literals of every non-test source file (so comments do not count) and finds the
 * tables named after FROM, JOIN, INTO, UPDATE, TABLE, TRUNCATE or REFERENCES, and the first
 * argument of kysely's selectFrom/insertInto/updateTable/deleteFrom and joins.
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Not a module: the seed writes every module's rows for the demo, the scale generator and the
 * test kits (packages/seed/src/testing). Only the CLI, tests, bench/ and e2e/ import it (a lint
 * fence in eslint.config.mjs), so its SQL never runs inside a module's use case.
 */
const KITS = new Set(['seed']);

interface Reference {
  table: string;
  line: number;
}

const SQL_NAME = /\b(?:from|join|into|update|table|truncate|references)\s+(?:only\s+)?(?:if\s+(?:not\s+)?exists\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)/gi;
const CTE_NAME = /\b([a-z_][a-z0-9_]*)\s+as\s+(?:not\s+)?(?:materialized\s+)?\(/gi;
const BUILDER = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'mergeInto', 'innerJoin', 'leftJoin', 'rightJoin', 'fullJoin']);

/** The known tables a source file's SQL names, with the line of the literal that names each. */
function tablesNamedIn(fileName: string, text: string, tables: ReadonlySet<string>): Reference[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Reference[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const scanSql = (sqlText: string, node: ts.Node) => {
    // A CTE may carry a table's name (`with cases as (...)`): then the query names its own result.
    const ctes = new Set([...sqlText.matchAll(CTE_NAME)].map((m) => m[1]!.toLowerCase()));
    for (const m of sqlText.matchAll(SQL_NAME)) {
      const table = m[1]!.toLowerCase();
      if (tables.has(table) && !ctes.has(table)) found.push({ table, line: lineOf(node) });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) scanSql(node.text, node);
    else if (ts.isTemplateExpression(node)) scanSql([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ${} '), node);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && BUILDER.has(node.expression.name.text)) {
      const first = node.arguments[0];
      if (first && ts.isStringLiteralLike(first)) {
        const table = first.text.trim().split(/\s+/)[0]!.toLowerCase();
        if (tables.has(table)) found.push({ table, line: lineOf(first) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Tables the migrations leave in the schema: created and not dropped again, in number order. */
function migratedTables(): Set<string> {
  const tables = new Set<string>();
  for (const m of loadMigrations()) {
    const statements = m.sql.replace(/--[^\n]*/g, '');
    for (const s of statements.matchAll(/\b(create|drop)\s+(?:unlogged\s+)?table\s+(?:if\s+(?:not\s+)?exists\s+)?(?:public\.)?([a-z_][a-z0-9_]*)/gi)) {
      if (s[1]!.toLowerCase() === 'create') tables.add(s[2]!.toLowerCase());
      else tables.delete(s[2]!.toLowerCase());
    }
  }
  return tables;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'dist') out.push(...sourceFiles(path));
    } else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Every workspace package with a src/, as its owner name (`identity`) or app (`apps/server`). */
function workspaces(): { name: string; dir: string }[] {
  const list = (parent: string, prefix: string) =>
    readdirSync(join(root, parent))
      .filter((n) => statSync(join(root, parent, n, 'src'), { throwIfNoEntry: false })?.isDirectory())
      .map((n) => ({ name: `${prefix}${n}`, dir: join(root, parent, n) }));
  // The web app runs in the browser and reaches the database only through the API.
  return [...list('packages', ''), ...list('apps', 'apps/').filter((w) => w.name !== 'apps/web')];
}

interface Violation {
  pkg: string;
  table: string;
  owner: string;
  file: string;
  line: number;
}

/** A cheap first look: a file that mentions no table at all needs no parse. */
const mentionsAny = (text: string, tables: ReadonlySet<string>) => {
  const lower = text.toLowerCase();
  return [...tables].some((t) => lower.includes(t));
};

function violationsOf(pkg: string, file: string, text: string, tables: ReadonlySet<string>): Violation[] {
  if (KITS.has(pkg) || !mentionsAny(text, tables)) return [];
  return tablesNamedIn(file, text, tables)
    .map((r) => ({ pkg, table: r.table, owner: ownerOf(r.table)!, file, line: r.line }))
    .filter((v) => v.owner !== pkg && !(PUBLISHED_TABLES as Record<string, readonly string[] | undefined>)[v.table]?.includes(pkg));
}

function scanRepository(): Violation[] {
  const tables = new Set(Object.keys(TABLE_OWNERS));
  const out: Violation[] = [];
  for (const w of workspaces()) {
    for (const file of sourceFiles(join(w.dir, 'src'))) out.push(...violationsOf(w.name, relative(root, file), readFileSync(file, 'utf8'), tables));
  }
  return out;
}


describe('table owners', () => {
  it('names an owner for every table the migrations leave in the schema, and no table they do not make', () => {
    const migrated = [...migratedTables()].sort();
    expect(migrated.length).toBeGreaterThan(50);
    expect(Object.keys(TABLE_OWNERS).sort()).toEqual(migrated);
  });

  it('names as owners only packages that exist', () => {
    const packages = new Set(workspaces().map((w) => w.name));
    expect([...new Set(Object.values(TABLE_OWNERS))].filter((o) => !packages.has(o))).toEqual([]);
  });

  it('catches a planted cross-module read in any SQL form, and not a table named in a comment or a CTE', () => {
    const tables = new Set(Object.keys(TABLE_OWNERS));
    const planted = [
      "import { sql } from '@kern/db';",
      '// a comment may say: select * from staff_accounts',
      'export const a = (tx) => sql`select p.id, s.display_name from plans p left join staff_accounts s on s.id = p.coordinator_id where p.id = ${1}`.execute(tx);',
      "export const b = (db) => db.selectFrom('teams as t').select('t.name');",
      "export const c = 'delete from case_events where case_id = $1';",
      'export const d = sql`with cases as (select 1) select * from cases`;',
      'export const e = sql`insert into plan_versions (plan_id) values (${1})`;',
    ].join('\n');
    const found = violationsOf('plans', 'packages/plans/src/planted.ts', planted, tables).map((v) => `${v.table}@${v.line} (${v.owner})`);
    expect(found).toEqual(['staff_accounts@3 (identity)', 'teams@4 (identity)', 'case_events@5 (cases)']);
    // the same file in the seed (a kit) or the owner itself is fine
    expect(violationsOf('seed', 'packages/seed/src/planted.ts', planted, tables)).toEqual([]);
    expect(violationsOf('identity', 'packages/identity/src/planted.ts', "sql`select name from teams`", tables)).toEqual([]);
  });

  it('finds no package naming a table it does not own', () => {
    const found = scanRepository().map((v) => `${v.file}:${v.line} (${v.pkg}) names ${v.table}, owned by ${v.owner}`);
    expect(found).toEqual([]);
  }, 30_000);
});

describe('package dependencies', () => {
  const manifests = workspaces().map((w) => {
    const json = JSON.parse(readFileSync(join(w.dir, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string> };
    return { ...w, pkgName: json.name, deps: Object.keys(json.dependencies ?? {}).filter((d) => d.startsWith('@kern/')) };
  });

  it('form a graph without cycles (dependencies point one way)', () => {
    const deps = new Map(manifests.map((m) => [m.pkgName, m.deps]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (name: string, path: string[]): void => {
      if (state.get(name) === 'done') return;
      if (state.get(name) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(name)), name].join(' -> '));
        return;
      }
      state.set(name, 'visiting');
      for (const d of deps.get(name) ?? []) visit(d, [...path, name]);
      state.set(name, 'done');
    };
    for (const m of manifests) visit(m.pkgName, []);
    expect(cycles).toEqual([]);
  });

  it('are declared for every @kern import of a package’s non-test source, so the graph above is the real one', () => {
    const undeclared: string[] = [];
    for (const m of manifests) {
      for (const file of sourceFiles(join(m.dir, 'src'))) {
        for (const imp of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(@kern\/[^/']+)/g)) {
          const target = imp[1]!;
          if (target !== m.pkgName && !m.deps.includes(target)) undeclared.push(`${relative(root, file)} imports ${target}`);
        }
      }
    }
    expect([...new Set(undeclared)]).toEqual([]);
  });
});
