import { AccessDenied, auditEntryFor, authorize, recordAccess, requirePurpose, type AccessCheck, type AccessContext } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import type { decideRepresentationInputSchema, recordRepresentationInputSchema, recordRepresentationOutputSchema, representationsOutputSchema } from '@kern/access/contract';
import { DomainError, invalidInput, isValidBsn, newId, notFound } from '@kern/kit';
import type { z } from 'zod';
import type { PortalServices } from './citizen-session';
import { decideRepresentationRow, enqueueMail, findContactEmail, findRepresentationsOf, insertMessage, insertRepresentation, type RecordedRepresentation } from './portal.repository';

/**
 * Only a court order is recorded by staff: curatele, mentorschap or bewind, with the reference of
 * the court's decision. A written machtiging is not accepted from one caseworker any more: it
 * comes from DigiD Machtigen (the seam in digid-machtigen.ts), and parental authority from the BRP.
 * The schemas are the access contract's (@kern/access/contract, representation.schema.ts).
 */

/**
 * Staff record a court order that makes someone the resident's legal representative. It is only a
 * record waiting for a second look: until a different staff member approves it, the
 * representative cannot act for the resident in the portal.
 */
export async function recordRepresentation(services: PortalServices, tx: Tx, ctx: AccessContext, representedBsn: string, input: z.infer<typeof recordRepresentationInputSchema>): Promise<z.infer<typeof recordRepresentationOutputSchema>> {
  requirePurpose(ctx);
  for (const [name, bsn] of [['bsn', representedBsn], ['representativeBsn', input.representativeBsn]] as const) {
    if (!isValidBsn(bsn)) throw invalidInput({ nl: 'Dit is geen geldig burgerservicenummer.', en: 'This is not a valid citizen service number (BSN).' }, [{ name, reason: '11-test fails' }]);
  }
  if (representedBsn === input.representativeBsn) {
    throw invalidInput({ nl: 'Iemand kan niet zijn eigen vertegenwoordiger zijn.', en: 'Someone cannot be their own representative.' }, [{ name: 'representativeBsn', reason: 'same person' }]);
  }
  const validFrom = input.validFrom ?? isoDay(services.clock.now());
  if (input.validUntil && input.validUntil < validFrom) {
    throw invalidInput({ nl: 'De einddatum ligt voor de begindatum.', en: 'The end date is before the start date.' }, [{ name: 'validUntil', reason: 'before validFrom' }]);
  }
  await authorize(services, tx, ctx, { resource: 'representation', action: 'create', subjectBsn: representedBsn, detail: `record ${input.kind}, court order ${input.courtReference} (pending a second approval)` });
  const id = newId();
  await insertRepresentation(tx, {
    id, municipalityCode: ctx.actor.municipalityCode, representativeBsn: input.representativeBsn, representedBsn, kind: input.kind,
    validFrom, validUntil: input.validUntil ?? null, courtReference: input.courtReference, recordedBy: ctx.actor.id, at: services.clock.now(),
  });
  return { id, status: 'pending' };
}

/** The representations recorded for a resident, pending or decided: where the second person finds what to check. */
export async function listRepresentations(services: PortalServices, tx: Tx, ctx: AccessContext, representedBsn: string): Promise<z.infer<typeof representationsOutputSchema>> {
  requirePurpose(ctx);
  const grant = await authorize(services, tx, ctx, { resource: 'representation', action: 'read', subjectBsn: representedBsn, detail: 'recorded representations' });
  const representations = await findRepresentationsOf(tx, { representedBsn });
  const representatives = [...new Set(representations.map((r) => r.representativeBsn))];
  await recordAccess(services, tx, ctx, grant, representatives.map((subjectBsn) => ({ resource: 'representation', action: 'read', subjectBsn, detail: `named as representative of ${representedBsn}` })));
  return { representations };
}

/**
 * The second person's check of a recorded court order: a different staff member with a relation
 * with the resident approves (it takes effect from the representative's next login) or rejects
 * it. On approval the resident is told in their portal thread, which anyone else who acts for them
 * reads too, and by a content-free e-mail if they left an address.
 */
export async function decideRepresentation(services: PortalServices, tx: Tx, ctx: AccessContext, id: string, input: z.infer<typeof decideRepresentationInputSchema>): Promise<{ representation: RecordedRepresentation }> {
  requirePurpose(ctx);
  const [found] = await findRepresentationsOf(tx, { id });
  if (!found) throw notFound({ nl: 'Deze vertegenwoordiging bestaat niet.', en: 'This representation does not exist.' });
  const check: AccessCheck = {
    resource: 'representation', action: 'decide', subjectBsn: found.representedBsn,
    detail: `${input.verdict} ${found.kind} ${id} (court order ${found.courtReference ?? 'none'}) recorded by ${found.recordedBy}: ${input.note}`,
  };
  const grant = await authorize(services, tx, ctx, check);
  if (found.recordedBy === ctx.actor.id || ctx.actor.kind !== 'staff') {
    // A denial like any other, so the attempt is on the audit record (runAsTenant writes it).
    throw new AccessDenied(auditEntryFor(ctx, check, { allowed: false, reason: 'a second staff member checks a representation, never the one who recorded it', relation: 'none' }), false);
  }
  if (found.status !== 'pending') throw new DomainError('conflict', { nl: 'Over deze vertegenwoordiging is al beslist.', en: 'This representation was already decided.' });
  if (input.verdict === 'approved' && (found.source !== 'court-order' || !found.courtReference)) {
    throw new DomainError('conflict', {
      nl: 'Alleen een rechterlijke uitspraak met kenmerk kan worden goedgekeurd; een machtiging komt uit DigiD Machtigen.',
      en: 'Only a court order with its reference can be approved; an authorisation comes from DigiD Machtigen.',
    });
  }
  const now = services.clock.now();
  if (!(await decideRepresentationRow(tx, { id, decidedBy: ctx.actor.id, status: input.verdict, note: input.note, at: now }))) {
    throw new DomainError('conflict', { nl: 'Over deze vertegenwoordiging is al beslist.', en: 'This representation was already decided.' });
  }
  if (input.verdict === 'approved') await notifyRepresented(tx, ctx, found, now);
  // The answer names the representative too: their record of this decision.
  await recordAccess(services, tx, ctx, grant, [{ resource: 'representation', action: 'decide', subjectBsn: found.representativeBsn, detail: `named as representative of ${found.representedBsn}` }]);
  return { representation: { ...found, status: input.verdict } };
}

const kindNames: Record<RecordedRepresentation['kind'], { nl: string; en: string }> = {
  curatele: { nl: 'curator', en: 'curator' },
  mentorschap: { nl: 'mentor', en: 'mentor' },
  bewindvoering: { nl: 'bewindvoerder', en: 'administrator (bewind)' },
  machtiging: { nl: 'gemachtigde', en: 'authorised representative' },
};

async function notifyRepresented(tx: Tx, ctx: AccessContext, r: RecordedRepresentation, at: Date): Promise<void> {
  const name = kindNames[r.kind];
  const body =
    `Wij hebben vastgelegd dat iemand u vertegenwoordigt als ${name.nl} (uitspraak ${r.courtReference ?? ''}, vanaf ${r.validFrom}). ` +
    'Deze persoon kan nu namens u het portaal gebruiken. Klopt dit niet? Stuur ons dan een bericht.\n\n' +
    `We have recorded that someone represents you as ${name.en} (court order ${r.courtReference ?? ''}, from ${r.validFrom}). ` +
    'This person can now use the portal on your behalf. Is this wrong? Send us a message.';
  await insertMessage(tx, {
    id: newId(), municipalityCode: ctx.actor.municipalityCode, subjectBsn: r.representedBsn, authorKind: 'staff', authorId: ctx.actor.id,
    authorRole: null, authorTeamId: ctx.actor.teamIds[0] ?? null, body, at,
    // About representation as such, not one law: the integral thread, which the coordinator reads.
    purpose: 'integraal', topic: 'other',
  });
  const email = await findContactEmail(tx, r.representedBsn);
  if (email) await enqueueMail(tx, { id: newId(), municipalityCode: ctx.actor.municipalityCode, toAddress: email, template: 'message-waiting' });
}
