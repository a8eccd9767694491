import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { conflict, invalidInput, newId } from '@kern/kit';
import { checkProvider, summarise } from './contracting-rules';
import { insertProvider, isUniqueViolation, providerWithAgbExists } from './contracting.repository';
import type { Provider, ProviderInput } from './contract/contracting.schema';

/** Registers a care provider the municipality works with, by its AGB code (one per code per municipality). */
export async function registerProvider(services: AccessServices, tx: Tx, ctx: AccessContext, input: ProviderInput): Promise<Provider> {
  await authorize(services, tx, ctx, { resource: 'contracting', action: 'create', detail: `care provider AGB ${input.agbCode}` });
  const provider = { agbCode: input.agbCode, name: input.name.trim(), kvkNumber: input.kvkNumber ?? null, contact: input.contact?.trim() || null };
  const findings = checkProvider(provider);
  if (findings.length > 0) throw invalidInput(summarise(findings), findings.map(({ name, reason }) => ({ name, reason })));
  const duplicate = () => conflict({ nl: `Zorgaanbieder met AGB-code ${provider.agbCode} staat al geregistreerd.`, en: `A care provider with AGB code ${provider.agbCode} is already registered.` });
  if (await providerWithAgbExists(tx, provider.agbCode)) throw duplicate();
  const id = newId();
  try {
    await insertProvider(tx, { id, municipalityCode: ctx.actor.municipalityCode, ...provider, createdAt: services.clock.now().toISOString() });
  } catch (e) {
    throw isUniqueViolation(e) ? duplicate() : e;
  }
  return { id, ...provider, contractCount: 0 };
}
