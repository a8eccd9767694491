import { createHash } from 'node:crypto';
import type { Tx } from '@kern/db';
import { DomainError, invalidInput, newId } from '@kern/kit';
import { authorizeForPerson, authorizeSubject, nothingHere, personByBsn } from './citizen-access';
import type { PortalServices, ResolvedCitizenSession } from './citizen-session';
import { findDocuments, findRequestOf, insertDocument, insertRequest, updateDraft, type RequestRow } from './portal.repository';
import { MAX_DOCUMENTS_PER_REQUEST, MAX_UPLOAD_BYTES, type DraftInput, type PortalRequest } from './contract';

/**
 * Drafts of a front-door request, kept on the server so that nothing is lost when a session
 * expires or the browser closes: the form saves as the citizen types, and submitting is a
 * separate step (submit-request.ts).
 */
export async function createDraft(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, ref: string, input: DraftInput): Promise<PortalRequest> {
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-request', action: 'create', detail: 'draft request' });
  const id = newId();
  await insertRequest(tx, { id, municipalityCode: session.actor.municipalityCode, citizenId: session.actor.id, subjectBsn: person.bsn, input, at: services.clock.now() });
  return readOwnRequest(services, tx, session, id, 'skip-audit');
}

export async function saveDraft(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, id: string, input: DraftInput): Promise<PortalRequest> {
  const row = await ownRequest(services, tx, session, id, 'update', 'save draft');
  if (row.status !== 'draft') {
    throw new DomainError('conflict', { nl: 'Deze aanvraag is al verstuurd en kan niet meer worden gewijzigd.', en: 'This request has already been sent and can no longer be changed.' });
  }
  await updateDraft(tx, id, input, services.clock.now());
  return readOwnRequest(services, tx, session, id, 'skip-audit');
}

/** A request the citizen made (for themself or someone they still represent); anything else finds nothing. */
export async function ownRequest(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, id: string, action: 'read' | 'update', detail: string): Promise<RequestRow> {
  const row = await findRequestOf(tx, id, session.actor.id);
  const person = row ? personByBsn(session, row.subjectBsn) : undefined;
  if (!row || !person) throw nothingHere();
  await authorizeSubject(services, tx, session, person, { resource: 'portal-request', action, detail });
  return row;
}

export async function readOwnRequest(services: PortalServices, tx: Tx, session: ResolvedCitizenSession, id: string, audit: 'audit' | 'skip-audit' = 'audit'): Promise<PortalRequest> {
  // 'skip-audit' only right after a write in the same transaction, which was audited itself.
  const row = audit === 'audit' ? await ownRequest(services, tx, session, id, 'read', 'read request') : await findRequestOf(tx, id, session.actor.id);
  if (!row) throw nothingHere();
  return toPortalRequest(session, row, await findDocuments(tx, [row.id]));
}

export function toPortalRequest(session: ResolvedCitizenSession, row: RequestRow, documents: Awaited<ReturnType<typeof findDocuments>>): PortalRequest {
  return {
    id: row.id,
    personRef: personByBsn(session, row.subjectBsn)?.ref ?? '',
    status: row.status,
    topic: row.topic,
    urgentSituations: row.urgentSituations,
    description: row.description,
    phone: row.phone,
    email: row.email,
    caseReferences: row.caseReferences,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    documents: documents.filter((d) => d.requestId === row.id).map(({ id, fileName, mediaType, sizeBytes, uploadedAt }) => ({ id, fileName, mediaType, sizeBytes, uploadedAt })),
  };
}

/** The type is what the bytes say, not what the name or the browser claims. */
export function sniffMediaType(bytes: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | undefined {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return undefined;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function decodeUpload(contentBase64: string): Buffer {
  const compact = contentBase64.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw invalidInput({ nl: 'Het bestand is niet goed doorgekomen. Probeer het opnieuw.', en: 'The file did not come through correctly. Please try again.' }, [{ name: 'contentBase64', reason: 'not base64' }]);
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new DomainError('payload-too-large', {
      nl: `Het bestand is te groot. Een bestand mag hoogstens ${MAX_UPLOAD_BYTES / 1024 / 1024} MB zijn.`,
      en: `The file is too large. A file may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
    });
  }
  if (bytes.length === 0) throw invalidInput({ nl: 'Het bestand is leeg.', en: 'The file is empty.' }, [{ name: 'contentBase64', reason: 'empty' }]);
  return bytes;
}

export async function uploadDocument(
  services: PortalServices,
  tx: Tx,
  session: ResolvedCitizenSession,
  requestId: string,
  input: { fileName: string; contentBase64: string },
): Promise<PortalRequest> {
  const row = await ownRequest(services, tx, session, requestId, 'update', 'upload document');
  if (row.status !== 'draft') {
    throw new DomainError('conflict', { nl: 'Bij een verstuurde aanvraag kunt u geen bestanden meer toevoegen. Stuur ze als bericht.', en: 'You cannot add files to a request that has been sent. Send them as a message.' });
  }
  const bytes = decodeUpload(input.contentBase64);
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) {
    throw new DomainError('invalid-input', {
      nl: 'Dit soort bestand kunnen wij niet aannemen. Stuur een PDF, JPG of PNG.',
      en: 'We cannot accept this kind of file. Send a PDF, JPG or PNG.',
    }, [{ name: 'contentBase64', reason: 'not a PDF, JPEG or PNG by its content' }]);
  }
  const existing = await findDocuments(tx, [requestId]);
  if (existing.length >= MAX_DOCUMENTS_PER_REQUEST) {
    throw invalidInput({ nl: `U kunt hoogstens ${MAX_DOCUMENTS_PER_REQUEST} bestanden toevoegen.`, en: `You can add at most ${MAX_DOCUMENTS_PER_REQUEST} files.` }, [{ name: 'contentBase64', reason: 'too many files' }]);
  }
  // Only the last path segment, without control characters: a name is shown back, never used as a path.
  const lastSegment = input.fileName.split(/[\\/]/).pop() ?? 'bestand';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const fileName = lastSegment.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'bestand';
  await insertDocument(tx, {
    id: newId(), municipalityCode: session.actor.municipalityCode, requestId, fileName, mediaType, content: bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'), at: services.clock.now(),
  });
  return readOwnRequest(services, tx, session, requestId, 'skip-audit');
}
