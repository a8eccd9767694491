import { sql, type Tx } from '@kern/db';

/**
 * Whether a resident uses Mijn gemeente: they have logged in (a portal session on record) or left
 * an e-mail address for notices. A letter for someone who does not goes by post ("print").
 * In the caller's transaction, after the caller's own access decision; row-level security keeps
 * it to the caller's municipality.
 */
export async function hasPortalAccount(tx: Tx, bsn: string): Promise<boolean> {
  const r = await sql<{ yes: boolean }>`select (exists (select 1 from citizen_sessions where bsn = ${bsn})
    or exists (select 1 from portal_contacts where bsn = ${bsn})) as yes`.execute(tx);
  return r.rows[0]?.yes === true;
}
