import { PolicyStore, type AccessContext } from '@kern/access';
import { advanceCase, startCaseFromMelding } from '@kern/cases';
import { isoDay, withTenant, type AnyDb } from '@kern/db';
import { systemClock } from '@kern/kit';
import { allocateProvision, decisionsForPerson, recordDecision, type ProvisionsServices } from '@kern/provisions';
import { AGB_JEUGD, AGB_THUISZORG, insertDemoContracts } from './demo-contracts';
import { actorFor } from './actors';
import { demoCities } from './demo';

const daysFrom = (n: number) => isoDay(new Date(Date.now() + n * 86_400_000));

/**
 * Decisions and allocations for the demo families, through the use cases on each city's own Wmo
 * werkwijze and on een-loket for youth care: the parent is granted household help in kind
 * (3 hours a week, allocated to the home-care provider, AGB 12345678) and a pgb for support; the
 * child two hours of ambulant youth care a week (allocated to the youth-care provider, AGB
 * 23456789). The providers and their contracts come from insertDemoContracts until the
 * contracting module seeds its own. Idempotent: a family with a decision is left alone.
 */
export async function seedDemoProvisions(db: AnyDb): Promise<void> {
  const services: ProvisionsServices = { db, clock: systemClock, policies: new PolicyStore() };
  const from = daysFrom(-30);
  const until = daysFrom(335);
  for (const city of demoCities) {
    await insertDemoContracts(db, city.code, daysFrom(-365));
    const f = city.family;
    const wmo: AccessContext = { actor: await actorFor(db, `${city.prefix}.wmo`), purpose: 'wmo' };
    const jeugd: AccessContext = { actor: await actorFor(db, `${city.prefix}.jeugd`), purpose: 'jeugdwet' };
    // Rotterdam splits front and back office (the back office decides); The Hague's wijkteam decides within its mandate.
    const split = city.werkwijzen.includes('frontoffice-backoffice');
    const front: AccessContext = { actor: await actorFor(db, `${city.prefix}.generalist`), purpose: 'wmo' };
    const decider: AccessContext = split ? { actor: await actorFor(db, `${city.prefix}.besluit`), purpose: 'wmo' } : front;
    await withTenant(db, city.code, async (tx) => {
      if ((await decisionsForPerson(tx, f.parent)).length > 0) return;
      const meldingDate = daysFrom(-45);

      const reasons = 'U krijgt hulp bij het huishouden: drie uur per week, van een aanbieder die de gemeente inkoopt. Voor begeleiding krijgt u een persoonsgebonden budget, zodat u zelf iemand kiest.';
      const wmoCase = await startCaseFromMelding(services, tx, front, {
        werkwijzeId: split ? 'frontoffice-backoffice' : 'wijkteam-met-mandaat', caseTypeId: 'wmo-maatwerk', subjectBsn: f.parent, householdBsns: [], meldingDate, fields: { hulpvraag: 'Hulp bij het huishouden na een operatie' },
      });
      const step = (ctx: AccessContext, to: string, fields: Record<string, unknown> = {}) => advanceCase(services, tx, ctx, wmoCase.caseId, { to, fields });
      await step(front, 'onderzoeken');
      const verslag = { gespreksverslag: 'Keukentafelgesprek: het huishouden lukt niet meer na de operatie.', clientondersteuningAangeboden: true };
      if (split) {
        await step(front, 'advies-opstellen', verslag);
        await step(front, 'aanvraag', { advies: 'Hulp bij het huishouden en begeleiding.', geadviseerdeCategorieen: ['01', '02'] });
        await step(wmo, 'besluiten', { adviesVolledig: true });
      } else {
        await step(front, 'aanvraag', verslag);
        await step(front, 'besluiten', { aangevraagdeCategorieen: ['01', '02'] });
      }
      const wmoDecision = await recordDecision(services, tx, decider, wmoCase.caseId, {
        outcome: 'granted',
        reasons,
        decidedOn: daysFrom(-31),
        provisions: [
          { category: '01', productCode: '01A01', form: 'zin', volume: 3, unit: '04', frequency: '2', validFrom: from, validTo: until },
          { category: '02', form: 'pgb', pgbAmountCents: 360_000, validFrom: from, validTo: until },
        ],
        transition: { to: 'toewijzen', fields: { besluit: 'toekennen', toegekendeCategorieen: ['01', '02'], motivering: reasons } },
      });
      const homeCare = wmoDecision.decision.provisions.find((p) => p.form === 'zin');
      if (homeCare) await allocateProvision(services, tx, split ? wmo : front, { grantedProvisionId: homeCare.id, providerAgb: AGB_THUISZORG, startDate: from });

      const youthCase = await startCaseFromMelding(services, tx, jeugd, { werkwijzeId: 'een-loket', caseTypeId: 'jeugdhulp', subjectBsn: f.child, householdBsns: [], meldingDate, fields: {} });
      await advanceCase(services, tx, jeugd, youthCase.caseId, { to: 'jeugd-onderzoek', fields: {} });
      await advanceCase(services, tx, jeugd, youthCase.caseId, { to: 'jeugd-aanvraag', fields: { jeugdVerslag: 'Gesprek met ouders en kind over de spanningen thuis.' } });
      await advanceCase(services, tx, jeugd, youthCase.caseId, { to: 'jeugd-besluiten', fields: {} });
      const youthDecision = await recordDecision(services, tx, jeugd, youthCase.caseId, {
        outcome: 'granted',
        reasons: 'Uw kind krijgt twee uur jeugdhulp per week bij u thuis, een half jaar lang. Daarna kijken we samen hoe het gaat.',
        decidedOn: daysFrom(-31),
        provisions: [{ category: '45', productCode: '45A03', form: 'zin', volume: 2, unit: '04', frequency: '2', validFrom: from, validTo: daysFrom(150) }],
        transition: { to: 'jeugd-hulp', fields: { jeugdBesluit: 'toekennen', jeugdCategorieen: ['45'] } },
      });
      const ambulant = youthDecision.decision.provisions[0];
      if (ambulant) await allocateProvision(services, tx, jeugd, { grantedProvisionId: ambulant.id, providerAgb: AGB_JEUGD, startDate: from });
    });
  }
}
