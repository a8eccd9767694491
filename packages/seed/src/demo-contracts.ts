import { addMissingCategories, type Standard } from '@kern/catalogue';
import { sql, withSystem, type AnyDb } from '@kern/db';
import { newId } from '@kern/kit';

export const AGB_THUISZORG = '12345678';
export const AGB_JEUGD = '23456789';

/** WMO020 and JZ020 (release 3.2), so a demo without the catalogue's own seed can decide on every category. */
const categories: [Standard, string, string][] = [
  ...[
    'Hulp bij het huishouden', 'Begeleiding', 'Persoonlijke verzorging', 'Kortdurend verblijf', 'Woondiensten',
    'Overige ondersteuning gericht op het individu of huishouden/gezin', 'Dagbesteding', 'Vervoerdiensten', 'Overige groepsgerichte ondersteuning',
    'Overige maatwerk arrangementen', 'Rolstoelen', 'Vervoervoorzieningen', 'Woonvoorzieningen', 'Overige hulpmiddelen', 'Beschermd wonen', 'Opvang',
    'Spoedopvang', 'Overige beschermd wonen en opvang',
  ].map((name, i): [Standard, string, string] => ['iwmo', String(i + 1).padStart(2, '0'), name]),
  ...[
    'Zonder verblijf: uitgevoerd door wijk- of buurtteam', 'Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder', 'Zonder verblijf: daghulp op locatie van de aanbieder',
    'Zonder verblijf: jeugdhulp in het netwerk van de jeugdige', 'Met verblijf: pleegzorg', 'Met verblijf: gezinsgericht', 'Met verblijf: gesloten plaatsing', 'Met verblijf: overig residentieel',
  ].map((name, i): [Standard, string, string] => ['ijw', String(i + 31), name]),
  ...[
    'Persoonlijke verzorging', 'Dagbehandeling', 'Vervoerdiensten', 'Jeugdhulp verblijf (incl. behandeling)', 'Jeugdhulp verblijf (excl. behandeling)', 'Jeugdhulp ambulant',
    'Jeugdhulp crisis', 'Jeugdreclassering', 'Jeugdbescherming', 'Activiteiten in het preventief justitieel kader', 'Maatwerkarrangementen jeugd', 'Generalistische basis-ggz',
    'Specialistische ggz', 'Kindergeneeskunde', 'Jeugd-ggz', 'Landelijk ingekochte zorg',
  ].map((name, i): [Standard, string, string] => ['ijw', String(i + 40), name]),
];

/**
 * Demo and test data (the seed writes reference and demo rows set-based, like the scale generator): the product
 * categories used here (left alone when the catalogue loaded them), and per municipality two
 * providers with a contract each (skipped when a provider with that AGB code exists): a Wmo home-care provider (01 hulp bij het huishouden per hour, 02 begeleiding,
 * 07 dagbesteding as a whole category) and a youth-care provider (45 jeugdhulp ambulant, 45A03 per hour).
 */
export async function insertDemoContracts(db: AnyDb, municipalityCode: string, validFrom = '2026-01-01'): Promise<{ wmoProviderId: string; youthProviderId: string }> {
  return withSystem(db, async (tx) => {
    await addMissingCategories(tx, categories.map(([standard, code, name]) => ({ standard, code, name, validFrom: '2015-01-01', validTo: null })));
    const existing = await sql<{ id: string; agb_code: string }>`select id, agb_code from care_providers where municipality_code = ${municipalityCode}`.execute(tx);
    const known = new Map(existing.rows.map((r) => [r.agb_code, r.id]));
    const provider = async (agb: string, name: string, law: 'wmo' | 'jeugdwet', products: { standard: 'iwmo' | 'ijw'; category: string; productCode: string | null; unit: string; tariffCents: number }[]) => {
      const hit = known.get(agb);
      if (hit) return hit;
      const id = newId();
      const contractId = newId();
      await sql`insert into care_providers (id, municipality_code, agb_code, name, created_at) values (${id}::uuid, ${municipalityCode}, ${agb}, ${name}, now())`.execute(tx);
      await sql`insert into contracts (id, municipality_code, provider_id, reference, law, funding_model, valid_from, created_at, created_by)
        values (${contractId}::uuid, ${municipalityCode}, ${id}::uuid, ${`C-${agb}-${law}`}, ${law}, 'inspanningsgericht', ${validFrom}::date, now(), 'fixture')`.execute(tx);
      for (const p of products) {
        await sql`insert into contracted_products (id, municipality_code, contract_id, standard, category, product_code, unit, tariff_cents, valid_from, created_at)
          values (${newId()}::uuid, ${municipalityCode}, ${contractId}::uuid, ${p.standard}, ${p.category}, ${p.productCode}, ${p.unit}, ${p.tariffCents}, ${validFrom}::date, now())`.execute(tx);
      }
      return id;
    };
    const wmoProviderId = await provider(AGB_THUISZORG, 'Thuiszorg De Maas', 'wmo', [
      { standard: 'iwmo', category: '01', productCode: '01A01', unit: '04', tariffCents: 3_150 },
      { standard: 'iwmo', category: '02', productCode: '02A01', unit: '04', tariffCents: 6_200 },
      { standard: 'iwmo', category: '07', productCode: null, unit: '16', tariffCents: 5_400 },
    ]);
    const youthProviderId = await provider(AGB_JEUGD, 'Jeugdhulp Rijnmond', 'jeugdwet', [
      { standard: 'ijw', category: '45', productCode: '45A03', unit: '04', tariffCents: 9_800 },
    ]);
    return { wmoProviderId, youthProviderId };
  });
}
