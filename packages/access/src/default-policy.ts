import { policyDocumentSchema, type PolicyDocument } from './contract';
import { catalogueRules } from './policy/catalogue-rules';
import { clientViewRules } from './policy/client-view-rules';
import { debtRules } from './policy/debt-rules';
import { exchangeRules } from './policy/exchange-rules';
import { insightRules } from './policy/insight-rules';
import { portalRules } from './policy/portal-rules';
import { provisionsRules } from './policy/provisions-rules';

/**
 * The policy Kern ships. A municipality starts here and may store its own version
 * (table access_policies). Deny by default: anything not granted below is refused.
 *
 * Reading: each law's consultant works on their own and their team's cases under that law;
 * the wijkteam generalist works under Wmo, Jeugdwet and integral coordination; the coordinator
 * of a household sees it under the integral purpose; the decision maker reads the case under
 * the law they decide on. Quality analysts, functional administrators and auditors see no
 * resident data at all. Search returns identifying data only and is open to caseworkers,
 * because finding a resident comes before any relation exists (search first, no browsing).
 */
const caseworkers = [
  'wijkteam-generalist',
  'wmo-consultant',
  'youth-consultant',
  'income-consultant',
  'debt-counsellor',
  'decision-maker',
] as const;

/**
 * Working on a case (reading it, moving it through its steps, deciding) follows the same
 * doelbinding as reading the resident: the law's own roles, with a case relation.
 */
function caseRules() {
  const byLaw = [
    { purpose: 'wmo', roles: ['wmo-consultant', 'wijkteam-generalist', 'decision-maker'], basis: 'Wmo 2015 art. 2.3.2 and 5.1.1' },
    { purpose: 'jeugdwet', roles: ['youth-consultant', 'wijkteam-generalist', 'decision-maker'], basis: 'Jeugdwet art. 2.3 and 7.4.0' },
    { purpose: 'participatiewet', roles: ['income-consultant', 'decision-maker'], basis: 'Participatiewet art. 64' },
    { purpose: 'wgs', roles: ['debt-counsellor'], basis: 'Wgs art. 3 and 8a' },
    { purpose: 'integraal', roles: ['wijkteam-generalist'], basis: 'Wmo 2015 art. 2.3.2 with consent for what crosses laws' },
  ] as const;
  return byLaw.flatMap((l) => [
    {
      id: `case-work-${l.purpose}`,
      description: `Work on ${l.purpose} cases you or your team are involved in, or coordinate.`,
      roles: [...l.roles],
      purposes: [l.purpose],
      relations: ['case', 'team-case', 'coordinator'],
      resources: ['case'],
      actions: ['read', 'update', 'decide'],
      legalBasis: l.basis,
    },
    {
      // Starting a case from a melding is what creates the relation, so it needs none.
      id: `case-start-${l.purpose}`,
      description: `Start a ${l.purpose} case from a melding.`,
      roles: l.roles.filter((r) => r !== 'decision-maker'),
      purposes: [l.purpose],
      relations: ['case', 'team-case', 'coordinator', 'none'],
      resources: ['case'],
      actions: ['create'],
      legalBasis: `Melding: ${l.basis}`,
    },
  ]);
}

export const defaultPolicy: PolicyDocument = policyDocumentSchema.parse({
  name: 'Kern standaardbeleid 2026',
  rules: [
    {
      id: 'search-identification',
      description: 'Caseworkers may look a resident up by BSN, surname + birth date, or postcode + house number.',
      roles: [...caseworkers],
      purposes: ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'],
      relations: ['case', 'team-case', 'coordinator', 'none'],
      resources: ['resident-search'],
      actions: ['search'],
      legalBasis: 'AVG art. 6(1)(e) with the law of the chosen purpose',
    },
    {
      id: 'wmo-own-cases',
      description: 'Wmo consultants and generalists read residents they or their team work on under the Wmo.',
      roles: ['wmo-consultant', 'wijkteam-generalist'],
      purposes: ['wmo'],
      relations: ['case', 'team-case'],
      resources: ['resident', 'household'],
      actions: ['read'],
      legalBasis: 'Wmo 2015 art. 5.1.1',
    },
    {
      id: 'jeugd-own-cases',
      description: 'Youth consultants and generalists read residents they or their team work on under the Jeugdwet.',
      roles: ['youth-consultant', 'wijkteam-generalist'],
      purposes: ['jeugdwet'],
      relations: ['case', 'team-case'],
      resources: ['resident', 'household'],
      actions: ['read'],
      legalBasis: 'Jeugdwet art. 7.4.0',
    },
    {
      id: 'participatie-own-cases',
      description: 'Income consultants read residents they or their team work on under the Participatiewet.',
      roles: ['income-consultant'],
      purposes: ['participatiewet'],
      relations: ['case', 'team-case'],
      resources: ['resident', 'household'],
      actions: ['read'],
      legalBasis: 'Participatiewet art. 64',
    },
    {
      id: 'wgs-own-cases',
      description: 'Debt counsellors read residents they or their team work on under the Wgs.',
      roles: ['debt-counsellor'],
      purposes: ['wgs'],
      relations: ['case', 'team-case'],
      resources: ['resident', 'household'],
      actions: ['read'],
      legalBasis: 'Wgs art. 8a',
    },
    {
      id: 'decision-own-cases',
      description: 'The back office reads the residents of cases it decides on.',
      roles: ['decision-maker'],
      purposes: ['wmo', 'jeugdwet', 'participatiewet'],
      relations: ['case', 'team-case'],
      resources: ['resident', 'household'],
      actions: ['read'],
      legalBasis: 'Awb art. 3:2 with the law of the purpose',
    },
    {
      id: 'coordinator-household',
      description: 'The coordinator of a household reads it under integral coordination.',
      roles: ['wijkteam-generalist'],
      purposes: ['integraal'],
      relations: ['coordinator'],
      resources: ['resident', 'household'],
      actions: ['read'],
      legalBasis: 'Wmo 2015 art. 2.3.2 with consent (AVG art. 6(1)(a)) for what crosses laws',
    },
    ...caseRules(),
    {
      id: 'worklist-own',
      description: 'Caseworkers see their own and their teams\' worklists (case references, steps and deadlines; no resident data).',
      roles: [...caseworkers],
      relations: ['none'],
      resources: ['worklist'],
      actions: ['read'],
      legalBasis: 'Municipal task organisation (no personal data shown)',
    },
    {
      // issue 15: work that fits the person; the use case checks the team and the task's role
      id: 'worklist-assign',
      description: 'Caseworkers claim their teams\' tasks, hand them to a colleague of the team with the role, or return them to the team.',
      roles: [...caseworkers],
      relations: ['none'],
      resources: ['worklist'],
      actions: ['update'],
      legalBasis: 'Municipal task organisation (no personal data shown)',
    },
    {
      id: 'werkwijze-read',
      description: 'All staff may read the werkwijzen: they are process descriptions, not personal data.',
      roles: ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant', 'debt-counsellor', 'decision-maker', 'quality-analyst', 'functional-administrator', 'auditor'],
      relations: ['none'],
      resources: ['werkwijze'],
      actions: ['read'],
      legalBasis: 'Public process description',
    },
    {
      id: 'werkwijze-manage',
      description: 'Functional administrators import, activate and migrate werkwijzen.',
      roles: ['functional-administrator'],
      relations: ['none'],
      resources: ['werkwijze'],
      actions: ['create', 'update'],
      legalBasis: 'Municipal mandate for the administration of the system',
    },
    {
      id: 'statutory-calendar-read',
      description: 'All staff may compute a statutory term and read the decrees of the statutory calendar: law, not personal data.',
      roles: ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant', 'debt-counsellor', 'decision-maker', 'quality-analyst', 'functional-administrator', 'auditor', 'contract-manager', 'team-lead'],
      relations: ['none'],
      resources: ['statutory-calendar'],
      actions: ['read'],
      legalBasis: 'Algemene termijnenwet (public law)',
    },
    {
      // The decree is national: a decree added here counts for every municipality on the installation.
      id: 'statutory-calendar-manage',
      description: 'Functional administrators add the next Royal decree equating days with holidays (Atw art. 3 lid 3).',
      roles: ['functional-administrator'],
      relations: ['none'],
      resources: ['statutory-calendar'],
      actions: ['create'],
      legalBasis: 'Algemene termijnenwet art. 3 lid 3; municipal mandate for the administration of the system',
    },
    {
      // Creating an involvement through the API is only ever a request now (open-involvement.ts):
      // the relation exists once someone else approves it (issue 22).
      id: 'open-case',
      description: 'Caseworkers may ask for a relation with a resident under their own law (a request another person decides), and close their own.',
      roles: [...caseworkers],
      purposes: ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'],
      relations: ['case', 'team-case', 'coordinator', 'none'],
      resources: ['involvement'],
      actions: ['create', 'update'],
      legalBasis: 'Melding under the law of the purpose',
    },
    {
      id: 'break-glass',
      description: 'Access outside the rules above, granted per resident with a written reason and reviewed afterwards.',
      roles: [...caseworkers],
      purposes: ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'],
      relations: ['break-glass'],
      resources: ['resident', 'household'],
      actions: ['read'],
      legalBasis: 'Doorbreekglas: reason recorded, reviewed by the auditor',
    },
    {
      id: 'involvement-request-team-lead',
      description: 'A team lead reads and decides the requests for a relation of the members of their teams (never their own); no resident data.',
      roles: ['team-lead'],
      relations: ['none'],
      resources: ['involvement-request'],
      actions: ['read', 'decide'],
      legalBasis: 'Municipal task organisation: the team lead assigns the work (AVG art. 5(1)(b) need-to-know)',
    },
    {
      id: 'involvement-request-coordinator',
      description: "The household's coordinator decides requests for a relation with the members of the household they coordinate.",
      roles: ['wijkteam-generalist'],
      purposes: ['integraal'],
      relations: ['coordinator'],
      resources: ['involvement-request'],
      actions: ['decide'],
      legalBasis: 'Wmo 2015 art. 2.3.2: the coordinator directs who works with the household',
    },
    {
      id: 'involvement-request-own',
      description: 'Caseworkers see their own requests for a relation.',
      roles: [...caseworkers],
      relations: ['none'],
      resources: ['involvement-request'],
      actions: ['read'],
      legalBasis: 'AVG art. 6(1)(e): the requester follows their own request',
    },
    {
      id: 'auditor-relations',
      description: 'Auditors review the relations opened and the requests for one, beside the break-the-glass grants.',
      roles: ['auditor'],
      relations: ['none'],
      resources: ['involvement', 'involvement-request'],
      actions: ['read'],
      legalBasis: 'AVG art. 5(2) and art. 32 (accountability, security of processing)',
    },
    {
      id: 'auditor-log',
      description: 'Auditors read, export and review the audit log and break-the-glass grants.',
      roles: ['auditor'],
      relations: ['none'],
      resources: ['audit-log', 'break-glass-grant'],
      actions: ['read', 'export', 'review'],
      legalBasis: 'AVG art. 5(2) and art. 32 (accountability, security of processing)',
    },
    ...clientViewRules,
    ...portalRules,
    ...provisionsRules,
    ...exchangeRules,
    // product catalogue and contracting
    ...catalogueRules,
    ...debtRules,
    ...insightRules,
    {
      id: 'admin-configuration',
      description: 'Functional administrators read and change the access policy and the municipality settings.',
      roles: ['functional-administrator'],
      relations: ['none'],
      resources: ['access-policy', 'municipality-settings'],
      actions: ['read', 'create', 'update'],
      legalBasis: 'Municipal mandate for the administration of the system',
    },
    {
      // Four eyes: a proposed policy version takes effect only when another administrator approves
      // it (the use case refuses the proposer's own approval).
      id: 'admin-policy-approval',
      description: 'A second functional administrator approves or rejects a proposed version of the access policy.',
      roles: ['functional-administrator'],
      relations: ['none'],
      resources: ['access-policy'],
      actions: ['decide'],
      legalBasis: 'Municipal mandate for the administration of the system, four eyes',
    },
  ],
  breakGlass: { roles: [...caseworkers], minutes: 60, minReasonLength: 20 },
});
