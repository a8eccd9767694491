import { authorize, requirePurpose, type AccessContext } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { invalidInput, isValidBsn, newId } from '@kern/kit';
import { z } from 'zod';
import type { PortalServices } from './citizen-session';
import { insertRepresentation } from './portal.repository';

export const recordRepresentationInputSchema = z.object({
  representativeBsn: z.string().regex(/^\d{9}$/),
  kind: z.enum(['curatele', 'mentorschap', 'bewindvoering', 'machtiging']),
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

/**
 * Staff record that someone legally represents a resident, after seeing the court decision or the
 * signed authorisation. The representative can act for the resident in the portal from their next
 * login. Parental authority over minors comes from the BRP and is not recorded here.
 */
export async function recordRepresentation(services: PortalServices, tx: Tx, ctx: AccessContext, representedBsn: string, input: z.infer<typeof recordRepresentationInputSchema>): Promise<{ id: string }> {
  requirePurpose(ctx);
  for (const [name, bsn] of [['bsn', representedBsn], ['representativeBsn', input.representativeBsn]] as const) {
    if (!isValidBsn(bsn)) throw invalidInput({ nl: 'Dit is geen geldig burgerservicenummer.', en: 'This is not a valid citizen service number (BSN).' }, [{ name, reason: '11-test fails' }]);
  }
  if (representedBsn === input.representativeBsn) {
    throw invalidInput({ nl: 'Iemand kan niet zijn eigen vertegenwoordiger zijn.', en: 'Someone cannot be their own representative.' }, [{ name: 'representativeBsn', reason: 'same person' }]);
  }
  await authorize(services, tx, ctx, { resource: 'representation', action: 'create', subjectBsn: representedBsn, detail: `record ${input.kind}` });
  const id = newId();
  await insertRepresentation(tx, {
    id, municipalityCode: ctx.actor.municipalityCode, representativeBsn: input.representativeBsn, representedBsn, kind: input.kind,
    validFrom: input.validFrom ?? isoDay(services.clock.now()), recordedBy: ctx.actor.id, at: services.clock.now(),
  });
  return { id };
}
