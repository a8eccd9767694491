import { openWorkRelation } from '@kern/access';
import { appendDomainEvents, sql, withTenant, type AnyDb } from '@kern/db';
import { firstConversationDeadline, type DebtCategory, type CreditorSector } from '@kern/debt';
import { newId } from '@kern/kit';

/**
 * Debt help for the demo: per municipality a running debt file (opened after an accepted
 * early-warning signal, first conversation held, debts in the inventory) for a resident of one of
 * the demo households, and an open signal for another resident who has not answered the offer
 * yet, so the art. 8b boundary can be seen. Written through the debt module's own tables in one
 * transaction; skipped when the municipality has debt files already.
 */
const demo: Record<string, { file: string; signalOnly: string; creditors: [string, CreditorSector, DebtCategory, number, number | null][] }> = {
  '0599': {
    file: '999992247',
    signalOnly: '999992442',
    creditors: [['Woonstad Rotterdam', 'housing', 'nuts', 184_250, 180_000], ['Eneco', 'energy', 'nuts', 61_310, 61_310], ['Zilveren Kruis', 'health-insurance', 'zorg', 96_000, null], ['CJIB', 'public', 'publiek', 45_000, null]],
  },
  '0518': {
    file: '999993380',
    signalOnly: '999992806',
    creditors: [['Haag Wonen', 'housing', 'nuts', 142_000, 142_000], ['Dunea', 'water', 'nuts', 18_450, 18_450], ['CZ', 'health-insurance', 'zorg', 72_000, null], ['Belastingdienst', 'public', 'publiek', 120_000, null]],
  },
};

export async function seedDebtDemo(db: AnyDb, municipalityCode: string, at: Date = new Date()): Promise<void> {
  const d = demo[municipalityCode];
  if (!d) return;
  await withTenant(db, municipalityCode, async (tx) => {
    const existing = await sql<{ n: number }>`select count(*)::int as n from debt_files`.execute(tx);
    if (Number(existing.rows[0]?.n ?? 0) > 0) return;
    const team = await sql<{ id: string }>`select id from teams where name = 'Schuldhulp'`.execute(tx);
    const teamId = team.rows[0]?.id;
    if (!teamId) return;
    const today = at.toISOString().slice(0, 10);
    const daysAgo = (n: number) => new Date(at.getTime() - n * 86_400_000).toISOString().slice(0, 10);
    const creditorIds: string[] = [];
    for (const [name, sector] of d.creditors) {
      const id = newId();
      await sql`insert into debt_creditors (id, municipality_code, name, sector) values (${id}, ${municipalityCode}, ${name}, ${sector})`.execute(tx);
      creditorIds.push(id);
    }
    const fileId = newId();
    const requestDate = daysAgo(10);
    const due = firstConversationDeadline(requestDate, null).due;
    await sql`insert into debt_files (id, municipality_code, reference, subject_bsn, household_bsns, team_id, contact, origin, urgent, request_date, first_conversation_due,
        first_conversation_on, decision_due, status, opened_at, opened_by)
      values (${fileId}, ${municipalityCode}, ${`S-${at.getUTCFullYear()}-000001`}, ${d.file}, '{}', ${teamId}, 'Joost Visser, schuldhulpverlener, 14 010', 'signal', false,
        ${requestDate}, ${due}, ${daysAgo(3)}, ${daysAgo(3 - 56)}, 'assessment', ${at.toISOString()}, 'seed')`.execute(tx);
    await openWorkRelation(tx, { id: newId(), municipalityCode, subjectBsn: d.file, purpose: 'wgs', kind: 'case', accountId: null, teamId, reason: 'schuldhulpdossier (demo)', openedAt: at, source: 'case', createdBy: 'seed' });
    for (const [i, [, , category, claimed, verified]] of d.creditors.entries()) {
      await sql`insert into debts (id, municipality_code, debt_file_id, creditor_id, category, claimed_cents, verified_cents, status, registered_on, verified_on)
        values (${newId()}, ${municipalityCode}, ${fileId}, ${creditorIds[i] ?? ''}, ${category}, ${claimed}, ${verified}, ${verified === null ? 'claimed' : 'verified'}, ${daysAgo(3)},
          ${verified === null ? null : today})`.execute(tx);
    }
    // The accepted signal the file came from, and an open one nobody has answered yet.
    await sql`insert into debt_signals (id, municipality_code, subject_bsn, creditor_id, kind, arrears_cents, months_in_arrears, first_signal_on, last_signal_on, channel,
        offer_status, offered_on, responded_on, debt_file_id, received_at)
      values (${newId()}, ${municipalityCode}, ${d.file}, ${creditorIds[0] ?? ''}, 'arrears', 92000, 3, ${daysAgo(20)}, ${daysAgo(20)}, 'file', 'accepted', ${daysAgo(15)}, ${requestDate}, ${fileId}, ${at.toISOString()}),
             (${newId()}, ${municipalityCode}, ${d.signalOnly}, ${creditorIds[1] ?? ''}, 'cut-off-energy', 23000, 2, ${daysAgo(1)}, ${daysAgo(1)}, 'file', 'new', null, null, null, ${at.toISOString()})`.execute(tx);
    await appendDomainEvents(tx, [
      { municipalityCode, type: 'debt.file-opened', occurredOn: requestDate, subjectRef: fileId, law: 'wgs', teamId, data: { origin: 'signal', urgent: false, firstConversationDue: due } },
      { municipalityCode, type: 'debt.first-conversation-held', occurredOn: daysAgo(3), subjectRef: fileId, law: 'wgs', teamId, data: { withinTerm: true, urgent: false, due } },
    ]);
  });
}
