import { describe, expect, it } from 'vitest';
import { purposes, roles, type AccessContext, type Purpose, type Role } from './contract';
import { dataCategories } from './contract';
import { defaultPolicy } from './default-policy';
import { decideHouseholdFrom, type MemberRelation } from './household-decisions';

const SUBJECT = '999991838';
const OTHER = '999990512';
const ctxOf = (role: Role, purpose: Purpose): AccessContext => ({
  actor: { kind: 'staff', id: '00000000-0000-4000-8000-000000000001', name: 'T', municipalityCode: '0599', roles: [role], teamIds: [] },
  purpose,
});

/** One letter per data category (wmo, jeugdwet, participatiewet, wgs, education, housing, plan, assessment, offering): F full, S signal, W withheld; '-' = the household is refused. */
function table(role: Role, purpose: Purpose, subject: MemberRelation[], consents: Record<string, string> = {}) {
  const { gate, members } = decideHouseholdFrom(defaultPolicy, ctxOf(role, purpose), {
    subjectBsn: SUBJECT,
    bsns: [SUBJECT, OTHER],
    categories: dataCategories,
    relations: new Map([[SUBJECT, new Set(subject)]]),
    consents: new Map(Object.entries(consents)),
  });
  if (!gate.allowed || gate.relation === 'none') return { subject: '-', other: '-', members };
  const letters = (bsn: string) => (members.get(bsn) ?? []).map((d) => (d.state === 'full' ? 'F' : d.state === 'signal' ? 'S' : 'W')).join('');
  return { subject: letters(SUBJECT), other: letters(OTHER), members };
}

const ALL_S = 'SSSSSSSSS';
/** With an own case for the subject under the purpose: what the subject's and another member's sections show. */
const withCase: Partial<Record<`${Role}/${Purpose}`, string>> = {
  'wijkteam-generalist/wmo': 'FSSSSSSSS',
  'wijkteam-generalist/jeugdwet': 'SFSSFSSSS',
  'wmo-consultant/wmo': 'FSSSSSSSS',
  'youth-consultant/jeugdwet': 'SFSSFSSSS',
  'income-consultant/participatiewet': 'SSFSSSSSS',
  'debt-counsellor/wgs': 'SSSFSSSSS',
  'decision-maker/wmo': 'FSSSSSSSS',
  'decision-maker/jeugdwet': 'SFSSFSSSS',
  'decision-maker/participatiewet': 'SSFSSSSSS',
};
/** As the household's coordinator. */
const asCoordinator: Partial<Record<`${Role}/${Purpose}`, string>> = {
  'wijkteam-generalist/integraal': 'FFSSFFFFF',
};

const combos = roles.flatMap((role) => purposes.map((purpose) => [role, purpose] as const));

describe('the default policy on the household view, for every role and purpose', () => {
  it.each(combos)('%s under %s with a case for the subject', (role, purpose) => {
    const expected = withCase[`${role}/${purpose}`];
    const got = table(role, purpose, ['case']);
    expect(got.subject).toBe(expected ?? '-');
    expect(got.other).toBe(expected ? ALL_S : '-');
  });

  it.each(combos)('%s under %s as the coordinator of the subject', (role, purpose) => {
    const expected = asCoordinator[`${role}/${purpose}`];
    const got = table(role, purpose, ['coordinator']);
    expect(got.subject).toBe(expected ?? '-');
    expect(got.other).toBe(expected ? ALL_S : '-');
  });

  it.each(combos)('%s under %s without any relation sees nothing', (role, purpose) => {
    expect(table(role, purpose, []).subject).toBe('-');
  });

  it('opens income and debts to the coordinator only with the member\'s consent, naming the consent', () => {
    const got = table('wijkteam-generalist', 'integraal', ['coordinator'], { [`${SUBJECT}:wgs`]: 'c-1', [`${OTHER}:participatiewet`]: 'c-2' });
    expect(got.subject).toBe('FFSFFFFFF');
    expect(got.other).toBe('SSFSSSSSS');
    expect(got.members.get(SUBJECT)?.[3]).toMatchObject({ state: 'full', consentId: 'c-1', legalBasis: 'AVG art. 6(1)(a): consent c-1' });
    expect(got.members.get(OTHER)?.[2]).toMatchObject({ state: 'full', consentId: 'c-2', legalBasis: 'AVG art. 6(1)(a): consent c-2' });
  });

  it('does not let a consent to the coordinator open anything for another role', () => {
    expect(table('wmo-consultant', 'wmo', ['case'], { [`${SUBJECT}:wgs`]: 'c-1' }).subject).toBe('FSSSSSSSS');
  });

  it('shows a worker under break-the-glass their law in full and the rest as signals, all flagged, and other members withheld', () => {
    const got = table('wmo-consultant', 'wmo', ['break-glass']);
    expect(got.subject).toBe('FSSSSSSSS');
    expect(got.members.get(SUBJECT)?.every((d) => d.breakGlass)).toBe(true);
    expect(got.other).toBe('WWWWWWWWW');
    expect(got.members.get(OTHER)?.[0]).toEqual({ category: 'wmo', state: 'withheld', breakGlass: false, reason: 'no-relation' });
    expect(table('quality-analyst', 'wmo', ['break-glass']).subject).toBe('-');
  });

  it('prefers the law over the glass: a direct relation is never flagged', () => {
    const got = table('wmo-consultant', 'wmo', ['case', 'break-glass']);
    expect(got.members.get(SUBJECT)?.some((d) => d.breakGlass)).toBe(false);
  });

  it('says why a signal is only a signal: consent would open it, or not', () => {
    const coordinator = table('wijkteam-generalist', 'integraal', ['coordinator']);
    expect(coordinator.members.get(SUBJECT)?.[3]).toMatchObject({ state: 'signal', reason: 'other-law-no-consent' });
    const wmo = table('wmo-consultant', 'wmo', ['case']);
    expect(wmo.members.get(SUBJECT)?.[3]).toMatchObject({ state: 'signal', reason: 'other-law' });
  });
});
