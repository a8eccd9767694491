import { authorize, type AccessContext, type AccessServices, type Grant } from '@kern/access';
import type { Tx } from '@kern/db';
import { DomainError, invalidInput } from '@kern/kit';
import { findDebtFile } from '../debt.repository';
import { debtFileNotFound, requireWgs } from '../debt-file-access';
import type { DebtFile } from '../contract/debt.schema';
import { findFundTermsRow } from './fund.repository';
import { defaultFundTerms, fundTermsSchema, type FundTerms } from '../contract/fund.schema';

/**
 * Loads a debt file for fund work and decides access on its subject (resource `debt-fund`, which
 * needs the purpose Wgs and the team relation of the file). Another municipality's file is
 * invisible (row-level security), so "not found".
 */
export async function loadFileForFund(services: AccessServices, tx: Tx, ctx: AccessContext, debtFileId: string, action: 'read' | 'create' | 'update', detail: string): Promise<{ file: DebtFile; grant: Grant }> {
  requireWgs(ctx);
  const file = await findDebtFile(tx, debtFileId);
  if (!file) throw debtFileNotFound();
  const grant = await authorize(services, tx, ctx, { resource: 'debt-fund', action, subjectBsn: file.subjectBsn, detail: `debt fund, file ${file.reference}: ${detail}` });
  return { file, grant };
}

/** The terms in force on a date: the municipality's latest stored version, else the shipped default (version 0). */
export async function fundTermsOn(tx: Tx, date: string): Promise<{ version: number; terms: FundTerms }> {
  const row = await findFundTermsRow(tx, date);
  if (!row) return { version: 0, terms: defaultFundTerms };
  return { version: row.version, terms: fundTermsSchema.parse(row.document) };
}

export function parseOrRefuse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, raw: unknown, what: { nl: string; en: string }): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw invalidInput(what, parsed.error.issues.map((i) => ({ name: i.path.map(String).join('.') || 'input', reason: i.message })));
}

export const notInFund = (): DomainError =>
  new DomainError('not-found', { nl: 'De schulden van dit dossier zijn niet door het schuldenfonds overgenomen.', en: 'The debts of this file have not been taken over by the debt fund.' });
