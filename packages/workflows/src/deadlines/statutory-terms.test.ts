import { describe, expect, it } from 'vitest';
import { statutoryTermIds, statutoryTermIdSchema, statutoryTerms, suspensionGrounds } from './statutory-terms';

describe('statutoryTerms', () => {
  it('has one entry per id, keyed by its own id', () => {
    expect(Object.keys(statutoryTerms).sort()).toEqual([...statutoryTermIds].sort());
    for (const id of statutoryTermIds) expect(statutoryTerms[id].id).toBe(id);
  });


  it('accepts known ids and rejects unknown ones in the zod schema', () => {
    expect(statutoryTermIdSchema.parse('wmo-onderzoek')).toBe('wmo-onderzoek');
    expect(statutoryTermIdSchema.safeParse('wmo-herbeoordeling').success).toBe(false);
  });

  it.each([
    ['wmo-onderzoek', 6, 'weeks', 'atw'],
    ['wmo-beschikking', 2, 'weeks', 'atw'],
    ['jeugdwet-beschikking', 8, 'weeks', 'atw'],
    ['wgs-eerste-gesprek', 4, 'weeks', 'atw'],
    ['wgs-eerste-gesprek-urgent', 3, 'working-days', 'working-days'],
    ['wgs-beschikking', 8, 'weeks', 'atw'],
    ['wgs-moratorium', 6, 'months', 'maximum-duration'],
    ['fonds-overname', 4, 'weeks', 'atw'],
  ] as const)('%s lasts %i %s, counted as %s', (id, count, unit, counting) => {
    expect(statutoryTerms[id]).toMatchObject({ length: { count, unit }, counting });
  });

  it('lets only the decision terms stop for Awb 4:15, and the Wmo onderzoek only by agreement', () => {
    const groundsOf = (id: (typeof statutoryTermIds)[number]) => {
      const s = statutoryTerms[id].suspension;
      return s.allowed ? [...s.grounds] : [];
    };
    for (const id of ['wmo-beschikking', 'jeugdwet-beschikking', 'wgs-beschikking'] as const) expect(groundsOf(id)).toContain('awb-4:15-aanvulling');
    expect(groundsOf('wmo-onderzoek')).toEqual(['agreed-with-client']);
    for (const id of ['wgs-eerste-gesprek', 'wgs-eerste-gesprek-urgent', 'wgs-moratorium', 'fonds-overname'] as const) expect(statutoryTerms[id].suspension.allowed).toBe(false);
    for (const id of statutoryTermIds) for (const g of groundsOf(id)) expect(suspensionGrounds).toContain(g);
  });

  it('marks only the Wgs decision term as set by the municipality', () => {
    expect(statutoryTermIds.filter((id) => statutoryTerms[id].setByMunicipality)).toEqual(['wgs-beschikking']);
  });
});
