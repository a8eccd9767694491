import { sql, type Tx } from '@kern/db';

export interface StoredWerkwijze {
  werkwijzeId: string;
  version: number;
  name: string;
  sourceYaml: string;
  definition: unknown;
  status: 'available' | 'active' | 'retired';
  importedFrom: string | null;
  createdAt: string;
  activatedAt: string | null;
}

interface Row {
  werkwijze_id: string;
  version: number;
  name: string;
  source_yaml: string;
  definition: unknown;
  status: StoredWerkwijze['status'];
  imported_from: string | null;
  created_at: Date;
  activated_at: Date | null;
}

const toStored = (r: Row): StoredWerkwijze => ({
  werkwijzeId: r.werkwijze_id,
  version: Number(r.version),
  name: r.name,
  sourceYaml: r.source_yaml,
  definition: typeof r.definition === 'string' ? (JSON.parse(r.definition) as unknown) : r.definition,
  status: r.status,
  importedFrom: r.imported_from,
  createdAt: new Date(r.created_at).toISOString(),
  activatedAt: r.activated_at ? new Date(r.activated_at).toISOString() : null,
});

export async function findWerkwijzeVersions(tx: Tx, werkwijzeId?: string): Promise<StoredWerkwijze[]> {
  const filter = werkwijzeId ? sql`where werkwijze_id = ${werkwijzeId}` : sql``;
  const r = await sql<Row>`select * from werkwijze_versions ${filter} order by werkwijze_id, version`.execute(tx);
  return r.rows.map(toStored);
}

export async function findWerkwijzeVersion(tx: Tx, werkwijzeId: string, version: number): Promise<StoredWerkwijze | undefined> {
  const r = await sql<Row>`select * from werkwijze_versions where werkwijze_id = ${werkwijzeId} and version = ${version}`.execute(tx);
  return r.rows[0] ? toStored(r.rows[0]) : undefined;
}

export async function findActiveWerkwijze(tx: Tx, werkwijzeId: string): Promise<StoredWerkwijze | undefined> {
  const r = await sql<Row>`select * from werkwijze_versions where werkwijze_id = ${werkwijzeId} and status = 'active'`.execute(tx);
  return r.rows[0] ? toStored(r.rows[0]) : undefined;
}

export async function insertWerkwijzeVersion(
  tx: Tx,
  v: { municipalityCode: string; werkwijzeId: string; version: number; name: string; sourceYaml: string; definition: unknown; importedFrom: string | null; createdBy: string | null; at: Date },
): Promise<void> {
  await sql`insert into werkwijze_versions (municipality_code, werkwijze_id, version, name, source_yaml, definition, status, imported_from, created_by, created_at)
    values (${v.municipalityCode}, ${v.werkwijzeId}, ${v.version}, ${v.name}, ${v.sourceYaml}, ${JSON.stringify(v.definition)}::jsonb, 'available',
      ${v.importedFrom}, ${v.createdBy}, ${v.at.toISOString()})`.execute(tx);
}

export async function activateWerkwijzeVersion(tx: Tx, werkwijzeId: string, version: number, at: Date): Promise<void> {
  await sql`update werkwijze_versions set status = 'retired' where werkwijze_id = ${werkwijzeId} and status = 'active' and version <> ${version}`.execute(tx);
  await sql`update werkwijze_versions set status = 'active', activated_at = ${at.toISOString()} where werkwijze_id = ${werkwijzeId} and version = ${version}`.execute(tx);
}
