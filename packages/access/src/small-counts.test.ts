import { describe, expect, it } from 'vitest';
import { roles, type Role } from './contract';
import { defaultPolicy } from './default-policy';
import { countView, holdsPersonalData } from './small-counts';

describe('small counts for roles without personal data', () => {
  it('takes the roles without personal data from the policy: administrator, quality analyst, contract manager and the team lead (who decides involvement requests without seeing a dossier)', () => {
    const without = roles.filter((r: Role) => !holdsPersonalData(defaultPolicy, [r]));
    expect(without.sort()).toEqual(['contract-manager', 'functional-administrator', 'quality-analyst', 'team-lead']);
  });

  it('shows counts under 5 as "< 5" and what would give them away only as a bound; exact from 5 on and for roles with personal data', () => {
    const hidden = countView(false);
    expect([0, 1, 4, 5, 17].map((n) => hidden.count(n))).toEqual(['< 5', '< 5', '< 5', 5, 17]);
    expect(hidden.rest(12, 3)).toBe('> 7');
    expect(hidden.rest(3, 2)).toBe('< 5');
    expect(hidden.rest(12, 6)).toBe(6);
    const exact = countView(true);
    expect([0, 1, 4].map((n) => exact.count(n))).toEqual([0, 1, 4]);
    expect(exact.rest(12, 3)).toBe(9);
  });
});
