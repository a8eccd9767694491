/**
 * Reads the GBA-V test set CSV (LO GBA element numbers as column headers) into persoonslijsten
 * holding only the *current* record of every occurrence of every category. History is dropped on
 * purpose: the BRP API only ever answers with current data.
 *
 * How a record is classified (verified against the data: 4767 of 4792 category sequences follow
 * it exactly, the rest are truncated sequences that the rule still reads sensibly):
 * the `<cat>.H` column of a record tells what the *next* record of that category is:
 *   `5x` (e.g. 58)  -> the next record is history of this occurrence: skip it;
 *   `0x` (e.g. 09)  -> the next record is a new occurrence (another child, partner, nationality);
 *   empty           -> no more records follow; anything that does is treated as history.
 */
import { parseCsv } from '@kern/kit';

/** One current record: element number within the category ("02.40" = geslachtsnaam) -> value. */
export type GbaRecord = ReadonlyMap<string, string>;

export interface Persoonslijst {
  /** The test set's own label (e.g. `Lg01_716`), handy in test failure messages. */
  readonly label: string;
  /** category ("01".."13") -> current record of each occurrence, in file order. */
  readonly categories: ReadonlyMap<string, readonly GbaRecord[]>;
}

interface Column {
  index: number;
  category: string;
  element: string;
}

export function parseGbaCsv(text: string): Persoonslijst[] {
  const rows = parseCsv(text, { separator: ';' }).records.map((r) => r.cells);
  const header = rows[0];
  if (!header) return [];

  const columns: Column[] = [];
  const historyPointer = new Map<string, number>();
  header.forEach((name, index) => {
    const m = /^(\d{2})\.(H|\d{2}\.\d{2})$/.exec(name.trim());
    if (!m?.[1] || !m[2]) return;
    if (m[2] === 'H') historyPointer.set(m[1], index);
    else columns.push({ index, category: m[1], element: m[2] });
  });
  const categories = [...new Set(columns.map((c) => c.category))];

  const blocks: string[][][] = [];
  for (const row of rows.slice(1)) {
    if ((row[0] ?? '').trim() !== '') blocks.push([row]);
    else blocks.at(-1)?.push(row);
  }

  return blocks.map((block) => ({
    label: (block[0]?.[0] ?? '').trim(),
    categories: new Map(categories.map((cat) => [cat, currentRecords(block, cat, columns, historyPointer.get(cat))])),
  }));
}

function currentRecords(
  block: string[][],
  category: string,
  columns: readonly Column[],
  pointerIndex: number | undefined,
): GbaRecord[] {
  const own = columns.filter((c) => c.category === category);
  const current: GbaRecord[] = [];
  // The first record of a category is always current.
  let nextIsNewOccurrence = true;
  for (const row of block) {
    const record = new Map<string, string>();
    for (const c of own) {
      const value = (row[c.index] ?? '').trim();
      // The header repeats 06.88.10; the first non-empty value wins.
      if (value !== '' && !record.has(c.element)) record.set(c.element, value);
    }
    if (record.size === 0) continue;
    if (nextIsNewOccurrence) current.push(record);
    const pointer = pointerIndex === undefined ? '' : (row[pointerIndex] ?? '').trim();
    nextIsNewOccurrence = pointer.startsWith('0') && pointer !== '';
  }
  return current;
}
