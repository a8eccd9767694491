import type { PolicyRuleInput } from '../contract';

/**
 * The default policy's rules for the product catalogue and contracting. Deny by default: only
 * what is listed here is allowed.
 *
 * The catalogue (national categories and codes, the municipality's local products) and the
 * contracts (providers, tariffs, funding models) hold no resident data, so no rule needs a
 * relation. Caseworkers read them only while working under the Wmo or the Jeugdwet (the laws the
 * catalogue serves); contract managers and functional administrators read them without a purpose
 * and are the only ones who change them.
 */
export const catalogueRules: PolicyRuleInput[] = [
  {
    id: 'catalogue-read-caseworkers',
    description: 'Wmo and Jeugdwet caseworkers and decision makers read the product catalogue and the contracts while working under those laws.',
    roles: ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'decision-maker'],
    purposes: ['wmo', 'jeugdwet'],
    relations: ['none'],
    resources: ['catalogue', 'contracting'],
    actions: ['read'],
    legalBasis: 'Wmo 2015 art. 2.6.1 and Jeugdwet art. 2.6 (provisions and their purchase); no personal data',
  },
  {
    id: 'catalogue-read-management',
    description: 'Contract managers and functional administrators read the product catalogue, the mapping report and the contracts.',
    roles: ['contract-manager', 'functional-administrator'],
    relations: ['none'],
    resources: ['catalogue', 'contracting'],
    actions: ['read', 'export'],
    legalBasis: 'Municipal purchasing task (no personal data)',
  },
  {
    id: 'catalogue-manage',
    description: 'Contract managers and functional administrators keep the local products, care providers, contracts and tariffs.',
    roles: ['contract-manager', 'functional-administrator'],
    relations: ['none'],
    resources: ['catalogue', 'contracting'],
    actions: ['create', 'update'],
    legalBasis: 'Municipal purchasing task (no personal data)',
  },
];
