import type { Tx } from '@kern/db';
import type { z } from 'zod';
import type { policyOutputSchema, AccessContext } from './contract';
import { authorize, type AccessServices } from './authorize';


export async function readPolicy(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<z.infer<typeof policyOutputSchema>> {
  await authorize(services, tx, ctx, { resource: 'access-policy', action: 'read' });
  const active = await services.policies.get(tx, ctx.actor.municipalityCode);
  return { version: active.version, document: active.document };
}
