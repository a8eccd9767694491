-- Audit records are appended at commit, not at the read (packages/access/src/audit.repository.ts,
-- packages/db/src/tenant.ts). Before this, every read appended its record to the municipality's
-- hash chain at once, so it held the chain head's row lock from the read until its commit: all
-- transactions that audit in one municipality ran one after another, including everything they
-- did after their first audited read (bench: npm run bench -- portal, 200 citizens, p95 11.8 s).
-- Now a transaction collects its records and appends them all in one call of kern_audit_append,
-- sent in the same round trip as its commit: the head lock is held for that call and the commit
-- only. The guarantees stay: the records are written in the reading transaction (a rollback
-- leaves neither the effect nor its record), and the chain is the same single chain per
-- municipality, verified as before (packages/access/src/audit-chain.ts).

-- Appends canonical payloads (audit-chain.ts canonicalPayload: a JSON array in a fixed order) to
-- the municipality's chain: takes the head's row lock, chains each payload after the previous
-- hash (sha256 of previous hash, newline, payload, as chainHash in audit-chain.ts) and inserts the
-- records with their columns read from the payload, so columns and hash cannot disagree. Security
-- invoker: row-level security applies to the caller as before.
create function kern_audit_append(p_municipality char(4), p_payloads text[]) returns void language plpgsql as $$
declare
  v_seq bigint;
  v_hash text;
  v_prev text;
  v_payload text;
  j json;
begin
  if coalesce(array_length(p_payloads, 1), 0) = 0 then
    return;
  end if;
  select seq, last_hash into v_seq, v_hash from audit_chain_heads where municipality_code = p_municipality for update;
  if not found then
    insert into audit_chain_heads (municipality_code, seq, last_hash)
      values (p_municipality, 0, encode(sha256(convert_to('kern-audit-genesis:' || p_municipality, 'UTF8')), 'hex'))
      on conflict do nothing;
    select seq, last_hash into v_seq, v_hash from audit_chain_heads where municipality_code = p_municipality for update;
  end if;
  foreach v_payload in array p_payloads loop
    j := v_payload::json;
    if j->>0 is distinct from p_municipality then
      raise exception 'audit payload of municipality % appended to the chain of %', j->>0, p_municipality;
    end if;
    v_prev := v_hash;
    v_seq := v_seq + 1;
    v_hash := encode(sha256(convert_to(v_prev || E'\n' || v_payload, 'UTF8')), 'hex');
    insert into audit_log (municipality_code, seq, at, actor_id, actor_kind, actor_roles, actor_teams, purpose, action, resource,
        subject_bsn, outcome, reason, legal_basis, break_glass, request_id, prev_hash, hash, payload)
      values (p_municipality, v_seq, (j->>1)::timestamptz, j->>2, j->>3,
        array(select json_array_elements_text(j->4)), array(select json_array_elements_text(j->5)),
        j->>6, j->>7, j->>8, j->>9, j->>10, j->>11, j->>12, coalesce((j->>13)::boolean, false), j->>14,
        v_prev, v_hash, v_payload);
  end loop;
  update audit_chain_heads set seq = v_seq, prev_hash = v_prev, last_hash = v_hash where municipality_code = p_municipality;
end
$$;

-- The relation half of kern_append_if_related (0009) without its append: the index (1-based) of
-- the first relation in p_relations the actor has with the subject for the purpose, or null. The
-- caller queues the audit record of that relation for the commit.
create function kern_best_relation(
  p_subject char(9), p_purpose text, p_actor uuid, p_actor_teams uuid[], p_at timestamptz, p_relations text[]
) returns integer language plpgsql stable as $$
declare
  v_idx integer;
begin
  select i into v_idx
    from generate_subscripts(p_relations, 1) as i
    where p_relations[i] in (
      select case when inv.kind = 'coordinator' then 'coordinator' when inv.account_id = p_actor then 'case' else 'team-case' end
        from involvements inv
        where inv.subject_bsn = p_subject and inv.closed_at is null and inv.purpose = p_purpose
          and (inv.account_id = p_actor or inv.team_id = any(p_actor_teams))
      union all
      select 'break-glass' from break_glass_grants g
        where g.subject_bsn = p_subject and g.account_id = p_actor and g.purpose = p_purpose and g.expires_at > p_at)
    order by i
    limit 1;
  return v_idx;
end
$$;

-- Nothing appends inside the relation lookup any more.
drop function kern_append_if_related(char(4), char(9), text, uuid, uuid[], timestamptz, text[], text[], text[], text[], boolean[], text, text[], text, text, text);

-- The cases that name a resident as a member of the household (cases.household_bsns), as rows
-- with a btree index. The portal's home page asks for these with `household_bsns @> array[bsn]`;
-- under row-level security PostgreSQL may use an index only for leakproof operators before the
-- tenant policy, and array containment is not leakproof, so the GIN index of 0025 went unused
-- and every home page scanned all cases of the municipality (EXPLAIN ANALYZE in the portal bench:
-- a sequential scan removing 49,999 of 50,000 rows, 25-45 ms). Text equality is leakproof. A
-- trigger keeps the rows in step with the column, so writers of cases need not know.
create table case_household_members (
  municipality_code char(4) not null references municipalities (code),
  case_id uuid not null references cases (id) on delete cascade,
  bsn text not null,
  primary key (case_id, bsn)
);
create index case_household_members_bsn on case_household_members (municipality_code, bsn);

create function kern_case_household_members_sync() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if new.household_bsns is not distinct from old.household_bsns and new.municipality_code = old.municipality_code then
      return null;
    end if;
    delete from case_household_members where case_id = new.id;
  end if;
  insert into case_household_members (municipality_code, case_id, bsn)
    select new.municipality_code, new.id, b from unnest(new.household_bsns) as b
    on conflict do nothing;
  return null;
end
$$;
create trigger cases_household_members after insert or update of household_bsns, municipality_code on cases
  for each row execute function kern_case_household_members_sync();

insert into case_household_members (municipality_code, case_id, bsn)
  select c.municipality_code, c.id, b from cases c, unnest(c.household_bsns) as b
  on conflict do nothing;

grant select, insert, delete on case_household_members to kern_app;
alter table case_household_members enable row level security;
create policy tenant_isolation on case_household_members
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
