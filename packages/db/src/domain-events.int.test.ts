import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendDomainEvents } from './domain-events';
import { withTenant } from './tenant';
import { createTestDatabase, type TestDatabase } from './testing';

const engine = process.env.KERN_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

describe(`domain events (${engine})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await sql`insert into municipalities (code, name, province) values ('0599', 'Rotterdam', 'Zuid-Holland'), ('0518', '''s-Gravenhage', 'Zuid-Holland')`.execute(database.db);
  }, 60_000);
  afterAll(async () => database?.close());

  it('a tenant appends events and reads back only its own', async () => {
    await withTenant(database.db, '0599', (tx) =>
      appendDomainEvents(tx, [
        { municipalityCode: '0599', type: 'case.started', occurredOn: '2026-03-02', subjectRef: 'c-1', law: 'wmo', data: { step: 'melding' } },
        { municipalityCode: '0599', type: 'case.closed', occurredOn: '2026-04-02', subjectRef: 'c-1', law: 'wmo' },
      ]),
    );
    await withTenant(database.db, '0518', (tx) =>
      appendDomainEvents(tx, [{ municipalityCode: '0518', type: 'case.started', occurredOn: '2026-03-03', subjectRef: 'c-2' }]),
    );
    const seen = await withTenant(database.db, '0518', async (tx) => (await sql<{ subject_ref: string }>`select subject_ref from domain_events`.execute(tx)).rows);
    expect(seen.map((r) => r.subject_ref)).toEqual(['c-2']);
  });

  it('refuses an event written for another municipality than the tenant', async () => {
    await expect(
      withTenant(database.db, '0518', (tx) => appendDomainEvents(tx, [{ municipalityCode: '0599', type: 'case.started', occurredOn: '2026-03-03', subjectRef: 'x' }])),
    ).rejects.toThrow(/row-level security/);
  });

  it('refuses an event type outside the module.what-happened vocabulary', async () => {
    await expect(
      withTenant(database.db, '0599', (tx) => appendDomainEvents(tx, [{ municipalityCode: '0599', type: 'Started', occurredOn: '2026-03-03', subjectRef: 'x' }])),
    ).rejects.toThrow(/check constraint/);
  });
});
