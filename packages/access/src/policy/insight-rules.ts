import type { PolicyRuleInput } from '../contract';

/**
 * The default policy's rules for steering and learning: indicators, benchmark, experiments. Deny by default: only what is listed here is allowed.
 *
 * Indicators, benchmark figures and experiments are aggregates without personal data, so the
 * rules need no purpose and no relation; they are still limited to the roles whose work they
 * are (quality and management information), so a caseworker does not browse team figures.
 * A leertafel story is derived from one case: only someone working on that case under its law
 * exports it, and the export is anonymised before it leaves the use case.
 */
export const insightRules: PolicyRuleInput[] = [
  {
    id: 'insight-read',
    description: 'Quality analysts, functional administrators and auditors read the municipality\'s indicators, its benchmark comparison and experiments (aggregates only).',
    roles: ['quality-analyst', 'functional-administrator', 'auditor'],
    relations: ['none'],
    resources: ['indicator', 'benchmark', 'experiment'],
    actions: ['read', 'export'],
    legalBasis: 'Municipal steering task (aggregates, no personal data)',
  },
  {
    id: 'insight-analyse',
    description: 'Quality analysts define local indicators, request a refresh and register and evaluate experiments.',
    roles: ['quality-analyst'],
    relations: ['none'],
    resources: ['indicator', 'experiment'],
    actions: ['create', 'update'],
    legalBasis: 'Municipal steering task (aggregates, no personal data)',
  },
  {
    id: 'benchmark-participation',
    description: 'The functional administrator records the municipality\'s decision to share aggregates in the benchmark.',
    roles: ['functional-administrator'],
    relations: ['none'],
    resources: ['benchmark'],
    actions: ['update'],
    legalBasis: 'Decision of the municipal executive to take part in the benchmark',
  },
  {
    id: 'leertafel-own-case',
    description: 'Caseworkers export an anonymised story of a case they or their team work on, for a learning session.',
    roles: ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant', 'debt-counsellor', 'decision-maker'],
    purposes: ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'],
    relations: ['case', 'team-case', 'coordinator'],
    resources: ['leertafel-story'],
    actions: ['export'],
    legalBasis: 'AVG art. 89 (further processing for statistical purposes) with anonymisation',
  },
  {
    id: 'leertafel-candidates',
    description: 'Caseworkers list the closed cases they or their team worked on under the current law, to choose one for a leertafel story (references and case types only).',
    roles: ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant', 'debt-counsellor', 'decision-maker'],
    purposes: ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'],
    relations: ['none'],
    resources: ['leertafel-story'],
    actions: ['search'],
    legalBasis: 'Municipal task organisation (no resident data shown)',
  },
];
