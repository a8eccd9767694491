-- Letters (brieven): templates per municipality and letter type, versioned, and the letters made
-- from them (the beschikking as PDF in the dossier and the portal). Owner: @kern/letters.

-- A template is data: a title and paragraphs with {{placeholders}}. A row without a municipality
-- is Kern's default, used until the municipality publishes a version of its own.
create table letter_templates (
  id uuid primary key,
  municipality_code char(4) references municipalities (code),
  letter_type text not null check (letter_type in ('beschikking-toekenning', 'beschikking-afwijzing')),
  version integer not null check (version > 0),
  title text not null,
  body jsonb not null,
  created_at timestamptz not null,
  created_by text not null
);
create unique index letter_templates_version on letter_templates (coalesce(municipality_code, '----'), letter_type, version);

create table letters (
  id uuid primary key,
  municipality_code char(4) not null references municipalities (code),
  case_id uuid not null,
  decision_id uuid not null unique,
  subject_bsn char(9) not null,
  letter_type text not null,
  template_id uuid not null references letter_templates (id),
  title text not null,
  language text not null,
  -- 'portal': shown in Mijn gemeente; 'print': the citizen has no portal account, the letter goes by post.
  delivery text not null check (delivery in ('portal', 'print')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null,
  created_by text not null
);
create index letters_case on letters (case_id, created_at desc);
create index letters_subject on letters (municipality_code, subject_bsn, created_at desc);

grant select, insert on letter_templates, letters to kern_app;

alter table letter_templates enable row level security;
alter table letters enable row level security;
create policy tenant_isolation on letter_templates
  using (municipality_code is null or municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));
create policy tenant_isolation on letters
  using (municipality_code = (current_setting('app.municipality', true))::char(4))
  with check (municipality_code = (current_setting('app.municipality', true))::char(4));

-- Kern's demo templates (version 1), in plain Dutch, for every municipality.
insert into letter_templates (id, municipality_code, letter_type, version, title, body, created_at, created_by) values
('7a1e0000-0000-4000-8000-000000000001', null, 'beschikking-toekenning', 1, 'Besluit op uw aanvraag {{wet}}',
 '["{{naam}}", "{{adres}}", "{{postcodeWoonplaats}}", "", "Datum: {{besluitdatum}}", "Kenmerk: {{kenmerk}}", "", "Beste {{naam}},", "", "U heeft ons gevraagd om ondersteuning. Wij hebben besloten uw aanvraag toe te kennen.", "", "Wat u krijgt:", "{{voorzieningen}}", "", "Waarom wij zo besluiten:", "{{motivering}}", "", "Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Dat doet u uiterlijk op {{bezwaarTot}} (zes weken na de dag waarop dit besluit is verzonden, artikel 6:7 en 6:8 Algemene wet bestuursrecht). Stuur uw bezwaar aan het college van burgemeester en wethouders van {{gemeente}}, of maak bezwaar in Mijn gemeente. Noem het kenmerk van deze brief en zeg waarom u het niet eens bent.", "", "Met vriendelijke groet,", "", "Het college van burgemeester en wethouders van {{gemeente}}"]'::jsonb,
 '2026-12-07T00:00:00Z', 'kern'),
('7a1e0000-0000-4000-8000-000000000002', null, 'beschikking-afwijzing', 1, 'Besluit op uw aanvraag {{wet}}',
 '["{{naam}}", "{{adres}}", "{{postcodeWoonplaats}}", "", "Datum: {{besluitdatum}}", "Kenmerk: {{kenmerk}}", "", "Beste {{naam}},", "", "U heeft ons gevraagd om ondersteuning. Wij hebben besloten uw aanvraag af te wijzen.", "", "Waarom wij zo besluiten:", "{{motivering}}", "", "Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Dat doet u uiterlijk op {{bezwaarTot}} (zes weken na de dag waarop dit besluit is verzonden, artikel 6:7 en 6:8 Algemene wet bestuursrecht). Stuur uw bezwaar aan het college van burgemeester en wethouders van {{gemeente}}, of maak bezwaar in Mijn gemeente. Noem het kenmerk van deze brief en zeg waarom u het niet eens bent.", "", "Met vriendelijke groet,", "", "Het college van burgemeester en wethouders van {{gemeente}}"]'::jsonb,
 '2026-12-07T00:00:00Z', 'kern');
