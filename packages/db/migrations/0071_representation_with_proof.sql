-- Representation with proof (issue 22): a representative acts for a resident in the portal only
-- from a source that proves it. Parental authority comes from the BRP (not stored here); a court
-- order (curatele, mentorschap, bewind) is recorded with its reference by one staff member and
-- takes effect only once a second, different staff member approves it; a DigiD Machtigen
-- authorisation is read from that service when it is connected (not stored here either).
alter table portal_representations add column source text;
alter table portal_representations add column court_reference text;
alter table portal_representations add column status text;
alter table portal_representations add column decided_by text;
alter table portal_representations add column decided_at timestamptz;
alter table portal_representations add column decision_note text;

-- Every existing row was recorded by one caseworker alone: none of them is proven, so each waits
-- for a second person (a written machtiging cannot be approved at all: it comes from DigiD Machtigen).
update portal_representations set source = case when kind = 'machtiging' then 'written-authorisation-legacy' else 'court-order' end, status = 'pending';
alter table portal_representations alter column source set not null;
alter table portal_representations alter column status set not null;
alter table portal_representations alter column status set default 'pending';
alter table portal_representations add constraint portal_representations_source check (source in ('court-order', 'written-authorisation-legacy'));
alter table portal_representations add constraint portal_representations_status check (status in ('pending', 'approved', 'rejected'));
-- Four eyes, held by the database too: the one who recorded it never approves it, and an approved
-- court order names its reference.
alter table portal_representations add constraint portal_representations_second_person check (decided_by is null or decided_by <> recorded_by);
alter table portal_representations add constraint portal_representations_approved_proof check (
  status <> 'approved' or (source = 'court-order' and court_reference is not null and decided_by is not null)
);
