/**
 * Turning raw GBA element values into the API's value shapes: dates with unknown parts, and coded
 * values (Waardetabel) with their description. The tables live in `../data/` as data files so that
 * a correction is a data change, not a code change.
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from '@kern/kit';
import type { AbstractDatum, Waardetabel } from './haal-centraal.schema';

export const dataFile = (name: string): URL => new URL(`../data/${name}`, import.meta.url);

const MONTHS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
] as const;

/**
 * GBA dates are `YYYYMMDD` where `00` means "unknown": the API spells each degree of
 * knowledge as its own type, with a Dutch long form (`langFormaat`) for display.
 */
export function gbaDate(value: string | undefined): AbstractDatum | undefined {
  if (value === undefined || !/^\d{8}$/.test(value)) return undefined;
  const jaar = Number(value.slice(0, 4));
  const maand = Number(value.slice(4, 6));
  const dag = Number(value.slice(6, 8));
  if (jaar === 0) return { type: 'DatumOnbekend', onbekend: true, langFormaat: 'onbekend' };
  if (maand === 0 || maand > 12) return { type: 'JaarDatum', jaar, langFormaat: String(jaar) };
  const maandNaam = MONTHS[maand - 1] ?? '';
  // The test set holds a few impossible days (19821291, 19480538): keep what is credible, year and month.
  const daysInMonth = new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
  if (dag === 0 || dag > daysInMonth) return { type: 'JaarMaandDatum', jaar, maand, langFormaat: `${maandNaam} ${jaar}` };
  return {
    type: 'Datum',
    datum: `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`,
    langFormaat: `${dag} ${maandNaam} ${jaar}`,
  };
}

/** ISO date, or as much of it as is known (`1985-12`, `1985`), or undefined when unknown. */
export function datumToIsoOrPartial(datum: AbstractDatum | undefined): string | undefined {
  if (!datum) return undefined;
  switch (datum.type) {
    case 'Datum':
      return datum.datum;
    case 'JaarMaandDatum':
      return `${String(datum.jaar).padStart(4, '0')}-${String(datum.maand).padStart(2, '0')}`;
    case 'JaarDatum':
      return String(datum.jaar).padStart(4, '0');
    case 'DatumOnbekend':
      return undefined;
  }
}

export type TableName =
  | 'Geslacht'
  | 'Soort_Verbintenis'
  | 'Naamgebruik'
  | 'Reden_Opschorting_Bijhouding'
  | 'Functie_Adres'
  | 'Aanduiding_Bij_Huisnummer'
  | 'Gemeente'
  | 'Land';

let tables: Map<string, Map<string, string>> | undefined;

function loadTables(): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  const put = (table: string, code: string, omschrijving: string): void => {
    const t = result.get(table) ?? new Map<string, string>();
    t.set(code, omschrijving);
    result.set(table, t);
  };
  for (const { cells } of parseCsv(readFileSync(dataFile('tabelwaarden.csv'), 'utf8'), { separator: ',' }).records.slice(1)) {
    const [table, code, ...rest] = cells;
    if (table && code) put(table, code, rest.join(','));
  }
  for (const { cells } of parseCsv(readFileSync(dataFile('gemeenten.csv'), 'utf8'), { separator: ';' }).records.slice(1)) {
    const [code, omschrijving] = cells;
    if (code && omschrijving) put('Gemeente', code, omschrijving);
  }
  // The GBA country table (tabel 34) is not in the reference material; these two cover most of the test set.
  put('Land', '6030', 'Nederland');
  put('Land', '0000', 'Onbekend');
  put('Gemeente', '0000', 'Onbekend');
  return result;
}

/** A coded value with its description when the table knows it (the API allows code alone). */
export function waarde(table: TableName, code: string | undefined): Waardetabel | undefined {
  if (code === undefined || code === '') return undefined;
  tables ??= loadTables();
  const omschrijving = tables.get(table)?.get(code);
  return omschrijving === undefined ? { code } : { code, omschrijving };
}

/**
 * A place of birth, marriage or death: a four-digit municipality code for a Dutch place, or the
 * foreign place's name as free text (which the API returns as omschrijving without a code).
 */
export function plaats(value: string | undefined): Waardetabel | undefined {
  if (value === undefined || value === '') return undefined;
  return /^\d{4}$/.test(value) ? waarde('Gemeente', value) : { omschrijving: value };
}
