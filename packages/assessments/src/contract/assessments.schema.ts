import { calendarDateSchema } from '@kern/kit/contract';
import { z } from 'zod';

const text = z.object({ nl: z.string().min(1), en: z.string().min(1) });
const key = z.string().regex(/^[a-z0-9-]{2,64}$/);

/** An assessment instrument as data: domains (or dimensions, or the one ladder) on one scale. */
export const instrumentSchema = z
  .object({
    id: key,
    name: text,
    /** A person's own score, or one score for the household as a whole. */
    subject: z.enum(['person', 'household']),
    source: z.string().min(1),
    /** True when the per-level definitions are licensed text a municipality must load itself. */
    licensedLevelTexts: z.boolean(),
    scale: z.object({
      min: z.number().int(),
      max: z.number().int(),
      labels: z.array(z.object({ value: z.number().int(), label: text })).min(1),
    }),
    domains: z.array(z.object({ key, name: text })).min(1),
  })
  .superRefine((i, ctx) => {
    if (i.scale.max <= i.scale.min) ctx.addIssue({ code: 'custom', path: ['scale', 'max'], message: 'max must be above min' });
    const seen = new Set<number>();
    i.scale.labels.forEach((l, n) => {
      if (l.value < i.scale.min || l.value > i.scale.max) ctx.addIssue({ code: 'custom', path: ['scale', 'labels', n, 'value'], message: `label ${l.value} is outside ${i.scale.min}-${i.scale.max}` });
      if (seen.has(l.value)) ctx.addIssue({ code: 'custom', path: ['scale', 'labels', n, 'value'], message: `label ${l.value} twice` });
      seen.add(l.value);
    });
    const keys = new Set<string>();
    i.domains.forEach((dm, n) => {
      if (keys.has(dm.key)) ctx.addIssue({ code: 'custom', path: ['domains', n, 'key'], message: `domain ${dm.key} twice` });
      keys.add(dm.key);
    });
  });
export type Instrument = z.infer<typeof instrumentSchema>;

export const instrumentViewSchema = z.object({
  id: z.string(),
  name: text,
  subject: z.enum(['person', 'household']),
  source: z.string(),
  licensedLevelTexts: z.boolean(),
  scale: z.object({ min: z.number().int(), max: z.number().int(), labels: z.array(z.object({ value: z.number().int(), label: text })) }),
  domains: z.array(z.object({ key: z.string(), name: text, levels: z.array(z.object({ level: z.number().int(), text: z.string() })) })),
  levelTextsLoaded: z.boolean(),
});
export type InstrumentView = z.infer<typeof instrumentViewSchema>;

export const recordAssessmentInputSchema = z.object({
  instrumentId: key,
  subjectBsn: z.string().regex(/^\d{9}$/, 'a BSN is nine digits'),
  assessedOn: calendarDateSchema,
  /** Domain key -> score on the instrument's scale. Domains left out were not assessed. */
  scores: z.record(z.string(), z.number().int()),
  note: z.string().trim().max(2000).optional(),
});
export type RecordAssessmentInput = z.infer<typeof recordAssessmentInputSchema>;

export const assessmentSchema = z.object({
  id: z.string().uuid(),
  instrumentId: z.string(),
  subjectBsn: z.string(),
  assessedOn: z.string(),
  scores: z.record(z.string(), z.number().int()),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentHistorySchema = z.object({
  subjectBsn: z.string(),
  /** Oldest first, per instrument: the line charts read it as is. */
  byInstrument: z.array(z.object({ instrumentId: z.string(), assessments: z.array(assessmentSchema) })),
});
export type AssessmentHistory = z.infer<typeof assessmentHistorySchema>;

/**
 * The licensed per-level texts, as a municipality loads them: one text per domain and level.
 * Refused as a whole, naming the path of every wrong entry, when anything does not fit.
 */
export const levelTextsImportSchema = z.object({
  instrumentId: key,
  source: z.string().trim().min(1).max(500),
  texts: z.array(z.object({ domain: z.string(), level: z.number().int(), text: z.string().trim().min(1).max(4000) })).min(1).max(1000),
});
export type LevelTextsImport = z.infer<typeof levelTextsImportSchema>;
