/**
 * The one CSV writer and reader of Kern (RFC 4180 with `,` or `;`). Browser-safe: no node:*
 * import, so the web app may use it as well as the server.
 */

/**
 * A cell as the caller has it. The JavaScript type of the value is the column's type:
 * - `number` / `bigint`: written as the number (amounts in cents, counts). A negative amount such as
 *   -1250 must stay a number a spreadsheet adds up, so numbers are never neutralised. A number
 *   cannot carry a formula: its text is only digits, a sign, a point and an exponent.
 * - `string`: text. Text comes from people and providers (a reference, a name, a reason), so a
 *   leading `=`, `+`, `-`, `@`, tab or CR is neutralised (below), whatever the column. A column of
 *   amounts must therefore pass numbers, not `String(cents)`.
 * - `boolean`: `true` / `false`; `null` / `undefined`: an empty cell; a list: its items joined by a space.
 */
export type CsvCell = string | number | bigint | boolean | null | undefined | readonly string[];

export interface CsvFormat {
  /** `;` for Dutch spreadsheets and financial systems, `,` (the default) elsewhere. */
  separator?: ',' | ';';
  /** `\r\n` is RFC 4180's; `\n` (the default) is what most of Kern's files have always used. */
  lineEnd?: '\n' | '\r\n';
}

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection: a provider's
 * reference `=cmd|'/C calc'!A33`). Tab and CR are on the list because some spreadsheets strip them
 * and then read the formula behind them. OWASP's advice: prefix such text with a single quote, which
 * makes the spreadsheet show it as text; the reader of the file still sees every character.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return neutraliseFormula(value);
  return neutraliseFormula(value.join(' '));
}

/** One cell, neutralised and quoted when it holds the separator, a quote or a line break. */
export function csvCell(value: CsvCell, separator: ',' | ';' = ','): string {
  const text = cellText(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header line, then one line per row; every line ends with the line end. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, format: CsvFormat = {}): string {
  const separator = format.separator ?? ',';
  const lineEnd = format.lineEnd ?? '\n';
  const lines = [header.map((h) => csvCell(h, separator)).join(separator)];
  for (const row of rows) lines.push(row.map((c) => csvCell(c, separator)).join(separator));
  return `${lines.join(lineEnd)}${lineEnd}`;
}

/** Rows of objects, in the order of `columns` (which is also the header). */
export function writeCsvObjects<T extends Record<string, CsvCell>>(rows: readonly T[], columns: readonly (keyof T & string)[], format: CsvFormat = {}): string {
  return writeCsv(columns, rows.map((r) => columns.map((c) => r[c])), format);
}

export interface CsvRecord {
  /** The line of the file (1-based) the record starts on, so a report can name it. */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  separator: ',' | ';';
  records: CsvRecord[];
  /** Set when a quoted cell is never closed: the file is broken from that line on. */
  unterminatedQuoteAt?: number;
}

export interface CsvReadOptions {
  /** When not given: `;` if the first non-empty line holds one, else `,`. */
  separator?: ',' | ';';
  /** Blank lines are skipped (default) or kept as a record of one empty cell. */
  keepBlankLines?: boolean;
}

/**
 * Reads CSV as spreadsheets and creditors write it: a BOM is dropped, lines end in LF or CRLF, a
 * quoted cell may hold the separator, `""` and line breaks. A quote inside an unquoted cell is
 * kept as a character (files in the wild have them). Cells are returned as they are (no trimming):
 * what a cell means is the caller's business.
 */
export function parseCsv(text: string, options: CsvReadOptions = {}): ParsedCsv {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const separator = options.separator ?? detectSeparator(input);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let cellStart = true;
  let touched = false;
  const endRecord = () => {
    cells.push(cell);
    const blank = cells.length === 1 && cells[0] === '' && !touched;
    if (!blank || options.keepBlankLines) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    cellStart = true;
    touched = false;
  };
  let quoteOpenedAt = 0;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cellStart) { quoted = true; cellStart = false; touched = true; quoteOpenedAt = line; continue; }
    if (ch === separator) { cells.push(cell); cell = ''; cellStart = true; touched = true; continue; }
    if (ch === '\n' || (ch === '\r' && input[i + 1] === '\n')) {
      if (ch === '\r') i++;
      endRecord();
      line++;
      recordLine = line;
      continue;
    }
    cell += ch;
    cellStart = false;
    touched = true;
  }
  if (quoted) {
    endRecord();
    return { separator, records, unterminatedQuoteAt: quoteOpenedAt };
  }
  if (cell !== '' || cells.length > 0 || touched) endRecord();
  return { separator, records };
}

function detectSeparator(text: string): ',' | ';' {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return first.includes(';') ? ';' : ',';
}
