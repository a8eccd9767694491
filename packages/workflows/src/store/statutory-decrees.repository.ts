import { sql, type AnyDb, type Tx } from '@kern/db';
import type { EquatingDecree } from '../contract/termijnen.schema';

/** A decree as the operator added it, with who and when. */
export interface AddedDecree {
  decree: EquatingDecree;
  addedAt: string;
  addedBy: string;
  /** The municipality whose session added it; null from the console. */
  addedIn: string | null;
}

interface Row {
  id: string;
  title: string;
  published_on: string | null;
  publication: string | null;
  source_note: string | null;
  covers_from: string;
  covers_until: string;
  days: string[];
  added_at: Date | string;
  added_by: string;
  added_in: string | null;
}

// Dates as text: a calendar day without time zone, whichever driver reads it.
const columns = sql`id, title, published_on::text as published_on, publication, source_note, covers_from::text as covers_from,
  covers_until::text as covers_until, days::text[] as days, added_at, added_by, added_in`;

export async function findAddedDecrees(tx: Tx | AnyDb): Promise<AddedDecree[]> {
  const r = await sql<Row>`select ${columns} from statutory_decrees order by covers_from`.execute(tx);
  return r.rows.map((row) => ({
    decree: {
      id: row.id,
      title: row.title,
      publishedOn: row.published_on,
      publication: row.publication,
      sourceNote: row.source_note,
      coversFrom: row.covers_from,
      coversUntil: row.covers_until,
      days: [...row.days].sort(),
    },
    addedAt: new Date(row.added_at).toISOString(),
    addedBy: row.added_by,
    addedIn: row.added_in,
  }));
}

export async function insertAddedDecree(tx: Tx, a: { decree: EquatingDecree; at: Date; addedBy: string; addedIn: string | null }): Promise<void> {
  const d = a.decree;
  await sql`insert into statutory_decrees (id, title, published_on, publication, source_note, covers_from, covers_until, days, added_at, added_by, added_in)
    values (${d.id}, ${d.title}, ${d.publishedOn}, ${d.publication}, ${d.sourceNote}, ${d.coversFrom}, ${d.coversUntil}, ${`{${d.days.join(',')}}`}::date[],
      ${a.at.toISOString()}, ${a.addedBy}, ${a.addedIn})`.execute(tx);
}
