import { sql, type Tx } from '@kern/db';
import type { Municipality, Region } from './contract';

export async function upsertMunicipalities(tx: Tx, list: Municipality[]): Promise<void> {
  const chunk = 100;
  for (let i = 0; i < list.length; i += chunk) {
    const rows = list.slice(i, i + chunk).map((m) => sql`(${m.code}, ${m.name}, ${m.province})`);
    await sql`insert into municipalities (code, name, province) values ${sql.join(rows)}
      on conflict (code) do update set name = excluded.name, province = excluded.province`.execute(tx);
  }
}

export async function findMunicipalities(tx: Tx, q: string | undefined): Promise<Municipality[]> {
  const filter = q ? sql`where name ilike ${`%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`} or code = ${q.replace(/^GM/i, '')}` : sql``;
  const r = await sql<{ code: string; name: string; province: string }>`select code, name, province from municipalities ${filter} order by name`.execute(tx);
  return r.rows.map((m) => ({ code: m.code, gmCode: `GM${m.code}`, name: m.name, province: m.province }));
}

export async function findMunicipality(tx: Tx, code: string): Promise<Municipality | undefined> {
  const r = await sql<{ code: string; name: string; province: string }>`select code, name, province from municipalities where code = ${code}`.execute(tx);
  const m = r.rows[0];
  return m ? { code: m.code, gmCode: `GM${m.code}`, name: m.name, province: m.province } : undefined;
}

export async function upsertRegion(tx: Tx, region: Region): Promise<void> {
  await sql`insert into regions (id, name, kind) values (${region.id}, ${region.name}, ${region.kind})
    on conflict (id) do update set name = excluded.name, kind = excluded.kind`.execute(tx);
  await sql`delete from region_members where region_id = ${region.id}`.execute(tx);
  for (const code of region.members) {
    await sql`insert into region_members (region_id, municipality_code) values (${region.id}, ${code})`.execute(tx);
  }
}

export async function findRegionsOf(tx: Tx, municipalityCode: string): Promise<Region[]> {
  const r = await sql<{ id: string; name: string; kind: Region['kind']; members: string[] }>`
    select g.id, g.name, g.kind, array(select m.municipality_code::text from region_members m where m.region_id = g.id order by 1) as members
    from regions g where exists (select 1 from region_members x where x.region_id = g.id and x.municipality_code = ${municipalityCode})
    order by g.name`.execute(tx);
  return r.rows;
}

export async function findSettings(tx: Tx): Promise<{ municipalityCode: string; displayName: string; active: boolean; settings: unknown } | undefined> {
  const r = await sql<{ municipality_code: string; display_name: string; active: boolean; settings: unknown }>`
    select municipality_code, display_name, active, settings from municipality_settings`.execute(tx);
  const row = r.rows[0];
  return row ? { municipalityCode: row.municipality_code, displayName: row.display_name, active: row.active, settings: row.settings } : undefined;
}

export async function upsertSettings(tx: Tx, municipalityCode: string, displayName: string, settings: object): Promise<void> {
  await sql`insert into municipality_settings (municipality_code, display_name, settings) values (${municipalityCode}, ${displayName}, ${JSON.stringify(settings)}::jsonb)
    on conflict (municipality_code) do update set display_name = excluded.display_name, settings = excluded.settings, updated_at = now()`.execute(tx);
}
