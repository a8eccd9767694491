import type { PolicyRuleInput } from '../contract';

/**
 * The default policy's rules for debt help (Wgs) and the debt fund. Deny by default: only what is listed here is allowed.
 *
 * Wgs art. 8b: an early-warning signal may be processed, with the resident's BRP data, only to
 * offer help. So the signal is a resource of its own (`debt-signal`, view `signal`) that debt
 * counsellors reach without any relation, and everything else about debts (`debt-file`) needs the
 * team relation that only accepting the offer (or asking for help) creates.
 */
export const debtRules: PolicyRuleInput[] = [
  {
    id: 'debt-signal-work',
    description: 'Debt counsellors receive early-warning signals and offer help: the signal and BRP identification only.',
    roles: ['debt-counsellor'],
    purposes: ['wgs'],
    relations: ['case', 'team-case', 'none'],
    resources: ['debt-signal'],
    actions: ['read', 'create', 'update'],
    view: 'signal',
    legalBasis: 'Wgs art. 3 lid 2 sub b and art. 8b (vroegsignalering)',
  },
  {
    id: 'debt-signal-import',
    description: 'Functional administrators load signal files from creditors (no reading back).',
    roles: ['functional-administrator'],
    purposes: ['wgs'],
    relations: ['none'],
    resources: ['debt-signal'],
    actions: ['create'],
    view: 'signal',
    legalBasis: 'Wgs art. 8b; convenant vroegsignalering with the creditor',
  },
  {
    id: 'debt-file-open',
    description: 'Debt counsellors open a debt file on a request for help or an accepted offer; that creates the team relation.',
    roles: ['debt-counsellor'],
    purposes: ['wgs'],
    relations: ['case', 'team-case', 'none'],
    resources: ['debt-file'],
    actions: ['create'],
    legalBasis: 'Wgs art. 3 and 4 (hulpvraag of aanvaard aanbod)',
  },
  {
    id: 'debt-file-work',
    description: 'Debt counsellors work on the debt files of their own team: inventory, VTLB, solution, offers.',
    roles: ['debt-counsellor'],
    purposes: ['wgs'],
    relations: ['case', 'team-case'],
    resources: ['debt-file'],
    actions: ['read', 'update', 'decide', 'export'],
    legalBasis: 'Wgs art. 4a and 8a',
  },
  {
    id: 'debt-norms-read',
    description: 'All staff may read the VTLB norm tables: public figures, no personal data.',
    roles: ['wijkteam-generalist', 'wmo-consultant', 'youth-consultant', 'income-consultant', 'debt-counsellor', 'decision-maker', 'quality-analyst', 'functional-administrator', 'auditor'],
    relations: ['none'],
    resources: ['debt-norms'],
    actions: ['read'],
    legalBasis: 'Public norms (Recofa-methode, Participatiewet art. 21-22a)',
  },
  {
    id: 'debt-norms-manage',
    description: 'Functional administrators store new VTLB norm tables (twice a year).',
    roles: ['functional-administrator'],
    relations: ['none'],
    resources: ['debt-norms'],
    actions: ['create', 'update'],
    legalBasis: 'Municipal mandate for the administration of the system',
  },
  // The municipal debt fund.
  {
    id: 'debt-fund-work',
    description: "Debt counsellors of the file's team take debts over into the fund, record milestones and read the resident's statement.",
    roles: ['debt-counsellor'],
    purposes: ['wgs'],
    relations: ['case', 'team-case'],
    resources: ['debt-fund'],
    actions: ['read', 'create', 'update'],
    legalBasis: 'Wgs art. 3 and 4a; gemeentelijke regeling schuldenfonds',
  },
  {
    id: 'debt-fund-run',
    description: 'Functional administrators run the monthly repayment booking (no reading back of personal data).',
    roles: ['functional-administrator'],
    purposes: ['wgs'],
    relations: ['none'],
    resources: ['debt-fund-run'],
    actions: ['create'],
    legalBasis: 'Gemeentelijke regeling schuldenfonds; Wgs art. 3',
  },
  {
    // Aggregates only, small cells suppressed: the quality analyst steers on them and the debt
    // counsellors see how their fund does; neither sees a resident in them.
    id: 'debt-fund-aggregates',
    description: 'Quality analysts and debt counsellors read the fund dashboard: aggregates by cohort, no personal data.',
    roles: ['quality-analyst', 'debt-counsellor'],
    relations: ['none'],
    resources: ['debt-fund-aggregates'],
    actions: ['read'],
    legalBasis: 'Aggregated management information (no personal data)',
  },
  {
    id: 'debt-fund-terms',
    description: "Functional administrators store the fund's terms (sector percentages, forgiveness rules); all debt staff read them.",
    roles: ['functional-administrator'],
    relations: ['none'],
    resources: ['debt-fund-terms'],
    actions: ['read', 'create'],
    legalBasis: 'Gemeentelijke regeling schuldenfonds',
  },
  {
    id: 'debt-fund-terms-read',
    description: "Debt counsellors, quality analysts and auditors read the fund's terms: municipal rules, no personal data.",
    roles: ['debt-counsellor', 'quality-analyst', 'auditor'],
    relations: ['none'],
    resources: ['debt-fund-terms'],
    actions: ['read'],
    legalBasis: 'Gemeentelijke regeling schuldenfonds',
  },
];
