import { authorize, recordAccess, requirePurpose, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { invalidInput, isValidBsn, notFound } from '@kern/kit';
import type { z } from 'zod';
import type { BrpClient } from './brp-client';
import { loadHousehold } from './household';
import type { readHouseholdOutputSchema, readResidentOutputSchema, Resident } from './contract';

const notRegistered = () =>
  notFound({ nl: 'Deze persoon staat niet ingeschreven in uw gemeente.', en: 'This person is not registered in your municipality.' });

function requireBsn(bsn: string): void {
  if (!isValidBsn(bsn)) {
    throw invalidInput({ nl: 'Dit is geen geldig BSN (de elfproef klopt niet).', en: 'This is not a valid BSN (the 11-test fails).' }, [{ name: 'bsn', reason: '11-test fails' }]);
  }
}

/**
 * One resident's BRP data, for a purpose the policy allows with the actor's relation. The read
 * is audited before the BRP is asked; a resident outside the municipality is "not found" after
 * the audit record is committed, so probing other municipalities leaves a trace too. The record
 * names its partners, parents and children (BSN, name, birth date): each of them shown gets an
 * audit record of their own, so their "who looked" lists this read as well.
 */
export async function readResident(
  services: AccessServices & { brp: BrpClient },
  tx: Tx,
  ctx: AccessContext,
  bsn: string,
): Promise<z.infer<typeof readResidentOutputSchema> | null> {
  requireBsn(bsn);
  requirePurpose(ctx);
  const grant = await authorize(services, tx, ctx, { resource: 'resident', action: 'read', subjectBsn: bsn });
  const resident: Resident | null = await services.brp.getPersonByBsn(bsn, { municipalityCode: ctx.actor.municipalityCode });
  if (!resident) return null;
  const relatives = [
    ...resident.partners.map((p) => ({ bsn: p.bsn, relation: 'partner' })),
    ...resident.parents.map((p) => ({ bsn: p.bsn, relation: 'parent' })),
    ...resident.children.map((p) => ({ bsn: p.bsn, relation: 'child' })),
  ].filter((r): r is { bsn: string; relation: string } => r.bsn !== undefined && r.bsn !== bsn);
  const named = [...new Map(relatives.map((r) => [r.bsn, r])).values()];
  await recordAccess(
    services,
    tx,
    ctx,
    grant,
    named.map((r) => ({ resource: 'resident' as const, action: 'read' as const, subjectBsn: r.bsn, detail: `named as ${r.relation} in the BRP record of the subject` })),
  );
  return { resident, access: { basis: grant.legalBasis, breakGlass: grant.breakGlass } };
}

/**
 * The household around a resident: who lives at the address and the close relatives. Members
 * are shown with identifying data only (name, birth date, relation); opening a member is a read
 * of its own under the policy. Every member shown gets an audit record of its own.
 */
export async function readHousehold(
  services: AccessServices & { brp: BrpClient },
  tx: Tx,
  ctx: AccessContext,
  bsn: string,
): Promise<z.infer<typeof readHouseholdOutputSchema> | null> {
  requireBsn(bsn);
  requirePurpose(ctx);
  const grant = await authorize(services, tx, ctx, { resource: 'household', action: 'read', subjectBsn: bsn });
  let household;
  try {
    household = await loadHousehold(services.brp, bsn, ctx.actor.municipalityCode);
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'not-found') return null;
    throw e;
  }
  const members = household.members.map(({ resident: _full, ...member }) => member);
  await recordAccess(
    services,
    tx,
    ctx,
    grant,
    members.filter((m) => m.bsn && m.bsn !== bsn).map((m) => ({ resource: 'household' as const, action: 'read' as const, subjectBsn: m.bsn, detail: `household member (${m.relation}) of the subject` })),
  );
  return {
    household: { subjectBsn: household.subjectBsn, ...(household.address ? { address: household.address } : {}), members },
    access: { basis: grant.legalBasis, breakGlass: grant.breakGlass },
  };
}

export { notRegistered };
