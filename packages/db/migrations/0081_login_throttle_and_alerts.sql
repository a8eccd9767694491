-- Login throttling that cannot be turned against staff (packages/identity/src/throttle.ts).
-- Before, 5 failures locked an account for everyone and 50 failures blocked an address for every
-- account, so anyone who knew a username could lock its owner out. Now the attempts of one
-- account from one address back off on their own (login_attempts keyed by that pair), and many
-- failures of an account raise an alert for the functional administrator instead of a lock.
create index login_attempts_failed_key_time on login_attempts (key, attempted_at) where not succeeded;

-- One alert per account and hour in which its failures reached the threshold, for the functional
-- administrator (GET /api/v1/login-alerts). Tenant-owned: it names the municipality's staff.
create table login_alerts (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  account_id uuid not null references staff_accounts (id) on delete cascade,
  username text not null,
  failures integer not null,
  addresses integer not null,
  window_start timestamptz not null,
  raised_at timestamptz not null,
  unique (account_id, window_start)
);
create index login_alerts_raised on login_alerts (municipality_code, raised_at);

grant select on login_alerts to kern_app;
alter table login_alerts enable row level security;
create policy tenant_isolation on login_alerts
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
