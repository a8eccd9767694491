-- General and group provisions without a decision (beschikkingsvrij): a catalogue per
-- municipality, enrolment of residents (linked to the plan action it serves), attendance per session.
create table offerings (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  name text not null,
  description text not null,
  kind text not null check (kind in ('general', 'group')),
  life_domain text,
  location text,
  capacity integer check (capacity is null or capacity > 0),
  starts_on date not null,
  ends_on date,
  status text not null check (status in ('open', 'closed')),
  created_at timestamptz not null
);
create index offerings_open on offerings (municipality_code) where status = 'open';

create table offering_enrolments (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  offering_id uuid not null references offerings (id),
  subject_bsn char(9) not null,
  plan_id uuid,
  plan_action_id text,
  enrolled_on date not null,
  ended_on date,
  status text not null check (status in ('enrolled', 'ended')),
  enrolled_by uuid not null
);
create unique index offering_enrolments_once on offering_enrolments (offering_id, subject_bsn) where status = 'enrolled';
create index offering_enrolments_subject on offering_enrolments (municipality_code, subject_bsn);

create table offering_attendance (
  municipality_code char(4) not null references municipalities (code),
  enrolment_id uuid not null references offering_enrolments (id),
  session_on date not null,
  present boolean not null,
  recorded_at timestamptz not null,
  recorded_by uuid not null,
  primary key (enrolment_id, session_on)
);

grant select, insert, update on offerings, offering_enrolments, offering_attendance to kern_app;
alter table offerings enable row level security;
alter table offering_enrolments enable row level security;
alter table offering_attendance enable row level security;
create policy tenant_isolation on offerings
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on offering_enrolments
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on offering_attendance
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
