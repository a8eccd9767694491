import { sql, type Tx } from '@kern/db';

/**
 * The scale generator's arithmetic (kern seed --scale g4), the same as the fake BRP's generated
 * population in packages/registry/src/fake-brp-population.ts: household k owns BSN slots
 * 6k..6k+5, its size, make-up and ages follow from kern_scale_mix. Every step stays below 2^53,
 * so JavaScript numbers and bigint agree exactly (tested in scale.int.test.ts). Each function is a
 * single expression, so PostgreSQL inlines it into the generator's set-based statements instead
 * of calling it once per row.
 *
 * They are temporary functions (schema pg_temp, gone with the session), made in each transaction
 * that generates, so the generator leaves nothing in the production schema (migration 0021 put
 * them there; 0091 drops them). Called as pg_temp.kern_scale_*: PostgreSQL never looks functions
 * up in pg_temp by search path.
 */
export const SCALE_FUNCTIONS_SQL = `
-- h1 = (k * 1103515 + salt * 7919 + 12345) mod 2^31; x = h1 xor (h1 >> 13);
-- h2 = (x * 1664525 + 1013904) mod 2^31; result = h2 xor (h2 >> 16).
create or replace function pg_temp.kern_scale_mix(k bigint, salt integer) returns bigint language sql immutable parallel safe as $$
  select ((((((k * 1103515 + salt * 7919 + 12345) % 2147483648) # (((k * 1103515 + salt * 7919 + 12345) % 2147483648) >> 13)) * 1664525 + 1013904) % 2147483648) # ((((((k * 1103515 + salt * 7919 + 12345) % 2147483648) # (((k * 1103515 + salt * 7919 + 12345) % 2147483648) >> 13)) * 1664525 + 1013904) % 2147483648) >> 16))
$$;

-- The 11-test BSN of a slot (weights 9..2 on the first eight digits), or null when the check digit would be 10.
create or replace function pg_temp.kern_scale_bsn(slot bigint) returns text language sql immutable parallel safe as $$
  select case when ((9 * (((70000000 + slot) / 10000000) % 10) + 8 * (((70000000 + slot) / 1000000) % 10) + 7 * (((70000000 + slot) / 100000) % 10) + 6 * (((70000000 + slot) / 10000) % 10) + 5 * (((70000000 + slot) / 1000) % 10) + 4 * (((70000000 + slot) / 100) % 10) + 3 * (((70000000 + slot) / 10) % 10) + 2 * ((70000000 + slot) % 10)) % 11) = 10 then null else lpad((70000000 + slot)::text, 8, '0') || ((9 * (((70000000 + slot) / 10000000) % 10) + 8 * (((70000000 + slot) / 1000000) % 10) + 7 * (((70000000 + slot) / 100000) % 10) + 6 * (((70000000 + slot) / 10000) % 10) + 5 * (((70000000 + slot) / 1000) % 10) + 4 * (((70000000 + slot) / 100) % 10) + 3 * (((70000000 + slot) / 10) % 10) + 2 * ((70000000 + slot) % 10)) % 11)::text end
$$;

-- 39% one person, 31% two, 12% three, 12% four, 4% five, 2% six: indexed by the hash mod 100.
create or replace function pg_temp.kern_scale_household_size(k bigint) returns integer language sql immutable parallel safe as $$
  select ('{1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,3,3,3,3,3,3,3,3,3,3,3,3,4,4,4,4,4,4,4,4,4,4,4,4,5,5,5,5,6,6}'::int[])[1 + (pg_temp.kern_scale_mix(k, 1) % 100)::int]
$$;

create or replace function pg_temp.kern_scale_couple(k bigint) returns boolean language sql immutable parallel safe as $$
  select case when pg_temp.kern_scale_household_size(k) = 1 then false
    else pg_temp.kern_scale_mix(k, 2) % 100 < (case when pg_temp.kern_scale_household_size(k) = 2 then 70 else 80 end) end
$$;

-- Age on 1 January of the reference year; position 0 is the head, 1 the partner of a couple, the rest children.
create or replace function pg_temp.kern_scale_age(k bigint, pos integer) returns integer language sql immutable parallel safe as $$
  select case
    when pos = 0 then (case when pg_temp.kern_scale_household_size(k) > (case when pg_temp.kern_scale_couple(k) then 2 else 1 end) then 25 + (pg_temp.kern_scale_mix(k, 3) % 30)::int else 18 + (pg_temp.kern_scale_mix(k, 3) % 72)::int end)
    when pos = 1 and pg_temp.kern_scale_couple(k) then greatest(18, (case when pg_temp.kern_scale_household_size(k) > (case when pg_temp.kern_scale_couple(k) then 2 else 1 end) then 25 + (pg_temp.kern_scale_mix(k, 3) % 30)::int else 18 + (pg_temp.kern_scale_mix(k, 3) % 72)::int end) + (pg_temp.kern_scale_mix(k, 4) % 7)::int - 3)
    else (pg_temp.kern_scale_mix(k * 8 + pos, 5) % least(18, (case when pg_temp.kern_scale_household_size(k) > (case when pg_temp.kern_scale_couple(k) then 2 else 1 end) then 25 + (pg_temp.kern_scale_mix(k, 3) % 30)::int else 18 + (pg_temp.kern_scale_mix(k, 3) % 72)::int end) - 17))::int
  end
$$;
`;

/** Makes the generator's functions in this transaction's session (again, if the pooled connection had them). */
export async function installScaleFunctions(tx: Tx): Promise<void> {
  await sql.raw(SCALE_FUNCTIONS_SQL).execute(tx);
}
