-- The first tenant policies compared `municipality_code` (char(4)) with the text setting, which
-- makes PostgreSQL cast the column: the planner then has no statistics for the predicate
-- (it guesses 0.5% of rows) and no index on municipality_code applies. Casting the setting
-- instead keeps the column bare. Same rule, same tables; found by the worklist benchmark.
do $$
declare
  t record;
begin
  for t in select tablename from pg_policies where schemaname = 'public' and policyname = 'tenant_isolation' loop
    execute format('drop policy tenant_isolation on %I', t.tablename);
    execute format(
      'create policy tenant_isolation on %I using (municipality_code = (current_setting(''app.municipality'', true))::char(4)) '
      'with check (municipality_code = (current_setting(''app.municipality'', true))::char(4))',
      t.tablename);
  end loop;
end
$$;
