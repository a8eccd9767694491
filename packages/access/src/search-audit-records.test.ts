import { parseCsv } from '@kern/kit';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from './contract';
import { auditRecordsToCsv } from './search-audit-records';

const record: AuditRecord = {
  seq: 7, at: '2026-03-01T10:00:00.000Z', actorId: 'a1', actorName: '@Hacker', actorKind: 'staff', actorRoles: ['wmo-consultant'], actorTeams: ['t1'], purpose: 'wmo',
  action: 'read', resource: 'resident', subjectBsn: '999991838', outcome: 'allowed', reason: '=HYPERLINK("http://x","klik")', breakGlass: false,
};

describe('the audit log as CSV', () => {
  it('neutralises formulas in free text (reason, name) through the shared writer, and keeps the sequence a number', () => {
    const csv = auditRecordsToCsv([record]);
    const row = parseCsv(csv).records[1]?.cells ?? [];
    expect(row[0]).toBe('7');
    expect(row[3]).toBe("'@Hacker");
    expect(row[12]).toBe('\'=HYPERLINK("http://x","klik")');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
