import { calendarDateSchema as isoDateSchema } from '@kern/kit/contract';
import { z } from 'zod';
import { statutoryTermIdSchema } from './werkwijzen.schema';

const weekdayOf = (d: string): number => new Date(`${d}T00:00:00Z`).getUTCDay();

/**
 * A Royal decree equating days with holidays (Algemene termijnenwet art. 3 lid 3): dated, sourced
 * data. The decree covers a period (usually three calendar years); the days it names fall in it.
 */
export const equatingDecreeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'kleine letters, cijfers en streepjes, 3 tot 64 tekens'),
    title: z.string().trim().min(5).max(300),
    /** The date of the decree itself; null when not yet looked up. */
    decreedOn: isoDateSchema.nullable(),
    /** Where it was published, e.g. "Stcrt. 2025, 12345"; null when not yet looked up. */
    publication: z.string().trim().min(3).max(100).nullable(),
    coversFrom: isoDateSchema,
    coversUntil: isoDateSchema,
    days: z.array(isoDateSchema).min(1).max(20),
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
});

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
