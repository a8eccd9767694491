import type { Tx } from '@kern/db';
import type { AccessContext, DataCategory } from './contract';
import type { HouseholdDecisions } from './household-decisions';

/** Held by grants this module made; not exported, so no other module can write one by hand. */
const minted: unique symbol = Symbol('section grant');

/**
 * What the household view hands a module that fills one of its sections: the members and data
 * categories the policy let this actor see (in full or as a signal), and the view's transaction
 * to read them in (tenant set, RLS applied, audit written by the view). Only grantSections makes
 * one, from the decisions of decideHousehold, so a module is never asked for what was withheld.
 */
export interface SectionGrant {
  readonly [minted]: true;
  readonly tx: Tx;
  readonly municipalityCode: string;
  /** Member BSN -> the categories of this section the actor may see; members with none are absent. */
  readonly members: ReadonlyMap<string, readonly DataCategory[]>;
  readonly today: string;
}

/** The grant for one section: of the members shown, those with one of its categories not withheld. */
export function grantSections(
  tx: Tx,
  ctx: AccessContext,
  decisions: HouseholdDecisions,
  q: { memberBsns: readonly string[]; categories: readonly DataCategory[]; today: string },
): SectionGrant {
  const members = new Map<string, DataCategory[]>();
  for (const bsn of q.memberBsns) {
    const shown = (decisions.members.get(bsn) ?? []).filter((d) => d.state !== 'withheld' && q.categories.includes(d.category)).map((d) => d.category);
    if (shown.length > 0) members.set(bsn, shown);
  }
  return { [minted]: true, tx, municipalityCode: ctx.actor.municipalityCode, members, today: q.today };
}
