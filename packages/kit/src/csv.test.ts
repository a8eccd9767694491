import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, writeCsv, writeCsvObjects } from './csv';

describe('writing CSV', () => {
  it('neutralises every text cell a spreadsheet would run as a formula: = + - @ tab CR', () => {
    const attacks = ["=cmd|'/C calc'!A33", '+31 6 1234', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];
    for (const a of attacks) expect(csvCell(a, ';').replace(/^"/, '')).toMatch(/^'/);
    expect(writeCsv(['ref'], [["=cmd|'/C calc'!A33"]], { separator: ';' })).toBe("ref\n'=cmd|'/C calc'!A33\n");
  });

  it('keeps a negative amount passed as a number a number, and neutralises the same text passed as text', () => {
    expect(writeCsv(['bedrag_cent'], [[-1250], ['-1250']])).toBe("bedrag_cent\n-1250\n'-1250\n");
    expect(csvCell(12n)).toBe('12');
  });

  it('quotes the separator, quotes and line breaks, and nothing else', () => {
    expect(csvCell('D;1', ';')).toBe('"D;1"');
    expect(csvCell('D;1', ',')).toBe('D;1');
    expect(csvCell('a,b', ',')).toBe('"a,b"');
    expect(csvCell('zei "nee"')).toBe('"zei ""nee"""');
    expect(csvCell('twee\nregels')).toBe('"twee\nregels"');
    expect(csvCell('Çağlar Şahin')).toBe('Çağlar Şahin');
  });

  it('writes empty cells for null and undefined, true/false, and a list joined by a space', () => {
    expect(writeCsvObjects([{ a: null, b: undefined, c: true, d: ['wmo', 'jeugd'] }], ['a', 'b', 'c', 'd'], { lineEnd: '\r\n' })).toBe('a,b,c,d\r\n,,true,wmo jeugd\r\n');
  });
});

describe('reading CSV', () => {
  it('reads what the writer wrote, cell for cell (round trip)', () => {
    const rows = [['Woonstad; Rotterdam', 'zei "ja"', 'twee\nregels', ''], ['x', 'y', 'z', 'w']];
    const text = writeCsv(['a', 'b', 'c', 'd'], rows, { separator: ';', lineEnd: '\r\n' });
    const parsed = parseCsv(text);
    expect(parsed.separator).toBe(';');
    expect(parsed.records.map((r) => r.cells)).toEqual([['a', 'b', 'c', 'd'], ...rows]);
    // The record after the quoted line break starts on the file's fourth line.
    expect(parsed.records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('drops a BOM, skips blank lines, keeps a quote inside an unquoted cell, and says where a quote is never closed', () => {
    expect(parseCsv('\uFEFFa,b\n\n1,2 "inch"\n').records).toEqual([{ line: 1, cells: ['a', 'b'] }, { line: 3, cells: ['1', '2 "inch"'] }]);
    expect(parseCsv('a;b\n1;"open\n2;3').unterminatedQuoteAt).toBe(2);
    expect(parseCsv('').records).toEqual([]);
    expect(parseCsv('a,b', { separator: ';' }).records[0]?.cells).toEqual(['a,b']);
  });

  it('reads the GBA-V test set the registry ships as csv-parse did (row and cell counts)', () => {
    const text = readFileSync(new URL('../../registry/data/20220502_Testset_persoonslijsten_proefomgeving_GBA-V.csv', import.meta.url), 'utf8');
    const { records, unterminatedQuoteAt } = parseCsv(text, { separator: ';' });
    expect(unterminatedQuoteAt).toBeUndefined();
    expect(records.length).toBeGreaterThan(1000);
    const width = records[0]?.cells.length ?? 0;
    expect(records.every((r) => r.cells.length === width)).toBe(true);
  });
});
