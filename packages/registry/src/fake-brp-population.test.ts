import { isValidBsn } from '@kern/kit';
import { describe, expect, it } from 'vitest';
import { buildFakeBrpApp, BRP_BASE_PATH } from './fake-brp';
import { deriveHousehold } from './household';
import { toResident } from './resident-mapping';
import { scaleAddress, scaleBsn, scaleHouseholdAt, scaleHouseholdMembers, scaleHouseholdSize, scalePopulation, scaleSlotOf } from './fake-brp-population';
import type { Persoon } from './haal-centraal.schema';

const population = scalePopulation({ municipalityCode: '0363', municipalityName: 'Amsterdam', households: 10_000 });

describe('the generated population', () => {
  it('numbers residents with BSNs that pass the 11-test, away from the GBA-V test persons, and finds the slot back', () => {
    for (let slot = 0; slot < 5_000; slot++) {
      const bsn = scaleBsn(slot);
      if (bsn === undefined) continue;
      expect(isValidBsn(bsn)).toBe(true);
      expect(bsn.startsWith('7')).toBe(true);
      expect(scaleSlotOf(bsn)).toBe(slot);
    }
    // The GBA-V test persons (999...) would only be reached by a city of five million households.
    expect(population.byBsn('999991838')).toBeUndefined();
    expect(scaleSlotOf('999991838')).toBeGreaterThan(29_000_000);
  });

  it('gives every household one address that leads back to it', () => {
    for (const k of [0, 1, 149, 150, 676 * 150, 456_581]) {
      const a = scaleAddress(k);
      expect(scaleHouseholdAt(a.postcode, a.houseNumber)).toBe(k);
    }
  });

  it('has CBS-like household sizes (mean a little over two) and children younger than their parents', () => {
    const sizes = Array.from({ length: 10_000 }, (_, k) => scaleHouseholdSize(k));
    const mean = sizes.reduce((s, n) => s + n, 0) / sizes.length;
    expect(mean).toBeGreaterThan(1.9);
    expect(mean).toBeLessThan(2.5);
    expect(sizes.filter((n) => n === 1).length / sizes.length).toBeGreaterThan(0.3);
    for (let k = 0; k < 2_000; k++) {
      const members = scaleHouseholdMembers(k);
      const head = members.find((m) => m.role === 'head');
      for (const child of members.filter((m) => m.role === 'child')) {
        if (head) expect(child.age).toBeLessThanOrEqual(head.age - 18);
        expect(child.age).toBeLessThan(18);
      }
    }
  });

  it('is served by the fake BRP next to the test persons, and the household derived from it is the generated one', async () => {
    const app = buildFakeBrpApp({ population });
    const k = Array.from({ length: 100 }, (_, i) => i).find((i) => scaleHouseholdMembers(i).length >= 3) ?? 0;
    const members = scaleHouseholdMembers(k);
    const head = members[0];
    if (!head) throw new Error('empty household');
    const post = async (body: object) => (await app.inject({ method: 'POST', url: `${BRP_BASE_PATH}/personen`, payload: body })).json<{ personen: Persoon[] }>().personen;
    const [person] = await post({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [head.bsn, '999991838'], fields: ['burgerservicenummer', 'naam', 'verblijfplaats'] }).then((p) => p.filter((x) => x.burgerservicenummer === head.bsn));
    expect(person?.naam?.volledigeNaam).toBeTruthy();
    const a = scaleAddress(k);
    const atHome = await post({ type: 'ZoekMetPostcodeEnHuisnummer', postcode: a.postcode, huisnummer: a.houseNumber, fields: ['burgerservicenummer'] });
    expect(atHome.map((p) => p.burgerservicenummer).sort()).toEqual(members.map((m) => m.bsn).sort());

    const self = population.byBsn(head.bsn);
    const resident = self ? toResident(self) : undefined;
    if (!resident) throw new Error('no resident');
    const others = members.slice(1).flatMap((m) => {
      const p = population.byBsn(m.bsn);
      const r = p ? toResident(p) : undefined;
      return r ? [r] : [];
    });
    const household = deriveHousehold(resident, others);
    expect(household.members.map((m) => m.bsn).sort()).toEqual(members.map((m) => m.bsn).sort());
    expect(household.members.filter((m) => m.relation === 'child').length).toBe(members.filter((m) => m.role === 'child').length);
  });
});
