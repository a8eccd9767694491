import type { Tx } from '@kern/db';
import { DomainError, invalidInput, isValidBsn, newId } from '@kern/kit';
import { z } from 'zod';
import type { AccessContext } from './contract';
import { insertBreakGlassGrant } from './access.repository';
import { auditEntryFor, type AccessServices } from './authorize';
import { appendAuditEntries } from './audit.repository';
import { requirePurpose } from './http-context';

export const breakGlassInputSchema = z.object({
  reason: z.string().trim().min(1).max(2000),
});
export const breakGlassOutputSchema = z.object({
  grant: z.object({ id: z.string().uuid(), expiresAt: z.string() }),
});

/**
 * Break the glass: access to one resident outside the policy, for a limited time, only with a
 * written reason. The grant itself and every read under it are flagged for the auditor.
 */
export async function requestBreakGlass(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  subjectBsn: string,
  input: z.infer<typeof breakGlassInputSchema>,
): Promise<z.infer<typeof breakGlassOutputSchema>> {
  const purpose = requirePurpose(ctx);
  if (!isValidBsn(subjectBsn)) throw invalidInput({ nl: 'Dit is geen geldig BSN.', en: 'This is not a valid BSN.' }, [{ name: 'bsn', reason: '11-test fails' }]);
  const { document } = await services.policies.get(tx, ctx.actor.municipalityCode);
  if (!document.breakGlass.roles.some((r) => ctx.actor.roles.includes(r))) {
    throw new DomainError('forbidden', {
      nl: 'Uw rol mag het glas niet doorbreken.',
      en: 'Your role may not break the glass.',
    });
  }
  if (input.reason.length < document.breakGlass.minReasonLength) {
    throw invalidInput(
      {
        nl: `Schrijf een reden van minstens ${document.breakGlass.minReasonLength} tekens: waarom is inzage nu nodig?`,
        en: `Write a reason of at least ${document.breakGlass.minReasonLength} characters: why is access needed now?`,
      },
      [{ name: 'reason', reason: `at least ${document.breakGlass.minReasonLength} characters` }],
    );
  }
  const now = services.clock.now();
  const grant = {
    id: newId(),
    municipalityCode: ctx.actor.municipalityCode,
    accountId: ctx.actor.id,
    subjectBsn,
    purpose,
    reason: input.reason,
    grantedAt: now,
    expiresAt: new Date(now.getTime() + document.breakGlass.minutes * 60_000),
  };
  await insertBreakGlassGrant(tx, grant);
  await appendAuditEntries(tx, ctx.actor.municipalityCode, now, [
    auditEntryFor(
      ctx,
      { resource: 'resident', action: 'break-glass', subjectBsn, detail: `reason: ${input.reason}` },
      { allowed: true, reason: 'break-the-glass grant', legalBasis: 'Doorbreekglas', relation: 'break-glass' },
    ),
  ]);
  return { grant: { id: grant.id, expiresAt: grant.expiresAt.toISOString() } };
}
