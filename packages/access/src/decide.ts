import type { AccessDecision, Action, Actor, PolicyDocument, Purpose, Relation, Resource } from './contract';

export interface AccessRequest {
  actor: Actor;
  purpose: Purpose | undefined;
  resource: Resource;
  action: Action;
  /** Every relation the actor has with the subject; ['none'] when there is none. */
  relations: Relation[];
}

/**
 * The access decision: pure, so it can be tested exhaustively and benchmarked without a
 * database. Deny by default; the first rule that matches role, purpose, relation, resource
 * and action allows. A relation of 'break-glass' only matches a break-glass rule, and it is
 * tried last, so work a rule allows anyway is never flagged as breaking the glass.
 */
export function decide(policy: PolicyDocument, request: AccessRequest): AccessDecision {
  const { actor, purpose, resource, action } = request;
  // 'none' is always among the relations: a rule that needs no relation applies to everyone.
  const relations: Relation[] = [...new Set<Relation>([...request.relations, 'none'])];
  // A direct relation is preferred over break-the-glass, so normal work is never flagged.
  const ordered = [...relations].sort((a, b) => rank(a) - rank(b));
  for (const relation of ordered) {
    for (const rule of policy.rules) {
      if (!rule.resources.includes(resource)) continue;
      if (!rule.actions.some((a) => a === action)) continue;
      if (!rule.relations.includes(relation)) continue;
      if (!rule.roles.some((r) => actor.roles.includes(r))) continue;
      if (rule.purposes) {
        if (!purpose || !rule.purposes.includes(purpose)) continue;
      }
      return {
        allowed: true,
        view: rule.view,
        ruleId: rule.id,
        legalBasis: rule.legalBasis,
        relation,
        reason: `rule ${rule.id}`,
      };
    }
  }
  return { allowed: false, relation: ordered[0] ?? 'none', reason: denialReason(request) };
}

function rank(r: Relation): number {
  return r === 'break-glass' ? 2 : r === 'none' ? 1 : 0;
}

function denialReason({ purpose, resource, action, relations }: AccessRequest): string {
  const rel = relations.length ? relations.join('+') : 'none';
  return `no rule allows ${action} ${resource} for purpose ${purpose ?? '(none)'} with relation ${rel}`;
}
