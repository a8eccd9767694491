import { sql, type Tx } from '@kern/db';
import type { Contract, ContractedProduct, ContractedTariff, FundingModel, Provider } from './contract/contracting.schema';

/** The question an allocation asks: is this provider contracted for this product on that day? */
export interface ContractQuery {
  providerAgb: string;
  law: 'wmo' | 'jeugdwet';
  standard: 'iwmo' | 'ijw';
  category: string;
  /** Null: an aspecific allocation (any contracted product in the category will do). */
  productCode: string | null;
  on: string;
}

export interface ContractMatch {
  providerId: string;
  providerAgb: string;
  providerName: string;
  contractId: string;
  /** Unit and tariff of the contracted product that matched (the most specific one). */
  unit: string;
  tariffCents: number;
}

/** A care provider as other modules name it. */
export interface ProviderFact {
  id: string;
  agbCode: string;
  name: string;
}

// SQL only. Row-level security keeps every query to the tenant of the transaction; dates leave
// the database as text (YYYY-MM-DD) and bigints as numbers, so both drivers give the same values.

/** A unique constraint refused the row (PostgreSQL 23505): a concurrent writer got there first. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

export interface ProviderRow {
  id: string;
  municipalityCode: string;
  agbCode: string;
  name: string;
  kvkNumber: string | null;
  contact: string | null;
  createdAt: string;
}

export async function insertProvider(tx: Tx, p: ProviderRow): Promise<void> {
  await sql`insert into care_providers (id, municipality_code, agb_code, name, kvk_number, contact, created_at)
    values (${p.id}, ${p.municipalityCode}, ${p.agbCode}, ${p.name}, ${p.kvkNumber}, ${p.contact}, ${p.createdAt})`.execute(tx);
}

interface RawProvider { id: string; agb_code: string; name: string; kvk_number: string | null; contact: string | null; contract_count: number }
const toProvider = (r: RawProvider): Provider => ({ id: r.id, agbCode: r.agb_code, name: r.name, kvkNumber: r.kvk_number, contact: r.contact, contractCount: Number(r.contract_count) });

export async function findProviders(tx: Tx): Promise<Provider[]> {
  const r = await sql<RawProvider>`select p.id, p.agb_code, p.name, p.kvk_number, p.contact,
      (select count(*)::int from contracts c where c.provider_id = p.id) as contract_count
    from care_providers p order by p.name, p.agb_code`.execute(tx);
  return r.rows.map(toProvider);
}

export async function findProvider(tx: Tx, id: string): Promise<Provider | undefined> {
  const r = await sql<RawProvider>`select p.id, p.agb_code, p.name, p.kvk_number, p.contact,
      (select count(*)::int from contracts c where c.provider_id = p.id) as contract_count
    from care_providers p where p.id = ${id}::uuid`.execute(tx);
  return r.rows[0] ? toProvider(r.rows[0]) : undefined;
}

export async function providerWithAgbExists(tx: Tx, agbCode: string): Promise<boolean> {
  const r = await sql`select 1 from care_providers where agb_code = ${agbCode}`.execute(tx);
  return r.rows.length > 0;
}

export async function findProviderByAgb(tx: Tx, agbCode: string): Promise<ProviderFact | undefined> {
  const r = await sql<{ id: string; agb_code: string; name: string }>`select id, agb_code, name from care_providers where agb_code = ${agbCode}`.execute(tx);
  const row = r.rows[0];
  return row ? { id: row.id, agbCode: row.agb_code, name: row.name } : undefined;
}

export async function findProviderNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await sql<{ id: string; name: string }>`select id, name from care_providers where id = any(${[...ids]}::uuid[])`.execute(tx);
  return new Map(r.rows.map((p) => [p.id, p.name]));
}

export interface ContractRow {
  id: string;
  municipalityCode: string;
  providerId: string;
  reference: string;
  region: string | null;
  law: 'wmo' | 'jeugdwet';
  fundingModel: FundingModel;
  budgetCents: number | null;
  validFrom: string;
  validTo: string | null;
  createdAt: string;
  createdBy: string;
}

export async function insertContract(tx: Tx, c: ContractRow): Promise<void> {
  await sql`insert into contracts (id, municipality_code, provider_id, reference, region, law, funding_model, budget_cents, valid_from, valid_to, created_at, created_by)
    values (${c.id}, ${c.municipalityCode}, ${c.providerId}, ${c.reference}, ${c.region}, ${c.law}, ${c.fundingModel}, ${c.budgetCents},
      ${c.validFrom}::date, ${c.validTo}::date, ${c.createdAt}, ${c.createdBy})`.execute(tx);
}

export async function contractReferenceExists(tx: Tx, reference: string): Promise<boolean> {
  const r = await sql`select 1 from contracts where reference = ${reference}`.execute(tx);
  return r.rows.length > 0;
}

interface RawContract {
  id: string; provider_id: string; provider_name: string; provider_agb: string; reference: string; region: string | null; law: 'wmo' | 'jeugdwet';
  funding_model: FundingModel; budget_cents: string | number | null; valid_from: string; valid_to: string | null;
}
const contractColumns = sql`c.id, c.provider_id, p.name as provider_name, p.agb_code as provider_agb, c.reference, c.region, c.law, c.funding_model,
  c.budget_cents, c.valid_from::text as valid_from, c.valid_to::text as valid_to`;
const toContract = (r: RawContract): Contract => ({
  id: r.id, providerId: r.provider_id, providerName: r.provider_name, providerAgb: r.provider_agb, reference: r.reference, region: r.region, law: r.law,
  fundingModel: r.funding_model, budgetCents: r.budget_cents === null ? null : Number(r.budget_cents), validFrom: r.valid_from, validTo: r.valid_to,
});

export async function findContracts(tx: Tx, q: { providerId?: string | undefined; on?: string | undefined }): Promise<Contract[]> {
  const r = await sql<RawContract>`select ${contractColumns} from contracts c join care_providers p on p.id = c.provider_id
    where (${q.providerId ?? null}::uuid is null or c.provider_id = ${q.providerId ?? null}::uuid)
      and (${q.on ?? null}::date is null or (c.valid_from <= ${q.on ?? null}::date and (c.valid_to is null or c.valid_to >= ${q.on ?? null}::date)))
    order by p.name, c.valid_from, c.reference`.execute(tx);
  return r.rows.map(toContract);
}

/** With `lock`, the contract row is locked: its products change one writer at a time. */
export async function findContract(tx: Tx, id: string, lock = false): Promise<Contract | undefined> {
  const r = lock
    ? await sql<RawContract>`select ${contractColumns} from contracts c join care_providers p on p.id = c.provider_id where c.id = ${id}::uuid for update of c`.execute(tx)
    : await sql<RawContract>`select ${contractColumns} from contracts c join care_providers p on p.id = c.provider_id where c.id = ${id}::uuid`.execute(tx);
  return r.rows[0] ? toContract(r.rows[0]) : undefined;
}

export async function setContractEnd(tx: Tx, id: string, validTo: string): Promise<void> {
  await sql`update contracts set valid_to = ${validTo}::date where id = ${id}::uuid`.execute(tx);
}

export interface ContractedProductRow extends ContractedProduct {
  municipalityCode: string;
  createdAt: string;
}

export async function insertContractedProduct(tx: Tx, p: ContractedProductRow): Promise<void> {
  await sql`insert into contracted_products (id, municipality_code, contract_id, standard, category, product_code, unit, tariff_cents, valid_from, valid_to, created_at)
    values (${p.id}, ${p.municipalityCode}, ${p.contractId}, ${p.standard}, ${p.category}, ${p.productCode}, ${p.unit}, ${p.tariffCents},
      ${p.validFrom}::date, ${p.validTo}::date, ${p.createdAt})`.execute(tx);
}

interface RawProduct {
  id: string; contract_id: string; standard: 'iwmo' | 'ijw'; category: string; product_code: string | null; unit: string; tariff_cents: number;
  valid_from: string; valid_to: string | null;
}
const toProduct = (r: RawProduct): ContractedProduct => ({
  id: r.id, contractId: r.contract_id, standard: r.standard, category: r.category, productCode: r.product_code, unit: r.unit,
  tariffCents: Number(r.tariff_cents), validFrom: r.valid_from, validTo: r.valid_to,
});
const productColumns = sql`id, contract_id, standard, category, product_code, unit, tariff_cents, valid_from::text as valid_from, valid_to::text as valid_to`;

export async function findContractedProducts(tx: Tx, contractId: string): Promise<ContractedProduct[]> {
  const r = await sql<RawProduct>`select ${productColumns} from contracted_products where contract_id = ${contractId}::uuid
    order by category, product_code nulls first, valid_from`.execute(tx);
  return r.rows.map(toProduct);
}

/** The same contract, category and product (null = the whole category), every period. */
export async function findSameProduct(tx: Tx, contractId: string, category: string, productCode: string | null): Promise<ContractedProduct[]> {
  const r = await sql<RawProduct>`select ${productColumns} from contracted_products
    where contract_id = ${contractId}::uuid and category = ${category} and product_code is not distinct from ${productCode}
    order by valid_from`.execute(tx);
  return r.rows.map(toProduct);
}

/** Ending a contract ends its products on the same day at the latest. */
export async function clipContractedProducts(tx: Tx, contractId: string, validTo: string): Promise<void> {
  await sql`update contracted_products set valid_to = ${validTo}::date
    where contract_id = ${contractId}::uuid and (valid_to is null or valid_to > ${validTo}::date)`.execute(tx);
}

/**
 * The tariff that applied on a day: the provider's contract valid that day with the product (or,
 * failing that, the whole category) valid that day. A product named exactly wins over the whole
 * category; among equals, the contract of the municipality itself over a regional one, then the
 * latest start. Deterministic, so invoice verification and allocations get the same answer.
 */
export async function findTariff(tx: Tx, q: { providerAgb: string; category: string; productCode: string | null; on: string }): Promise<ContractedTariff | null> {
  const r = await sql<{ id: string; tariff_cents: number; unit: string; contract_id: string; reference: string; funding_model: FundingModel; product_code: string | null }>`
    select cp.id, cp.tariff_cents, cp.unit, c.id as contract_id, c.reference, c.funding_model, cp.product_code
    from contracted_products cp
      join contracts c on c.id = cp.contract_id
      join care_providers p on p.id = c.provider_id
    where p.agb_code = ${q.providerAgb} and cp.category = ${q.category}
      and (cp.product_code is null or cp.product_code = ${q.productCode})
      and cp.valid_from <= ${q.on}::date and (cp.valid_to is null or cp.valid_to >= ${q.on}::date)
      and c.valid_from <= ${q.on}::date and (c.valid_to is null or c.valid_to >= ${q.on}::date)
    order by (cp.product_code is null), (c.region is not null), cp.valid_from desc, c.valid_from desc, cp.id
    limit 1`.execute(tx);
  const row = r.rows[0];
  if (!row) return null;
  return {
    tariffCents: Number(row.tariff_cents), unit: row.unit, contractId: row.contract_id, contractReference: row.reference,
    contractedProductId: row.id, fundingModel: row.funding_model, wholeCategory: row.product_code === null,
  };
}

/**
 * The provider's contract of the law valid on the day with a contracted product of the category
 * valid that day (any product for an aspecific question, else that product or the whole
 * category): the contracted product itself before a whole-category line, the newest contract first.
 */
export async function findCoveringContract(tx: Tx, q: ContractQuery): Promise<ContractMatch | null> {
  const r = await sql<{ provider_id: string; agb_code: string; name: string; contract_id: string; unit: string; tariff_cents: number; valid_from: string | Date }>`
    select p.id as provider_id, p.agb_code, p.name, c.id as contract_id, cp.unit, cp.tariff_cents, c.valid_from
    from care_providers p
    join contracts c on c.provider_id = p.id and c.municipality_code = p.municipality_code
    join contracted_products cp on cp.contract_id = c.id
    where p.agb_code = ${q.providerAgb} and c.law = ${q.law}
      and c.valid_from <= ${q.on}::date and (c.valid_to is null or c.valid_to >= ${q.on}::date)
      and cp.standard = ${q.standard} and cp.category = ${q.category}
      and cp.valid_from <= ${q.on}::date and (cp.valid_to is null or cp.valid_to >= ${q.on}::date)
      and (${q.productCode}::text is null or cp.product_code is null or cp.product_code = ${q.productCode})
    -- the contracted product itself before a whole-category line; the newest contract first
    order by (cp.product_code is null), c.valid_from desc, c.id
    limit 1`.execute(tx);
  const m = r.rows[0];
  return m ? { providerId: m.provider_id, providerAgb: m.agb_code, providerName: m.name, contractId: m.contract_id, unit: m.unit, tariffCents: Number(m.tariff_cents) } : null;
}
