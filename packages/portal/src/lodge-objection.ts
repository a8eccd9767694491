import { createHash } from 'node:crypto';
import { caseFilesOfResident, createCase } from '@kern/cases';
import { isoDay, type Tx } from '@kern/db';
import { DomainError, newId } from '@kern/kit';
import { activeDefinition } from '@kern/workflows';
import { authorizeForPerson, nothingHere, portalContext } from './citizen-access';
import type { PortalServices, ResolvedCitizenSession } from './citizen-session';
import type { ObjectionInput, PortalDecision, PortalObjection } from './contract';
import { objectionInputSchema } from './contract';
import { definition } from './portal-cases';
import { decisionOfPerson, decisionsOfPerson } from './portal-decisions';
import { findObjectionsOfSubject, insertObjection } from './portal-objections.repository';
import { decodeUpload, sniffMediaType } from './requests';

const cleanFileName = (name: string): string =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  (name.split(/[\\/]/).pop() ?? 'bestand').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'bestand';

/**
 * The citizen objects to a decision (bezwaar, Awb 6:4) or asks for a review (which the Awb also
 * treats as an objection when it disputes the decision, art. 6:5). It starts its own case, of the
 * werkwijze's objection case type, for the team that holds the original case; the decision term
 * (Awb 7:10: six weeks, twelve with an advisory committee, as the werkwijze's step says) counts
 * from the day after the objection term ended. A late objection is received all the same and
 * marked late with the citizen's reason: the municipality decides whether to excuse it (Awb 6:11).
 * Someone else's decision, or an id that does not exist, is "not found" alike.
 */
export async function lodgeObjection(
  services: PortalServices,
  tx: Tx,
  session: ResolvedCitizenSession,
  ref: string,
  decisionId: string,
  body: ObjectionInput,
  requestId?: string,
): Promise<{ objection: PortalObjection; decision: PortalDecision }> {
  const input = objectionInputSchema.parse(body);
  const { person } = await authorizeForPerson(services, tx, session, ref, { resource: 'portal-case', action: 'create', detail: `objection to decision ${decisionId}` }, requestId);
  const decision = await decisionOfPerson(tx, person.bsn, decisionId);
  const original = decision ? (await caseFilesOfResident(tx, person.bsn)).find((f) => f.row.id === decision.caseId)?.row : undefined;
  if (!decision || !original) throw nothingHere();

  // The werkwijze in force now takes the objection; the case's own version where it has no objection type.
  const active = await activeDefinition(tx, original.werkwijzeId);
  const stored = await definition(tx, original);
  const candidates = [active, stored ? { werkwijze: stored, version: original.werkwijzeVersion } : undefined];
  const target = candidates
    .map((c) => (c ? { ...c, caseType: c.werkwijze.caseTypes.find((t) => t.objection === true && t.law === decision.law) } : undefined))
    .find((c) => c?.caseType);
  if (!target?.caseType) {
    throw new DomainError('conflict', {
      nl: 'De gemeente kan bezwaar tegen dit besluit nog niet via Mijn gemeente aannemen. Stuur uw bezwaar per brief; het adres staat in de brief met het besluit.',
      en: 'The municipality cannot yet take an objection to this decision through Mijn gemeente. Send your objection by letter; the address is in the decision letter.',
    });
  }
  const open = (await findObjectionsOfSubject(tx, person.bsn)).filter((o) => o.decisionId === decision.id);
  const files = await caseFilesOfResident(tx, person.bsn);
  const running = open.find((o) => files.find((f) => f.row.id === o.objectionCaseId)?.row.status === 'open');
  if (running) {
    throw new DomainError('conflict', {
      nl: `U heeft op ${running.lodgedOn} al bezwaar gemaakt tegen dit besluit. Wilt u iets toevoegen? Stuur ons een bericht.`,
      en: `You already objected to this decision on ${running.lodgedOn}. Want to add something? Send us a message.`,
    });
  }

  let attachment: { name: string; mediaType: string; sha256: string; content: Buffer } | null = null;
  if (input.attachment) {
    const bytes = decodeUpload(input.attachment.contentBase64);
    const mediaType = sniffMediaType(bytes);
    if (!mediaType) {
      throw new DomainError('invalid-input', {
        nl: 'Dit soort bestand kunnen wij niet aannemen. Kies een PDF, JPG of PNG.',
        en: 'We cannot accept this kind of file. Choose a PDF, JPG or PNG.',
      }, [{ name: 'attachment', reason: 'not a PDF, JPEG or PNG by its content' }]);
    }
    attachment = { name: cleanFileName(input.attachment.fileName), mediaType, sha256: createHash('sha256').update(bytes).digest('hex'), content: bytes };
  }

  const now = services.clock.now();
  const today = isoDay(now);
  const late = today > decision.objectionUntil;
  const lateReason = late && input.lateReason ? input.lateReason : null;
  const fields: Record<string, unknown> = {
    besluitKenmerk: decision.reference, soort: input.kind === 'review' ? 'heroverweging' : 'bezwaar', gronden: input.grounds, teLaat: late,
    ...(lateReason ? { redenTeLaat: lateReason } : {}),
  };
  const { caseId } = await createCase(services, tx, { ...portalContext(session, requestId), purpose: decision.law }, {
    werkwijze: target.werkwijze, version: target.version, caseTypeId: target.caseType.id, purpose: decision.law,
    input: { werkwijzeId: target.werkwijze.id, caseTypeId: target.caseType.id, subjectBsn: person.bsn, householdBsns: [], meldingDate: today, fields },
    teamId: original.teamId, parentCaseId: null,
    // Awb 7:10 lid 1: from the day after the objection term ended; a late objection from its receipt.
    termsFrom: late ? today : decision.objectionUntil,
  });
  const id = newId();
  await insertObjection(tx, {
    id, municipalityCode: session.actor.municipalityCode, decisionId: decision.id, originalCaseId: original.id, objectionCaseId: caseId, subjectBsn: person.bsn,
    lodgedBy: session.actor.id, kind: input.kind, grounds: input.grounds, lodgedOn: today, objectionUntil: decision.objectionUntil, late, lateReason, attachment, createdAt: now,
  });
  const shown = (await decisionsOfPerson(tx, person.bsn, today)).find((d) => d.id === decision.id);
  const objection = shown?.objections.find((o) => o.id === id);
  if (!shown || !objection) throw new Error(`objection ${id} not readable after insert`);
  return { objection, decision: shown };
}
