// Test support for the decisions and allocations integration tests (here, not in the domain's src: no domain module imports seed).
import type { AccessContext, Actor } from '@kern/access';
import { advanceCase, startCaseFromMelding } from '@kern/cases';
import type { Tx } from '@kern/db';
import type { ProvisionsServices } from '@kern/provisions';
import { insertDemoContracts } from '../demo-contracts';
import { startSeededTestKit, type SeededTestKit } from './seeded-test-kit';

export { AGB_JEUGD, AGB_THUISZORG } from '../demo-contracts';

export interface ProvisionsTestKit extends SeededTestKit<ProvisionsServices> {
  /** A Rotterdam Wmo case walked on frontoffice-backoffice to the back office's besluit step. */
  wmoCaseAtDecision(subjectBsn: string): Promise<string>;
  /** A Rotterdam Jeugdwet case walked on een-loket to its besluit step. */
  youthCaseAtDecision(subjectBsn: string): Promise<string>;
}

export async function startProvisionsTestKit(now = '2026-03-24T09:00:00Z'): Promise<ProvisionsTestKit> {
  const kit = await startSeededTestKit<ProvisionsServices>({
    now,
    seed: async (db) => {
      await insertDemoContracts(db, '0599');
      await insertDemoContracts(db, '0518');
    },
    services: (base) => base,
  });
  const { services } = kit;
  const actor = (username: string) => kit.actor(username);
  const as = <T>(a: Actor, purpose: AccessContext['purpose'], fn: (tx: Tx, ctx: AccessContext) => Promise<T>): Promise<T> => kit.as(a, purpose, fn);
  const step = async (username: string, purpose: 'wmo' | 'jeugdwet', caseId: string, to: string, fields: Record<string, unknown> = {}) =>
    as(await actor(username), purpose, (tx, ctx) => advanceCase(services, tx, ctx, caseId, { to, fields }));
  return {
    ...kit,
    async wmoCaseAtDecision(subjectBsn) {
      const { caseId } = await as(await actor('rotterdam.generalist'), 'wmo', (tx, ctx) =>
        startCaseFromMelding(services, tx, ctx, { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn, householdBsns: [], meldingDate: '2026-03-10', fields: { hulpvraag: 'Hulp bij het huishouden' } }));
      await step('rotterdam.generalist', 'wmo', caseId, 'onderzoeken');
      await step('rotterdam.generalist', 'wmo', caseId, 'advies-opstellen', { gespreksverslag: 'Keukentafelgesprek met cliënt gevoerd.', clientondersteuningAangeboden: true });
      await step('rotterdam.generalist', 'wmo', caseId, 'aanvraag', { advies: 'Huishoudelijke hulp drie uur per week.', geadviseerdeCategorieen: ['01'] });
      await step('rotterdam.wmo', 'wmo', caseId, 'besluiten', { adviesVolledig: true });
      return caseId;
    },
    async youthCaseAtDecision(subjectBsn) {
      const { caseId } = await as(await actor('rotterdam.jeugd'), 'jeugdwet', (tx, ctx) =>
        startCaseFromMelding(services, tx, ctx, { werkwijzeId: 'een-loket', caseTypeId: 'jeugdhulp', subjectBsn, householdBsns: [], meldingDate: '2026-03-10', fields: {} }));
      await step('rotterdam.jeugd', 'jeugdwet', caseId, 'jeugd-onderzoek');
      await step('rotterdam.jeugd', 'jeugdwet', caseId, 'jeugd-aanvraag', { jeugdVerslag: 'Gesprek met gezin en jeugdige.' });
      await step('rotterdam.jeugd', 'jeugdwet', caseId, 'jeugd-besluiten');
      return caseId;
    },
  };
}
