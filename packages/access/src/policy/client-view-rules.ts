import type { PolicyRuleInput } from '../access.schema';

/** The default policy's rules for the integral client view: household sections, consent, plans, assessments, group offerings. Deny by default: only what is listed here is allowed. */
export const clientViewRules: PolicyRuleInput[] = [];
