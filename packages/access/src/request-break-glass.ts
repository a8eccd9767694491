import type { Tx } from '@kern/db';
import { DomainError, invalidInput, isValidBsn, newId } from '@kern/kit';
import type { z } from 'zod';
import type { breakGlassInputSchema, breakGlassOutputSchema, AccessContext } from './contract';
import { insertBreakGlassGrant } from './access.repository';
import { auditEntryFor, type AccessServices } from './authorize';
import { appendAuditEntries } from './audit.repository';
import { requirePurpose } from './http-context';
import { breakGlassPurposes, distinctWords } from './policy-invariants';


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
  // Within one's own law: the purpose must be one the role works under, or one a cross-law
  // emergency rule of the policy names for it.
  if (!breakGlassPurposes(document, ctx.actor.roles).has(purpose)) {
    throw new DomainError('forbidden', {
      nl: `U mag het glas alleen doorbreken onder de wet waaronder uw rol werkt; het beleid kent geen noodregel voor doel ${purpose}.`,
      en: `You may break the glass only under the law your role works under; the policy has no cross-law emergency rule for purpose ${purpose}.`,
    });
  }
  const { minReasonLength, minReasonWords } = document.breakGlass;
  if (input.reason.length < minReasonLength || distinctWords(input.reason) < minReasonWords) {
    throw invalidInput(
      {
        nl: `Schrijf een reden van minstens ${minReasonLength} tekens en ${minReasonWords} verschillende woorden: waarom is inzage nu nodig?`,
        en: `Write a reason of at least ${minReasonLength} characters and ${minReasonWords} different words: why is access needed now?`,
      },
      [{ name: 'reason', reason: `at least ${minReasonLength} characters and ${minReasonWords} different words` }],
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
