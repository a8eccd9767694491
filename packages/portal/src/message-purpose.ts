import { AccessDenied, decideHousehold, type AccessContext, type AccessServices, type Purpose } from '@kern/access';
import type { Tx } from '@kern/db';
import type { Topic } from './contract';

/**
 * What a citizen's topic is about in the law's terms: debts go to debt help (Wgs), care to the
 * Wmo, and so on. Housing and "something else" belong to no one law: integral coordination.
 */
export const topicPurpose: Record<Topic, Purpose> = {
  care: 'wmo',
  youth: 'jeugdwet',
  'work-income': 'participatiewet',
  debts: 'wgs',
  housing: 'integraal',
  other: 'integraal',
};

/** The topic a staff answer is filed under: the one of the purpose they work under. */
export const purposeTopic: Record<Purpose, Topic> = {
  wmo: 'care',
  jeugdwet: 'youth',
  participatiewet: 'work-income',
  wgs: 'debts',
  integraal: 'other',
};

const lawPurposes = ['wmo', 'jeugdwet', 'participatiewet', 'wgs'] as const;

/**
 * The purposes whose messages a staff member sees in a resident's thread. A law's worker sees
 * the messages of the purpose they work under. The coordinator (integral purpose) sees the
 * integral ones, and a law's messages only where the policy shows them that law's household
 * section in full (for income and debts: with the resident's consent), exactly as the household
 * view decides its sections.
 */
export async function visibleMessagePurposes(services: AccessServices, tx: Tx, ctx: AccessContext & { purpose: Purpose }, bsn: string): Promise<Purpose[]> {
  if (ctx.purpose !== 'integraal') return [ctx.purpose];
  try {
    const { members } = await decideHousehold(services, tx, ctx, { subjectBsn: bsn, memberBsns: [], categories: lawPurposes });
    const full = (members.get(bsn) ?? []).filter((d) => d.state === 'full').map((d) => d.category);
    return ['integraal', ...lawPurposes.filter((p) => full.includes(p))];
  } catch (e) {
    // No household relation (e.g. a case under the integral purpose, not coordination): the
    // integral messages only. decideHousehold wrote nothing, so the transaction goes on.
    if (e instanceof AccessDenied) return ['integraal'];
    throw e;
  }
}
