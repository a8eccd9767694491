import type { PolicyRuleInput } from '../contract';

/**
 * Plans, assessments and group offerings, through their own use cases (the household view asks
 * for its sections separately, see client-view-rules.ts). The coordinator owns the household plan
 * under integral coordination; a law's caseworker with a case sees that a plan exists and who
 * coordinates (signal), and scores and enrols under their own law. No relation, no purpose:
 * nothing. Spread into the client view rules.
 */
export const planAssessmentOfferingRules: PolicyRuleInput[] = [
  {
    id: 'plan-coordinator',
    description: 'The coordinator of a household drafts, reads and changes its plan and records the citizen\'s agreement.',
    roles: ['wijkteam-generalist'],
    purposes: ['integraal'],
    relations: ['coordinator'],
    resources: ['plan', 'plan-agreement'],
    actions: ['read', 'create', 'update', 'export'],
    legalBasis: 'Wmo 2015 art. 2.3.2 (plan with the citizen) with consent (AVG art. 6(1)(a)) for what crosses laws',
  },
  {
    id: 'plan-signal-caseworkers',
    description: 'A caseworker with a case for a member learns that a household plan exists and who coordinates it, not its content.',
    roles: ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant', 'debt-counsellor'],
    purposes: ['wmo', 'jeugdwet', 'participatiewet', 'wgs'],
    relations: ['case', 'team-case'],
    resources: ['plan'],
    actions: ['read'],
    view: 'signal',
    legalBasis: 'Need to know who coordinates (Wmo 2015 art. 2.3.2; Jeugdwet art. 2.3; Participatiewet art. 64; Wgs art. 8a)',
  },
  {
    id: 'assessment-caseworkers',
    description: 'Caseworkers score and read assessments (ZRM, Participatieladder, Positieve Gezondheid) of residents they work with.',
    roles: ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant'],
    purposes: ['wmo', 'jeugdwet', 'participatiewet', 'integraal'],
    relations: ['case', 'team-case', 'coordinator'],
    resources: ['assessment'],
    actions: ['read', 'create'],
    legalBasis: 'Onderzoek naar de situatie (Wmo 2015 art. 2.3.2(4); Jeugdwet art. 2.3; Participatiewet art. 44a)',
  },
  {
    id: 'instrument-and-catalogue-read',
    description: 'All staff read the assessment instruments, the level texts their municipality loaded and the offerings catalogue (no personal data).',
    roles: ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant', 'debt-counsellor', 'decision-maker', 'quality-analyst', 'functional-administrator', 'auditor'],
    relations: ['none'],
    resources: ['assessment-instrument', 'offering'],
    actions: ['read'],
    legalBasis: 'Public instrument and catalogue description (no personal data)',
  },
  {
    id: 'instrument-and-catalogue-manage',
    description: 'Functional administrators load the licensed per-level texts of an instrument and manage the offerings catalogue.',
    roles: ['functional-administrator'],
    relations: ['none'],
    resources: ['assessment-instrument', 'offering'],
    actions: ['create', 'update'],
    legalBasis: 'Municipal mandate for the administration of the system',
  },
  {
    id: 'offering-enrolment-caseworkers',
    description: 'Caseworkers enrol residents they work with in general and group offerings and record their attendance.',
    roles: ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant'],
    purposes: ['wmo', 'jeugdwet', 'integraal'],
    relations: ['case', 'team-case', 'coordinator'],
    resources: ['offering-enrolment'],
    actions: ['read', 'create', 'update'],
    legalBasis: 'Algemene voorziening (Wmo 2015 art. 1.1.1, 2.3.2(4)(c); Jeugdwet art. 2.6) in the plan agreed with the citizen',
  },
];
