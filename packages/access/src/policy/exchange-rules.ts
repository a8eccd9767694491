import type { PolicyRuleInput } from '../access.schema';

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
export const exchangeRules: PolicyRuleInput[] = [
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
