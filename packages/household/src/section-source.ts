import type { DataCategory } from '@kern/access';
import type { Tx } from '@kern/db';
import type { SectionItem, SectionKind, TimelineEventKind } from './contract';

/** What a source may read: only these members, only these categories (already decided by the policy). */
export interface SourceQuery {
  municipalityCode: string;
  /** Member BSN -> the categories of this source the actor may see, in full or as a signal. */
  wanted: Map<string, DataCategory[]>;
  today: string;
}

/** One item a source returns, placed in the member's section for its category. */
export interface SourcedItem extends SectionItem {
  memberBsn: string;
  category: DataCategory;
  /** Events for the timeline (shown only where the section is shown in full). */
  events: { date: string; event: TimelineEventKind; label: string }[];
}

/**
 * The seam between the household view and the modules that know things about a member. A source
 * names its section kind and the data categories it can fill, and loads the items for the members
 * and categories it is asked for. It is never asked for what the policy withholds, so it cannot
 * leak it; the household view filters its answer against the decisions again all the same.
 * Sources run inside the view's transaction (tenant set, RLS applied).
 */
export interface SectionSource {
  kind: SectionKind;
  categories: readonly DataCategory[];
  load(tx: Tx, q: SourceQuery): Promise<SourcedItem[]>;
}
