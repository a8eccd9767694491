import { PolicyStore, type AccessContext, type AccessServices } from '@kern/access';
import { recordAssessment } from '@kern/assessments';
import { isoDay, withTenant, type AnyDb } from '@kern/db';
import { systemClock } from '@kern/kit';
import { createOffering, enrolInOffering } from '@kern/offerings';
import { agreeToPlanVersion, draftPlanVersion, openHouseholdPlan, planSection } from '@kern/plans';
import { loadTestPersons, toResident } from '@kern/registry';
import { actorFor } from './actors';
import { demoCities } from './demo';

const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));

/**
 * The demo families (GBA-V test persons) as clients: a plan the parent agreed to and a newer
 * draft, ZRM and ladder scores three months apart, and a place in a group offering linked to a plan
 * action. Written through the use cases, as the coordinator and the functional administrator would.
 * Idempotent: a family with a plan is left alone.
 */
export async function seedDemoClientData(db: AnyDb): Promise<void> {
  const services: AccessServices = { db, clock: systemClock, policies: new PolicyStore() };
  const names = new Map(loadTestPersons().flatMap((p) => {
    const r = toResident(p);
    return r ? [[r.bsn, r.name.fullName] as const] : [];
  }));
  for (const city of demoCities) {
    const f = city.family;
    const coordinator: AccessContext = { actor: await actorFor(db, `${city.prefix}.generalist`), purpose: 'integraal' };
    const admin: AccessContext = { actor: await actorFor(db, `${city.prefix}.beheer`) };
    await withTenant(db, city.code, async (tx) => {
      if ((await planSection(tx, [f.parent])).length > 0) return;
      const members = [f.parent, f.partner, f.child].map((bsn) => ({ bsn, name: names.get(bsn) ?? bsn }));
      const plan = await openHouseholdPlan(services, tx, coordinator, { anchorBsn: f.parent, members });
      const goals = [
        { id: 'g1', domain: 'financien', memberBsn: f.parent, text: 'Overzicht over de rekeningen en geen nieuwe achterstanden' },
        { id: 'g2', domain: 'sociaal-netwerk', memberBsn: f.partner, text: 'Mensen in de buurt leren kennen' },
        { id: 'g3', domain: 'huiselijke-relaties', memberBsn: null, text: 'Rustiger samen thuis' },
      ];
      const actions = [
        { id: 'a1', goalId: 'g1', text: 'Meedoen aan de lotgenotengroep geldzaken', owner: { kind: 'citizen' as const, name: members[0]?.name ?? 'U' }, dueDate: daysAgo(-60) },
        { id: 'a2', goalId: 'g2', text: 'Samen naar de buurtkamer', owner: { kind: 'network' as const, name: 'Buurvrouw' }, dueDate: daysAgo(-30) },
        { id: 'a3', goalId: 'g3', text: 'Gesprekken over opvoeding', owner: { kind: 'professional' as const, name: 'Wijkteam Noord' }, dueDate: daysAgo(-90) },
      ];
      const content = { goals, actions, agreements: [{ id: 'afs1', text: 'We zien elkaar elke twee weken op dinsdag.' }], reviewDates: [daysAgo(-90)] };
      await draftPlanVersion(services, tx, coordinator, plan.id, { content });
      await agreeToPlanVersion(services, tx, coordinator, plan.id, { version: 1, party: { bsn: f.parent, name: members[0]?.name ?? f.parent }, method: 'in-person' });
      await draftPlanVersion(services, tx, coordinator, plan.id, { content: { ...content, reviewDates: [daysAgo(-90), daysAgo(-180)] }, changeNote: 'Tweede evaluatie toegevoegd' });

      for (const [n, when] of [[0, 120], [1, 30]] as const) {
        await recordAssessment(services, tx, coordinator, { instrumentId: 'zrm-volwassenen', subjectBsn: f.parent, assessedOn: daysAgo(when), scores: { financien: 2 + n, huisvesting: 4, 'huiselijke-relaties': 3, 'sociaal-netwerk': 2 + n, 'geestelijke-gezondheid': 3, 'werk-opleiding': 2 } });
        await recordAssessment(services, tx, coordinator, { instrumentId: 'participatieladder', subjectBsn: f.partner, assessedOn: daysAgo(when), scores: { participatie: 2 + n } });
        await recordAssessment(services, tx, coordinator, { instrumentId: 'positieve-gezondheid', subjectBsn: f.child, assessedOn: daysAgo(when), scores: { lichaamsfuncties: 7, 'mentaal-welbevinden': 5 + n, zingeving: 6, 'kwaliteit-van-leven': 6 + n, meedoen: 5, 'dagelijks-functioneren': 8 } });
      }
      const group = await createOffering(services, tx, admin, { name: 'Lotgenotengroep geldzaken', description: 'Acht avonden samen grip krijgen op geld, met een vrijwilliger van de schuldhulp.', kind: 'group', capacity: 12, lifeDomain: 'financien', location: 'Buurthuis De Linde', startsOn: daysAgo(60) });
      await createOffering(services, tx, admin, { name: 'Buurtkamer', description: 'Inloop voor iedereen, koffie en een praatje.', kind: 'general', lifeDomain: 'sociaal-netwerk', location: 'Buurthuis De Linde', startsOn: daysAgo(365) });
      await enrolInOffering(services, tx, coordinator, group.id, { subjectBsn: f.parent, planId: plan.id, planActionId: 'a1' });
    });
  }
}
