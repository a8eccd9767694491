import type { PolicyRuleInput } from '../access.schema';

/** The default policy's rules for provisions, contracting and the iStandaarden exchange. Deny by default: only what is listed here is allowed. */
export const exchangeRules: PolicyRuleInput[] = [];
