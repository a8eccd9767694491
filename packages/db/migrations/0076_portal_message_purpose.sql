-- The portal thread per purpose, as the household sections are: each message is about one
-- purpose (the citizen picks a topic, staff answer under their purpose), and staff see only the
-- messages of the purpose they work under. Messages from before this have none; they count as
-- integral coordination, so only the coordinator sees them (nothing older leaks to a law's worker).
alter table portal_messages add column purpose text check (purpose in ('wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'));
alter table portal_messages add column topic text;
