-- Contracting: the care providers a municipality works with (AGB code), its contracts with them
-- (its own or a region's), the products contracted per contract with a tariff per unit and a
-- validity, and the funding model per contract. Amounts are integer eurocents. Invoice
-- verification reads the tariff that applied on the day a prestatie began.
create table care_providers (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  agb_code char(8) not null check (agb_code ~ '^[0-9]{8}$'),
  name text not null check (length(name) between 1 and 200),
  kvk_number char(8) check (kvk_number ~ '^[0-9]{8}$'),
  contact text,
  created_at timestamptz not null,
  unique (municipality_code, agb_code)
);

create table contracts (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  provider_id uuid not null references care_providers (id),
  reference text not null check (length(reference) between 1 and 60),
  -- A regional contract is bought by a region on behalf of its municipalities; null = the municipality's own.
  region text check (region is null or length(region) between 1 and 120),
  law text not null check (law in ('wmo', 'jeugdwet')),
  funding_model text not null check (funding_model in ('inspanningsgericht', 'outputgericht', 'taakgericht')),
  -- Taakgericht: a fixed budget for the task over the contract period.
  budget_cents bigint check (budget_cents is null or budget_cents >= 0),
  valid_from date not null,
  valid_to date,
  created_at timestamptz not null,
  created_by text not null,
  unique (municipality_code, reference),
  check (valid_to is null or valid_to >= valid_from),
  check ((funding_model = 'taakgericht') = (budget_cents is not null))
);
create index contracts_provider on contracts (municipality_code, provider_id);

create table contracted_products (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  contract_id uuid not null references contracts (id),
  standard text not null check (standard in ('iwmo', 'ijw')),
  category char(2) not null,
  -- null: the whole category (aspecifiek); otherwise the code used in the messages.
  product_code varchar(5),
  unit char(2) not null check (unit ~ '^[0-9]{2}$'),
  tariff_cents integer not null check (tariff_cents >= 0 and tariff_cents <= 99999999),
  valid_from date not null,
  valid_to date,
  created_at timestamptz not null,
  foreign key (standard, category) references product_categories (standard, code),
  check (valid_to is null or valid_to >= valid_from)
);
create index contracted_products_lookup on contracted_products (municipality_code, category, product_code, valid_from);
create index contracted_products_contract on contracted_products (contract_id);

grant select, insert, update on care_providers, contracts, contracted_products to kern_app;
alter table care_providers enable row level security;
alter table contracts enable row level security;
alter table contracted_products enable row level security;
create policy tenant_isolation on care_providers
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on contracts
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on contracted_products
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
