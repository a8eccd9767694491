import { sql, type Tx } from '@kern/db';
import type { CategoryRef, NationalProductRef } from './catalogue-rules';
import type { Category, LocalProduct, NationalProduct, Standard } from './contract/catalogue.schema';

// SQL only. Dates leave the database as text (YYYY-MM-DD), so both drivers give the same value.

export interface NationalCatalogueData {
  categories: { standard: Standard; code: string; name: string; validFrom: string; validTo: string | null }[];
  products: { standard: Standard; category: string; code: string; name: string; validFrom: string; validTo: string | null }[];
}

/** Upserts the national reference data (schema owner only: the app role may only read it). */
export async function upsertNationalCatalogue(tx: Tx, data: NationalCatalogueData): Promise<void> {
  if (data.categories.length > 0) {
    const rows = data.categories.map((c) => sql`(${c.standard}, ${c.code}, ${c.name}, ${c.validFrom}::date, ${c.validTo}::date)`);
    await sql`insert into product_categories (standard, code, name, valid_from, valid_to) values ${sql.join(rows)}
      on conflict (standard, code) do update set name = excluded.name, valid_from = excluded.valid_from, valid_to = excluded.valid_to
      where (product_categories.name, product_categories.valid_from, product_categories.valid_to) is distinct from (excluded.name, excluded.valid_from, excluded.valid_to)`.execute(tx);
  }
  for (let i = 0; i < data.products.length; i += 500) {
    const rows = data.products.slice(i, i + 500).map((p) => sql`(${p.standard}, ${p.category}, ${p.code}, ${p.name}, ${p.validFrom}::date, ${p.validTo}::date)`);
    await sql`insert into national_products (standard, category, code, name, valid_from, valid_to) values ${sql.join(rows)}
      on conflict (standard, code, valid_from) do update set category = excluded.category, name = excluded.name, valid_to = excluded.valid_to
      where (national_products.category, national_products.name, national_products.valid_to) is distinct from (excluded.category, excluded.name, excluded.valid_to)`.execute(tx);
  }
}

/** Inserts categories that are not there yet; known ones keep their name and validity (schema owner only). */
export async function insertMissingCategories(tx: Tx, categories: NationalCatalogueData['categories']): Promise<void> {
  if (categories.length === 0) return;
  const rows = categories.map((c) => sql`(${c.standard}, ${c.code}, ${c.name}, ${c.validFrom}::date, ${c.validTo}::date)`);
  await sql`insert into product_categories (standard, code, name, valid_from, valid_to) values ${sql.join(rows)} on conflict do nothing`.execute(tx);
}

export async function countNationalCatalogue(tx: Tx): Promise<{ categories: number; products: number }> {
  const r = await sql<{ categories: number; products: number }>`select (select count(*)::int from product_categories) as categories,
    (select count(*)::int from national_products) as products`.execute(tx);
  return { categories: Number(r.rows[0]?.categories ?? 0), products: Number(r.rows[0]?.products ?? 0) };
}

export async function findCategories(tx: Tx): Promise<Category[]> {
  const r = await sql<{ standard: Standard; code: string; name: string; valid_from: string; valid_to: string | null; product_count: number }>`
    select c.standard, c.code, c.name, c.valid_from::text as valid_from, c.valid_to::text as valid_to,
      (select count(*)::int from national_products p where p.standard = c.standard and p.category = c.code) as product_count
    from product_categories c order by c.standard desc, c.code`.execute(tx);
  return r.rows.map((c) => ({ standard: c.standard, code: c.code, name: c.name, validFrom: c.valid_from, validTo: c.valid_to, productCount: Number(c.product_count) }));
}

export async function findCategory(tx: Tx, standard: Standard, code: string): Promise<CategoryRef | undefined> {
  const r = await sql<{ valid_from: string; valid_to: string | null }>`select valid_from::text as valid_from, valid_to::text as valid_to
    from product_categories where standard = ${standard} and code = ${code}`.execute(tx);
  const row = r.rows[0];
  return row ? { standard, code, validFrom: row.valid_from, validTo: row.valid_to } : undefined;
}

/** The category codes of a standard valid on a day. */
export async function findCategoriesValidOn(tx: Tx, standard: Standard, on: string): Promise<Set<string>> {
  const r = await sql<{ code: string }>`select code from product_categories where standard = ${standard}
    and valid_from <= ${on}::date and (valid_to is null or valid_to >= ${on}::date)`.execute(tx);
  return new Set(r.rows.map((x) => x.code));
}

/** The product code is one of the municipality's local products or a national code of the category, valid on the day. */
export async function productCodeValidOn(tx: Tx, standard: Standard, category: string, code: string, on: string): Promise<boolean> {
  const r = await sql`select 1 from local_products where standard = ${standard} and category = ${category} and local_code = ${code}
      and valid_from <= ${on}::date and (valid_to is null or valid_to >= ${on}::date)
    union all
    select 1 from national_products where standard = ${standard} and category = ${category} and code = ${code}
      and valid_from <= ${on}::date and (valid_to is null or valid_to >= ${on}::date)
    limit 1`.execute(tx);
  return r.rows.length > 0;
}

export async function findNationalVersions(tx: Tx, standard: Standard, code: string): Promise<NationalProductRef[]> {
  const r = await sql<{ category: string; valid_from: string; valid_to: string | null }>`select category, valid_from::text as valid_from, valid_to::text as valid_to
    from national_products where standard = ${standard} and code = ${code} order by valid_from`.execute(tx);
  return r.rows.map((v) => ({ standard, code, category: v.category, validFrom: v.valid_from, validTo: v.valid_to }));
}

export async function findNationalProducts(tx: Tx, q: { standard?: Standard | undefined; category?: string | undefined; on?: string | undefined }): Promise<NationalProduct[]> {
  const r = await sql<{ standard: Standard; category: string; code: string; name: string; valid_from: string; valid_to: string | null }>`
    select standard, category, code, name, valid_from::text as valid_from, valid_to::text as valid_to from national_products
    where (${q.standard ?? null}::text is null or standard = ${q.standard ?? null})
      and (${q.category ?? null}::text is null or category = ${q.category ?? null})
      and (${q.on ?? null}::date is null or (valid_from <= ${q.on ?? null}::date and (valid_to is null or valid_to >= ${q.on ?? null}::date)))
    order by standard, code, valid_from`.execute(tx);
  return r.rows.map((p) => ({ standard: p.standard, category: p.category, code: p.code, name: p.name, validFrom: p.valid_from, validTo: p.valid_to }));
}

interface RawLocal {
  id: string; standard: Standard; local_code: string; name: string; category: string; national_code: string | null; unit: string | null;
  valid_from: string; valid_to: string | null;
}
const localColumns = sql`id, standard, local_code, name, category, national_code, unit, valid_from::text as valid_from, valid_to::text as valid_to`;
const toLocal = (r: RawLocal): LocalProduct => ({
  id: r.id, standard: r.standard, localCode: r.local_code, name: r.name, category: r.category, nationalCode: r.national_code?.trim() ?? null,
  unit: r.unit, validFrom: r.valid_from, validTo: r.valid_to,
});

export interface LocalProductRow extends LocalProduct {
  municipalityCode: string;
  createdAt: string;
  createdBy: string;
}

export async function insertLocalProduct(tx: Tx, p: LocalProductRow): Promise<void> {
  await sql`insert into local_products (id, municipality_code, standard, local_code, name, category, national_code, unit, valid_from, valid_to, created_at, created_by)
    values (${p.id}, ${p.municipalityCode}, ${p.standard}, ${p.localCode}, ${p.name}, ${p.category}, ${p.nationalCode}, ${p.unit},
      ${p.validFrom}::date, ${p.validTo}::date, ${p.createdAt}, ${p.createdBy})`.execute(tx);
}

export async function updateLocalProduct(tx: Tx, p: LocalProduct): Promise<void> {
  await sql`update local_products set name = ${p.name}, category = ${p.category}, national_code = ${p.nationalCode}, unit = ${p.unit},
      valid_from = ${p.validFrom}::date, valid_to = ${p.validTo}::date
    where id = ${p.id}::uuid`.execute(tx);
}

/** Locks the row: two changes to one local product run one after the other. */
export async function findLocalProductForUpdate(tx: Tx, id: string): Promise<LocalProduct | undefined> {
  const r = await sql<RawLocal>`select ${localColumns} from local_products where id = ${id}::uuid for update`.execute(tx);
  return r.rows[0] ? toLocal(r.rows[0]) : undefined;
}

/**
 * The other versions of a local code (the same code in the same standard), locked, so two
 * concurrent writers cannot both find no overlap. Row-level security keeps it to the tenant.
 */
export async function findVersionsOfLocalCode(tx: Tx, municipalityCode: string, standard: Standard, localCode: string): Promise<LocalProduct[]> {
  // Serialise writers of one local code, also when it has no row yet.
  await sql`select pg_advisory_xact_lock(hashtext(${`local-product:${municipalityCode}:${standard}:${localCode}`}))`.execute(tx);
  const r = await sql<RawLocal>`select ${localColumns} from local_products
    where standard = ${standard} and local_code = ${localCode} order by valid_from`.execute(tx);
  return r.rows.map(toLocal);
}

export async function findLocalProducts(tx: Tx, q: { standard?: Standard | undefined; on?: string | undefined } = {}): Promise<LocalProduct[]> {
  const r = await sql<RawLocal>`select ${localColumns} from local_products
    where (${q.standard ?? null}::text is null or standard = ${q.standard ?? null})
      and (${q.on ?? null}::date is null or (valid_from <= ${q.on ?? null}::date and (valid_to is null or valid_to >= ${q.on ?? null}::date)))
    order by standard, local_code, valid_from`.execute(tx);
  return r.rows.map(toLocal);
}

/** Local products valid on the day, in a category that has national codes, without a national code. */
export async function findUnmapped(tx: Tx, on: string): Promise<LocalProduct[]> {
  const r = await sql<RawLocal>`select ${localColumns} from local_products l
    where l.national_code is null and l.valid_from <= ${on}::date and (l.valid_to is null or l.valid_to >= ${on}::date)
      and exists (select 1 from national_products p where p.standard = l.standard and p.category = l.category)
    order by l.standard, l.local_code`.execute(tx);
  return r.rows.map(toLocal);
}

/** Local products valid on the day whose national code is shared with another local code valid that day. */
export async function findMappedTwice(tx: Tx, on: string): Promise<LocalProduct[]> {
  const r = await sql<RawLocal>`with live as (
      select * from local_products where national_code is not null and valid_from <= ${on}::date and (valid_to is null or valid_to >= ${on}::date)
    ), doubled as (
      select standard, national_code from live group by standard, national_code having count(distinct local_code) > 1
    )
    select ${localColumns} from live c where exists (select 1 from doubled d where d.standard = c.standard and d.national_code = c.national_code)
    order by c.standard, c.national_code, c.local_code`.execute(tx);
  return r.rows.map(toLocal);
}

/** Local products valid on the day whose national code (or category) is not valid that day. */
export async function findExpiredMappings(tx: Tx, on: string): Promise<{ product: LocalProduct; reason: 'national-code-ended' | 'category-ended' }[]> {
  const r = await sql<RawLocal & { category_valid: boolean; code_valid: boolean | null }>`select ${localColumns},
      exists (select 1 from product_categories c where c.standard = l.standard and c.code = l.category
        and c.valid_from <= ${on}::date and (c.valid_to is null or c.valid_to >= ${on}::date)) as category_valid,
      case when l.national_code is null then null else exists (select 1 from national_products p where p.standard = l.standard and p.code = l.national_code
        and p.category = l.category and p.valid_from <= ${on}::date and (p.valid_to is null or p.valid_to >= ${on}::date)) end as code_valid
    from local_products l
    where l.valid_from <= ${on}::date and (l.valid_to is null or l.valid_to >= ${on}::date)
    order by l.standard, l.local_code`.execute(tx);
  return r.rows.flatMap((row): { product: LocalProduct; reason: 'national-code-ended' | 'category-ended' }[] => {
    if (!row.category_valid) return [{ product: toLocal(row), reason: 'category-ended' }];
    if (row.code_valid === false) return [{ product: toLocal(row), reason: 'national-code-ended' }];
    return [];
  });
}

/** The Dutch names of a standard's categories (WMO020 / JZ020), by code. */
export async function findCategoryNames(tx: Tx, standard: Standard, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const r = await sql<{ code: string; name: string }>`select code, name from product_categories where standard = ${standard} and code = any(${[...codes]}::text[])`.execute(tx);
  return new Map(r.rows.map((row) => [row.code, row.name]));
}
