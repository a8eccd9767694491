import { describe, expect, it } from 'vitest';
import { parseSignalFile } from './parse-signal-file';

const header = 'bsn;creditor;sector;kind;arrears_cents;months_in_arrears;signal_date;reference';

describe('the signal file (CSV)', () => {
  it('reads semicolon or comma separated lines, with quoted fields and empty optional columns', () => {
    const r = parseSignalFile(`${header}\n999993653;"Woonstad; Rotterdam";housing;eviction;184250;3;2026-03-20;W-1\n\n999993872;Evides;water;;12000;;2026-03-21;\n`);
    expect(r.fileError).toBeUndefined();
    expect(r.lines).toEqual([
      { line: 2, signal: { bsn: '999993653', creditorName: 'Woonstad; Rotterdam', sector: 'housing', kind: 'eviction', arrearsCents: 184_250, monthsInArrears: 3, signalDate: '2026-03-20', externalReference: 'W-1' } },
      { line: 4, signal: { bsn: '999993872', creditorName: 'Evides', sector: 'water', kind: 'arrears', arrearsCents: 12_000, signalDate: '2026-03-21' } },
    ]);
    expect(parseSignalFile('bsn,creditor,sector,arrears_cents,signal_date\n999993653,Eneco,energy,5000,2026-03-01').lines[0]?.signal?.creditorName).toBe('Eneco');
  });

  it('names each bad line and why: negative, fractional or absurd amounts, impossible dates, wrong sectors, missing fields', () => {
    const r = parseSignalFile([
      header,
      '999993653;Eneco;energy;arrears;-500;;2026-03-01;',
      '999993653;Eneco;energy;arrears;12,50;;2026-03-01;',
      '999993653;Eneco;energy;arrears;99999999999;;2026-03-01;',
      '999993653;Eneco;energy;arrears;500;;2026-02-30;',
      '999993653;Eneco;bank;arrears;500;;2026-03-01;',
      '999993653;Eneco;energy;arrears;500',
      '12345;Eneco;energy;arrears;500;;2026-03-01;',
    ].join('\n'));
    expect(r.lines.map((l) => [l.line, l.signal === undefined])).toEqual([[2, true], [3, true], [4, true], [5, true], [6, true], [7, true], [8, true]]);
    expect(r.lines[0]?.reasons?.join()).toMatch(/arrearsCents/);
    expect(r.lines[1]?.reasons?.join()).toMatch(/not a whole number of cents/);
    expect(r.lines[2]?.reasons?.join()).toMatch(/arrearsCents/);
    expect(r.lines[3]?.reasons?.join()).toMatch(/signalDate/);
    expect(r.lines[4]?.reasons?.join()).toMatch(/sector/);
    expect(r.lines[5]?.reasons?.join()).toMatch(/expected 8 fields, found 5/);
    expect(r.lines[6]?.reasons?.join()).toMatch(/bsn/);
  });

  it('refuses a file without the right header, or without any signal', () => {
    expect(parseSignalFile('').fileError).toMatch(/empty/);
    expect(parseSignalFile('naam;bedrag\nx;1').fileError).toMatch(/missing: bsn, creditor, sector, arrears_cents, signal_date/);
    expect(parseSignalFile(`${header}\n`).fileError).toMatch(/no signals/);
    expect(parseSignalFile('%PDF-1.7 binary garbage').fileError).toBeDefined();
  });
});

describe('the signal file read by the shared CSV reader', () => {
  it('reads a quoted creditor name over two lines as one signal, numbered by the line it starts on', () => {
    const r = parseSignalFile(`${header}\n999993653;"Woonstad\nRotterdam";housing;eviction;184250;3;2026-03-20;W-1\n999993872;Evides;water;;12000;;2026-03-21;\n`);
    expect(r.lines.map((l) => [l.line, l.signal?.creditorName])).toEqual([[2, 'Woonstad\nRotterdam'], [4, 'Evides']]);
  });

  it('refuses a line whose quote is never closed instead of reading the rest of the file into it', () => {
    const r = parseSignalFile(`${header}\n999993872;Evides;water;;12000;;2026-03-21;\n999993653;"Woonstad;housing;eviction;184250;3;2026-03-20;W-1\n`);
    expect(r.lines.map((l) => [l.line, l.signal === undefined])).toEqual([[2, false], [3, true]]);
    expect(r.lines[1]?.reasons?.join()).toMatch(/never closed/);
  });
});

describe('a signal file with a NUL', () => {
  it('is refused whole with the line of the NUL (a binary or UTF-16 file), never read line by line', () => {
    const r = parseSignalFile(`${header}\n999993653;Evides;water;;12000;;2026-03-21;\n999993872;Evi\u0000des;water;;12000;;2026-03-21;`);
    expect(r.fileError).toMatch(/^line 3: the file contains a NUL character/);
    expect(r.lines).toEqual([]);
  });
});
