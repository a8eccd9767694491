import { sql, withSystem } from '@kern/db';
import { refreshAll } from '@kern/insight';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type TestKern } from './testing';

// The modules write domain events in the vocabulary insight reads (docs/insight.md). These tests
// go from a real use case to a computed indicator, so a renamed event or field fails here.
const PARENT = '999991838';
let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern();
});
afterAll(async () => kern?.close());

const daysAgo = (n: number) => new Date(kern.clock.now().getTime() - n * 86_400_000).toISOString().slice(0, 10);

describe('domain events feed the core indicators', () => {
  it('two ZRM assessments eight months apart with a better score count as improvement after 6 months, about a pseudonym', async () => {
    const wmo = await kern.login('rotterdam.wmo');
    for (const [ago, score] of [[300, 2], [60, 4]] as const) {
      const res = await wmo.request('POST', '/api/v1/assessments', { purpose: 'wmo', body: { instrumentId: 'zrm-volwassenen', subjectBsn: PARENT, assessedOn: daysAgo(ago), scores: { financien: score } } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const events = await withSystem(kern.services.db, (tx) =>
      sql<{ subject_ref: string; data: Record<string, unknown> }>`select subject_ref, data from domain_events where type = 'assessment.scored' and municipality_code = '0599'`.execute(tx));
    expect(events.rows.length).toBeGreaterThanOrEqual(2);
    for (const e of events.rows) {
      expect(e.subject_ref).not.toContain(PARENT);
      expect(e.data).toMatchObject({ instrument: 'zrm', domain: 'financien' });
    }

    const values = await withSystem(kern.services.db, async (tx) => {
      await refreshAll(tx, kern.clock.now());
      return (await sql<{ value: string | null }>`select value from indicator_values
        where municipality_code = '0599' and indicator_id = 'zrm-improved-6m' and law = '*' and team = '*' and value is not null`.execute(tx)).rows;
    });
    expect(values.map((v) => Number(v.value))).toContain(100);
  });
});
