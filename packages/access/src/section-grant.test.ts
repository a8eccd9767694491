import type { Tx } from '@kern/db';
import { describe, expect, it } from 'vitest';
import type { AccessContext } from './contract';
import type { HouseholdDecisions, SectionDecision } from './household-decisions';
import { grantSections } from './section-grant';

const ctx = { actor: { municipalityCode: 'GM0363' } } as AccessContext;
const tx = {} as Tx;
const d = (category: SectionDecision['category'], state: SectionDecision['state']): SectionDecision => ({ category, state, breakGlass: false });
const decisions: HouseholdDecisions = {
  gate: { view: 'full', legalBasis: 'art', breakGlass: false, ruleId: 'r' },
  members: new Map([
    ['111222333', [d('wmo', 'full'), d('jeugdwet', 'signal'), d('plan', 'withheld')]],
    ['999993653', [d('wmo', 'withheld'), d('jeugdwet', 'withheld'), d('plan', 'full')]],
    ['999990883', [d('wmo', 'full')]],
  ]),
  consentManageable: new Set(),
};

describe('grantSections', () => {
  it('grants a section only the members and categories shown in full or as a signal, never a withheld one', () => {
    const grant = grantSections(tx, ctx, decisions, { memberBsns: ['111222333', '999993653'], categories: ['wmo', 'jeugdwet'], today: '2026-12-07' });
    expect([...grant.members]).toEqual([['111222333', ['wmo', 'jeugdwet']]]);
    expect(grant).toMatchObject({ tx, municipalityCode: 'GM0363', today: '2026-12-07' });
  });

  it('grants nothing for members outside the household shown, whatever was decided for them', () => {
    const grant = grantSections(tx, ctx, decisions, { memberBsns: ['111222333'], categories: ['wmo'], today: '2026-12-07' });
    expect([...grant.members.keys()]).toEqual(['111222333']);
  });

  it('grants an empty section when the policy withholds all of its categories', () => {
    expect(grantSections(tx, ctx, decisions, { memberBsns: ['999993653'], categories: ['wmo', 'jeugdwet'], today: '2026-12-07' }).members.size).toBe(0);
  });
});
