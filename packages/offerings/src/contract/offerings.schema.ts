import { shownCountSchema } from '@kern/access/contract';
import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';

const bsnSchema = z.string().regex(/^\d{9}$/, 'a BSN is nine digits');

export const createOfferingInputSchema = z.object({
  name: z.string().trim().min(2).max(200),
  description: z.string().trim().min(1).max(4000),
  /** general: open to everyone (a walk-in, a café); group: a fixed group with places. */
  kind: z.enum(['general', 'group']),
  /** The ZRM life domain it serves, so the plan can suggest it. */
  lifeDomain: z.string().regex(/^[a-z-]{2,64}$/).optional(),
  location: z.string().trim().max(300).optional(),
  /** Places; none for a general provision without a limit. */
  capacity: z.number().int().positive().max(10_000).optional(),
  startsOn: calendarDateSchema,
  endsOn: calendarDateSchema.optional(),
});
export type CreateOfferingInput = z.infer<typeof createOfferingInputSchema>;

export const offeringSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(['general', 'group']),
  lifeDomain: z.string().nullable(),
  location: z.string().nullable(),
  capacity: z.number().int().nullable(),
  enrolled: z.number().int(),
  placesLeft: z.number().int().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: z.enum(['open', 'closed']),
});
export type Offering = z.infer<typeof offeringSchema>;

/**
 * An offering as a reader sees it: for a role without personal data a small enrolment count is
 * "< 5" and the places left only "> n" (they would give the count away); see countView.
 */
export const shownOfferingSchema = offeringSchema.extend({ enrolled: shownCountSchema, placesLeft: shownCountSchema.nullable() });
export type ShownOffering = z.infer<typeof shownOfferingSchema>;

export const enrolInputSchema = z.object({
  subjectBsn: bsnSchema,
  /** The plan action this enrolment carries out, if any. */
  planId: z.string().uuid().optional(),
  planActionId: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  enrolledOn: calendarDateSchema.optional(),
});
export type EnrolInput = z.infer<typeof enrolInputSchema>;

export const attendanceInputSchema = z.object({
  sessionOn: calendarDateSchema,
  attendance: z.array(z.object({ subjectBsn: bsnSchema, present: z.boolean() })).min(1).max(500),
});
export type AttendanceInput = z.infer<typeof attendanceInputSchema>;

export const enrolmentSchema = z.object({
  id: z.string().uuid(),
  offeringId: z.string().uuid(),
  offeringName: z.string(),
  kind: z.enum(['general', 'group']),
  subjectBsn: z.string(),
  planId: z.string().nullable(),
  planActionId: z.string().nullable(),
  enrolledOn: z.string(),
  status: z.enum(['enrolled', 'ended']),
  endedOn: z.string().nullable(),
  attendance: z.array(z.object({ sessionOn: z.string(), present: z.boolean() })),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;
