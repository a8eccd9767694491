import type { Tx } from '@kern/db';
import { invalidInput } from '@kern/kit';
import { z } from 'zod';
import { policyDocumentSchema, type AccessContext } from './contract';
import { insertPolicyVersion, latestPolicyVersion } from './access.repository';
import { authorize, type AccessServices } from './authorize';

export const policyOutputSchema = z.object({
  /** 0 = the policy Kern ships; otherwise the municipality's own version. */
  version: z.number().int(),
  document: z.unknown(),
});

export async function readPolicy(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<z.infer<typeof policyOutputSchema>> {
  await authorize(services, tx, ctx, { resource: 'access-policy', action: 'read' });
  const active = await services.policies.get(tx, ctx.actor.municipalityCode);
  return { version: active.version, document: active.document };
}

export const publishPolicyInputSchema = z.object({ document: z.unknown() });

/**
 * Publishes the municipality's own access policy as a new version. The old versions stay (the
 * audit log's rule ids keep their meaning); an invalid document is refused with its paths.
 */
export async function publishPolicy(services: AccessServices, tx: Tx, ctx: AccessContext, input: z.infer<typeof publishPolicyInputSchema>): Promise<z.infer<typeof policyOutputSchema>> {
  await authorize(services, tx, ctx, { resource: 'access-policy', action: 'create', detail: 'publish new version' });
  const parsed = policyDocumentSchema.safeParse(input.document);
  if (!parsed.success) {
    throw invalidInput(
      { nl: 'Het toegangsbeleid is ongeldig en is niet gepubliceerd.', en: 'The access policy is invalid and was not published.' },
      parsed.error.issues.map((i) => ({ name: `document.${i.path.join('.')}`, reason: i.message })),
    );
  }
  const version = ((await latestPolicyVersion(tx, ctx.actor.municipalityCode))?.version ?? 0) + 1;
  await insertPolicyVersion(tx, ctx.actor.municipalityCode, version, parsed.data, ctx.actor.id);
  services.policies.invalidate(ctx.actor.municipalityCode);
  return { version, document: parsed.data };
}
