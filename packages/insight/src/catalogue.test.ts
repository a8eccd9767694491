import { describe, expect, it } from 'vitest';
import { coreCatalogue, parseCatalogue, validateLocalIndicator } from './catalogue';

describe('the indicator catalogue', () => {
  it('holds a core set of 20 on all four levels, with Dutch and English explanations', () => {
    const core = coreCatalogue().indicators;
    expect(core).toHaveLength(20);
    expect(new Set(core.map((i) => i.level))).toEqual(new Set(['outcome', 'output', 'throughput', 'resources']));
    for (const id of ['zrm-improved-6m', 'zrm-improved-12m', 'ladder-steps-up', 'plan-goals-reached', 'return-within-12m', 'wmo-onderzoek-in-time', 'wmo-beschikking-in-time',
      'wgs-first-conversation-in-time', 'invoices-approved-first-time', 'cost-per-client', 'clients-per-1000']) {
      expect(core.map((i) => i.id)).toContain(id);
    }
  });

  it('refuses a duplicate id and names the path', () => {
    const one = '{ id: cases-started, version: 1, level: output, unit: count, better: neutral, title: { nl: abc, en: abc }, explanation: { nl: abc, en: abc }, measure: { kind: count, event: { type: case.started } } }';
    expect(() => parseCatalogue(`name: x\nindicators:\n  - ${one}\n  - ${one}\n`)).toThrow(/indicators\.1\.id: duplicate/);
  });

  it('accepts a local indicator and refuses one with a bad event type or without the local- prefix', () => {
    const ok = { id: 'local-buurtcafe', version: 1, level: 'output', unit: 'count', better: 'neutral', title: { nl: 'Buurtcafé', en: 'Café' }, explanation: { nl: 'Bezoeken', en: 'Visits' },
      measure: { kind: 'count', event: { type: 'offering.participant-joined', where: { offering: 'cafe' } } } };
    expect(validateLocalIndicator(ok).id).toBe('local-buurtcafe');
    expect(() => validateLocalIndicator({ ...ok, measure: { kind: 'count', event: { type: "x'; drop table" } } })).toThrow(/invalid/);
    expect(() => validateLocalIndicator({ ...ok, id: 'buurtcafe' })).toThrow(/local-/);
  });
});
