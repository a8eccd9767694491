// The deadline engine: pure functions over ISO dates; no clock, no database.
export { type IsoDate, isoDateSchema, isIsoDate, formatDutchDate, daysBetween } from '@kern/kit';
export {
  type Calendar,
  type EquatedDay,
  type LiberationDayRule,
  type OfficeCalendarOptions,
  easterSunday,
  monarchsDay,
  statutoryCalendar,
  statutoryCalendarWith,
  officeCalendar,
  knownDecrees,
  installDecrees,
} from './holidays';
export { type EquatingDecree, builtInDecrees, checkDecree, decreeCitation, lastCoveredDay } from './decrees';
export {
  type TermLength,
  type AtwStep,
  type TermCount,
  addDays,
  addWeeks,
  addMonths,
  isWorkingDay,
  addWorkingDays,
  atwApplies,
  countStatutoryTerm,
  statutoryTermEnd,
} from './counting';
export {
  type StatutoryTerm,
  type StatutoryTermId,
  type SuspensionGround,
  statutoryTermIds,
  statutoryTermIdSchema,
  statutoryTerms,
  suspensionGrounds,
  suspensionGroundSchema,
  suspensionGroundLabels,
  MAX_WGS_DECISION_WEEKS,
} from './statutory-terms';
export {
  type Suspension,
  type ComputeDeadlineInput,
  type Deadline,
  type DeadlineStatus,
  type DeadlineStatusInput,
  computeDeadlineInputSchema,
  computeDeadline,
  deadlineStatuses,
  deadlineStatus,
  DEFAULT_WARN_WORKING_DAYS,
} from './deadline';
