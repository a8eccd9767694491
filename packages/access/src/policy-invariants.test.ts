import { describe, expect, it } from 'vitest';
import { policyDocumentSchema, purposes, roles, type PolicyDocument, type PolicyRuleInput, type Purpose, type Role } from './contract';
import { defaultPolicy } from './default-policy';
import { diffPolicies, isEmptyDiff } from './policy-diff';
import { breakGlassPurposes, distinctWords, policyViolations, rolesWithoutPersonalData } from './policy-invariants';

const withRules = (rules: PolicyDocument['rules'], extra: Partial<PolicyDocument> = {}): PolicyDocument =>
  policyDocumentSchema.parse({ ...defaultPolicy, ...extra, rules });
const plus = (rule: PolicyRuleInput): PolicyDocument => withRules([...defaultPolicy.rules, policyDocumentSchema.shape.rules.element.parse(rule)]);

describe('the rules no policy version may break', () => {
  it('accepts the shipped default, for every author role', () => {
    for (const role of roles) expect(policyViolations(defaultPolicy, defaultPolicy, [role]), role).toEqual([]);
  });

  it('refuses a version that takes the audit log away from the auditor', () => {
    const withoutLog = withRules(defaultPolicy.rules.filter((r) => r.id !== 'auditor-log'));
    expect(policyViolations(withoutLog, defaultPolicy, ['functional-administrator']).map((v) => v.rule)).toContain('auditor-keeps-log');
    // Narrowing the rule to a purpose the auditor never acts under takes it away just as well.
    const narrowed = withRules(defaultPolicy.rules.map((r) => (r.id === 'auditor-log' ? { ...r, purposes: ['wmo'] as Purpose[] } : r)));
    expect(policyViolations(narrowed, defaultPolicy, ['functional-administrator']).map((v) => v.rule)).toContain('auditor-keeps-log');
  });

  it('refuses a version granting the administrator resident and household reads (the attack of issue 22)', () => {
    const selfGrant = plus({
      id: 'admin-reads', description: 'x', roles: ['functional-administrator'], purposes: ['wmo'], relations: ['none'],
      resources: ['resident', 'household'], actions: ['read'], legalBasis: 'x',
    });
    const v = policyViolations(selfGrant, defaultPolicy, ['functional-administrator']);
    expect(v.map((x) => x.rule)).toEqual(['no-personal-data-for-role-without']);
    expect(v[0]?.param.name).toBe(`document.rules.${defaultPolicy.rules.length}.roles`);
  });

  it('refuses personal data for every role without personal data, whoever proposes it', () => {
    for (const role of rolesWithoutPersonalData) {
      const grant = plus({ id: 'grant-x', description: 'x', roles: [role], relations: ['none'], resources: ['audit-log'], actions: ['read'], legalBasis: 'x' });
      expect(policyViolations(grant, defaultPolicy, ['auditor']).map((x) => x.rule), role).toContain('no-personal-data-for-role-without');
    }
  });

  it("refuses new personal data for the author's own role, but lets the same author widen another role's", () => {
    const wider = plus({ id: 'wmo-wider', description: 'x', roles: ['wmo-consultant'], purposes: ['wmo'], relations: ['none'], resources: ['resident'], actions: ['read'], legalBasis: 'x' });
    expect(policyViolations(wider, defaultPolicy, ['wmo-consultant']).map((x) => x.rule)).toEqual(['no-personal-data-for-author']);
    expect(policyViolations(wider, defaultPolicy, ['auditor'])).toEqual([]);
  });

  it('does not count a personal-data write (loading a signal file) or a rule already in force against its author', () => {
    expect(policyViolations(defaultPolicy, defaultPolicy, ['functional-administrator'])).toEqual([]);
    const narrower = withRules(defaultPolicy.rules.filter((r) => r.id !== 'wmo-own-cases'));
    expect(policyViolations(narrower, defaultPolicy, ['wmo-consultant'])).toEqual([]);
  });
});

describe('the difference between two policy versions', () => {
  it('names added and removed rules whole and changed rules field by field', () => {
    const after = withRules(
      [
        ...defaultPolicy.rules.filter((r) => r.id !== 'wmo-own-cases').map((r) => (r.id === 'auditor-log' ? { ...r, description: 'Auditors only.' } : r)),
        policyDocumentSchema.shape.rules.element.parse({ id: 'new-rule', description: 'x', roles: ['auditor'], relations: ['none'], resources: ['werkwijze'], actions: ['read'], legalBasis: 'x' }),
      ],
      { breakGlass: { ...defaultPolicy.breakGlass, minutes: 30 } },
    );
    const diff = diffPolicies(defaultPolicy, after);
    expect(diff.removedRules).toEqual([expect.objectContaining({ id: 'wmo-own-cases', roles: ['wmo-consultant', 'wijkteam-generalist'] })]);
    expect(diff.addedRules).toEqual([expect.objectContaining({ id: 'new-rule' })]);
    expect(diff.changedRules).toEqual([{ id: 'auditor-log', changes: [{ field: 'description', before: expect.stringContaining('Auditors read'), after: 'Auditors only.' }] }]);
    expect(diff.breakGlass).toEqual([{ field: 'minutes', before: 60, after: 30 }]);
    expect(isEmptyDiff(diffPolicies(defaultPolicy, defaultPolicy))).toBe(true);
  });
});

/** Per role: the purposes it may break the glass under in the default policy (its own laws). */
const ownLaws: Partial<Record<Role, Purpose[]>> = {
  'wijkteam-generalist': ['wmo', 'jeugdwet', 'integraal'],
  'wmo-consultant': ['wmo'],
  'youth-consultant': ['jeugdwet'],
  'income-consultant': ['participatiewet'],
  'debt-counsellor': ['wgs'],
  'decision-maker': ['wmo', 'jeugdwet', 'participatiewet'],
};

describe('break-the-glass within one\'s own law', () => {
  it('gives every role exactly the purposes of its own law, and no cross-law rule by default', () => {
    expect(defaultPolicy.breakGlass.crossLawEmergency).toEqual([]);
    for (const role of roles) {
      const got = [...breakGlassPurposes(defaultPolicy, [role])].sort();
      expect(got, role).toEqual([...(ownLaws[role] ?? [])].sort());
    }
  });

  it('adds another law only for the roles a cross-law emergency rule names', () => {
    const withEmergency = withRules(defaultPolicy.rules, {
      breakGlass: { ...defaultPolicy.breakGlass, crossLawEmergency: [{ id: 'acute-child-safety', description: 'Acute onveiligheid van een kind', roles: ['income-consultant'], purposes: ['jeugdwet'] }] },
    });
    expect(breakGlassPurposes(withEmergency, ['income-consultant']).has('jeugdwet')).toBe(true);
    expect(breakGlassPurposes(withEmergency, ['debt-counsellor']).has('jeugdwet')).toBe(false);
    for (const p of purposes) expect(breakGlassPurposes(defaultPolicy, ['income-consultant']).has(p), p).toBe(p === 'participatiewet');
  });

  it('counts the different words of a reason, so a repeated character or word says nothing', () => {
    expect(distinctWords('aaaaaaaaaaaaaaaaaaaa')).toBe(1);
    expect(distinctWords('nodig nodig nodig nodig')).toBe(1);
    expect(distinctWords('a b c d e f g h i j k l')).toBe(0);
    expect(distinctWords('Acute huisuitzetting, dossier nodig voor noodhulp.')).toBe(6);
  });
});
