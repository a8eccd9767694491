import type { PolicyRuleInput } from '../access.schema';

/** The default policy's rules for debt help (Wgs) and the debt fund. Deny by default: only what is listed here is allowed. */
export const debtRules: PolicyRuleInput[] = [];
