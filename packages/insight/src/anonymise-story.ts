import type { CaseDetail } from '@kern/cases';

/**
 * Turns a case into a story for a learning session (leertafel), pure and testable:
 * - identifiers removed: no BSN, reference, ids, names of staff or residents;
 * - dates shifted: every date becomes a day number counted from the melding (day 0);
 * - free text dropped: only the names of recorded fields, and booleans, numbers and short codes;
 * - rare attributes generalised: household size in bands, durations in 4-week bands, and the
 *   case type and year only when enough cases share them (k-anonymity, checked by the caller).
 */
export interface Story {
  law: string;
  caseType: string | null;
  year: string | null;
  householdSize: '1' | '2-3' | '4+';
  durationWeeks: string;
  timeline: { day: number; step: string | null; kind: string }[];
  deadlines: { term: string; outcome: 'met' | 'late' | 'open'; daysLateBand: string | null }[];
  recorded: { field: string; value: boolean | number | string | null }[];
  k: number;
  generalised: string[];
}

const dayOf = (from: string, iso: string) => Math.round((Date.parse(iso.slice(0, 10)) - Date.parse(from)) / 86_400_000);
const band = (days: number) => `${Math.floor(days / 28) * 4}-${Math.floor(days / 28) * 4 + 4}`;
const CODE = /^[a-z0-9-]{1,24}$/;

function safeValue(v: unknown): boolean | number | string | null {
  if (typeof v === 'boolean' || typeof v === 'number') return v;
  if (typeof v === 'string' && CODE.test(v)) return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' && /^\d{2}$/.test(x))) return v.join(',');
  return null; // free text and anything else: dropped
}

export function storyOf(c: CaseDetail, today: string, level: { caseType: boolean; year: boolean; k: number }): Story {
  const start = c.case.meldingDate;
  const end = c.case.closedAt ? c.case.closedAt.slice(0, 10) : today;
  const size = c.case.householdBsns.length + (c.case.householdBsns.includes(c.case.subjectBsn) ? 0 : 1);
  return {
    law: c.case.purpose,
    caseType: level.caseType ? c.case.caseTypeId : null,
    year: level.year ? start.slice(0, 4) : null,
    householdSize: size <= 1 ? '1' : size <= 3 ? '2-3' : '4+',
    durationWeeks: band(Math.max(0, dayOf(start, end))),
    timeline: c.history.map((h) => ({ day: Math.max(0, dayOf(start, h.at)), step: h.toStep, kind: h.kind })),
    deadlines: c.deadlines.map((d) => {
      const late = d.metDate ? dayOf(d.dueDate, d.metDate) : null;
      return { term: d.termId, outcome: d.metDate === null ? 'open' : late !== null && late > 0 ? 'late' : 'met', daysLateBand: late !== null && late > 0 ? band(late) : null };
    }),
    recorded: Object.entries(c.case.fields).map(([field, v]) => ({ field, value: safeValue(v) })),
    k: level.k,
    generalised: [...(level.caseType ? [] : ['caseType']), ...(level.year ? [] : ['year']), 'dates->days', 'householdSize->band', 'duration->4-week band', 'free text removed'],
  };
}
