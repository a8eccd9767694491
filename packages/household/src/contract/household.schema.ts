import { dataCategorySchema } from '@kern/access/contract';
import { calendarDateSchema } from '@kern/kit/contract';
import { addressSchema, householdViewMemberSchema } from '@kern/registry/contract';
import { z } from 'zod';

/** The kinds of section a source supplies; each shows one or more data categories. */
export const sectionKinds = ['cases', 'provisions', 'income', 'debt', 'plan', 'assessments', 'offerings', 'signals'] as const;
export const sectionKindSchema = z.enum(sectionKinds);
export type SectionKind = z.infer<typeof sectionKindSchema>;

export const teamContactSchema = z.object({ team: z.string(), contact: z.string() });

/** One thing in a section shown in full: a case, a signal, a plan, ... */
export const sectionItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  since: z.string(),
  until: z.string().nullable(),
  detail: z.string().nullable(),
  at: teamContactSchema.nullable(),
  /** A page in Kern to open it (e.g. /cases/<id>), when the actor may. */
  href: z.string().nullable(),
});
export type SectionItem = z.infer<typeof sectionItemSchema>;

const withheldReasonSchema = z.enum(['other-law-no-consent', 'other-law', 'no-relation', 'not-in-policy']);

/**
 * A section in one of three states. `withheld` carries only the category and why: no count, no
 * date, nothing that depends on what is behind it. `signal` says whether something is running
 * and where to ask, no content. `full` lists the items.
 */
export const sectionSchema = z.discriminatedUnion('state', [
  z.object({ kind: sectionKindSchema, category: dataCategorySchema, state: z.literal('full'), basis: z.string(), breakGlass: z.boolean(), items: z.array(sectionItemSchema) }),
  z.object({
    kind: sectionKindSchema, category: dataCategorySchema, state: z.literal('signal'), basis: z.string(), breakGlass: z.boolean(),
    reason: withheldReasonSchema, running: z.boolean(), at: z.array(teamContactSchema),
  }),
  z.object({ kind: sectionKindSchema, category: dataCategorySchema, state: z.literal('withheld'), reason: withheldReasonSchema }),
]);
export type Section = z.infer<typeof sectionSchema>;

/** What happened, as a code the web app words in the reader's language; `label` names the thing. */
export const timelineEventKindSchema = z.enum(['opened', 'closed', 'observed', 'agreed', 'assessed', 'enrolled', 'ended']);
export type TimelineEventKind = z.infer<typeof timelineEventKindSchema>;

export const timelineEventSchema = z.object({
  date: z.string(),
  memberBsn: z.string(),
  kind: sectionKindSchema,
  category: dataCategorySchema,
  event: timelineEventKindSchema,
  label: z.string(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const householdViewSchema = z.object({
  subjectBsn: z.string(),
  address: addressSchema.optional(),
  access: z.object({ basis: z.string(), breakGlass: z.boolean() }),
  members: z.array(householdViewMemberSchema.extend({ sections: z.array(sectionSchema), consentManageable: z.boolean() })),
  timeline: z.array(timelineEventSchema),
});
export type HouseholdView = z.infer<typeof householdViewSchema>;

export const signalKinds = { education: ['leerplicht', 'passend-onderwijs'], housing: ['huurachterstand', 'dreigende-uitzetting', 'woz-waarde'] } as const;
export const signalKindSchema = z.enum(['leerplicht', 'passend-onderwijs', 'huurachterstand', 'dreigende-uitzetting', 'woz-waarde']);
export type SignalKind = z.infer<typeof signalKindSchema>;

export const recordSignalInputSchema = z.object({
  kind: signalKindSchema,
  summary: z.string().trim().min(3).max(2000),
  observedOn: calendarDateSchema,
  teamId: z.string().uuid().optional(),
});
export type RecordSignalInput = z.infer<typeof recordSignalInputSchema>;
export const recordSignalOutputSchema = z.object({ id: z.string().uuid() });
