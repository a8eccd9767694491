import { enqueueJob, sql, type AnyDb, type Tx } from '@kern/db';

/** The portal's notices in the one job queue. */
export const PORTAL_MAIL_QUEUE = 'portal.mail';
import type { DraftInput, Topic, UrgentSituation } from './contract';

/** SQL only: no rules. Row-level security limits every statement to the tenant in scope. */

export interface CitizenSessionRow {
  municipalityCode: string;
  citizenId: string;
  bsn: string;
  displayName: string;
  csrfToken: string;
  assurance: string;
  expiresAt: Date;
  lastSeenAt: Date;
  people: SessionPerson[];
}

export interface SessionPerson {
  ref: string;
  bsn: string;
  name: string;
  relation: 'self' | 'gezag' | 'curatele' | 'mentorschap' | 'bewindvoering' | 'machtiging';
}

export async function insertCitizenSession(tx: Tx, s: CitizenSessionRow & { idHash: string; provider: string; createdAt: Date }): Promise<void> {
  await sql`insert into citizen_sessions (id_hash, municipality_code, citizen_id, bsn, display_name, csrf_token, assurance, provider, people, created_at, expires_at, last_seen_at)
    values (${s.idHash}, ${s.municipalityCode}, ${s.citizenId}, ${s.bsn}, ${s.displayName}, ${s.csrfToken}, ${s.assurance}, ${s.provider}, ${JSON.stringify(s.people)}::jsonb, ${s.createdAt}, ${s.expiresAt}, ${s.lastSeenAt})`.execute(tx);
}

export async function findCitizenSession(tx: Tx | AnyDb, idHash: string, now: Date): Promise<CitizenSessionRow | undefined> {
  const r = await sql<{ municipality_code: string; citizen_id: string; bsn: string; display_name: string; csrf_token: string; assurance: string; expires_at: Date; last_seen_at: Date; people: SessionPerson[] | string }>`
    select municipality_code, citizen_id, bsn, display_name, csrf_token, assurance, expires_at, last_seen_at, people
    from citizen_sessions where id_hash = ${idHash} and expires_at > ${now}`.execute(tx);
  const row = r.rows[0];
  return row
    ? { municipalityCode: row.municipality_code, citizenId: row.citizen_id, bsn: row.bsn, displayName: row.display_name, csrfToken: row.csrf_token, assurance: row.assurance, expiresAt: new Date(row.expires_at), lastSeenAt: new Date(row.last_seen_at), people: typeof row.people === 'string' ? (JSON.parse(row.people) as SessionPerson[]) : row.people }
    : undefined;
}

export async function touchCitizenSession(tx: Tx, idHash: string, now: Date): Promise<void> {
  await sql`update citizen_sessions set last_seen_at = ${now} where id_hash = ${idHash}`.execute(tx);
}

export async function deleteCitizenSession(tx: Tx, idHash: string): Promise<void> {
  await sql`delete from citizen_sessions where id_hash = ${idHash}`.execute(tx);
}

export interface RepresentationRow {
  id: string;
  representedBsn: string;
  kind: 'curatele' | 'mentorschap' | 'bewindvoering' | 'machtiging';
}

export async function findRepresentations(tx: Tx, representativeBsn: string, today: string): Promise<RepresentationRow[]> {
  const r = await sql<{ id: string; represented_bsn: string; kind: RepresentationRow['kind'] }>`
    select id, represented_bsn, kind from portal_representations
    where representative_bsn = ${representativeBsn} and status = 'approved' and valid_from <= ${today}::date and (valid_until is null or valid_until >= ${today}::date)
    order by recorded_at`.execute(tx);
  return r.rows.map((x) => ({ id: x.id, representedBsn: x.represented_bsn, kind: x.kind }));
}

export async function insertRepresentation(
  tx: Tx,
  r: {
    id: string; municipalityCode: string; representativeBsn: string; representedBsn: string; kind: RepresentationRow['kind']; validFrom: string; validUntil: string | null;
    courtReference: string; recordedBy: string; at: Date;
  },
): Promise<void> {
  await sql`insert into portal_representations (id, municipality_code, representative_bsn, represented_bsn, kind, valid_from, valid_until, recorded_by, recorded_at, source, court_reference, status)
    values (${r.id}, ${r.municipalityCode}, ${r.representativeBsn}, ${r.representedBsn}, ${r.kind}, ${r.validFrom}::date, ${r.validUntil}::date, ${r.recordedBy}, ${r.at},
      'court-order', ${r.courtReference}, 'pending')`.execute(tx);
}

export interface RecordedRepresentation {
  id: string;
  representativeBsn: string;
  representedBsn: string;
  kind: RepresentationRow['kind'];
  source: string;
  courtReference: string | null;
  status: 'pending' | 'approved' | 'rejected';
  recordedBy: string;
  validFrom: string;
  validUntil: string | null;
}

export async function findRepresentationsOf(tx: Tx, f: { representedBsn?: string; id?: string }): Promise<RecordedRepresentation[]> {
  const r = await sql<{
    id: string; representative_bsn: string; represented_bsn: string; kind: RepresentationRow['kind']; source: string; court_reference: string | null;
    status: RecordedRepresentation['status']; recorded_by: string; valid_from: Date | string; valid_until: Date | string | null;
  }>`
    select id, representative_bsn, represented_bsn, kind, source, court_reference, status, recorded_by, valid_from, valid_until from portal_representations
    where ${f.id ? sql`id = ${f.id}::uuid` : sql`represented_bsn = ${f.representedBsn ?? ''}`} order by recorded_at desc limit 100`.execute(tx);
  const day = (d: Date | string): string => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
  return r.rows.map((x) => ({
    id: x.id, representativeBsn: x.representative_bsn, representedBsn: x.represented_bsn, kind: x.kind, source: x.source, courtReference: x.court_reference,
    status: x.status, recordedBy: x.recorded_by, validFrom: day(x.valid_from), validUntil: x.valid_until ? day(x.valid_until) : null,
  }));
}

/** Decides a pending representation once, never by the one who recorded it (the table holds that too). */
export async function decideRepresentationRow(tx: Tx, d: { id: string; decidedBy: string; status: 'approved' | 'rejected'; note: string; at: Date }): Promise<boolean> {
  const r = await sql<{ id: string }>`
    update portal_representations set status = ${d.status}, decided_by = ${d.decidedBy}, decided_at = ${d.at}, decision_note = ${d.note}
    where id = ${d.id}::uuid and status = 'pending' and recorded_by <> ${d.decidedBy} returning id`.execute(tx);
  return r.rows.length === 1;
}

export interface RequestRow {
  id: string;
  citizenId: string;
  subjectBsn: string;
  status: 'draft' | 'submitted';
  topic: Topic | null;
  urgentSituations: UrgentSituation[];
  description: string;
  phone: string | null;
  email: string | null;
  caseIds: string[];
  caseReferences: string[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

interface RawRequest {
  id: string; citizen_id: string; subject_bsn: string; status: 'draft' | 'submitted'; topic: Topic | null; urgent_situations: UrgentSituation[];
  description: string; phone: string | null; email: string | null; case_ids: string[]; case_references: string[];
  created_at: Date; updated_at: Date; submitted_at: Date | null;
}

const toRequest = (r: RawRequest): RequestRow => ({
  id: r.id,
  citizenId: r.citizen_id,
  subjectBsn: r.subject_bsn,
  status: r.status,
  topic: r.topic,
  urgentSituations: r.urgent_situations,
  description: r.description,
  phone: r.phone,
  email: r.email,
  caseIds: r.case_ids,
  caseReferences: r.case_references,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
});

export async function insertRequest(tx: Tx, r: { id: string; municipalityCode: string; citizenId: string; subjectBsn: string; input: DraftInput; at: Date }): Promise<void> {
  await sql`insert into portal_requests (id, municipality_code, citizen_id, subject_bsn, status, topic, urgent_situations, description, phone, email, created_at, updated_at)
    values (${r.id}, ${r.municipalityCode}, ${r.citizenId}, ${r.subjectBsn}, 'draft', ${r.input.topic}, ${r.input.urgentSituations}::text[], ${r.input.description},
      ${r.input.phone}, ${r.input.email}, ${r.at}, ${r.at})`.execute(tx);
}

export async function updateDraft(tx: Tx, id: string, input: DraftInput, at: Date): Promise<void> {
  await sql`update portal_requests set topic = ${input.topic}, urgent_situations = ${input.urgentSituations}::text[], description = ${input.description},
    phone = ${input.phone}, email = ${input.email}, updated_at = ${at} where id = ${id}::uuid and status = 'draft'`.execute(tx);
}

export async function markSubmitted(tx: Tx, id: string, caseIds: string[], references: string[], at: Date): Promise<void> {
  await sql`update portal_requests set status = 'submitted', case_ids = ${caseIds}::uuid[], case_references = ${references}::text[], submitted_at = ${at}, updated_at = ${at}
    where id = ${id}::uuid`.execute(tx);
}

/** A request only when it was made by this citizen; anyone else's id finds nothing. */
export async function findRequestOf(tx: Tx, id: string, citizenId: string): Promise<RequestRow | undefined> {
  const r = await sql<RawRequest>`select * from portal_requests where id = ${id}::uuid and citizen_id = ${citizenId}::uuid`.execute(tx);
  return r.rows[0] ? toRequest(r.rows[0]) : undefined;
}

export async function findRequestsOfSubject(tx: Tx, subjectBsn: string): Promise<RequestRow[]> {
  const r = await sql<RawRequest>`select * from portal_requests where subject_bsn = ${subjectBsn} order by updated_at desc limit 200`.execute(tx);
  return r.rows.map(toRequest);
}

export interface DocumentRow {
  id: string;
  requestId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export async function insertDocument(
  tx: Tx,
  d: { id: string; municipalityCode: string; requestId: string; fileName: string; mediaType: string; content: Buffer; sha256: string; at: Date },
): Promise<void> {
  await sql`insert into portal_documents (id, municipality_code, request_id, file_name, media_type, size_bytes, sha256, content, uploaded_at)
    values (${d.id}, ${d.municipalityCode}, ${d.requestId}, ${d.fileName}, ${d.mediaType}, ${d.content.length}, ${d.sha256}, ${d.content}, ${d.at})`.execute(tx);
}

export async function findDocuments(tx: Tx, requestIds: string[]): Promise<DocumentRow[]> {
  if (requestIds.length === 0) return [];
  const r = await sql<{ id: string; request_id: string; file_name: string; media_type: string; size_bytes: number; uploaded_at: Date }>`
    select id, request_id, file_name, media_type, size_bytes, uploaded_at from portal_documents
    where request_id = any(${requestIds}::uuid[]) order by uploaded_at`.execute(tx);
  return r.rows.map((x) => ({ id: x.id, requestId: x.request_id, fileName: x.file_name, mediaType: x.media_type, sizeBytes: Number(x.size_bytes), uploadedAt: new Date(x.uploaded_at).toISOString() }));
}

export interface MessageRow {
  id: string;
  authorKind: 'citizen' | 'staff';
  authorRole: string | null;
  authorTeamId: string | null;
  body: string;
  sentAt: string;
  readByCitizenAt: string | null;
  readByStaffAt: string | null;
  topic: Topic | null;
  authorName: string | null;
  handledAt: string | null;
}

export async function insertMessage(
  tx: Tx,
  m: {
    id: string; municipalityCode: string; subjectBsn: string; authorKind: 'citizen' | 'staff'; authorId: string; authorRole: string | null; authorTeamId: string | null;
    body: string; at: Date; purpose: string; topic: string; authorName?: string | null;
  },
): Promise<void> {
  await sql`insert into portal_messages (id, municipality_code, subject_bsn, author_kind, author_id, author_role, author_team_id, body, sent_at, purpose, topic, author_name)
    values (${m.id}, ${m.municipalityCode}, ${m.subjectBsn}, ${m.authorKind}, ${m.authorId}, ${m.authorRole}, ${m.authorTeamId}::uuid, ${m.body}, ${m.at}, ${m.purpose}, ${m.topic}, ${m.authorName ?? null})`.execute(tx);
}

/**
 * The thread, newest first. With `purposes` only the messages of those purposes (a message
 * without one counts as integral coordination); without, the whole thread (the citizen's view).
 */
export async function findMessages(tx: Tx, subjectBsn: string, purposes?: readonly string[], limit = 200): Promise<MessageRow[]> {
  const only = purposes ? sql`and coalesce(purpose, 'integraal') = any(${[...purposes]}::text[])` : sql``;
  const r = await sql<{ id: string; author_kind: 'citizen' | 'staff'; author_role: string | null; author_team_id: string | null; body: string; sent_at: Date; read_by_citizen_at: Date | null; read_by_staff_at: Date | null; topic: Topic | null; author_name: string | null; handled_at: Date | null }>`
    select id, author_kind, author_role, author_team_id, body, sent_at, read_by_citizen_at, read_by_staff_at, topic, author_name, handled_at
    from portal_messages where subject_bsn = ${subjectBsn} ${only} order by seq desc limit ${limit}`.execute(tx);
  return r.rows.map((x) => ({
    id: x.id, authorKind: x.author_kind, authorRole: x.author_role, authorTeamId: x.author_team_id, body: x.body, sentAt: new Date(x.sent_at).toISOString(),
    readByCitizenAt: x.read_by_citizen_at ? new Date(x.read_by_citizen_at).toISOString() : null,
    readByStaffAt: x.read_by_staff_at ? new Date(x.read_by_staff_at).toISOString() : null,
    topic: x.topic,
    authorName: x.author_name,
    handledAt: x.handled_at ? new Date(x.handled_at).toISOString() : null,
  }));
}

export interface OpenMessageRow { id: string; subjectBsn: string; purpose: string; topic: Topic | null; body: string; sentAt: string }

/**
 * Citizens' messages nobody answered or marked handled yet, of the given purposes, in the order
 * asked; the caller keeps those of residents the actor works with (the access decision).
 */
export async function findOpenMessages(tx: Tx, purposes: readonly string[], order: 'newest' | 'oldest', limit = 500): Promise<OpenMessageRow[]> {
  const r = await sql<{ id: string; subject_bsn: string; purpose: string | null; topic: Topic | null; body: string; sent_at: Date }>`
    select id, subject_bsn, purpose, topic, body, sent_at from portal_messages
    where author_kind = 'citizen' and handled_at is null and coalesce(purpose, 'integraal') = any(${[...purposes]}::text[])
    order by ${order === 'newest' ? sql`sent_at desc, seq desc` : sql`sent_at, seq`} limit ${limit}`.execute(tx);
  return r.rows.map((x) => ({ id: x.id, subjectBsn: x.subject_bsn, purpose: x.purpose ?? 'integraal', topic: x.topic, body: x.body, sentAt: new Date(x.sent_at).toISOString() }));
}

/** Marks a resident's open citizen messages handled: one (`id`) or all of the purposes shown. Returns the ids marked. */
export async function markHandled(tx: Tx, m: { subjectBsn: string; purposes: readonly string[]; id?: string; by: string; at: Date }): Promise<string[]> {
  const r = await sql<{ id: string }>`update portal_messages set handled_at = ${m.at}, handled_by = ${m.by}::uuid
    where subject_bsn = ${m.subjectBsn} and author_kind = 'citizen' and handled_at is null
      and coalesce(purpose, 'integraal') = any(${[...m.purposes]}::text[]) ${m.id ? sql`and id = ${m.id}::uuid` : sql``}
    returning id`.execute(tx);
  return r.rows.map((x) => x.id);
}

/** One message of a resident's thread by id, or undefined (another resident's id finds nothing). */
export async function findMessageOf(tx: Tx, subjectBsn: string, id: string): Promise<{ id: string; authorKind: 'citizen' | 'staff'; purpose: string; handledAt: string | null } | undefined> {
  const r = await sql<{ id: string; author_kind: 'citizen' | 'staff'; purpose: string | null; handled_at: Date | null }>`
    select id, author_kind, purpose, handled_at from portal_messages where id = ${id}::uuid and subject_bsn = ${subjectBsn}`.execute(tx);
  const x = r.rows[0];
  return x ? { id: x.id, authorKind: x.author_kind, purpose: x.purpose ?? 'integraal', handledAt: x.handled_at ? new Date(x.handled_at).toISOString() : null } : undefined;
}

export async function messageSummary(tx: Tx, subjectBsn: string): Promise<{ unread: number; lastAt: string | null }> {
  const r = await sql<{ unread: number; last_at: Date | null }>`
    select count(*) filter (where author_kind = 'staff' and read_by_citizen_at is null)::int as unread, max(sent_at) as last_at
    from portal_messages where subject_bsn = ${subjectBsn}`.execute(tx);
  const row = r.rows[0];
  return { unread: Number(row?.unread ?? 0), lastAt: row?.last_at ? new Date(row.last_at).toISOString() : null };
}

/**
 * What the home page needs besides cases and plan, in one statement: the citizen's own drafts
 * among the subject's latest 200 requests (as findRequestsOfSubject sees them), newest first, and
 * the message summary (as messageSummary).
 */
export async function findHomeSummary(tx: Tx, subjectBsn: string, citizenId: string): Promise<{
  drafts: { id: string; topic: Topic | null; updatedAt: string }[]; unread: number; lastAt: string | null;
}> {
  const r = await sql<{ drafts: { id: string; topic: Topic | null; updated_at: string }[] | string; unread: number; last_at: Date | null }>`
    select coalesce((
        select json_agg(json_build_object('id', d.id, 'topic', d.topic, 'updated_at', d.updated_at) order by d.updated_at desc)
        from (select id, topic, updated_at, status, citizen_id from portal_requests where subject_bsn = ${subjectBsn} order by updated_at desc limit 200) d
        where d.status = 'draft' and d.citizen_id = ${citizenId}
      ), '[]'::json) as drafts,
      m.unread, m.last_at
    from (select count(*) filter (where author_kind = 'staff' and read_by_citizen_at is null)::int as unread, max(sent_at) as last_at
      from portal_messages where subject_bsn = ${subjectBsn}) m`.execute(tx);
  const row = r.rows[0];
  const drafts = typeof row?.drafts === 'string' ? (JSON.parse(row.drafts) as { id: string; topic: Topic | null; updated_at: string }[]) : (row?.drafts ?? []);
  return {
    drafts: drafts.map((d) => ({ id: d.id, topic: d.topic, updatedAt: new Date(d.updated_at).toISOString() })),
    unread: Number(row?.unread ?? 0),
    lastAt: row?.last_at ? new Date(row.last_at).toISOString() : null,
  };
}

export async function markReadBy(tx: Tx, subjectBsn: string, reader: 'citizen' | 'staff', at: Date, purposes?: readonly string[]): Promise<void> {
  if (reader === 'citizen') {
    await sql`update portal_messages set read_by_citizen_at = ${at} where subject_bsn = ${subjectBsn} and author_kind = 'staff' and read_by_citizen_at is null`.execute(tx);
  } else {
    // Staff mark read only what they were shown: the messages of their purposes.
    await sql`update portal_messages set read_by_staff_at = ${at} where subject_bsn = ${subjectBsn} and author_kind = 'citizen' and read_by_staff_at is null
      and coalesce(purpose, 'integraal') = any(${[...(purposes ?? [])]}::text[])`.execute(tx);
  }
}

export async function findContactEmail(tx: Tx, bsn: string): Promise<string | null> {
  const r = await sql<{ email: string | null }>`select email from portal_contacts where bsn = ${bsn}`.execute(tx);
  return r.rows[0]?.email ?? null;
}

export async function upsertContact(tx: Tx, municipalityCode: string, bsn: string, email: string | null, at: Date): Promise<void> {
  await sql`insert into portal_contacts (municipality_code, bsn, email, updated_at) values (${municipalityCode}, ${bsn}, ${email}, ${at})
    on conflict (municipality_code, bsn) do update set email = excluded.email, updated_at = excluded.updated_at`.execute(tx);
}

/** The notice goes into the one job queue (packages/db jobs) in the caller's transaction, so it exists exactly when the message does. */
export async function enqueueMail(tx: Tx, m: { id: string; municipalityCode: string; toAddress: string; template: 'message-waiting' }): Promise<void> {
  await enqueueJob(tx, { queue: PORTAL_MAIL_QUEUE, municipalityCode: m.municipalityCode, idempotencyKey: m.id, payload: { toAddress: m.toAddress, template: m.template }, maxAttempts: 8 });
}
