// Test support for the portal's benches and tests (here, not in the domain's src: no domain module imports seed).
import { sql, type Tx } from '@kern/db';

/**
 * A citizen session as a login would leave it, written straight into the table so a bench can
 * open thousands without running the login (and its BRP lookups) for each.
 */
export async function insertCitizenSessionFixture(
  tx: Tx,
  s: {
    idHash: string; municipalityCode: string; citizenId: string; bsn: string; displayName: string; csrfToken: string; assurance: string; provider: string;
    people: { ref: string; bsn: string; name: string; relation: string }[]; createdAt: Date; expiresAt: Date; lastSeenAt: Date;
  },
): Promise<void> {
  await sql`insert into citizen_sessions (id_hash, municipality_code, citizen_id, bsn, display_name, csrf_token, assurance, provider, people, created_at, expires_at, last_seen_at)
    values (${s.idHash}, ${s.municipalityCode}, ${s.citizenId}, ${s.bsn}, ${s.displayName}, ${s.csrfToken}, ${s.assurance}, ${s.provider}, ${JSON.stringify(s.people)}::jsonb, ${s.createdAt}, ${s.expiresAt}, ${s.lastSeenAt})`.execute(tx);
}
