import { SMALL_COUNT, SMALL_COUNT_THRESHOLD, type PolicyDocument, type Role, type ShownCount } from './contract';
import { personalDataResources } from './policy-invariants';

/**
 * Small counts for roles without personal data. A count of people under this threshold can point
 * at someone (three people in the group at the community centre on Tuesday), so a role the policy
 * gives no personal data sees "< 5" instead. Roles that may see the people anyway see the number.
 */
/** Whether the policy gives one of these roles any personal data to read (then counts are exact). */
export function holdsPersonalData(document: PolicyDocument, roles: readonly Role[]): boolean {
  return document.rules.some(
    (rule) =>
      rule.roles.some((r) => roles.includes(r)) &&
      rule.resources.some((r) => personalDataResources.has(r)) &&
      rule.actions.some((a) => a === 'read' || a === 'search' || a === 'export'),
  );
}

export interface CountView {
  /** True when the counts are exact (the actor holds personal data). */
  exact: boolean;
  /** A count of people, or "< 5". */
  count(n: number): ShownCount;
  /** What is left of `total` after a count (places left): "> total-5" when the count is small. */
  rest(total: number, n: number): ShownCount;
}

export function countView(exact: boolean): CountView {
  const small = (n: number) => !exact && n < SMALL_COUNT_THRESHOLD;
  return {
    exact,
    count: (n) => (small(n) ? SMALL_COUNT : n),
    rest: (total, n) => {
      const left = Math.max(0, total - n);
      if (!small(n)) return left;
      // left lies in (total-5, total]: say only that, never the exact figure it would give away.
      return total - SMALL_COUNT_THRESHOLD < 0 ? SMALL_COUNT : `> ${total - SMALL_COUNT_THRESHOLD}`;
    },
  };
}
