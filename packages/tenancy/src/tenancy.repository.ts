import { sql, type TableRow, type Tx } from '@kern/db';
import type { Municipality, Region } from './contract';

export async function upsertMunicipalities(tx: Tx, list: Municipality[]): Promise<void> {
  const chunk = 100;
  for (let i = 0; i < list.length; i += chunk) {
    await tx
      .insertInto('municipalities')
      .values(list.slice(i, i + chunk).map((m) => ({ code: m.code, name: m.name, province: m.province })))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), province: eb.ref('excluded.province') })))
      .execute();
  }
}

export async function findMunicipalities(tx: Tx, q: string | undefined): Promise<Municipality[]> {
  const rows = await tx
    .selectFrom('municipalities')
    .select(['code', 'name', 'province'])
    .$if(!!q, (qb) =>
      qb.where((eb) => eb.or([eb('name', 'ilike', `%${(q ?? '').replace(/[%_\\]/g, (c) => `\\${c}`)}%`), eb('code', '=', (q ?? '').replace(/^GM/i, ''))])),
    )
    .orderBy('name')
    .execute();
  return rows.map((m) => ({ code: m.code, gmCode: `GM${m.code}`, name: m.name, province: m.province }));
}

export async function findMunicipality(tx: Tx, code: string): Promise<Municipality | undefined> {
  const m = await tx.selectFrom('municipalities').select(['code', 'name', 'province']).where('code', '=', code).executeTakeFirst();
  return m ? { code: m.code, gmCode: `GM${m.code}`, name: m.name, province: m.province } : undefined;
}

export async function upsertRegion(tx: Tx, region: Region): Promise<void> {
  await tx
    .insertInto('regions')
    .values({ id: region.id, name: region.name, kind: region.kind })
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), kind: eb.ref('excluded.kind') })))
    .execute();
  await tx.deleteFrom('region_members').where('region_id', '=', region.id).execute();
  for (const code of region.members) {
    await tx.insertInto('region_members').values({ region_id: region.id, municipality_code: code }).execute();
  }
}

export async function findRegionsOf(tx: Tx, municipalityCode: string): Promise<Region[]> {
  const r = await sql<TableRow<'regions', 'id' | 'name'> & { kind: Region['kind']; members: string[] }>`
    select g.id, g.name, g.kind, array(select m.municipality_code::text from region_members m where m.region_id = g.id order by 1) as members
    from regions g where exists (select 1 from region_members x where x.region_id = g.id and x.municipality_code = ${municipalityCode})
    order by g.name`.execute(tx);
  return r.rows;
}

export async function findSettings(tx: Tx): Promise<{ municipalityCode: string; displayName: string; active: boolean; settings: unknown } | undefined> {
  const row = await tx.selectFrom('municipality_settings').select(['municipality_code', 'display_name', 'active', 'settings']).executeTakeFirst();
  return row ? { municipalityCode: row.municipality_code, displayName: row.display_name, active: row.active, settings: row.settings } : undefined;
}

export async function upsertSettings(tx: Tx, municipalityCode: string, displayName: string, settings: object): Promise<void> {
  await tx
    .insertInto('municipality_settings')
    .values({ municipality_code: municipalityCode, display_name: displayName, settings: sql`${JSON.stringify(settings)}::jsonb` })
    .onConflict((oc) =>
      oc.column('municipality_code').doUpdateSet((eb) => ({ display_name: eb.ref('excluded.display_name'), settings: eb.ref('excluded.settings'), updated_at: sql<Date>`now()` })),
    )
    .execute();
}
