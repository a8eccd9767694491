import { sql } from '@kern/db';
import { createTestDatabase, type TestDatabase } from '@kern/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nlProfiles, seedNl, type NlSeedResult } from './scale-nl';

let db: TestDatabase;
let result: NlSeedResult;
beforeAll(async () => {
  db = await createTestDatabase();
  result = await seedNl(db.db, { fraction: 0.001 });
});
afterAll(async () => db?.close());

describe('the national dataset (kern seed --scale nl)', () => {
  it('covers all 342 municipalities with their CBS codes and ~18 million residents', async () => {
    expect(result.municipalities).toBe(342);
    expect(result.residents).toBeGreaterThan(17_500_000);
    expect(result.residents).toBeLessThan(18_500_000);
    const r = await sql<{ n: number }>`select count(distinct municipality_code)::int as n from domain_events where subject_ref like 'nl-%'`.execute(db.db);
    expect(r.rows[0]?.n).toBe(342);
    const amsterdam = nlProfiles(['0363', '0001'])[0];
    expect(amsterdam?.residents).toBe(931_000);
  });

  it('gives every client about eleven events, so fraction 1 means 2 M clients and 20+ M events', () => {
    expect(result.events / result.clients).toBeGreaterThan(10.5);
    expect(Math.round(result.clients / 0.001)).toBeGreaterThan(2_000_000);
  });

  it('writes no BSN: subjects are pseudonymous nl- references', async () => {
    const r = await sql<{ n: number }>`select count(*)::int as n from domain_events where subject_ref ~ '^[0-9]{9}$' or data::text ~ '[^0-9][0-9]{9}[^0-9]'`.execute(db.db);
    expect(r.rows[0]?.n).toBe(0);
  });

  it('is idempotent: a second run adds nothing', async () => {
    const again = await seedNl(db.db, { fraction: 0.001 });
    expect(again.created).toBe(false);
    expect(again.events).toBe(result.events);
  });
});
