import type { PolicyRuleInput, Purpose, Resource, Role } from '../contract';
import { planAssessmentOfferingRules } from './plans-rules';

/**
 * The integral client view. A household section is a policy resource per data category
 * (`section-<category>`, see consent.schema.ts), decided per member: its own law's worker sees it
 * in full, every worker involved with the household sees the other sections as a signal only
 * (that something runs, and where to ask), the coordinator sees the household's support in full
 * and income and debts only with the member's consent. Rule order matters only within one
 * relation; the household view takes the best view over all the actor's relations.
 */
const caseworkers: Role[] = ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant', 'debt-counsellor', 'decision-maker'];
const allSections: Resource[] = [
  'section-wmo', 'section-jeugdwet', 'section-participatiewet', 'section-wgs', 'section-education', 'section-housing', 'section-plan', 'section-assessment', 'section-offering',
];

/** What each purpose's own work covers in full. */
const ownSections: Record<Purpose, { roles: Role[]; sections: Resource[]; basis: string }> = {
  wmo: { roles: ['wmo-consultant', 'wijkteam-generalist', 'decision-maker'], sections: ['section-wmo'], basis: 'Wmo 2015 art. 5.1.1' },
  jeugdwet: { roles: ['youth-consultant', 'wijkteam-generalist', 'decision-maker'], sections: ['section-jeugdwet', 'section-education'], basis: 'Jeugdwet art. 7.4.0' },
  participatiewet: { roles: ['income-consultant', 'decision-maker'], sections: ['section-participatiewet'], basis: 'Participatiewet art. 64' },
  wgs: { roles: ['debt-counsellor'], sections: ['section-wgs'], basis: 'Wgs art. 8a' },
  integraal: {
    roles: ['wijkteam-generalist'],
    sections: ['section-wmo', 'section-jeugdwet', 'section-education', 'section-housing', 'section-plan', 'section-assessment', 'section-offering'],
    basis: 'Wmo 2015 art. 2.3.2 and Jeugdwet art. 2.3 (integral coordination of the household)',
  },
};

const purposes = Object.keys(ownSections) as Purpose[];

export const clientViewRules: PolicyRuleInput[] = [
  ...purposes.map((purpose): PolicyRuleInput => {
    const own = ownSections[purpose];
    return {
      id: `section-own-${purpose}`,
      description: `The ${purpose} worker sees the ${purpose} sections of a member they, their team or they as coordinator work with, in full.`,
      roles: own.roles,
      purposes: [purpose],
      relations: purpose === 'integraal' ? ['coordinator'] : ['case', 'team-case'],
      resources: own.sections,
      actions: ['read'],
      view: 'full',
      legalBasis: own.basis,
    };
  }),
  {
    id: 'section-consent',
    description: 'With the member\'s consent (to this purpose, this recipient role and this data category) the coordinator and the debt counsellor see a section in full.',
    roles: ['wijkteam-generalist', 'debt-counsellor'],
    purposes: ['integraal', 'wgs'],
    relations: ['consent'],
    resources: allSections,
    actions: ['read'],
    view: 'full',
    legalBasis: 'AVG art. 6(1)(a): consent',
  },
  {
    id: 'section-signal',
    description: 'Everyone working with the household under a purpose sees the other sections as a signal only: that something runs, at which team, whom to contact.',
    roles: caseworkers,
    purposes: ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'],
    relations: ['case', 'team-case', 'coordinator', 'household'],
    resources: allSections,
    actions: ['read'],
    view: 'signal',
    legalBasis: 'AVG art. 6(1)(e): signal of involvement for coordination, no content',
  },
  ...purposes.map((purpose): PolicyRuleInput => ({
    id: `section-break-glass-${purpose}`,
    description: `Break-the-glass under ${purpose}: that purpose's own sections in full, flagged and reviewed afterwards.`,
    roles: caseworkers,
    purposes: [purpose],
    relations: ['break-glass'],
    resources: ownSections[purpose].sections,
    actions: ['read'],
    view: 'full',
    legalBasis: 'Doorbreekglas: reason recorded, reviewed by the auditor',
  })),
  {
    id: 'section-break-glass-signal',
    description: 'Break-the-glass: the other sections as a signal only, flagged.',
    roles: caseworkers,
    purposes: ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'],
    relations: ['break-glass'],
    resources: allSections,
    actions: ['read'],
    view: 'signal',
    legalBasis: 'Doorbreekglas: reason recorded, reviewed by the auditor',
  },
  {
    id: 'consent-record',
    description: 'Caseworkers with a relation to the resident record, list and withdraw the consent the resident gives them.',
    roles: caseworkers,
    purposes: ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'],
    relations: ['case', 'team-case', 'coordinator'],
    resources: ['consent'],
    actions: ['read', 'create', 'update'],
    legalBasis: 'AVG art. 7(1): the controller must be able to demonstrate consent',
  },
  {
    id: 'household-signal-record',
    description: 'Caseworkers with a relation to the resident record education and housing signals.',
    roles: caseworkers,
    purposes: ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'],
    relations: ['case', 'team-case', 'coordinator'],
    resources: ['household-signal'],
    actions: ['create', 'update'],
    legalBasis: 'Wmo 2015 art. 2.3.2 / Jeugdwet art. 2.3: signals for the household\'s support',
  },
  {
    id: 'privacy-notice-read',
    description: 'All staff read the privacy notice in force (no personal data).',
    roles: [...caseworkers, 'quality-analyst', 'functional-administrator', 'auditor'],
    relations: ['none'],
    resources: ['privacy-notice'],
    actions: ['read'],
    legalBasis: 'Public notice (AVG art. 13)',
  },
  {
    id: 'privacy-notice-publish',
    description: 'Functional administrators publish new versions of the privacy notice.',
    roles: ['functional-administrator'],
    relations: ['none'],
    resources: ['privacy-notice'],
    actions: ['create'],
    legalBasis: 'Municipal mandate for the administration of the system',
  },
  // plans, assessments and group offerings through their own use cases
  ...planAssessmentOfferingRules,
];
