import type { Tx } from '@kern/db';
import { policyDocumentSchema, type PolicyDocument } from './contract';
import { latestPolicyVersion } from './access.repository';
import { defaultPolicy } from './default-policy';

export interface ActivePolicy {
  document: PolicyDocument;
  /** 0 = the shipped default, otherwise the municipality's own version. */
  version: number;
}

/**
 * Compiled policies per municipality, cached briefly: the decision runs on every read, the
 * policy changes a few times a year. Publishing a version invalidates the local cache at once;
 * other server instances pick it up within `ttlMs`.
 */
export class PolicyStore {
  private readonly cache = new Map<string, { policy: ActivePolicy; loadedAt: number }>();
  constructor(private readonly ttlMs = 10_000) {}

  async get(tx: Tx, municipalityCode: string): Promise<ActivePolicy> {
    const hit = this.cache.get(municipalityCode);
    if (hit && Date.now() - hit.loadedAt < this.ttlMs) return hit.policy;
    const stored = await latestPolicyVersion(tx, municipalityCode);
    const policy: ActivePolicy = stored
      ? { document: policyDocumentSchema.parse(stored.document), version: stored.version }
      : { document: defaultPolicy, version: 0 };
    this.cache.set(municipalityCode, { policy, loadedAt: Date.now() });
    return policy;
  }

  invalidate(municipalityCode: string): void {
    this.cache.delete(municipalityCode);
  }
}
