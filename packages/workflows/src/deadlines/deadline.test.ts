import { isDomainError } from '@kern/kit';
import { describe, expect, it } from 'vitest';
import { computeDeadline, deadlineStatus, type ComputeDeadlineInput } from './deadline';
import { officeCalendar } from './holidays';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return isDomainError(e) ? e.code : 'not a DomainError';
  }
  return undefined;
};

describe('computeDeadline: hand-checked due dates', () => {
  it.each([
    // Tue 24 Mar + 6 weeks = Tue 5 May 2026, 5 May is an Atw holiday every year -> Wed 6 May.
    ['wmo-onderzoek', '2026-03-24', '2026-05-06'],
    // Wed 21 Apr 2027 + 2 weeks = Wed 5 May (holiday), Thu 6 May Ascension, Fri 7 May decreed (Atw art. 3 lid 3) -> Mon 10 May.
    ['wmo-beschikking', '2027-04-21', '2027-05-10'],
    // Thu 6 Nov 2025 + 8 weeks = Thu 1 Jan 2026 (Nieuwjaarsdag), Fri 2 Jan decreed -> Mon 5 Jan.
    ['jeugdwet-beschikking', '2025-11-06', '2026-01-05'],
    // Mon 20 Mar 2028 + 4 weeks = Mon 17 Apr 2028, Easter Monday -> Tue 18 Apr.
    ['wgs-eerste-gesprek', '2028-03-20', '2028-04-18'],
    // Without a municipal term the statutory maximum of 8 weeks: Tue 19 May 2026.
    ['wgs-beschikking', '2026-03-24', '2026-05-19'],
    // 6 months from Mon 1 Sep 2025 = Sun 1 Mar 2026; a maximum duration over 3 months is outside the Atw.
    ['wgs-moratorium', '2025-09-01', '2026-03-01'],
  ])('%s started on %s is due on %s', (termId, start, due) => {
    expect(computeDeadline({ termId, start })).toMatchObject({ termId, start, due, suspendedDays: 0 });
  });

  it('explains the Wmo onderzoek date in Dutch, day after the melding and 5 May included', () => {
    expect(computeDeadline({ termId: 'wmo-onderzoek', start: '2026-03-24' }).explanation).toEqual([
      expect.stringContaining('Wmo 2015 art. 2.3.2 lid 1'),
      'De termijn van 6 weken begint op de dag na de melding (dinsdag 24 maart 2026); die dag zelf telt niet mee.',
      '6 weken na dinsdag 24 maart 2026 is dinsdag 5 mei 2026.',
      'dinsdag 5 mei 2026 is Bevrijdingsdag: de termijn loopt door tot en met woensdag 6 mei 2026 (Algemene termijnenwet art. 1).',
      'Uiterste datum: woensdag 6 mei 2026.',
    ]);
  });

  it('says why a maximum duration is not moved off a Sunday', () => {
    expect(computeDeadline({ termId: 'wgs-moratorium', start: '2025-09-01' }).explanation.join(' ')).toContain('art. 4 lid 1 sub a');
  });
});

describe('Wgs art. 4(2): eviction or cut-off signal -> first conversation within 3 working days', () => {
  const urgent = (start: string) => computeDeadline({ termId: 'wgs-eerste-gesprek-urgent', start });

  it.each([
    // Good Friday 3 Apr 2026: the signal day never counts; Sat 4, Sun 5 and Easter Monday 6 are
    // not working days, so Tue 7 (1), Wed 8 (2), Thu 9 (3).
    ['Good Friday 2026', '2026-04-03', '2026-04-09'],
    // Good Friday 26 Mar 2027: Sat 27, Sun 28, Easter Monday 29 skipped; Tue 30, Wed 31, Thu 1 Apr.
    ['Good Friday 2027', '2027-03-26', '2027-04-01'],
    // Thursday before Easter 2026: Good Friday is equated with a holiday by Atw art. 3 lid 2, so it
    // does not count either: Tue 7, Wed 8, Thu 9 (not Wed 8, which counting Good Friday would give).
    ['Maundy Thursday 2026', '2026-04-02', '2026-04-09'],
    // Fri 24 Apr 2026: Monday 27 is King's Day; Tue 28, Wed 29, Thu 30.
    ["the Friday before King's Day 2026", '2026-04-24', '2026-04-30'],
    // Christmas Eve 2026 (Thu): Fri 25, Sat 26, Sun 27 skipped; Mon 28, Tue 29, Wed 30.
    ['Christmas Eve 2026', '2026-12-24', '2026-12-30'],
    // An ordinary Friday: Mon, Tue, Wed.
    ['an ordinary Friday', '2026-03-06', '2026-03-11'],
  ])('a signal on %s (%s) must be followed up by %s', (_when, start, due) => {
    expect(urgent(start).due).toBe(due);
  });

  it('names the holidays it skipped, so a case worker can check the count', () => {
    const lines = urgent('2026-04-02').explanation;
    expect(lines).toContain(
      'De 3e werkdag daarna is donderdag 9 april 2026; zaterdagen, zondagen en feestdagen tellen niet mee, hier: Goede Vrijdag (vrijdag 3 april 2026), Tweede paasdag (maandag 6 april 2026).',
    );
  });

  it('would give Wednesday 8 April on an office calendar that works on Good Friday (hence statutory is the default)', () => {
    expect(computeDeadline({ termId: 'wgs-eerste-gesprek-urgent', start: '2026-04-02', calendar: officeCalendar({ liberationDay: 'lustrum' }) })).toMatchObject({
      due: '2026-04-08',
      explanation: expect.arrayContaining([expect.stringContaining('Gerekend met de kalender: kantoorkalender')]),
    });
  });
});

describe('computeDeadline: the municipal Wgs decision term (art. 4a)', () => {
  it('uses the weeks the municipality set', () => {
    expect(computeDeadline({ termId: 'wgs-beschikking', start: '2026-03-24', municipalTermWeeks: 6 }).due).toBe('2026-05-06');
  });

  it('ignores municipalTermWeeks for every other term', () => {
    expect(computeDeadline({ termId: 'wmo-beschikking', start: '2026-04-08', municipalTermWeeks: 6 }).due).toBe('2026-04-22');
  });

  it.each([9, 0, 4.5])('rejects %s weeks (at most 8, whole weeks)', (weeks) => {
    expect(codeOf(() => computeDeadline({ termId: 'wgs-beschikking', start: '2026-03-24', municipalTermWeeks: weeks }))).toBe('invalid-input');
  });
});

describe('computeDeadline: suspensions stop the clock', () => {
  const jeugd = (suspensions: ComputeDeadlineInput['suspensions']) => computeDeadline({ termId: 'jeugdwet-beschikking', start: '2026-01-05', ...(suspensions ? { suspensions } : {}) });

  it('without suspension: Mon 5 Jan 2026 + 8 weeks = Mon 2 Mar', () => {
    expect(jeugd(undefined).due).toBe('2026-03-02');
  });

  it('adds the suspended calendar days, both ends included (12 to 25 January = 14 days -> 16 March)', () => {
    const d = jeugd([{ from: '2026-01-12', to: '2026-01-25', ground: 'awb-4:15-aanvulling' }]);
    expect(d).toMatchObject({ due: '2026-03-16', suspendedDays: 14 });
    expect(d.explanation).toContain(
      'Opgeschort maandag 12 januari 2026 t/m zondag 25 januari 2026 (14 dagen; aanvraag wordt aangevuld (Awb 4:15 lid 1)): de termijn schuift op naar maandag 16 maart 2026.',
    );
  });

  it('counts overlapping periods once', () => {
    expect(
      jeugd([
        { from: '2026-01-15', to: '2026-01-25' },
        { from: '2026-01-12', to: '2026-01-18' },
      ]),
    ).toMatchObject({ due: '2026-03-16', suspendedDays: 14 });
  });

  it('applies the Atw after the suspension: Wed 22 Apr + 5 days = King\'s Day 27 Apr 2026 -> Tue 28 Apr', () => {
    expect(computeDeadline({ termId: 'wmo-beschikking', start: '2026-04-08', suspensions: [{ from: '2026-04-10', to: '2026-04-14' }] })).toMatchObject({
      due: '2026-04-28',
      suspendedDays: 5,
    });
  });

  it('ignores a suspension that starts after the term had already run out', () => {
    const d = jeugd([{ from: '2026-03-10', to: '2026-03-12' }]);
    expect(d).toMatchObject({ due: '2026-03-02', suspendedDays: 0 });
    expect(d.explanation.join(' ')).toContain('al verstreken');
  });

  it('lets the Wmo onderzoek be extended by agreement with the client', () => {
    expect(computeDeadline({ termId: 'wmo-onderzoek', start: '2026-03-24', suspensions: [{ from: '2026-03-30', to: '2026-04-05', ground: 'agreed-with-client' }] })).toMatchObject({
      due: '2026-05-12',
      suspendedDays: 7,
    });
  });

  it.each([
    ['a term that cannot be suspended', { termId: 'wgs-eerste-gesprek', start: '2026-03-02', suspensions: [{ from: '2026-03-03', to: '2026-03-04' }] }],
    ['a ground the term does not allow', { termId: 'wmo-onderzoek', start: '2026-03-24', suspensions: [{ from: '2026-03-30', to: '2026-04-05', ground: 'awb-4:15-aanvulling' }] }],
    ['an unknown ground', { termId: 'wmo-beschikking', start: '2026-03-24', suspensions: [{ from: '2026-03-30', to: '2026-04-05', ground: 'vakantie' }] }],
    ['a suspension starting on the start day', { termId: 'jeugdwet-beschikking', start: '2026-01-05', suspensions: [{ from: '2026-01-05', to: '2026-01-06' }] }],
    ['a suspension ending before it starts', { termId: 'jeugdwet-beschikking', start: '2026-01-05', suspensions: [{ from: '2026-01-10', to: '2026-01-06' }] }],
  ] as [string, ComputeDeadlineInput][])('rejects %s as invalid input', (_why, input) => {
    expect(codeOf(() => computeDeadline(input))).toBe('invalid-input');
  });
});

describe('computeDeadline: input checks', () => {
  it.each([
    ['an unknown term', { termId: 'wmo-herbeoordeling', start: '2026-03-24' }],
    ['an impossible date', { termId: 'wmo-onderzoek', start: '2026-02-30' }],
    ['a date in another format', { termId: 'wmo-onderzoek', start: '24-03-2026' }],
  ] as [string, ComputeDeadlineInput][])('rejects %s as invalid input', (_why, input) => {
    expect(codeOf(() => computeDeadline(input))).toBe('invalid-input');
  });
});

describe('deadlineStatus', () => {
  it.each([
    ['met before the due date', { due: '2026-05-06', today: '2026-06-01', met: '2026-05-01' }, 'met'],
    ['met on the due date itself', { due: '2026-05-06', today: '2026-06-01', met: '2026-05-06' }, 'met'],
    ['met after the due date', { due: '2026-05-06', today: '2026-06-01', met: '2026-05-07' }, 'met-late'],
    ['unmet the day after the due date', { due: '2026-05-06', today: '2026-05-07' }, 'overdue'],
    ['unmet on the due date (still doable today)', { due: '2026-05-06', today: '2026-05-06' }, 'due-soon'],
    ['due on the 5th working day after today', { due: '2026-03-09', today: '2026-03-02' }, 'due-soon'],
    ['due on the 6th working day after today', { due: '2026-03-10', today: '2026-03-02' }, 'on-time'],
    // Wed 1 Apr 2026: Thu 2, (Good Friday, weekend, Easter Monday), Tue 7, Wed 8, Thu 9, Fri 10 =
    // five working days, although 10 April is nine calendar days away.
    ['due nine calendar days but five working days away over Easter', { due: '2026-04-10', today: '2026-04-01' }, 'due-soon'],
    ['a null met is not met', { due: '2026-05-06', today: '2026-05-07', met: null }, 'overdue'],
    ['with no warning window, tomorrow is on time', { due: '2026-03-03', today: '2026-03-02', warnBeforeWorkingDays: 0 }, 'on-time'],
  ] as const)('%s -> %s', (_why, input, expected) => {
    expect(deadlineStatus(input)).toBe(expected);
  });

  it('rejects an invalid date', () => {
    expect(codeOf(() => deadlineStatus({ due: '2026-13-01', today: '2026-03-02' }))).toBe('invalid-input');
  });
});

describe('fonds-overname: the debt fund takes over within four weeks of the decision (service norm, Atw-counted)', () => {
  it.each([
    // Mon 23 Mar 2026 + 4 weeks = Mon 20 Apr 2026, an ordinary working day.
    ['an ordinary Monday', '2026-03-23', '2026-04-20'],
    // Mon 30 Mar 2026 + 4 weeks = Mon 27 Apr, King's Day -> Tue 28 Apr.
    ["ending on King's Day 2026", '2026-03-30', '2026-04-28'],
    // Tue 7 Apr 2026 + 4 weeks = Tue 5 May, Liberation Day (Atw) -> Wed 6 May.
    ['ending on Liberation Day 2026', '2026-04-07', '2026-05-06'],
    // Fri 27 Nov 2026 + 4 weeks = Fri 25 Dec; Boxing Day and the weekend follow -> Mon 28 Dec.
    ['ending on Christmas Day 2026', '2026-11-27', '2026-12-28'],
    // Thu 4 Dec 2025 + 4 weeks = Thu 1 Jan 2026 (Nieuwjaarsdag), Fri 2 Jan decreed -> Mon 5 Jan.
    ['ending on New Year\'s Day 2026', '2025-12-04', '2026-01-05'],
    // Mon 20 Mar 2028 + 4 weeks = Mon 17 Apr 2028, Easter Monday -> Tue 18 Apr.
    ['ending on Easter Monday 2028', '2028-03-20', '2028-04-18'],
    // Sat 28 Mar 2026 + 4 weeks = Sat 25 Apr; Sunday and King's Day follow -> Tue 28 Apr.
    ["a Saturday decision ending before King's Day", '2026-03-28', '2026-04-28'],
  ])('%s: decided %s, taken over by %s', (_why, start, due) => {
    expect(computeDeadline({ termId: 'fonds-overname', start })).toMatchObject({ termId: 'fonds-overname', due, suspendedDays: 0 });
  });

  it('says it is a service norm and not a statutory term', () => {
    expect(computeDeadline({ termId: 'fonds-overname', start: '2026-03-23' }).explanation[0]).toContain('geen wettelijke termijn');
  });

  it('cannot be suspended', () => {
    expect(codeOf(() => computeDeadline({ termId: 'fonds-overname', start: '2026-03-23', suspensions: [{ from: '2026-03-25', to: '2026-03-26' }] }))).toBe('invalid-input');
  });
});
