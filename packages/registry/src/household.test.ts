import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DomainError } from '@kern/kit';
import { createBrpClient, type BrpClient } from './brp-client';
import { DEMO_HOUSEHOLDS, demoHouseholdBsns } from './demo-households';
import { startFakeBrp, type RunningFakeBrp } from './fake-brp';
import { deriveHousehold, loadHousehold, sameAddress } from './household';
import { householdSchema, type Household, type Resident } from './contract';

const summary = (h: Household): [string, boolean, string | undefined][] =>
  h.members.map((m) => [m.relation, m.livesElsewhere, m.name.givenNames ?? undefined]);

describe('loadHousehold on real families from the GBA-V test set', () => {
  let brp: RunningFakeBrp;
  let client: BrpClient;
  beforeAll(async () => {
    brp = await startFakeBrp();
    client = createBrpClient({ baseUrl: brp.url });
  });
  afterAll(async () => {
    await brp.close();
  });

  it('finds Johan Groot Esselink’s partner and three children at Hofdijk 651 and three children living elsewhere', async () => {
    const h = householdSchema.parse(await loadHousehold(client, '999999345', '0599'));
    expect(h.address).toMatchObject({ street: 'Hofdijk', houseNumber: 651, postcode: '3032CG' });
    expect(summary(h)).toEqual([
      ['self', false, 'Johan'],
      ['partner', false, 'Wilma'],
      ['child', false, 'Teun'],
      ['child', false, 'Daan'],
      ['child', false, 'Hein'],
      ['child', true, 'Fien'],
      ['child', true, 'Maud'],
      ['child', true, 'Trix'],
      ['parent', true, 'Tinus'],
      ['parent', true, 'Marie'],
    ]);
    // Fien lives in Rotterdam too, so her full record is available; Johan's parents have no BSN.
    const fien = h.members.find((m) => m.name.givenNames === 'Fien');
    expect(fien?.resident?.address).toMatchObject({ street: 'Spaanseweg', houseNumber: 4 });
    expect(h.members.filter((m) => m.relation === 'parent').every((m) => m.bsn === undefined && m.resident === undefined)).toBe(true);
  });

  it('shows a son registered in another municipality from the subject’s own record only', async () => {
    const h = await loadHousehold(client, '999992247', '0599');
    const reindert = h.members.find((m) => m.bsn === '999993719');
    expect(reindert).toMatchObject({ relation: 'child', livesElsewhere: true, name: { fullName: 'Reindert Zaal' }, birthDate: '1980-05-14' });
    expect(reindert?.resident).toBeUndefined();
    expect(summary(h).slice(0, 3)).toEqual([
      ['self', false, 'Kees'],
      ['partner', false, 'Josephina Maria'],
      ['child', false, 'Siebrand'],
    ]);
  });

  it('derives the same household from the child’s side: the child’s parents are marked parent', async () => {
    const h = await loadHousehold(client, '999996629', '0518');
    expect(summary(h)).toEqual([
      ['self', false, 'Vincent Frederik Declan'],
      ['parent', false, 'Kevin'],
      ['parent', false, 'Olivia Ghislaine'],
    ]);
  });

  it('throws not-found for a subject registered in another municipality', async () => {
    const e: unknown = await loadHousehold(client, '999996538', '0599').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('not-found');
  });

  it('every demo household has its subject, a partner and at least one child at home, in its own municipality', async () => {
    for (const demo of DEMO_HOUSEHOLDS) {
      const h = await loadHousehold(client, demo.bsn, demo.municipalityCode);
      const home = h.members.filter((m) => !m.livesElsewhere);
      expect(home[0]?.name.fullName, demo.name).toBe(demo.name);
      expect(home.some((m) => m.relation === 'partner'), demo.name).toBe(true);
      expect(home.some((m) => m.relation === 'child'), demo.name).toBe(true);
      expect(home.every((m) => m.resident?.municipalityCode === demo.municipalityCode)).toBe(true);
    }
    expect(demoHouseholdBsns('0599')).toEqual(['999999345', '999992247']);
    expect(demoHouseholdBsns('0518')).toEqual(['999996538', '999993380']);
  });
});

describe('deriveHousehold (pure)', () => {
  const name = (givenNames: string) => ({ givenNames, prefix: null, surname: 'Test', fullName: `${givenNames} Test` });
  const address = { street: 'Dorpsstraat', houseNumber: 1, postcode: '1234AB', city: 'Ergens' };
  const person = (bsn: string, given: string, extra: Partial<Resident> = {}): Resident => ({
    bsn,
    name: name(given),
    birthDate: '1980-01-01',
    gender: 'unknown',
    address,
    municipalityCode: '0599',
    deceased: false,
    partners: [],
    parents: [],
    children: [],
    ...extra,
  });

  it('marks someone at the address without a family tie as housemate', () => {
    const h = deriveHousehold(person('111111110', 'Ada'), [person('222222220', 'Kamergenoot')]);
    expect(summary(h)).toEqual([
      ['self', false, 'Ada'],
      ['housemate', false, 'Kamergenoot'],
    ]);
  });

  it('recognises a relation recorded on either side', () => {
    const subject = person('111111110', 'Ada');
    const child = person('222222220', 'Kind', { parents: [{ bsn: '111111110', name: name('Ada'), birthDate: null }] });
    expect(summary(deriveHousehold(subject, [child]))[1]).toEqual(['child', false, 'Kind']);
  });

  it('leaves out deceased people and dissolved partners', () => {
    const ex = { bsn: '333333330', name: name('Ex'), birthDate: null, dissolvedOn: '2010-01-01' };
    const subject = person('111111110', 'Ada', { partners: [ex] });
    const h = deriveHousehold(subject, [person('222222220', 'Overleden', { deceased: true }), person('333333330', 'Ex', { address: { ...address, houseNumber: 9 } })]);
    expect(summary(h)).toEqual([['self', false, 'Ada']]);
  });

  it('compares addresses by BAG object when both have one, else by postcode, number, letter and addition', () => {
    expect(sameAddress({ ...address, addressableObjectId: '1' }, { ...address, addressableObjectId: '2' })).toBe(false);
    expect(sameAddress({ ...address, addressableObjectId: '1' }, { ...address, postcode: '9999ZZ', addressableObjectId: '1' })).toBe(true);
    expect(sameAddress(address, { ...address, postcode: '1234 ab' })).toBe(true);
    expect(sameAddress(address, { ...address, houseLetter: 'A' })).toBe(false);
    expect(sameAddress({ ...address, houseNumberAddition: 'bis' }, { ...address, houseNumberAddition: 'BIS' })).toBe(true);
    expect(sameAddress(undefined, address)).toBe(false);
  });
});
