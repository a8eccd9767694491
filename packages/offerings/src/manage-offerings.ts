import { authorize, countView, holdsPersonalData, type AccessContext, type AccessServices, type CountView } from '@kern/access';
import type { Tx } from '@kern/db';
import { invalidInput, newId } from '@kern/kit';
import { findOfferings, insertOffering } from './offerings.repository';
import { createOfferingInputSchema, type CreateOfferingInput, type Offering, type ShownOffering } from './contract';

/** Adds a general or group provision to the catalogue (no decision needed to take part). */
export async function createOffering(services: AccessServices, tx: Tx, ctx: AccessContext, raw: CreateOfferingInput): Promise<ShownOffering> {
  const input = createOfferingInputSchema.parse(raw);
  if (input.endsOn && input.endsOn < input.startsOn) throw invalidInput({ nl: 'Het aanbod eindigt voordat het begint.', en: 'The offering ends before it starts.' }, [{ name: 'endsOn', reason: 'before startsOn' }]);
  if (input.kind === 'group' && input.capacity === undefined) throw invalidInput({ nl: 'Een groepsaanbod heeft een aantal plaatsen.', en: 'A group offering has a number of places.' }, [{ name: 'capacity', reason: 'required for a group' }]);
  await authorize(services, tx, ctx, { resource: 'offering', action: 'create', detail: input.name });
  const o = {
    id: newId(), name: input.name, description: input.description, kind: input.kind, lifeDomain: input.lifeDomain ?? null, location: input.location ?? null,
    capacity: input.capacity ?? null, startsOn: input.startsOn, endsOn: input.endsOn ?? null, status: 'open' as const,
  };
  await insertOffering(tx, { ...o, municipalityCode: ctx.actor.municipalityCode, createdAt: services.clock.now().toISOString() });
  return shown(await countsFor(services, tx, ctx), { ...o, enrolled: 0, placesLeft: o.capacity });
}

async function countsFor(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<CountView> {
  const { document } = await services.policies.get(tx, ctx.actor.municipalityCode);
  return countView(holdsPersonalData(document, ctx.actor.roles));
}

const shown = (view: CountView, o: Offering): ShownOffering => ({
  ...o,
  enrolled: view.count(o.enrolled),
  placesLeft: o.capacity === null ? null : view.rest(o.capacity, o.enrolled),
});

/**
 * The catalogue with places left (counts only: no one's enrolment shows here). A role without
 * personal data sees an enrolment count under 5 as "< 5" (countView).
 */
export async function listOfferings(services: AccessServices, tx: Tx, ctx: AccessContext, options: { openOnly?: boolean } = {}): Promise<ShownOffering[]> {
  await authorize(services, tx, ctx, { resource: 'offering', action: 'read' });
  const view = await countsFor(services, tx, ctx);
  return (await findOfferings(tx, options.openOnly ?? true)).map((o) => shown(view, o));
}
