import type { PolicyRuleInput } from '../contract';

/**
 * The default policy's rules for provisions, contracting and the iStandaarden exchange. Deny by default: only what is listed here is allowed.
 *
 * Invoices (323) and payment batches: the municipality's back office (the decision-maker role,
 * team "Backoffice Wmo en Jeugd" in the demo) receives declarations, reads the verdicts and
 * approves payment, under the law of the message: an iWmo invoice under the Wmo purpose, an iJw
 * invoice under the Jeugdwet purpose. No relation with the client is needed: verifying and paying
 * the care delivered on an allocation is the back office's task for every client. Caseworkers,
 * analysts, administrators and auditors get nothing here.
 */
const invoiceRules: PolicyRuleInput[] = [
  {
    id: 'exchange-invoice-work',
    description: 'The back office receives invoices (323) from care providers and reads the verdict of each line.',
    roles: ['decision-maker'],
    purposes: ['wmo', 'jeugdwet'],
    relations: ['none'],
    resources: ['invoice'],
    actions: ['create', 'read'],
    legalBasis: 'Wmo 2015 art. 5.1.1 lid 2 and Jeugdwet art. 7.4.0 lid 2 (verantwoording en betaling van geleverde zorg)',
  },
  {
    id: 'exchange-payment-batch',
    description: 'The back office makes payment batches of approved invoice lines and exports them for the financial system.',
    roles: ['decision-maker'],
    purposes: ['wmo', 'jeugdwet'],
    relations: ['none'],
    resources: ['payment-batch'],
    actions: ['create', 'read', 'export'],
    legalBasis: 'Wmo 2015 art. 5.1.1 lid 2 and Jeugdwet art. 7.4.0 lid 2 (betaling van geleverde zorg)',
  },
];

// --- exchange: regie messages (301/302, 305-308, 315-320) ------------------------------------------
//
// The municipality's back office (the decision-maker role) receives the providers' messages (start
// and stop of care, requests, retours), answers requests and sends allocation messages, under the
// law of the message: iWmo under the Wmo purpose, iJw under the Jeugdwet purpose. No relation with
// the client is needed: the exchange with providers is the back office's task for every client,
// and every client touched is audited. The law's consultants and the wijkteam generalist (who
// allocate in some werkwijzen) see the exchange status of the allocations of their own and their
// team's clients. Analysts, administrators and auditors get nothing here.
const regieByLaw = [
  { law: 'wmo', caseworkers: ['wmo-consultant', 'wijkteam-generalist'], basis: 'Wmo 2015 art. 2.3.5 and 5.1.1; iWmo 3.2' },
  { law: 'jeugdwet', caseworkers: ['youth-consultant', 'wijkteam-generalist'], basis: 'Jeugdwet art. 2.3 and 7.4.0; iJw 3.2' },
] as const;

const regieMessageRules: PolicyRuleInput[] = regieByLaw.flatMap((l): PolicyRuleInput[] => [
  {
    id: `exchange-regie-receive-${l.law}`,
    description: `The back office receives ${l.law} messages from care providers (305, 307, 315, 317, 302, 320) and reads the message log.`,
    roles: ['decision-maker'],
    purposes: [l.law],
    relations: ['none'],
    resources: ['exchange-message', 'care-delivery'],
    actions: ['create', 'read'],
    legalBasis: `${l.basis} (berichtenverkeer met aanbieders)`,
  },
  {
    id: `exchange-regie-requests-${l.law}`,
    description: `The back office reads the ${l.law} requests inbox (315/317) and answers requests (319, or an allocation sent in a 301).`,
    roles: ['decision-maker'],
    purposes: [l.law],
    relations: ['none'],
    resources: ['allocation-request'],
    actions: ['read', 'decide'],
    legalBasis: `${l.basis} (verzoek om toewijzing en wijziging)`,
  },
  {
    id: `exchange-regie-allocation-messages-${l.law}`,
    description: `The back office sends ${l.law} allocations to the provider (301), downloads them and reads the provider's answer (302).`,
    roles: ['decision-maker'],
    purposes: [l.law],
    relations: ['none'],
    resources: ['allocation-message'],
    actions: ['create', 'read', 'export'],
    legalBasis: `${l.basis} (toewijzing)`,
  },
  {
    id: `exchange-regie-status-${l.law}`,
    description: `${l.law} caseworkers read the exchange status of their own and their team's clients' allocations (301/302, start and stop of care).`,
    roles: [...l.caseworkers],
    purposes: [l.law],
    relations: ['case', 'team-case'],
    resources: ['allocation-message', 'care-delivery'],
    actions: ['read'],
    legalBasis: `${l.basis} (uitvoering van de toewijzing)`,
  },
]);


export const exchangeRules: PolicyRuleInput[] = [...invoiceRules, ...regieMessageRules];
