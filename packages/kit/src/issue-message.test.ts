import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { calendarDateSchema } from './iso-date';
import { issueMessage } from './issue-message';

const firstIssue = (schema: z.ZodType, input: unknown, reportInput = false) => {
  const r = schema.safeParse(input, { reportInput });
  if (r.success) throw new Error('expected a failure');
  const [issue] = r.error.issues;
  if (!issue) throw new Error('no issue');
  return issueMessage(issue);
};

describe('issueMessage', () => {
  it("recognises the kit's calendar date refine and says the form JJJJ-MM-DD", () => {
    expect(firstIssue(calendarDateSchema, '2026-02-30')).toEqual({ nl: 'Kies een datum in de vorm JJJJ-MM-DD.', en: 'Enter a date in the form YYYY-MM-DD.' });
  });

  it('says a missing field as "Vul dit veld in." with or without the input in the issue', () => {
    const schema = z.object({ name: z.string() });
    expect(firstIssue(schema, {}).nl).toBe('Vul dit veld in.');
    expect(firstIssue(schema, {}, true).nl).toBe('Vul dit veld in.');
    expect(firstIssue(z.string().min(1), '').nl).toBe('Vul dit veld in.');
  });

  it('says sizes with their number: characters, values and choices', () => {
    expect(firstIssue(z.string().max(1000), 'x'.repeat(1001)).nl).toBe('Gebruik ten hoogste 1000 tekens.');
    expect(firstIssue(z.string().min(20), 'te kort').nl).toBe('Gebruik ten minste 20 tekens.');
    expect(firstIssue(z.number().int().positive(), 0).nl).toBe('Vul een getal groter dan 0 in.');
    expect(firstIssue(z.number().max(10_000), 10_001).nl).toBe('Vul een getal van ten hoogste 10000 in.');
    expect(firstIssue(z.number().int(), 1.5).nl).toBe('Vul een heel getal in.');
    expect(firstIssue(z.array(z.string()).min(1), []).nl).toBe('Kies er ten minste 1.');
  });

  it('says enums, e-mail addresses and patterns without technical words', () => {
    expect(firstIssue(z.enum(['wmo', 'jeugdwet']), 'wgs').nl).toBe('Kies een van de mogelijkheden.');
    expect(firstIssue(z.email(), 'geen-adres').nl).toBe('Vul een e-mailadres in, zoals naam@voorbeeld.nl.');
    expect(firstIssue(z.string().regex(/^[a-z]+$/), 'ABC').nl).not.toMatch(/regex|pattern|\//);
  });
});
