import type { InvalidParam, UserMessage } from '@kern/kit';
import type { PolicyDocument, PolicyRule, Purpose, Resource, Role } from './contract';
import { decide } from './decide';

/**
 * Resources that disclose personal data when read, searched or exported. Worklists (references and
 * deadlines), norm tables, fund terms and aggregates, indicators and the catalogue are not among them.
 */
export const personalDataResources: ReadonlySet<Resource> = new Set<Resource>([
  'resident', 'household', 'resident-search', 'involvement', 'audit-log', 'break-glass-grant', 'case',
  'consent', 'household-signal',
  'section-wmo', 'section-jeugdwet', 'section-participatiewet', 'section-wgs', 'section-education', 'section-housing',
  'section-plan', 'section-assessment', 'section-offering',
  'plan', 'plan-agreement', 'assessment', 'offering-enrolment',
  'portal-request', 'portal-case', 'portal-data', 'portal-message', 'portal-plan', 'portal-consent', 'portal-offering', 'representation',
  'decision', 'allocation', 'allocation-list', 'invoice', 'payment-batch', 'exchange-message', 'care-delivery', 'allocation-request', 'allocation-message',
  'debt-signal', 'debt-file', 'debt-fund',
]);

/** The actions that let personal data out (writes such as loading a signal file do not). */
const disclosingActions = new Set<PolicyRule['actions'][number]>(['read', 'search', 'export', 'review', 'decide', 'update']);

/**
 * Roles that see no personal data at all, whatever a municipality's policy says: they configure,
 * buy and steer. A policy granting them personal data is refused, so the administrator who keeps
 * the policy cannot become a reader of what it protects.
 */
export const rolesWithoutPersonalData: readonly Role[] = ['functional-administrator', 'quality-analyst', 'contract-manager'];

/** What the auditor must always be able to do: the log and the break-the-glass reviews. */
const auditorNeeds = [
  { resource: 'audit-log', action: 'read' },
  { resource: 'audit-log', action: 'export' },
  { resource: 'break-glass-grant', action: 'read' },
  { resource: 'break-glass-grant', action: 'review' },
] as const;

export interface PolicyViolation {
  rule: 'auditor-keeps-log' | 'no-personal-data-for-author' | 'no-personal-data-for-role-without';
  param: InvalidParam;
}

/** One grant of personal data in its finest grain, to compare versions by. */
function personalGrants(doc: PolicyDocument): { key: string; role: Role; ruleIndex: number; ruleId: string }[] {
  const out: { key: string; role: Role; ruleIndex: number; ruleId: string }[] = [];
  doc.rules.forEach((rule, ruleIndex) => {
    for (const resource of rule.resources) {
      if (!personalDataResources.has(resource)) continue;
      for (const action of rule.actions) {
        if (!disclosingActions.has(action)) continue;
        for (const role of rule.roles) {
          for (const purpose of rule.purposes ?? (['(none)'] as const)) {
            for (const relation of rule.relations) {
              out.push({ key: [role, resource, action, purpose, relation].join('|'), role, ruleIndex, ruleId: rule.id });
            }
          }
        }
      }
    }
  });
  return out;
}

/**
 * The rules no version may break, whoever proposes or approves it: the auditor keeps the log,
 * roles without personal data get none, and the author's own roles get no personal data the
 * version in force does not already give them.
 */
export function policyViolations(proposed: PolicyDocument, inForce: PolicyDocument, authorRoles: readonly Role[]): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const auditor = { kind: 'staff' as const, id: 'auditor', name: 'auditor', municipalityCode: '0000', roles: ['auditor' as Role], teamIds: [] };
  for (const need of auditorNeeds) {
    const d = decide(proposed, { actor: auditor, purpose: undefined, resource: need.resource, action: need.action, relations: [] });
    if (!d.allowed) {
      violations.push({ rule: 'auditor-keeps-log', param: { name: 'document.rules', reason: `the auditor must keep ${need.action} on ${need.resource}` } });
    }
  }
  const existing = new Set(personalGrants(inForce).map((g) => g.key));
  const reported = new Set<string>();
  for (const g of personalGrants(proposed)) {
    const name = `document.rules.${g.ruleIndex}.roles`;
    if (rolesWithoutPersonalData.includes(g.role)) {
      const id = `without:${g.ruleIndex}:${g.role}`;
      if (!reported.has(id)) violations.push({ rule: 'no-personal-data-for-role-without', param: { name, reason: `rule ${g.ruleId} grants personal data to ${g.role}, a role without personal data` } });
      reported.add(id);
    } else if (authorRoles.includes(g.role) && !existing.has(g.key)) {
      const id = `author:${g.ruleIndex}:${g.role}`;
      if (!reported.has(id)) violations.push({ rule: 'no-personal-data-for-author', param: { name, reason: `rule ${g.ruleId} grants your own role ${g.role} personal data it does not have now` } });
      reported.add(id);
    }
  }
  return violations;
}

export function violationMessage(violations: PolicyViolation[]): UserMessage {
  const nl: string[] = [];
  const en: string[] = [];
  const rules = new Set(violations.map((v) => v.rule));
  if (rules.has('auditor-keeps-log')) {
    nl.push('de auditor moet het auditlog en de doorbreekglas-beoordelingen blijven inzien');
    en.push('the auditor must keep access to the audit log and the break-the-glass reviews');
  }
  if (rules.has('no-personal-data-for-role-without')) {
    nl.push('rollen zonder persoonsgegevens (functioneel beheerder, kwaliteitsanalist, contractmanager) krijgen geen persoonsgegevens');
    en.push('roles without personal data (functional administrator, quality analyst, contract manager) get no personal data');
  }
  if (rules.has('no-personal-data-for-author')) {
    nl.push('u kunt uw eigen rol geen nieuwe toegang tot persoonsgegevens geven');
    en.push('you cannot give your own role new access to personal data');
  }
  return {
    nl: `Dit toegangsbeleid is geweigerd: ${nl.join('; ')}.`,
    en: `This access policy is refused: ${en.join('; ')}.`,
  };
}

/**
 * The purposes a role may break the glass under: those of its own law (a rule other than
 * break-the-glass gives the role resident or household data under that purpose), and those a
 * cross-law emergency rule of the policy names for it.
 */
export function breakGlassPurposes(doc: PolicyDocument, actorRoles: readonly Role[]): Set<Purpose> {
  const out = new Set<Purpose>();
  for (const rule of doc.rules) {
    if (rule.relations.includes('break-glass')) continue;
    if (!rule.resources.some((r) => r === 'resident' || r === 'household')) continue;
    if (!rule.roles.some((r) => actorRoles.includes(r))) continue;
    for (const p of rule.purposes ?? []) out.add(p);
  }
  for (const e of doc.breakGlass.crossLawEmergency) {
    if (e.roles.some((r) => actorRoles.includes(r))) for (const p of e.purposes) out.add(p);
  }
  return out;
}

/** Different words of two or more letters or digits: what a reason says, roughly. */
export function distinctWords(text: string): number {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []).size;
}
