import type { Grant } from '@kern/access';
import type { Tx } from '@kern/db';
import { findCoveringContract, findProviderByAgb, findProviderNames, type ContractMatch, type ContractQuery, type ProviderFact } from './contracting.repository';

// Facts of contracting that other modules need (provisions' allocations): which contract covers
// a provider's product on a day, and who a provider is. Only this package names the contracting
// tables; the others ask here.

export type { ContractMatch, ContractQuery, ProviderFact } from './contracting.repository';

export interface ContractFacts {
  /**
   * The provider's contract of the law valid that day with a contracted product of the category
   * (and the product, if one is named) valid that day: the contracted product itself before a
   * whole-category line, then the newest contract. Null when none covers it.
   */
  contractFor(q: ContractQuery): Promise<ContractMatch | null>;
  /** The municipality's care provider with this AGB code, or undefined. */
  providerByAgb(agbCode: string): Promise<ProviderFact | undefined>;
}

/**
 * Contract facts for a use case of another module, answered under that use case's own access
 * decision: the caller passes the grant it holds (for an allocation, a resident's allocation),
 * so contracting makes no decision of its own and a caller without one cannot ask. Runs in the
 * caller's transaction and tenant (row-level security keeps it to that municipality).
 */
export function contractFacts(tx: Tx, grant: Grant): ContractFacts {
  // The grant is the caller's proof of its decision; the facts hold no personal data of their own.
  void grant;
  return {
    contractFor: (q) => findCoveringContract(tx, q),
    providerByAgb: (agbCode) => findProviderByAgb(tx, agbCode),
  };
}

/**
 * Care providers' names by id (the AGB register is public: organisations, no personal data), for
 * the reads other modules answer without a grant of their own (a resident's allocations in the
 * household view). Ids without a provider in the municipality are left out.
 */
export function providerNames(tx: Tx, providerIds: readonly string[]): Promise<Map<string, string>> {
  return findProviderNames(tx, providerIds);
}
