import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { invalidInput, newId } from '@kern/kit';
import { findOfferings, insertOffering } from './offerings.repository';
import { createOfferingInputSchema, type CreateOfferingInput, type Offering } from './contract';

/** Adds a general or group provision to the catalogue (no decision needed to take part). */
export async function createOffering(services: AccessServices, tx: Tx, ctx: AccessContext, raw: CreateOfferingInput): Promise<Offering> {
  const input = createOfferingInputSchema.parse(raw);
  if (input.endsOn && input.endsOn < input.startsOn) throw invalidInput({ nl: 'Het aanbod eindigt voordat het begint.', en: 'The offering ends before it starts.' }, [{ name: 'endsOn', reason: 'before startsOn' }]);
  if (input.kind === 'group' && input.capacity === undefined) throw invalidInput({ nl: 'Een groepsaanbod heeft een aantal plaatsen.', en: 'A group offering has a number of places.' }, [{ name: 'capacity', reason: 'required for a group' }]);
  await authorize(services, tx, ctx, { resource: 'offering', action: 'create', detail: input.name });
  const o = {
    id: newId(), name: input.name, description: input.description, kind: input.kind, lifeDomain: input.lifeDomain ?? null, location: input.location ?? null,
    capacity: input.capacity ?? null, startsOn: input.startsOn, endsOn: input.endsOn ?? null, status: 'open' as const,
  };
  await insertOffering(tx, { ...o, municipalityCode: ctx.actor.municipalityCode, createdAt: services.clock.now().toISOString() });
  return { ...o, enrolled: 0, placesLeft: o.capacity };
}

/** The catalogue with places left (counts only: no one's enrolment shows here). */
export async function listOfferings(services: AccessServices, tx: Tx, ctx: AccessContext, options: { openOnly?: boolean } = {}): Promise<Offering[]> {
  await authorize(services, tx, ctx, { resource: 'offering', action: 'read' });
  return findOfferings(tx, options.openOnly ?? true);
}
