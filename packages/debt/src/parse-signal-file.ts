import { parseCsv } from '@kern/kit';
import { incomingSignalSchema, type IncomingSignal } from './contract/signal.schema';

/**
 * The signal file creditors deliver: CSV with a header line, `;` or `,` separated, one signal a line.
 * Columns: bsn, creditor, sector, kind, arrears_cents, months_in_arrears, signal_date, reference
 * (months_in_arrears, kind and reference may be empty). Amounts are whole eurocents.
 */
export const SIGNAL_FILE_COLUMNS = ['bsn', 'creditor', 'sector', 'kind', 'arrears_cents', 'months_in_arrears', 'signal_date', 'reference'] as const;
const REQUIRED = ['bsn', 'creditor', 'sector', 'arrears_cents', 'signal_date'] as const;

export interface ParsedSignalLine {
  line: number;
  signal?: IncomingSignal;
  reasons?: string[];
}

export interface ParsedSignalFile {
  /** Set when the file as a whole cannot be read (no header, missing columns). */
  fileError?: string;
  lines: ParsedSignalLine[];
}

export const MAX_SIGNAL_LINES = 100_000;

const INTEGER = /^-?\d+$/;

const isBlank = (cells: readonly string[]): boolean => cells.length === 1 && (cells[0] ?? '').trim() === '';

export function parseSignalFile(text: string): ParsedSignalFile {
  // A NUL is no CSV text (a binary file, or one saved as UTF-16): refused whole, never stored.
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { fileError: `line ${text.slice(0, nul).split('\n').length}: the file contains a NUL character (a binary or UTF-16 file?); save it as UTF-8 CSV`, lines: [] };
  const csv = parseCsv(text);
  const records = csv.records.filter((r) => !isBlank(r.cells)).map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }));
  // A quote that is never closed swallows the rest of the file: that record is refused, not read.
  const broken = csv.unterminatedQuoteAt === undefined ? undefined : records.pop();
  const headerRecord = records[0] ?? broken;
  if (!headerRecord) return { fileError: 'the file is empty', lines: [] };
  const header = headerRecord.cells.map((h) => h.toLowerCase());
  const unknown = header.filter((h) => !(SIGNAL_FILE_COLUMNS as readonly string[]).includes(h));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0 || unknown.length > 0 || headerRecord === broken) {
    return { fileError: `line ${headerRecord.line}: the header must name the columns ${SIGNAL_FILE_COLUMNS.join(', ')}${missing.length ? `; missing: ${missing.join(', ')}` : ''}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`, lines: [] };
  }
  if (records.length - 1 > MAX_SIGNAL_LINES) return { fileError: `more than ${MAX_SIGNAL_LINES} lines; split the file`, lines: [] };
  const lines: ParsedSignalLine[] = [];
  for (const { line, cells } of records.slice(1)) {
    if (cells.length !== header.length) {
      lines.push({ line, reasons: [`expected ${header.length} fields, found ${cells.length}`] });
      continue;
    }
    const get = (c: string): string => cells[header.indexOf(c)] ?? '';
    const reasons: string[] = [];
    const int = (c: string): number | undefined => {
      const v = get(c);
      if (v === '') return undefined;
      if (!INTEGER.test(v)) { reasons.push(`${c}: "${v}" is not a whole number of cents`); return undefined; }
      return Number(v);
    };
    const arrears = int('arrears_cents');
    const months = int('months_in_arrears');
    if (reasons.length > 0) { lines.push({ line, reasons }); continue; }
    const parsed = incomingSignalSchema.safeParse({
      bsn: get('bsn'),
      creditorName: get('creditor'),
      sector: get('sector'),
      kind: get('kind') === '' ? undefined : get('kind'),
      arrearsCents: arrears,
      monthsInArrears: months,
      signalDate: get('signal_date'),
      externalReference: get('reference') === '' ? undefined : get('reference'),
    });
    if (parsed.success) lines.push({ line, signal: parsed.data });
    else lines.push({ line, reasons: parsed.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`) });
  }
  if (broken) lines.push({ line: broken.line, reasons: ['a quoted field (") is never closed'] });
  if (lines.length === 0) return { fileError: 'the file has a header but no signals', lines: [] };
  return { lines };
}
