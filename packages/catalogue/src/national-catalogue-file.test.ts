import { describe, expect, it } from 'vitest';
import { categoryBelongsTo } from './catalogue-rules';
import { readNationalCatalogue } from './load-national-catalogue';

// The shipped data file (data/README.md says where each part comes from and what was chosen).
const data = readNationalCatalogue();

describe('the shipped national catalogue file', () => {
  it('holds WMO020 01-18 and JZ020 31-38 and 40-55, each with a validity', () => {
    const codes = (standard: string) => data.categories.filter((c) => c.standard === standard).map((c) => c.code);
    expect(codes('iwmo')).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(codes('ijw')).toEqual(['31', '32', '33', '34', '35', '36', '37', '38', ...Array.from({ length: 16 }, (_, i) => String(40 + i))]);
    for (const c of data.categories) expect(categoryBelongsTo(c.standard, c.code)).toBe(true);
    expect(data.categories.find((c) => c.standard === 'ijw' && c.code === '55')?.name).toBe('Landelijk ingekochte zorg');
  });

  it('holds the iJw national codes of the source list except the 102 P5 codes without a category, each in an existing category', () => {
    expect(data.products).toHaveLength(887 - 102);
    const categories = new Set(data.categories.filter((c) => c.standard === 'ijw').map((c) => c.code));
    for (const p of data.products) {
      expect(p.standard).toBe('ijw');
      expect(categories.has(p.category), p.code).toBe(true);
      expect(p.code.startsWith(p.category) || (p.code.startsWith('L0') && p.category === '55'), p.code).toBe(true);
    }
    expect(new Set(data.products.map((p) => p.code)).size).toBe(data.products.length);
    expect(data.products.some((p) => p.code.startsWith('P5'))).toBe(false);
  });
});
