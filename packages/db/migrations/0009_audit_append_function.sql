-- The hot path of every personal-data read as a PL/pgSQL function: find the actor's best
-- relation with the subject among the candidates the policy allows (array order = preference),
-- bump the municipality's audit chain head and insert the chained record. PL/pgSQL keeps the
-- plans of the statements inside per connection, so the read does not pay for parsing and
-- planning a large statement every time (bench: npm run bench -- access). It runs with the
-- caller's rights (security invoker), so row-level security applies as before.
create function kern_append_if_related(
  p_municipality char(4), p_subject char(9), p_purpose text, p_actor uuid, p_actor_teams uuid[], p_at timestamptz,
  p_relations text[], p_payloads text[], p_reasons text[], p_legal_bases text[], p_break_glass boolean[],
  p_actor_kind text, p_actor_roles text[], p_action text, p_resource text, p_request_id text
) returns text language plpgsql as $$
declare
  v_idx integer;
  v_seq bigint;
  v_prev text;
  v_hash text;
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
  if v_idx is null then
    return null;
  end if;
  insert into audit_chain_heads (municipality_code, seq, last_hash)
    values (p_municipality, 0, encode(sha256(convert_to('kern-audit-genesis:' || p_municipality, 'UTF8')), 'hex'))
    on conflict do nothing;
  update audit_chain_heads
    set seq = seq + 1, prev_hash = last_hash,
        last_hash = encode(sha256(convert_to(last_hash || E'\n' || p_payloads[v_idx], 'UTF8')), 'hex')
    where municipality_code = p_municipality
    returning seq, prev_hash, last_hash into v_seq, v_prev, v_hash;
  insert into audit_log (municipality_code, seq, at, actor_id, actor_kind, actor_roles, actor_teams, purpose, action, resource,
      subject_bsn, outcome, reason, legal_basis, break_glass, request_id, prev_hash, hash, payload)
    values (p_municipality, v_seq, p_at, p_actor::text, p_actor_kind, p_actor_roles, p_actor_teams::text[], p_purpose, p_action, p_resource,
      p_subject, 'allowed', p_reasons[v_idx], p_legal_bases[v_idx], p_break_glass[v_idx], p_request_id, v_prev, v_hash, p_payloads[v_idx]);
  return p_relations[v_idx];
end
$$;
