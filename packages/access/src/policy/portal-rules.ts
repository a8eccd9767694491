import type { PolicyRuleInput } from '../access.schema';

/** The default policy's rules for the citizen portal. Deny by default: only what is listed here is allowed. */
export const portalRules: PolicyRuleInput[] = [];
