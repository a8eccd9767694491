-- One durable job queue for every background job (docs/adr/0006-one-job-queue-in-postgresql.md),
-- replacing insight_jobs and portal_outbox. Any server instance claims a ready job with
-- FOR UPDATE SKIP LOCKED and holds a lease (locked_until): a worker that dies mid-way leaves the
-- job `running` with a lease that expires, after which another worker takes it again. A job that
-- keeps failing goes back to `queued` with a later run_at (backoff) until max_attempts, then
-- `dead` with its last error. Times are the database's clock, the one all instances share.
create table jobs (
  id bigserial primary key,
  queue text not null,
  -- The tenant whose data the job touches (it runs under that tenant's row-level security);
  -- null for work that spans tenants by nature and runs as the schema owner (indicator refresh).
  municipality_code char(4) references municipalities (code),
  payload jsonb not null default '{}',
  -- Enqueueing the same (queue, key) twice gives one job.
  idempotency_key text,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'dead')),
  attempts integer not null default 0,
  max_attempts integer not null default 5 check (max_attempts >= 1),
  run_at timestamptz not null default now(),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  result jsonb,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create unique index jobs_idempotency on jobs (queue, idempotency_key) where idempotency_key is not null;
-- What a claim looks for: ready queued jobs and running jobs whose lease may have expired.
create index jobs_claimable on jobs (queue, run_at, id) where status in ('queued', 'running');

-- The application role enqueues in its own transaction (so a job exists exactly when the change
-- that asked for it does) and runs its own tenant's jobs; claiming across tenants is the owner's.
grant select, insert, update on jobs to kern_app;
grant usage on sequence jobs_id_seq to kern_app;
alter table jobs enable row level security;
-- Cross-tenant jobs (null municipality) were readable before too (insight_jobs had no RLS).
create policy tenant_read on jobs for select
  using (municipality_code is null or municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_enqueue on jobs for insert
  with check (municipality_code is null or municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_update on jobs for update
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));

-- Every row of the two old queues moves, pending ones as queued jobs: nothing pending is lost.
-- Insight jobs keep their ids (the API returned them as jobId).
insert into jobs (id, queue, payload, status, attempts, max_attempts, run_at, last_error, result, created_at, finished_at)
select id, 'insight.refresh', jsonb_build_object('kind', kind, 'requestedBy', requested_by),
  case status when 'done' then 'done' when 'failed' then 'dead' else 'queued' end,
  case when status in ('done', 'failed') then 1 else 0 end, 3, created_at, error,
  case when status = 'done' then jsonb_build_object('kind', kind, 'fromEventId', from_event_id, 'toEventId', to_event_id, 'cells', cells) end,
  created_at, finished_at
from insight_jobs order by id;
select setval('jobs_id_seq', greatest((select max(id) from jobs), 1));

-- A sent mail was counted as one attempt; an unsent one may have failed before (attempts > 0).
insert into jobs (queue, municipality_code, payload, idempotency_key, status, attempts, max_attempts, run_at, created_at, finished_at)
select 'portal.mail', municipality_code, jsonb_build_object('toAddress', to_address, 'template', template), id::text,
  case when sent_at is null then 'queued' else 'done' end, attempts, greatest(8, attempts + 1), created_at, created_at, sent_at
from portal_outbox order by created_at;

drop table insight_jobs;
drop table portal_outbox;
