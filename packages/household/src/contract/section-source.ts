import type { DataCategory } from '@kern/access/contract';
import type { SectionItem, SectionKind, TimelineEventKind } from './household.schema';

/** One item a source returns, placed in the member's section for its category. */
export interface SourcedItem extends SectionItem {
  memberBsn: string;
  category: DataCategory;
  /** Events for the timeline (shown only where the section is shown in full). */
  events: { date: string; event: TimelineEventKind; label: string }[];
}

/**
 * The seam between the household view and the modules that know things about a member. A source
 * lives in the module that owns its data, names its section kind and the data categories it can
 * fill, and loads the items under the caller's grant: the members and categories the policy lets
 * the actor see, and the view's transaction to read them in. It is never granted what the policy
 * withholds, so it cannot leak it; the household view filters its answer against the decisions
 * again all the same. The grant type (`SectionGrant` of @kern/access) is a parameter so this
 * contract stays browser-safe; `SectionSource` of @kern/household fills it in.
 */
export interface SectionSourceFor<Grant> {
  kind: SectionKind;
  categories: readonly DataCategory[];
  load(grant: Grant): Promise<SourcedItem[]>;
}
