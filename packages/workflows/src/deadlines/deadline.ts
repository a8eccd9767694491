import { daysBetween, formatDutchDate, invalidInput, isIsoDate, isoDateSchema, shiftDays, type IsoDate } from '@kern/kit';
import { z } from 'zod';
import { addWorkingDays, applyAtw, atwApplies, isWorkingDay, nominalTermEnd, type AtwStep, type TermLength } from './counting';
import { statutoryCalendar, type Calendar } from './holidays';
import {
  MAX_WGS_DECISION_WEEKS,
  statutoryTermIdSchema,
  statutoryTerms,
  suspensionGroundLabels,
  suspensionGroundSchema,
  type StatutoryTermId,
  type SuspensionGround,
} from './statutory-terms';

/**
 * A period during which the clock of a term stood still, both days included ("opgeschort van 3
 * t/m 10 maart" = 8 days). For Awb 4:15 lid 1 that is the day after the invitation to complete the
 * application up to the day before it was completed.
 */
export interface Suspension {
  from: IsoDate;
  to: IsoDate;
  ground?: SuspensionGround;
}

export const computeDeadlineInputSchema = z
  .object({
    termId: statutoryTermIdSchema,
    start: isoDateSchema,
    suspensions: z
      .array(
        z
          .object({ from: isoDateSchema, to: isoDateSchema, ground: suspensionGroundSchema.optional() })
          .refine((s) => s.from <= s.to, { message: 'a suspension must not end before it starts', path: ['to'] }),
      )
      .max(100)
      .default([]),
    municipalTermWeeks: z.number().int().min(1).max(MAX_WGS_DECISION_WEEKS).optional(),
  })
  .superRefine((input, ctx) => {
    input.suspensions.forEach((s, i) => {
      // The clock only starts the day after the event, so it cannot stop on or before that day.
      if (s.from <= input.start) ctx.addIssue({ code: 'custom', message: 'a suspension starts after the start event', path: ['suspensions', i, 'from'] });
    });
  });

export interface ComputeDeadlineInput {
  /** A string, not `StatutoryTermId`: ids come from stored werkwijzen and rows and are checked here. */
  termId: string;
  start: IsoDate;
  suspensions?: readonly { from: IsoDate; to: IsoDate; ground?: string }[];
  /** Defaults to the statutory calendar; statutory terms should not use an office calendar. */
  calendar?: Calendar;
  /** The municipality's Wgs art. 4a decision term in weeks (1-8); only `wgs-beschikking` uses it. */
  municipalTermWeeks?: number;
}

export interface Deadline {
  termId: StatutoryTermId;
  start: IsoDate;
  due: IsoDate;
  suspendedDays: number;
  /** The due date lies after the last day the known Royal decrees (Atw art. 3 lid 3) cover. */
  beyondKnownDecrees: boolean;
  /** Dutch sentences for the case page: how `due` was reached. */
  explanation: string[];
}

function parseInput(input: ComputeDeadlineInput): z.infer<typeof computeDeadlineInputSchema> {
  const { calendar: _calendar, ...data } = input;
  const parsed = computeDeadlineInputSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw invalidInput(
    { nl: 'De termijn kan niet worden berekend: controleer de invoer.', en: 'The deadline cannot be computed: check the input.' },
    parsed.error.issues.map((i) => ({ name: i.path.join('.') || 'input', reason: i.message })),
  );
}

const unitNl = (length: TermLength): string => {
  const n = length.count;
  switch (length.unit) {
    case 'days':
      return `${n} ${n === 1 ? 'dag' : 'dagen'}`;
    case 'weeks':
      return `${n} ${n === 1 ? 'week' : 'weken'}`;
    case 'months':
      return `${n} ${n === 1 ? 'maand' : 'maanden'}`;
    case 'working-days':
      return `${n} ${n === 1 ? 'werkdag' : 'werkdagen'}`;
  }
};

function explainStep(step: AtwStep): string {
  switch (step.article) {
    case 'atw-1':
      return `${formatDutchDate(step.from)} is ${step.reason}: de termijn loopt door tot en met ${formatDutchDate(step.to)} (Algemene termijnenwet art. 1).`;
    case 'atw-2':
      return `De termijn bevat dan ${step.freeDaysBefore === 0 ? 'geen enkele dag' : 'maar één dag'} die geen zaterdag, zondag of feestdag is; hij wordt verlengd tot en met ${formatDutchDate(step.to)}, zodat er twee in vallen (Algemene termijnenwet art. 2).`;
  }
}

/** Holidays skipped while counting working days, named so a reader can check the count. */
function skippedHolidays(start: IsoDate, end: IsoDate, cal: Calendar): string[] {
  const names: string[] = [];
  for (let d = shiftDays(start, 1); d < end; d = shiftDays(d, 1)) {
    const name = cal.name(d);
    if (name && !isWorkingDay(d, cal)) names.push(`${name} (${formatDutchDate(d)})`);
  }
  return names;
}

/**
 * The due date of a statutory term started by an event on `start`. Suspended calendar days push
 * the plain end back day for day; the Atw (art. 1 and 2) is then applied to that end, because
 * the Atw adjusts where a term ends, whatever made it end there.
 */
export function computeDeadline(input: ComputeDeadlineInput): Deadline {
  const { termId, start, suspensions, municipalTermWeeks } = parseInput(input);
  const cal = input.calendar ?? statutoryCalendar;
  const term = statutoryTerms[termId];
  const explanation: string[] = [`${term.law} ${term.article}: ${term.description.nl}`];

  let length = term.length;
  if (term.setByMunicipality) {
    if (municipalTermWeeks !== undefined) {
      length = { count: municipalTermWeeks, unit: 'weeks' };
      explanation.push(`De gemeente heeft de termijn vastgesteld op ${unitNl(length)} (wettelijk maximum ${MAX_WGS_DECISION_WEEKS} weken).`);
    } else {
      explanation.push(`Geen gemeentelijke termijn vastgesteld: het wettelijk maximum van ${unitNl(length)} geldt.`);
    }
  }
  if (cal !== statutoryCalendar) explanation.push(`Gerekend met de kalender: ${cal.label}.`);

  explanation.push(`De termijn van ${unitNl(length)} begint op de dag na ${term.startEvent.nl} (${formatDutchDate(start)}); die dag zelf telt niet mee.`);
  const nominal = nominalTermEnd(start, length, cal);
  if (length.unit === 'working-days') {
    const skipped = skippedHolidays(start, nominal, cal);
    explanation.push(
      `De ${length.count}e werkdag daarna is ${formatDutchDate(nominal)}; zaterdagen, zondagen en feestdagen tellen niet mee` +
        (skipped.length > 0 ? `, hier: ${skipped.join(', ')}.` : '.'),
    );
  } else {
    explanation.push(`${unitNl(length)} na ${formatDutchDate(start)} is ${formatDutchDate(nominal)}.`);
  }

  const usesAtw = term.counting !== 'maximum-duration' && atwApplies(length);
  const dueFor = (end: IsoDate): { end: IsoDate; steps: AtwStep[] } => (usesAtw ? applyAtw(start, end, cal) : { end, steps: [] });

  if (suspensions.length > 0 && !term.suspension.allowed) {
    throw invalidInput(
      { nl: `De termijn ${term.id} kan niet worden opgeschort.`, en: `The term ${term.id} cannot be suspended.` },
      [{ name: 'suspensions', reason: `${term.id} allows no suspension` }],
    );
  }
  const grounds: readonly SuspensionGround[] = term.suspension.allowed ? term.suspension.grounds : [];
  let end = nominal;
  let suspendedDays = 0;
  let lastSuspended: IsoDate | undefined;
  for (const s of [...suspensions].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) {
    if (s.ground !== undefined && !grounds.includes(s.ground)) {
      throw invalidInput(
        { nl: `Opschorting op grond "${s.ground}" is voor ${term.id} niet mogelijk.`, en: `Suspension on ground "${s.ground}" is not possible for ${term.id}.` },
        [{ name: 'suspensions.ground', reason: `one of: ${grounds.join(', ')}` }],
      );
    }
    // Overlapping periods stop the clock once: count only days not counted before.
    const from = lastSuspended !== undefined && s.from <= lastSuspended ? shiftDays(lastSuspended, 1) : s.from;
    const period = `${formatDutchDate(s.from)} t/m ${formatDutchDate(s.to)}`;
    if (from > s.to) {
      explanation.push(`Opschorting ${period} valt binnen een eerdere opschorting en telt niet opnieuw.`);
      continue;
    }
    const dueSoFar = dueFor(end).end;
    if (from > dueSoFar) {
      explanation.push(`Opschorting ${period} telt niet mee: de termijn was op ${formatDutchDate(dueSoFar)} al verstreken.`);
      continue;
    }
    const days = daysBetween(from, s.to) + 1;
    suspendedDays += days;
    lastSuspended = s.to;
    end = shiftDays(end, days);
    const why = s.ground ? `; ${suspensionGroundLabels[s.ground].nl}` : '';
    explanation.push(`Opgeschort ${period} (${days} ${days === 1 ? 'dag' : 'dagen'}${why}): de termijn schuift op naar ${formatDutchDate(end)}.`);
  }

  const { end: due, steps } = dueFor(end);
  if (!usesAtw) {
    explanation.push(
      term.counting === 'maximum-duration'
        ? 'Dit is een maximumduur; de Algemene termijnenwet is niet van toepassing op termijnen langer dan drie maanden (art. 4 lid 1 sub a), de einddatum schuift dus niet op.'
        : 'De Algemene termijnenwet is niet van toepassing op deze termijnlengte (art. 4 lid 1 sub a).',
    );
  }
  for (const step of steps) explanation.push(explainStep(step));
  explanation.push(`Uiterste datum: ${formatDutchDate(due)}.`);
  const knownUntil = cal.equatedDaysKnownUntil?.();
  const beyondKnownDecrees = usesAtw && knownUntil !== undefined && due > knownUntil;
  if (beyondKnownDecrees && knownUntil !== undefined) {
    explanation.push(
      `Let op: na ${formatDutchDate(knownUntil)} zijn nog geen besluiten bekend die dagen met een feestdag gelijkstellen (Algemene termijnenwet art. 3 lid 3), en deze termijn loopt tot daarna. ` +
        'Stelt een later besluit dagen gelijk aan een feestdag, dan kan de uiterste datum nog later worden.',
    );
  }

  return { termId, start, due, suspendedDays, beyondKnownDecrees, explanation };
}

export const deadlineStatuses = ['met', 'met-late', 'on-time', 'due-soon', 'overdue'] as const;
export type DeadlineStatus = (typeof deadlineStatuses)[number];

/**
 * Warn this many working days ahead. Working days, not calendar days: "5 days" before a deadline
 * after Easter or Christmas can leave a team two days to act; five working days is a working week.
 */
export const DEFAULT_WARN_WORKING_DAYS = 5;

export interface DeadlineStatusInput {
  due: IsoDate;
  today: IsoDate;
  /** The day the term was met (e.g. the beschikking was sent), if it was. */
  met?: IsoDate | null;
  warnBeforeWorkingDays?: number;
  calendar?: Calendar;
}

/**
 * Where a deadline stands today. Met on the due day is on time. Unmet, the due day itself is still
 * `due-soon` (the work can be done that day); `overdue` starts the day after. `due-soon` means the
 * due date is within the next `warnBeforeWorkingDays` working days after today.
 */
export function deadlineStatus(input: DeadlineStatusInput): DeadlineStatus {
  const { due, today, met } = input;
  for (const [name, value] of [['due', due], ['today', today], ['met', met ?? today]] as const) {
    if (!isIsoDate(value)) throw invalidInput({ nl: `Ongeldige datum bij ${name}.`, en: `Invalid date for ${name}.` }, [{ name, reason: 'not a calendar date YYYY-MM-DD' }]);
  }
  if (met) return met <= due ? 'met' : 'met-late';
  if (today > due) return 'overdue';
  const warn = input.warnBeforeWorkingDays ?? DEFAULT_WARN_WORKING_DAYS;
  return addWorkingDays(today, warn, input.calendar ?? statutoryCalendar) >= due ? 'due-soon' : 'on-time';
}
