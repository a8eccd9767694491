import type { PolicyRuleInput } from '../contract';

/**
 * The default policy's rules for provisions. Deny by default: only what is listed here is allowed.
 * The product catalogue's rules (if any) go in a block of their own above or below this one.
 */

// --- decisions (beschikkingen) and allocations (toewijzingen) ---------------------------------
//
// Doelbinding per law: Wmo work under the Wmo purpose, youth work under the Jeugdwet purpose. The
// back office (decision-maker) decides and allocates for both; the law's consultants and the
// wijkteam generalist (a wijkteam that allocates itself) work on their own and their team's
// clients. Which role may take the decision on a given case is further bound by the werkwijze's
// besluit step (roles, segregation of duties, mandates), checked by @kern/cases and the use case.
const byLaw = [
  { law: 'wmo', roles: ['wmo-consultant', 'wijkteam-generalist', 'decision-maker'], basis: 'Wmo 2015 art. 2.3.5 and 5.1.1' },
  { law: 'jeugdwet', roles: ['youth-consultant', 'wijkteam-generalist', 'decision-maker'], basis: 'Jeugdwet art. 2.3 and 7.4.0' },
] as const;

const decisionAndAllocationRules: PolicyRuleInput[] = byLaw.flatMap((l): PolicyRuleInput[] => [
  {
    id: `decision-work-${l.law}`,
    description: `Record and read ${l.law} decisions (beschikkingen) for residents you or your team work on.`,
    roles: [...l.roles],
    purposes: [l.law],
    relations: ['case', 'team-case'],
    resources: ['decision'],
    actions: ['read', 'create', 'decide'],
    legalBasis: `${l.basis}; Awb art. 3:46 (motivering) and 6:7 (bezwaartermijn)`,
  },
  {
    id: `allocation-work-${l.law}`,
    description: `Allocate granted ${l.law} provisions in kind to a contracted provider, change, end and read the allocations of residents you or your team work on.`,
    roles: [...l.roles],
    purposes: [l.law],
    relations: ['case', 'team-case'],
    resources: ['allocation'],
    actions: ['read', 'create', 'update'],
    legalBasis: `${l.basis}; iStandaarden ${l.law === 'wmo' ? 'iWmo' : 'iJw'} 3.2 (toewijzing)`,
  },
  {
    // The provider's list crosses clients by nature (what the 301 carries, what invoices are
    // checked against); only the back office and the law's consultants see it, every row audited.
    id: `allocation-list-${l.law}`,
    description: `Read a care provider's ${l.law} allocations across clients (back office).`,
    roles: l.roles.filter((r) => r !== 'wijkteam-generalist'),
    purposes: [l.law],
    relations: ['none'],
    resources: ['allocation-list'],
    actions: ['read'],
    legalBasis: `${l.basis}; contract management with the provider`,
  },
]);

export const provisionsRules: PolicyRuleInput[] = [...decisionAndAllocationRules];
