import { zrmDomainKeys } from '@kern/assessments';
import { planContentSchema, type PlanContent } from '@kern/plans';
import { scaleHouseholdMembers, scaleMix, type ScaleMember } from '@kern/registry';

/**
 * The shape of a generated city, computed in JavaScript before any SQL runs, with the same
 * arithmetic the SQL uses: how many households make the asked number of residents, and how many
 * of them become clients and take part in a group offering. The SQL then writes exactly this.
 */
export const CLIENT_HOUSEHOLD_PERMILLE = 167; // about one resident in six is a client
export const ENROLMENT_PERCENT = 25;

export const isClientHousehold = (k: number): boolean => scaleMix(k, 20) % 1000 < CLIENT_HOUSEHOLD_PERMILLE;
export const isEnrolled = (m: ScaleMember): boolean => scaleMix(m.slot, 40) % 100 < ENROLMENT_PERCENT;

export interface CityShape {
  households: number;
  residents: number;
  clients: number;
  clientHouseholds: number;
  enrolments: number;
}

export function cityShape(residents: number): CityShape {
  const shape: CityShape = { households: 0, residents: 0, clients: 0, clientHouseholds: 0, enrolments: 0 };
  for (let k = 0; shape.residents < residents; k++) {
    const members = scaleHouseholdMembers(k);
    shape.households = k + 1;
    shape.residents += members.length;
    if (isClientHousehold(k) && members.length > 0) {
      shape.clientHouseholds++;
      shape.clients += members.length;
      shape.enrolments += members.filter(isEnrolled).length;
    }
  }
  return shape;
}

const goalTexts: Record<string, string> = {
  financien: 'Rekeningen op tijd betalen en geen nieuwe schulden maken',
  'werk-opleiding': 'Een opleiding of werk vinden dat past',
  tijdsbesteding: 'Elke week een vaste dagbesteding',
  huisvesting: 'Een veilige en betaalbare woning houden',
  'huiselijke-relaties': 'Minder ruzie thuis',
  'geestelijke-gezondheid': 'Beter slapen en minder piekeren',
  'lichamelijke-gezondheid': 'Meer bewegen',
  middelengebruik: 'Minder drinken',
  'basale-adl': 'Zelf kunnen douchen en aankleden',
  'instrumentele-adl': 'Zelf boodschappen doen',
  'sociaal-netwerk': 'Mensen in de buurt leren kennen',
  'maatschappelijke-participatie': 'Meedoen in de buurt',
  justitie: 'Afspraken met de reclassering nakomen',
};
const owners = [
  { kind: 'citizen', name: 'U zelf' },
  { kind: 'network', name: 'Familie' },
  { kind: 'professional', name: 'Wijkteam' },
  { kind: 'provider', name: 'Zorgaanbieder' },
] as const;

/** A dozen plan contents the generator picks from; every one passes the plan schema. */
export function planTemplates(): PlanContent[] {
  return Array.from({ length: 12 }, (_, t) => {
    const domains = [0, 1, 2].slice(0, 1 + (t % 3)).map((i) => zrmDomainKeys[(t * 5 + i * 3) % zrmDomainKeys.length] ?? 'financien');
    return planContentSchema.parse({
      goals: domains.map((domain, i) => ({ id: `g${i + 1}`, domain, text: goalTexts[domain] ?? domain })),
      actions: domains.flatMap((domain, i) => [
        { id: i === 0 ? 'a1' : `a${i + 1}`, goalId: `g${i + 1}`, text: `Eerste stap: ${goalTexts[domain] ?? domain}`.slice(0, 200), owner: owners[(t + i) % owners.length], dueDate: '2026-06-30' },
      ]),
      agreements: [{ id: 'afs1', text: 'We zien elkaar elke twee weken.' }],
      reviewDates: ['2026-09-01'],
    });
  });
}
