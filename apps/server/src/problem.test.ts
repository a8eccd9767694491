import { calendarDateSchema } from '@kern/kit/contract';
import Fastify from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorHandler } from './problem';

async function answerTo(body: unknown, lang = 'nl') {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  app.post('/cases', { schema: { body: z.object({ subjectBsn: z.string().regex(/^\d{9}$/, 'a BSN is nine digits'), meldingDate: calendarDateSchema, note: z.string().max(1000).optional() }) } }, () => ({ ok: true }));
  const res = await app.inject({ method: 'POST', url: '/cases', payload: body as object, headers: { 'accept-language': lang } });
  await app.close();
  return res.json<{ status: number; detail: string; messages: { nl: string; en: string }; invalidParams: { name: string; reason: string }[] }>();
}

describe('problem+json for a body that fails its schema', () => {
  it('names the one wrong field and says in Dutch what to do, never "zie invalidParams"', async () => {
    const p = await answerTo({ subjectBsn: '999993653', meldingDate: '2026-02-30' });
    expect(p.status).toBe(400);
    expect(p.messages.nl).toBe('Controleer het veld meldingDate: kies een datum in de vorm JJJJ-MM-DD.');
    expect(p.messages.en).toBe('Check the field meldingDate: enter a date in the form YYYY-MM-DD.');
    expect(p.detail).toBe(p.messages.nl);
    expect(p.invalidParams).toEqual([{ name: 'meldingDate', reason: 'a calendar date YYYY-MM-DD' }]);
  });

  it('lists several wrong fields, each with what to do, in plain words', async () => {
    const p = await answerTo({ subjectBsn: '12', note: 'x'.repeat(1001) }, 'en');
    expect(p.messages.nl).toBe(
      'Controleer deze velden: subjectBsn (vul een BSN van negen cijfers in), meldingDate (vul dit veld in) en note (gebruik ten hoogste 1000 tekens).',
    );
    expect(p.detail).toBe(p.messages.en);
    expect(p.detail).not.toMatch(/invalidParams/);
    expect(p.invalidParams.map((i) => i.name)).toEqual(['subjectBsn', 'meldingDate', 'note']);
  });
});
