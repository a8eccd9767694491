import type { Tx } from '@kern/db';
import { writeCsvObjects } from '@kern/kit';
import type { z } from 'zod';
import type { auditSearchOutputSchema, chainVerificationSchema, AccessContext, AuditRecord, AuditSearchInput } from './contract';
import { authorize, recordAccess, type AccessServices } from './authorize';
import { findAuditRecords, readChain } from './audit.repository';
import { verifyChainWithCheckpoints } from './audit-checkpoint';


/**
 * The auditor searches the log; the search itself is audited (it reveals who saw whom), and so is
 * every resident the records shown name, once per search, so that their "who looked" lists it.
 */
export async function searchAuditRecords(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  input: AuditSearchInput,
): Promise<z.infer<typeof auditSearchOutputSchema>> {
  const action = input.format === 'csv' ? 'export' : 'read';
  const grant = await authorize(services, tx, ctx, { resource: 'audit-log', action, detail: describeFilter(input) });
  const records = await findAuditRecords(tx, { ...input }, services.staffNames);
  const named = [...new Set(records.map((r) => r.subjectBsn).filter((b): b is string => b !== undefined))];
  await recordAccess(services, tx, ctx, grant, named.map((subjectBsn) => ({ resource: 'audit-log' as const, action, subjectBsn, detail: 'named in audit records shown to the auditor' })));
  const last = records[records.length - 1];
  return { records, ...(records.length === input.limit && last ? { nextBefore: last.seq } : {}) };
}

function describeFilter(input: AuditSearchInput): string {
  const parts = Object.entries(input)
    .filter(([k, v]) => v !== undefined && k !== 'limit' && k !== 'format')
    .map(([k, v]) => `${k}=${String(v)}`);
  return parts.length ? `filter ${parts.join(' ')}` : 'no filter';
}

const csvColumns: (keyof AuditRecord)[] = [
  'seq', 'at', 'actorId', 'actorName', 'actorKind', 'actorRoles', 'actorTeams', 'purpose', 'action', 'resource',
  'subjectBsn', 'outcome', 'reason', 'legalBasis', 'breakGlass', 'requestId',
];

/**
 * RFC 4180 CSV (CRLF). Free text (reasons, names) is neutralised by the writer where a spreadsheet
 * would run it as a formula; the sequence number stays a number.
 */
export function auditRecordsToCsv(records: AuditRecord[]): string {
  return writeCsvObjects(records, csvColumns, { lineEnd: '\r\n' });
}


export async function verifyAuditChain(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<z.infer<typeof chainVerificationSchema>> {
  await authorize(services, tx, ctx, { resource: 'audit-log', action: 'read', detail: 'verify hash chain' });
  const chain = await readChain(tx, ctx.actor.municipalityCode);
  // The verification's own audit record was just appended; it is part of what gets checked.
  const kept = services.auditCheckpoints;
  const checkpoints = kept ? { key: kept.key, list: await kept.store.list(ctx.actor.municipalityCode) } : undefined;
  return verifyChainWithCheckpoints(ctx.actor.municipalityCode, chain, checkpoints);
}
