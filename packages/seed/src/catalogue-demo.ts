import { PolicyStore, runAsTenant, type AccessContext, type AccessServices } from '@kern/access';
import { createLocalProduct, type LocalProductInput } from '@kern/catalogue';
import { addContractedProduct, concludeContract, registerProvider, type ContractedProductInput, type ContractInput } from '@kern/contracting';
import { sql, type AnyDb } from '@kern/db';
import { systemClock } from '@kern/kit';

/**
 * The demo's product catalogue and contracts, per municipality: local products mapped onto the
 * national catalogue (with one unmapped code and one national code mapped twice, so the mapping
 * report has something to show), fictitious care providers (AGB codes invented for the demo),
 * and contracts in each funding model with their products and tariffs, so decisions and
 * allocations have something to allocate to. Written through the modules' own use cases (so the
 * demo obeys every rule) by a system actor holding the contract-manager role; skipped when the
 * municipality has care providers already.
 */
interface DemoContract extends Omit<ContractInput, 'providerId'> {
  products: ContractedProductInput[];
}
interface DemoCatalogue {
  localProducts: LocalProductInput[];
  providers: { agbCode: string; name: string; kvkNumber: string; contracts: DemoContract[] }[];
}

const FROM = '2026-01-01';
const TO = '2027-12-31';
const wmo = (localCode: string, name: string, category: string, unit: LocalProductInput['unit']): LocalProductInput => ({ standard: 'iwmo', localCode, name, category, nationalCode: null, unit, validFrom: FROM });
const jw = (localCode: string, name: string, nationalCode: string | null, unit: LocalProductInput['unit']): LocalProductInput => ({ standard: 'ijw', localCode, name, category: '45', nationalCode, unit, validFrom: FROM });
const product = (category: string, productCode: string | null, unit: ContractedProductInput['unit'], tariffCents: number): ContractedProductInput => ({ category, productCode, unit, tariffCents, validFrom: FROM, validTo: TO });

const localProducts: LocalProductInput[] = [
  wmo('HH01', 'Hulp bij het huishouden', '01', '04'),
  wmo('BG01', 'Begeleiding individueel', '02', '04'),
  wmo('BG02', 'Begeleiding groep', '02', '16'),
  wmo('DB01', 'Dagbesteding', '07', '16'),
  wmo('KV01', 'Kortdurend verblijf', '04', '14'),
  jw('45A04', 'Jeugdhulp ambulant regulier', '45A04', '01'),
  jw('45A05', 'Jeugdhulp ambulant specialistisch', '45A05', '01'),
  jw('45A03', 'Diagnostiek', '45A03', '82'),
  // Two local codes for one national product: the mapping report lists it as mapped twice.
  jw('JA001', 'Ouderbegeleiding ambulant', '45A04', '04'),
  // Not mapped yet: the mapping report lists it as unmapped.
  jw('JA002', 'Gezinscoaching (nog te koppelen)', null, '04'),
];

const catalogues: Record<string, DemoCatalogue> = {
  '0599': {
    localProducts,
    providers: [
      { agbCode: '98000101', name: 'Thuiszorg De Maas (demo)', kvkNumber: '90000101', contracts: [
        { reference: 'RTM-WMO-2026-001', law: 'wmo', fundingModel: 'inspanningsgericht', validFrom: FROM, validTo: TO, products: [
          product('01', 'HH01', '04', 3_350), product('02', 'BG01', '04', 6_240), product('02', 'BG02', '16', 4_150),
        ] },
      ] },
      { agbCode: '98000102', name: 'Dagcentrum Het Anker (demo)', kvkNumber: '90000102', contracts: [
        { reference: 'RTM-WMO-2026-002', law: 'wmo', fundingModel: 'outputgericht', validFrom: FROM, validTo: TO, products: [
          product('07', 'DB01', '16', 5_275), product('04', 'KV01', '14', 14_500),
        ] },
      ] },
      { agbCode: '98000103', name: 'Jeugdhulp Rijnmond (demo)', kvkNumber: '90000103', contracts: [
        { reference: 'RIJNMOND-JW-2026-014', region: 'rijnmond', law: 'jeugdwet', fundingModel: 'inspanningsgericht', validFrom: FROM, validTo: TO, products: [
          product('45', '45A04', '01', 142), product('45', '45A05', '01', 178), product('45', 'JA001', '04', 8_520),
        ] },
        { reference: 'RTM-JW-2026-003', law: 'jeugdwet', fundingModel: 'outputgericht', validFrom: FROM, validTo: TO, products: [product('45', '45A03', '82', 185_000)] },
      ] },
      { agbCode: '98000104', name: 'Stichting Wijkteam Jeugd (demo)', kvkNumber: '90000104', contracts: [
        { reference: 'RTM-JW-2026-TAAK', law: 'jeugdwet', fundingModel: 'taakgericht', budgetCents: 250_000_000, validFrom: FROM, validTo: TO, products: [product('45', null, '84', 0)] },
      ] },
    ],
  },
  '0518': {
    localProducts,
    providers: [
      { agbCode: '98000201', name: 'Haagse Thuishulp (demo)', kvkNumber: '90000201', contracts: [
        { reference: 'DH-WMO-2026-001', law: 'wmo', fundingModel: 'inspanningsgericht', validFrom: FROM, validTo: TO, products: [product('01', 'HH01', '04', 3_480), product('02', 'BG01', '04', 6_410)] },
      ] },
      { agbCode: '98000202', name: 'Jeugdhulp Haaglanden (demo)', kvkNumber: '90000202', contracts: [
        { reference: 'HGL-JW-2026-007', region: 'haaglanden', law: 'jeugdwet', fundingModel: 'inspanningsgericht', validFrom: FROM, validTo: TO, products: [product('45', '45A04', '01', 139)] },
      ] },
    ],
  },
};

export async function seedCatalogueDemo(db: AnyDb, municipalityCode: string): Promise<void> {
  const demo = catalogues[municipalityCode];
  if (!demo) return;
  const services: AccessServices = { db, clock: systemClock, policies: new PolicyStore() };
  const ctx: AccessContext = { actor: { kind: 'system', id: 'seed', name: 'Demo seed', municipalityCode, roles: ['contract-manager'], teamIds: [] } };
  await runAsTenant(services, ctx, async (tx) => {
    const existing = await sql<{ n: number }>`select count(*)::int as n from care_providers`.execute(tx);
    if (Number(existing.rows[0]?.n ?? 0) > 0) return;
    for (const p of demo.localProducts) await createLocalProduct(services, tx, ctx, p);
    for (const p of demo.providers) {
      const provider = await registerProvider(services, tx, ctx, { agbCode: p.agbCode, name: p.name, kvkNumber: p.kvkNumber });
      for (const { products, ...c } of p.contracts) {
        const contract = await concludeContract(services, tx, ctx, { ...c, providerId: provider.id });
        for (const cp of products) await addContractedProduct(services, tx, ctx, contract.id, cp);
      }
    }
  });
}
