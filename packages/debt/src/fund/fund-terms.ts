import { authorize, type AccessContext, type AccessServices } from '@kern/access';
import type { Tx } from '@kern/db';
import { parseOrRefuse } from './fund-access';
import { insertFundTerms, listFundTermsRows } from './fund.repository';
import { defaultFundTerms, fundTermsSchema, type FundTerms } from '../contract/fund.schema';

/** Stores a new version of the fund's terms (sector percentages, term, forgiveness rules), validated. */
export async function storeFundTerms(services: AccessServices, tx: Tx, ctx: AccessContext, raw: unknown): Promise<{ version: number; terms: FundTerms }> {
  const terms = parseOrRefuse(fundTermsSchema, raw, { nl: 'De fondsvoorwaarden zijn ongeldig: controleer de percentages en regels.', en: 'The fund terms are invalid: check the percentages and rules.' });
  await authorize(services, tx, ctx, { resource: 'debt-fund-terms', action: 'create', detail: `debt fund terms from ${terms.validFrom}` });
  const version = await insertFundTerms(tx, { municipalityCode: ctx.actor.municipalityCode, validFrom: terms.validFrom, document: terms, at: services.clock.now(), by: ctx.actor.id });
  return { version, terms };
}

export async function listFundTerms(services: AccessServices, tx: Tx, ctx: AccessContext): Promise<{ versions: { version: number; terms: FundTerms; createdAt: string }[]; shippedDefault: FundTerms }> {
  await authorize(services, tx, ctx, { resource: 'debt-fund-terms', action: 'read', detail: 'debt fund terms' });
  const rows = await listFundTermsRows(tx);
  return { versions: rows.map((r) => ({ version: r.version, terms: fundTermsSchema.parse(r.document), createdAt: r.createdAt })), shippedDefault: defaultFundTerms };
}
