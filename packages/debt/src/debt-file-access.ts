import { authorize, requirePurpose, type AccessContext, type AccessServices, type Grant } from '@kern/access';
import type { Tx } from '@kern/db';
import { DomainError, invalidInput, isValidBsn, notFound } from '@kern/kit';
import type { BrpClient } from '@kern/registry';
import { findDebtFile } from './debt.repository';
import type { DebtFile } from './contract/debt.schema';

/** What the debt use cases need: access and audit, plus the BRP to know a resident exists. */
export type DebtServices = AccessServices & { brp: BrpClient };

export const debtFileNotFound = (): DomainError =>
  notFound({ nl: 'Dit schuldhulpdossier bestaat niet.', en: 'This debt file does not exist.' });

export function requireWgs(ctx: AccessContext): void {
  if (requirePurpose(ctx) !== 'wgs') {
    throw new DomainError('forbidden', {
      nl: 'Schuldhulpverlening werkt u onder het doel Wgs (doelbinding).',
      en: 'Debt help is done under the purpose Wgs (purpose limitation).',
    });
  }
}

export function requireValidBsn(bsn: string, field = 'subjectBsn'): void {
  if (!isValidBsn(bsn)) {
    throw invalidInput({ nl: `${bsn} is geen geldig BSN (de elfproef klopt niet).`, en: `${bsn} is not a valid BSN (the 11-test fails).` }, [{ name: field, reason: '11-test fails' }]);
  }
}

/**
 * Loads a debt file and decides access on its subject. A file of another municipality is
 * invisible (RLS) and so "not found"; a file of another team is refused by the policy, audited.
 */
export async function loadDebtFileFor(
  services: AccessServices,
  tx: Tx,
  ctx: AccessContext,
  debtFileId: string,
  action: 'read' | 'update' | 'decide' | 'export',
  detail?: string,
): Promise<{ file: DebtFile; grant: Grant }> {
  requireWgs(ctx);
  const file = await findDebtFile(tx, debtFileId);
  if (!file) throw debtFileNotFound();
  const grant = await authorize(services, tx, ctx, { resource: 'debt-file', action, subjectBsn: file.subjectBsn, detail: `debt file ${file.reference}${detail ? `: ${detail}` : ''}` });
  return { file, grant };
}
