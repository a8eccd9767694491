-- The audit log keeps exactly the text it was given (packages/access/src/audit-chain.ts). A
-- subject_bsn of char(9) padded a shorter value with spaces on reading, so the columns read back
-- differed from the hashed payload (verification now rebuilds the payload from the columns, so
-- that an edited column is detected), and refused a longer one, so the audit write failed and
-- the request with it. As text the column reads back what was written.
alter table audit_log alter column subject_bsn type text;
