import { describe, expect, it } from 'vitest';
import { roles, type Actor, type Purpose, type Relation, type Resource, type Role } from '../contract';
import { decide } from '../decide';
import { defaultPolicy } from '../default-policy';

const actor = (r: Role): Actor => ({ kind: 'staff', id: 'a', name: 'A', municipalityCode: '0599', roles: [r], teamIds: [] });
const allows = (role: Role, purpose: Purpose | undefined, resource: Resource, action: 'read' | 'create' | 'decide' | 'export', relations: Relation[]) =>
  decide(defaultPolicy, { actor: actor(role), purpose, resource, action, relations }).allowed;

const regieResources: Resource[] = ['exchange-message', 'care-delivery', 'allocation-request', 'allocation-message'];

describe('exchange regie policy (301/302, 305-308, 315-320)', () => {
  it('lets the back office receive messages, answer requests and send allocations under wmo and jeugdwet, without a relation', () => {
    for (const purpose of ['wmo', 'jeugdwet'] as const) {
      expect(allows('decision-maker', purpose, 'exchange-message', 'create', ['none'])).toBe(true);
      expect(allows('decision-maker', purpose, 'exchange-message', 'read', ['none'])).toBe(true);
      expect(allows('decision-maker', purpose, 'care-delivery', 'create', ['none'])).toBe(true);
      expect(allows('decision-maker', purpose, 'allocation-request', 'read', ['none'])).toBe(true);
      expect(allows('decision-maker', purpose, 'allocation-request', 'decide', ['none'])).toBe(true);
      expect(allows('decision-maker', purpose, 'allocation-message', 'create', ['none'])).toBe(true);
    }
  });

  it('denies the back office under any other purpose or without a purpose', () => {
    for (const purpose of ['participatiewet', 'wgs', 'integraal', undefined] as const) {
      for (const resource of regieResources) {
        expect(allows('decision-maker', purpose, resource, 'read', ['none']), `${purpose ?? 'no purpose'} ${resource}`).toBe(false);
      }
    }
  });

  it('lets the law\'s caseworkers read care delivery and allocation messages of their own or team\'s cases only, and never the inbox', () => {
    expect(allows('wmo-consultant', 'wmo', 'care-delivery', 'read', ['team-case'])).toBe(true);
    expect(allows('wmo-consultant', 'wmo', 'care-delivery', 'read', ['none'])).toBe(false);
    expect(allows('wmo-consultant', 'jeugdwet', 'care-delivery', 'read', ['case'])).toBe(false);
    expect(allows('youth-consultant', 'jeugdwet', 'allocation-message', 'read', ['case'])).toBe(true);
    expect(allows('wmo-consultant', 'wmo', 'allocation-request', 'read', ['case'])).toBe(false);
    expect(allows('wmo-consultant', 'wmo', 'care-delivery', 'create', ['case'])).toBe(false);
  });

  it('gives every other role nothing on any regie resource, whatever the relation', () => {
    const others = roles.filter((r) => !['decision-maker', 'wmo-consultant', 'youth-consultant', 'wijkteam-generalist'].includes(r));
    for (const role of others) {
      for (const resource of regieResources) {
        for (const action of ['read', 'create', 'decide', 'export'] as const) {
          expect(allows(role, 'wmo', resource, action, ['none', 'case', 'team-case', 'coordinator', 'break-glass']), `${role} ${resource} ${action}`).toBe(false);
        }
      }
    }
  });
});
