-- TR056: Identificatie is unique per kind of message (berichtsoort) for its sender. A kind of
-- message is the standard and its number: a JW323 and a WMO323 are two kinds, so a Jeugdwet and a
-- Wmo message with the same Identificatie are two messages, both booked. The identity of a message
-- in or out is now (municipality, standard, sender, message type, Identificatie).
--
-- A 323 keeps the SHA-256 of its content: the same Identificatie delivered again with the same
-- content gets the stored 325, with other content it is refused with 9056 (the stored message is
-- left as it is). Messages answered before this migration have no hash: a repeat of one of them
-- gets its stored answer, as before.
alter table exchange_messages drop constraint exchange_messages_municipality_code_sender_message_type_ide_key;
alter table exchange_messages add constraint exchange_messages_identity unique (municipality_code, standard, sender, message_type, identification);
alter table exchange_messages add column content_sha256 char(64) check (content_sha256 is null or content_sha256 ~ '^[0-9a-f]{64}$');

alter table exchange_message_log drop constraint exchange_message_log_municipality_code_direction_provider_a_key;
alter table exchange_message_log add constraint exchange_message_log_identity unique (municipality_code, standard, direction, provider_agb, message_type, identification);
