import { describe, expect, it } from 'vitest';
import { categoryBelongsTo, checkLocalProduct, periodCovers, periodsOverlap, type CategoryRef, type LocalProductDraft, type NationalProductRef } from './catalogue-rules';

const cat45: CategoryRef = { standard: 'ijw', code: '45', validFrom: '2015-01-01', validTo: null };
const code = (c: string, category = '45', validTo: string | null = null, validFrom = '2015-01-01'): NationalProductRef => ({ standard: 'ijw', category, code: c, validFrom, validTo });
const draft = (d: Partial<LocalProductDraft> = {}): LocalProductDraft => ({ standard: 'ijw', localCode: 'JA001', category: '45', nationalCode: '45A04', unit: '04', validFrom: '2026-01-01', validTo: null, ...d });
const params = (d: LocalProductDraft, category: CategoryRef | undefined = cat45, versions = [code('45A04')]) => checkLocalProduct(d, category, versions).map((f) => f.name);

describe('periods', () => {
  it('overlap includes both ends and treats an open end as forever', () => {
    expect(periodsOverlap({ validFrom: '2026-01-01', validTo: '2026-06-30' }, { validFrom: '2026-06-30', validTo: null })).toBe(true);
    expect(periodsOverlap({ validFrom: '2026-01-01', validTo: '2026-06-30' }, { validFrom: '2026-07-01', validTo: null })).toBe(false);
    expect(periodsOverlap({ validFrom: '2026-01-01', validTo: null }, { validFrom: '2020-01-01', validTo: '2025-12-31' })).toBe(false);
    expect(periodsOverlap({ validFrom: '2026-01-01', validTo: null }, { validFrom: '2030-01-01', validTo: null })).toBe(true);
  });
  it('an open-ended period is covered only by an open-ended one', () => {
    expect(periodCovers({ validFrom: '2015-01-01', validTo: null }, { validFrom: '2026-01-01', validTo: null })).toBe(true);
    expect(periodCovers({ validFrom: '2015-01-01', validTo: '2030-12-31' }, { validFrom: '2026-01-01', validTo: null })).toBe(false);
    expect(periodCovers({ validFrom: '2015-01-01', validTo: '2030-12-31' }, { validFrom: '2026-01-01', validTo: '2030-12-31' })).toBe(true);
    expect(periodCovers({ validFrom: '2026-02-01', validTo: null }, { validFrom: '2026-01-01', validTo: '2026-12-31' })).toBe(false);
  });
});

describe('categories per standard', () => {
  it('Wmo owns 01-18; Jeugdwet 31-38 and 40-55', () => {
    expect(['01', '18'].every((c) => categoryBelongsTo('iwmo', c))).toBe(true);
    expect(['00', '19', '31', '45'].some((c) => categoryBelongsTo('iwmo', c))).toBe(false);
    expect(['31', '38', '40', '55'].every((c) => categoryBelongsTo('ijw', c))).toBe(true);
    expect(['30', '39', '56', '01', '4', 'AB'].some((c) => categoryBelongsTo('ijw', c))).toBe(false);
  });
});

describe('a local product', () => {
  it('mapped onto a national code of its category valid the whole period is valid', () => {
    expect(params(draft())).toEqual([]);
  });
  it('without a national code or unit is valid (not yet mapped)', () => {
    expect(params(draft({ nationalCode: null, unit: null }), cat45, [])).toEqual([]);
  });
  it('needs a local code of 1-5 letters or digits', () => {
    expect(params(draft({ localCode: '' }))).toEqual(['localCode']);
    expect(params(draft({ localCode: 'ABCDEF' }))).toEqual(['localCode']);
    expect(params(draft({ localCode: 'A-1' }))).toEqual(['localCode']);
    expect(params(draft({ localCode: 'A' }))).toEqual([]);
  });
  it('needs a WJ756 unit', () => {
    expect(params(draft({ unit: '02' }))).toEqual(['unit']);
    for (const unit of ['01', '04', '14', '16', '82', '83', '84']) expect(params(draft({ unit }))).toEqual([]);
  });
  it('needs an existing category of its own standard, valid the whole period', () => {
    expect(checkLocalProduct(draft(), undefined, [code('45A04')]).map((f) => f.name)).toEqual(['category']);
    expect(params(draft({ standard: 'iwmo', nationalCode: null }), { ...cat45, standard: 'iwmo' }, [])).toEqual(['category']);
    expect(params(draft({ validTo: null }), { ...cat45, validTo: '2026-12-31' })).toEqual(['category']);
  });
  it('needs its national code to exist, belong to its category and be valid the whole period', () => {
    expect(params(draft({ nationalCode: '45X99' }), cat45, [])).toEqual(['nationalCode']);
    expect(params(draft({ nationalCode: '43A01' }), cat45, [code('43A01', '43')])).toEqual(['nationalCode']);
    expect(params(draft(), cat45, [code('45A04', '45', '2026-06-30')])).toEqual(['nationalCode']);
    expect(params(draft({ validTo: '2026-06-30' }), cat45, [code('45A04', '45', '2026-06-30')])).toEqual([]);
    expect(params(draft(), cat45, [code('45A04', '45', null, '2027-01-01')])).toEqual(['nationalCode']);
  });
  it('needs its end on or after its start', () => {
    expect(params(draft({ validTo: '2025-12-31' }))).toContain('validTo');
    expect(params(draft({ validTo: '2026-01-01' }))).toEqual([]);
  });
  it('gives every finding in Dutch and English', () => {
    const findings = checkLocalProduct(draft({ localCode: 'TOOLONG', unit: '99', nationalCode: '45X99' }), undefined, []);
    expect(findings.map((f) => f.name)).toEqual(['localCode', 'unit', 'category', 'nationalCode']);
    for (const f of findings) expect(f.message.nl).not.toEqual(f.message.en);
  });
});
