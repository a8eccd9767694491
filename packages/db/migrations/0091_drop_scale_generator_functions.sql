-- The scale generator's arithmetic leaves the production schema: 0021 created it as functions of
-- the schema, but only `kern seed --scale` uses it, and the seed now makes it as temporary
-- functions in its own session (packages/seed/src/scale-functions.ts). scale_cities stays: it is
-- the record of what was generated, read by the server to serve that population from the fake BRP.
drop function if exists kern_scale_age(bigint, integer);
drop function if exists kern_scale_couple(bigint);
drop function if exists kern_scale_household_size(bigint);
drop function if exists kern_scale_bsn(bigint);
drop function if exists kern_scale_mix(bigint, integer);
