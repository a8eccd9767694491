import type { PolicyRuleInput } from '../contract';

/**
 * The default policy's rules for the citizen portal. Deny by default: only what is listed here is allowed.
 *
 * A citizen reaches only their own data and that of people they legally represent: which people
 * those are is decided by the portal (BRP gezag, recorded curatele or machtiging) before it asks
 * the policy, so these rules need no relation. Staff reach the message thread of a resident only
 * with a working relation under a purpose (the coordinator, or the team on a case).
 */
export const portalRules: PolicyRuleInput[] = [
  {
    id: 'citizen-own-portal',
    description: 'A resident reads, submits and downloads their own data in the portal, and that of people they legally represent.',
    roles: ['citizen'],
    relations: ['none'],
    resources: ['portal-request', 'portal-case', 'portal-data', 'portal-message', 'portal-plan', 'portal-consent', 'portal-offering'],
    actions: ['read', 'create', 'update', 'export'],
    legalBasis: 'AVG art. 15 (recht op inzage) en art. 6(1)(e); melding op verzoek van de inwoner (Wmo 2015 art. 2.3.2, Wgs art. 4)',
  },
  {
    // The portal checks first that the person is the citizen or someone they represent (and, for a
    // plan, that the person is a member of it); only then do the plan and consent use cases run.
    id: 'citizen-own-plan-and-consent',
    description: 'A resident reads their household plan, agrees to a version or asks for a change, reads and withdraws their consents, and signs up for group offerings, in the portal.',
    roles: ['citizen'],
    relations: ['none'],
    resources: ['plan', 'plan-agreement', 'consent', 'offering', 'offering-enrolment'],
    actions: ['read', 'create', 'update'],
    legalBasis: 'Wmo 2015 art. 2.3.2 (het plan is van de inwoner); AVG art. 7(3) (toestemming intrekken) en art. 15 (inzage)',
  },
  {
    // Only after the same portal checks as above: the plan PDF the citizen downloads is an export of the plan.
    id: 'citizen-own-plan-pdf',
    description: 'A resident downloads their household plan as PDF in the portal.',
    roles: ['citizen'],
    relations: ['none'],
    resources: ['plan'],
    actions: ['export'],
    legalBasis: 'Wmo 2015 art. 2.3.2 (het plan is van de inwoner); AVG art. 15 (inzage) en art. 20',
  },
  {
    id: 'staff-record-representation',
    description: 'A caseworker working with a resident records a court order that makes someone their legal representative (curatele, mentorschap, bewindvoering) with its reference; it takes effect only after a second staff member approves it.',
    roles: ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant', 'debt-counsellor'],
    purposes: ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'],
    relations: ['case', 'team-case', 'coordinator'],
    resources: ['representation'],
    actions: ['create', 'read'],
    legalBasis: 'BW 1:381 (curatele), 1:453 (mentorschap), 1:441 (bewind)',
  },
  {
    // The use case refuses the one who recorded it: this rule only says who may be the second person.
    id: 'staff-approve-representation',
    description: 'A second staff member working with the resident (or the back office) checks a recorded court order and approves or rejects it.',
    roles: ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant', 'debt-counsellor', 'decision-maker'],
    purposes: ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'],
    relations: ['case', 'team-case', 'coordinator'],
    resources: ['representation'],
    actions: ['decide', 'read'],
    legalBasis: 'BW 1:381, 1:453, 1:441: vier ogen op de vastlegging van een vertegenwoordiger',
  },
  {
    id: 'staff-portal-thread',
    description: 'The coordinator, or the team on a case, reads and answers the resident\'s portal messages.',
    roles: ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant', 'debt-counsellor'],
    purposes: ['wmo', 'jeugdwet', 'participatiewet', 'wgs', 'integraal'],
    relations: ['case', 'team-case', 'coordinator'],
    resources: ['portal-message'],
    actions: ['read', 'create'],
    legalBasis: 'Contact met de inwoner binnen de lopende hulp (AVG art. 6(1)(e) met de wet van het doel)',
  },
];
