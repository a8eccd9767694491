import { sql, type Tx } from '@kern/db';
import type { Purpose } from './contract';
import type { ConsentRecord, DataCategory, PrivacyNotice } from './contract';

interface NoticeRow {
  version: number; title: string; body_nl: string; body_en: string; purposes: string[]; recipients: string[]; data_categories: string[]; published_at: Date;
}

export async function latestPrivacyNotice(tx: Tx, municipalityCode: string): Promise<PrivacyNotice | undefined> {
  const r = await sql<NoticeRow>`select version, title, body_nl, body_en, purposes, recipients, data_categories, published_at
    from privacy_notices where municipality_code = ${municipalityCode} order by version desc limit 1`.execute(tx);
  const n = r.rows[0];
  return n
    ? {
        version: Number(n.version),
        title: n.title,
        body: { nl: n.body_nl, en: n.body_en },
        purposes: n.purposes as PrivacyNotice['purposes'],
        recipients: n.recipients as PrivacyNotice['recipients'],
        dataCategories: n.data_categories as DataCategory[],
        publishedAt: new Date(n.published_at).toISOString(),
      }
    : undefined;
}

export async function insertPrivacyNotice(tx: Tx, municipalityCode: string, n: PrivacyNotice & { publishedBy: string; publishedAt: string }): Promise<void> {
  await sql`insert into privacy_notices (municipality_code, version, title, body_nl, body_en, purposes, recipients, data_categories, published_at, published_by)
    values (${municipalityCode}, ${n.version}, ${n.title}, ${n.body.nl}, ${n.body.en}, ${n.purposes}::text[], ${n.recipients}::text[],
      ${n.dataCategories}::text[], ${n.publishedAt}, ${n.publishedBy})`.execute(tx);
}

export async function insertConsentRecord(tx: Tx, municipalityCode: string, c: ConsentRecord & { recordedBy: string }): Promise<void> {
  await sql`insert into consents (id, municipality_code, subject_bsn, action, purpose, recipient, data_categories, notice_version, withdraws,
      recorded_at, recorded_by_kind, recorded_by, note)
    values (${c.id}, ${municipalityCode}, ${c.subjectBsn}, ${c.action}, ${c.purpose}, ${c.recipient}, ${c.dataCategories}::text[], ${c.noticeVersion},
      ${c.withdraws}, ${c.recordedAt}, ${c.recordedByKind}, ${c.recordedBy}, ${c.note})`.execute(tx);
}

interface ConsentRow {
  id: string; subject_bsn: string; action: 'given' | 'withdrawn'; purpose: Purpose; recipient: string; data_categories: string[];
  notice_version: number; withdraws: string | null; recorded_at: Date; recorded_by_kind: 'staff' | 'citizen' | 'system'; note: string | null;
}
const toRecord = (r: ConsentRow): ConsentRecord => ({
  id: r.id,
  subjectBsn: r.subject_bsn,
  action: r.action,
  purpose: r.purpose,
  recipient: r.recipient,
  dataCategories: r.data_categories as DataCategory[],
  noticeVersion: Number(r.notice_version),
  withdraws: r.withdraws,
  recordedAt: new Date(r.recorded_at).toISOString(),
  recordedByKind: r.recorded_by_kind,
  note: r.note,
});

/** Every record about one person, oldest first: the history is the consent. */
export async function findConsentRecords(tx: Tx, subjectBsn: string): Promise<ConsentRecord[]> {
  const r = await sql<ConsentRow>`select id, subject_bsn, action, purpose, recipient, data_categories, notice_version, withdraws, recorded_at, recorded_by_kind, note
    from consents where subject_bsn = ${subjectBsn} order by recorded_at, id`.execute(tx);
  return r.rows.map(toRecord);
}

export async function findConsentRecord(tx: Tx, id: string): Promise<ConsentRecord | undefined> {
  const r = await sql<ConsentRow>`select id, subject_bsn, action, purpose, recipient, data_categories, notice_version, withdraws, recorded_at, recorded_by_kind, note
    from consents where id = ${id}::uuid`.execute(tx);
  return r.rows[0] ? toRecord(r.rows[0]) : undefined;
}
