import { z } from 'zod';

export const letterTypes = ['beschikking-toekenning', 'beschikking-afwijzing'] as const;
export const letterTypeSchema = z.enum(letterTypes);
export type LetterType = z.infer<typeof letterTypeSchema>;

/** A letter as the dossier and the portal list it; the PDF itself is a download of its own. */
export const letterSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  decisionId: z.string(),
  letterType: letterTypeSchema,
  title: z.string(),
  language: z.string(),
  /** 'print': the citizen has no portal account, so the letter goes by post. */
  delivery: z.enum(['portal', 'print']),
  sizeBytes: z.number().int(),
  templateVersion: z.number().int(),
  createdAt: z.string(),
});
export type Letter = z.infer<typeof letterSchema>;

export const letterListSchema = z.object({ letters: z.array(letterSchema) });
export const caseIdParam = z.object({ id: z.uuid({ error: 'Dit is geen geldig zaaknummer.' }) });
export const letterIdParam = z.object({ id: z.uuid({ error: 'Dit is geen geldig briefnummer.' }) });
export const portalLetterParams = z.object({ ref: z.string().uuid(), id: z.uuid({ error: 'Dit is geen geldig briefnummer.' }) });
export const portalPersonParam = z.object({ ref: z.string().uuid() });
