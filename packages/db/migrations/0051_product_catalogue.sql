-- The product catalogue. National part: the iStandaarden product categories (Wmo WMO020 01-18,
-- Jeugdwet JZ020 31-38 / 40-55) and the national iJw product codes, each with its validity, as
-- reference data shared by every municipality (no tenant scoping, read-only for the app).
-- Municipal part: each municipality's local products, mapped onto a standard category and, where
-- the standard has one, a national product code. The mapping report (unmapped, mapped twice) is a
-- query over local_products.
create table product_categories (
  standard text not null check (standard in ('iwmo', 'ijw')),
  code char(2) not null check (code ~ '^[0-9]{2}$'),
  name text not null,
  valid_from date not null,
  valid_to date,
  primary key (standard, code),
  check (valid_to is null or valid_to >= valid_from)
);

create table national_products (
  standard text not null check (standard in ('iwmo', 'ijw')),
  category char(2) not null,
  code char(5) not null,
  name text not null,
  valid_from date not null,
  valid_to date,
  primary key (standard, code, valid_from),
  foreign key (standard, category) references product_categories (standard, code),
  check (valid_to is null or valid_to >= valid_from)
);
grant select on product_categories, national_products to kern_app;

create table local_products (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  standard text not null check (standard in ('iwmo', 'ijw')),
  -- The municipality's own code as it goes into the messages (LDT_ProductCode: 1-5 characters).
  local_code varchar(5) not null check (length(btrim(local_code)) > 0),
  name text not null check (length(name) between 1 and 200),
  category char(2) not null,
  -- The national product code it stands for; null = not (yet) mapped.
  national_code char(5),
  -- Unit per WJ756 the product is delivered in (01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82/83/84 ...).
  unit char(2) check (unit ~ '^[0-9]{2}$'),
  valid_from date not null,
  valid_to date,
  created_at timestamptz not null,
  created_by text not null,
  foreign key (standard, category) references product_categories (standard, code),
  check (valid_to is null or valid_to >= valid_from)
);
create unique index local_products_code on local_products (municipality_code, standard, local_code, valid_from);
create index local_products_mapping on local_products (municipality_code, standard, national_code);

grant select, insert, update on local_products to kern_app;
alter table local_products enable row level security;
create policy tenant_isolation on local_products
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
