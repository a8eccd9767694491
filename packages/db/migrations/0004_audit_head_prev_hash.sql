-- The chain head also remembers the hash before the last one, so a single UPDATE ... RETURNING
-- can hand back both the previous and the new hash (PostgreSQL 15 has no OLD in RETURNING).
-- This lets an access check append its audit record in the same statement that finds the
-- actor's relation (packages/access/src/authorize.ts).
alter table audit_chain_heads add column prev_hash text;
