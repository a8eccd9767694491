import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import { isoDay, type Tx } from '@kern/db';
import { findExpiredMappings, findMappedTwice, findUnmapped } from './catalogue.repository';
import type { LocalProduct, MappingReport } from './contract/catalogue.schema';

/**
 * What in the municipality's catalogue needs attention on a day (today by default):
 * - unmapped: local products valid that day, in a category that has national codes, with none
 *   (Wmo categories have no national list, so a Wmo product mapped onto its category is mapped);
 * - mapped twice: national codes that several local codes valid that day stand for;
 * - expired: local products valid that day whose national code or category is no longer valid.
 */
export async function readMappingReport(services: AccessServices, tx: Tx, ctx: AccessContext, q: { on?: string | undefined } = {}): Promise<MappingReport> {
  await authorize(services, tx, ctx, { resource: 'catalogue', action: 'read', detail: 'mapping report' });
  const on = q.on ?? isoDay(services.clock.now());
  const twice = await findMappedTwice(tx, on);
  const groups = new Map<string, { standard: LocalProduct['standard']; nationalCode: string; localProducts: LocalProduct[] }>();
  for (const p of twice) {
    if (!p.nationalCode) continue;
    const key = `${p.standard}/${p.nationalCode}`;
    const g = groups.get(key) ?? { standard: p.standard, nationalCode: p.nationalCode, localProducts: [] };
    g.localProducts.push(p);
    groups.set(key, g);
  }
  return { on, unmapped: await findUnmapped(tx, on), mappedTwice: [...groups.values()], expired: await findExpiredMappings(tx, on) };
}
