-- The staff inbox of portal messages: a citizen's message is open until someone of the team
-- answers it or marks it handled, and who did and when is kept (the audit says the rest).
alter table portal_messages add column handled_at timestamptz;
alter table portal_messages add column handled_by uuid;
-- Who wrote an answer by name, kept at writing time: the municipality chooses whether the citizen
-- sees it (setting portalAnswerSignature) or only the team.
alter table portal_messages add column author_name text;
create index portal_messages_open on portal_messages (municipality_code, sent_at) where author_kind = 'citizen' and handled_at is null;
