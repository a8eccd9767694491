import { calendarDateSchema as isoDateSchema, isIsoDate } from '@kern/kit/contract';
import { z } from 'zod';
import { statutoryTermIdSchema } from './werkwijzen.schema';

/** A decree's dates, refused in Dutch: the operator's admin page shows this text on the field. */
const decreeDateSchema = z.string().refine(isIsoDate, 'geen bestaande datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2029-05-11');

const weekdayOf = (d: string): number => new Date(`${d}T00:00:00Z`).getUTCDay();

/**
 * A Royal decree equating days with holidays (Algemene termijnenwet art. 3 lid 3): dated, sourced
 * data. The decree covers a period (usually three calendar years); the days it names fall in it.
 */
export const equatingDecreeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'kleine letters, cijfers en streepjes, 3 tot 64 tekens'),
    title: z.string().trim().min(5, 'de titel heeft ten minste 5 tekens').max(300, 'de titel heeft ten hoogste 300 tekens'),
    /** The day the decree was published in the Staatscourant; null when the source does not give it. */
    publishedOn: decreeDateSchema.nullable(),
    /** Where it was published, e.g. "Stcrt. 2025, 12345"; null when the source does not give it. */
    publication: z.string().trim().min(3, 'de vindplaats heeft ten minste 3 tekens').max(100, 'de vindplaats heeft ten hoogste 100 tekens').nullable(),
    /** Where these data come from and what they lack, in words (e.g. that no citation was known). */
    sourceNote: z.string().trim().max(500, 'de toelichting heeft ten hoogste 500 tekens').nullable(),
    coversFrom: decreeDateSchema,
    coversUntil: decreeDateSchema,
    days: z.array(decreeDateSchema).min(1, 'noem ten minste één gelijkgestelde dag').max(20, 'ten hoogste 20 dagen per besluit'),
  })
  .superRefine((d, ctx) => {
    if (d.coversUntil < d.coversFrom) ctx.addIssue({ code: 'custom', path: ['coversUntil'], message: 'de einddatum ligt vóór de begindatum' });
    const seen = new Set<string>();
    d.days.forEach((day, i) => {
      if (day < d.coversFrom || day > d.coversUntil) ctx.addIssue({ code: 'custom', path: ['days', i], message: `${day} valt buiten de periode van het besluit` });
      const wd = weekdayOf(day);
      if (wd === 0 || wd === 6) ctx.addIssue({ code: 'custom', path: ['days', i], message: `${day} is een zaterdag of zondag; die telt al niet als werkdag` });
      if (seen.has(day)) ctx.addIssue({ code: 'custom', path: ['days', i], message: `${day} staat er twee keer in` });
      seen.add(day);
    });
  });
export type EquatingDecree = z.infer<typeof equatingDecreeSchema>;

export const storedDecreeSchema = z.object({
  decree: equatingDecreeSchema,
  /** `builtIn`: shipped with Kern; `added`: added by the operator of this installation. */
  origin: z.enum(['builtIn', 'added']),
  /** Who added it and when (null for a built-in decree). */
  addedBy: z.string().nullable(),
  addedAt: z.string().nullable(),
});
export type StoredDecree = z.infer<typeof storedDecreeSchema>;

export const termComputationQuerySchema = z.object({
  start: isoDateSchema,
  municipalTermWeeks: z.coerce.number().int().min(1).max(8).optional(),
});
export const termComputationParamsSchema = z.object({ termId: statutoryTermIdSchema });

export const termComputationSchema = z.object({
  termId: statutoryTermIdSchema,
  start: isoDateSchema,
  due: isoDateSchema,
  /** True when the term runs past the last day covered by a known decree. */
  beyondKnownDecrees: z.boolean(),
  explanation: z.array(z.string()),
});
