import type { PolicyRuleInput } from '../access.schema';

/** The default policy's rules for steering and learning: indicators, benchmark, experiments. Deny by default: only what is listed here is allowed. */
export const insightRules: PolicyRuleInput[] = [];
