-- IV028 / IV087: a retour (306, 308, 316, 318) and a declaration answer (325) have an
-- identification of their own, unique for their sender (the municipality), never derived from
-- the message they answer. One sequence for all of them: an identification is used once, by any
-- municipality, for any kind of retour; IdentificatieRetour / BerichtIdentificatie holds
-- "R" or "K" with the number in base 36 (at most 12 characters, LDT_IdentificatieBericht).
create sequence exchange_retour_identification;
grant usage, select on sequence exchange_retour_identification to kern_app;
