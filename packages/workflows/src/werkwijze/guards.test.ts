import { describe, expect, it } from 'vitest';
import { describeGuard, evaluateGuard, guardFields } from './guards';
import { validateFields } from './json-schema-subset';

describe('evaluateGuard', () => {
  it('in: allows a value (or every element of an array) in the list and refuses one outside it', () => {
    const g = { field: 'categorie', in: ['01', '02'] };
    expect(evaluateGuard(g, { categorie: '02' }).ok).toBe(true);
    expect(evaluateGuard(g, { categorie: ['01', '02'] }).ok).toBe(true);
    expect(evaluateGuard(g, { categorie: ['01', '07'] })).toEqual({ ok: false, reason: expect.objectContaining({ en: 'field categorie is ["01","07"], must be one of "01", "02"' }) });
    expect(evaluateGuard(g, {}).ok).toBe(false);
    expect(evaluateGuard(g, { categorie: [] }).ok).toBe(false);
  });

  it('any: allows when one branch holds and explains every branch when none does', () => {
    const g = { any: [{ field: 'urgent', equals: true }, { field: 'planAgreed', present: true }] };
    expect(evaluateGuard(g, { planAgreed: 'ja' }).ok).toBe(true);
    const r = evaluateGuard(g, { urgent: false });
    expect(r).toEqual({ ok: false, reason: { nl: expect.stringContaining('geen van deze geldt'), en: 'none of these holds: field urgent is false, must be true; field planAgreed must be filled in' } });
  });

  it('present: false holds for a missing, empty or empty-list value only', () => {
    const g = { field: 'opmerking', present: false };
    expect(evaluateGuard(g, {}).ok).toBe(true);
    expect(evaluateGuard(g, { opmerking: '' }).ok).toBe(true);
    expect(evaluateGuard(g, { opmerking: 'x' }).ok).toBe(false);
  });

  it('lists the fields a guard reads and renders it readably', () => {
    const g = { all: [{ field: 'a', equals: 1 }, { not: { any: [{ field: 'b', in: ['x'] }, { field: 'c', present: true }] } }] };
    expect(guardFields(g)).toEqual(['a', 'b', 'c']);
    expect(describeGuard(g, 'en')).toBe('(a = 1 and not (b in ["x"] or c present))');
    expect(describeGuard(g, 'nl')).toBe('(a = 1 en niet (b in ["x"] of c ingevuld))');
  });
});

describe('validateFields (JSON Schema subset)', () => {
  const schema = {
    type: 'object' as const,
    properties: {
      naam: { type: 'string' as const, minLength: 2 },
      uren: { type: 'integer' as const, minimum: 0, maximum: 40 },
      soort: { type: 'string' as const, enum: ['a', 'b'] },
      datum: { type: 'string' as const, format: 'date' as const },
      lijst: { type: 'array' as const, items: { type: 'number' as const } },
      adres: { type: 'object' as const, properties: { postcode: { type: 'string' as const } }, required: ['postcode'] },
    },
    required: ['naam'],
  };

  it('accepts valid fields and ignores fields of other steps', () => {
    expect(validateFields(schema, { naam: 'Jo', uren: 40, soort: 'a', datum: '2026-02-28', lijst: [1.5], adres: { postcode: '1234AB' }, andere: true })).toEqual([]);
  });

  it('refuses each broken keyword with the field path', () => {
    const errors = validateFields(schema, { naam: 'J', uren: 41.5, soort: 'c', datum: '2026-13-01', lijst: ['x'], adres: {} });
    expect(errors.map((e) => e.path)).toEqual(['naam', 'uren', 'soort', 'datum', 'lijst[0]', 'adres.postcode']);
    expect(validateFields(schema, { uren: 50 }).map((e) => e.message.en)).toEqual(['naam is required.', 'uren must be at most 40.']);
  });
});
