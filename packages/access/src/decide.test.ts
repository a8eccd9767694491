import { describe, expect, it } from 'vitest';
import { policyDocumentSchema, roles, type Actor, type Relation, type Role } from './contract';
import { decide } from './decide';
import { defaultPolicy } from './default-policy';

const actor = (...r: Role[]): Actor => ({ kind: 'staff', id: 'a', name: 'A', municipalityCode: '0599', roles: r, teamIds: [] });

describe('decide with the default policy', () => {
  it('denies every role reading a resident without a relation, whatever the purpose', () => {
    for (const role of roles) {
      for (const purpose of ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'] as const) {
        const d = decide(defaultPolicy, { actor: actor(role), purpose, resource: 'resident', action: 'read', relations: ['none'] });
        expect(d.allowed, `${role} / ${purpose}`).toBe(false);
      }
    }
  });

  it('allows a Wmo consultant to read a resident of their team case under the Wmo only', () => {
    const wmo = decide(defaultPolicy, { actor: actor('wmo-consultant'), purpose: 'wmo', resource: 'resident', action: 'read', relations: ['team-case'] });
    expect(wmo).toMatchObject({ allowed: true, ruleId: 'wmo-own-cases', legalBasis: 'Wmo 2015 art. 5.1.1' });
    const wgs = decide(defaultPolicy, { actor: actor('wmo-consultant'), purpose: 'wgs', resource: 'resident', action: 'read', relations: ['team-case'] });
    expect(wgs.allowed).toBe(false);
  });

  it('denies reading personal data without a purpose even with a case', () => {
    const d = decide(defaultPolicy, { actor: actor('wmo-consultant'), purpose: undefined, resource: 'resident', action: 'read', relations: ['case'] });
    expect(d.allowed).toBe(false);
  });

  it('lets the coordinator read the household only under integral coordination', () => {
    const ok = decide(defaultPolicy, { actor: actor('wijkteam-generalist'), purpose: 'integraal', resource: 'household', action: 'read', relations: ['coordinator'] });
    expect(ok).toMatchObject({ allowed: true, ruleId: 'coordinator-household' });
    const wrongPurpose = decide(defaultPolicy, { actor: actor('wijkteam-generalist'), purpose: 'wmo', resource: 'household', action: 'read', relations: ['coordinator'] });
    expect(wrongPurpose.allowed).toBe(false);
  });

  it('never grants resident data to the quality analyst, administrator or auditor, even under break-the-glass', () => {
    const relationsToTry: Relation[] = ['case', 'team-case', 'coordinator', 'break-glass', 'none'];
    for (const role of ['quality-analyst', 'functional-administrator', 'auditor'] as const) {
      const d = decide(defaultPolicy, { actor: actor(role), purpose: 'wmo', resource: 'resident', action: 'read', relations: relationsToTry });
      expect(d.allowed, role).toBe(false);
    }
  });

  it('allows break-the-glass reads and marks them as such, but prefers a real relation', () => {
    const glass = decide(defaultPolicy, { actor: actor('debt-counsellor'), purpose: 'wgs', resource: 'resident', action: 'read', relations: ['break-glass'] });
    expect(glass).toMatchObject({ allowed: true, relation: 'break-glass', ruleId: 'break-glass' });
    const both = decide(defaultPolicy, { actor: actor('debt-counsellor'), purpose: 'wgs', resource: 'resident', action: 'read', relations: ['break-glass', 'case'] });
    expect(both).toMatchObject({ allowed: true, relation: 'case', ruleId: 'wgs-own-cases' });
  });

  it('gives the audit log to the auditor alone', () => {
    for (const role of roles) {
      const d = decide(defaultPolicy, { actor: actor(role), purpose: undefined, resource: 'audit-log', action: 'read', relations: [] });
      expect(d.allowed, role).toBe(role === 'auditor');
    }
  });

  it('explains a denial in terms of purpose and relation', () => {
    const d = decide(defaultPolicy, { actor: actor('income-consultant'), purpose: 'participatiewet', resource: 'resident', action: 'read', relations: [] });
    expect(d.reason).toBe('no rule allows read resident for purpose participatiewet with relation none');
  });
});

describe('policy documents', () => {
  it('refuse duplicate rule ids and break-glass mixed into an ordinary rule', () => {
    const rule = defaultPolicy.rules[1];
    const bad = { ...defaultPolicy, rules: [rule, rule, { ...rule, id: 'mixed', relations: ['case', 'break-glass'] }] };
    const result = policyDocumentSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/duplicate rule id/), 'break-glass must be a rule of its own']),
    );
  });
});

describe('decide with several relations', () => {
  it('still applies a no-relation rule when the actor also holds a break-the-glass grant', () => {
    const d = decide(defaultPolicy, { actor: actor('debt-counsellor'), purpose: 'wgs', resource: 'involvement', action: 'create', relations: ['break-glass'] });
    expect(d).toMatchObject({ allowed: true, ruleId: 'open-case', relation: 'none' });
  });
});
