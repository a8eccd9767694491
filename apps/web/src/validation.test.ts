import { calendarDateSchema } from '@kern/kit/contract';
import { attendanceInputSchema, enrolInputSchema } from '@kern/offerings/contract';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemFieldErrors } from './components/problem-fields';
import { reasonMessage, reasonText } from './server-reasons';
import { citizenBsnSchema, isIsoDate, isValidBsn, validateWith } from './validation';

describe('validateWith: a contract schema, Dutch messages on the fields', () => {
  it('says a malformed BSN in Dutch on the BSN field', () => {
    const r = validateWith(enrolInputSchema, { subjectBsn: '12345' }, 'nl', { subjectBsn: 'bsn' });
    expect(r).toEqual({ ok: false, errors: [{ id: 'bsn', message: 'Vul een BSN van negen cijfers in.' }] });
  });

  it('says an impossible date in the form JJJJ-MM-DD, and in English for an English reader', () => {
    const fields = { sessionOn: 'date' };
    const input = { sessionOn: '2026-02-30', attendance: [{ subjectBsn: '999993653', present: true }] };
    expect(validateWith(attendanceInputSchema, input, 'nl', fields)).toMatchObject({ errors: [{ id: 'date', message: 'Kies een datum in de vorm JJJJ-MM-DD.' }] });
    expect(validateWith(attendanceInputSchema, input, 'en', fields)).toMatchObject({ errors: [{ id: 'date', message: 'Enter a date in the form YYYY-MM-DD.' }] });
  });

  it('an empty required field asks to fill it in, whatever rule it would then fail', () => {
    expect(validateWith(calendarDateSchema, '', 'nl', { '': 'd' })).toMatchObject({ errors: [{ message: 'Vul dit veld in.' }] });
    expect(validateWith(z.object({ name: z.string() }), {}, 'nl', { name: 'n' })).toMatchObject({ errors: [{ message: 'Vul dit veld in.' }] });
  });

  it('says a length limit as a number of characters', () => {
    const schema = z.object({ note: z.string().min(5).max(1000) });
    expect(validateWith(schema, { note: 'x'.repeat(1001) }, 'nl', { note: 'n' })).toMatchObject({ errors: [{ message: 'Gebruik ten hoogste 1000 tekens.' }] });
    expect(validateWith(schema, { note: 'abc' }, 'nl', { note: 'n' })).toMatchObject({ errors: [{ message: 'Gebruik ten minste 5 tekens.' }] });
  });

  it('gives one message per field, in the order of the form', () => {
    const schema = z.object({ a: z.string().min(3), b: z.enum(['x', 'y']) });
    const r = validateWith(schema, { b: 'z', a: '' }, 'nl', { a: 'field-a', b: 'field-b' });
    expect(r).toEqual({ ok: false, errors: [{ id: 'field-a', message: 'Vul dit veld in.' }, { id: 'field-b', message: 'Kies een van de mogelijkheden.' }] });
  });

  it('returns the parsed value when the input is valid', () => {
    expect(validateWith(enrolInputSchema, { subjectBsn: '999993653' }, 'nl', {})).toEqual({ ok: true, value: { subjectBsn: '999993653' } });
  });

  it('tells nine digits that fail the elfproef apart from a wrong number of digits', () => {
    expect(validateWith(citizenBsnSchema, '123456789', 'nl', { '': 'bsn' })).toMatchObject({ errors: [{ message: 'Dit BSN bestaat niet; controleer de negen cijfers.' }] });
    expect(validateWith(citizenBsnSchema, '1234', 'nl', { '': 'bsn' })).toMatchObject({ errors: [{ message: 'Vul een BSN van negen cijfers in.' }] });
  });

  it('takes the BSN and date rules from the kit, as the server does', () => {
    expect(isValidBsn('999993653')).toBe(true);
    expect(isValidBsn('999993654')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
  });
});

describe('server reasons in the reader language', () => {
  it('reads zod messages from the server back into Dutch', () => {
    expect(reasonMessage('Invalid input: expected string, received undefined', 'nl')).toBe('Vul dit veld in.');
    expect(reasonMessage('Too big: expected string to have <=1000 characters', 'nl')).toBe('Gebruik ten hoogste 1000 tekens.');
    expect(reasonMessage('Too small: expected number to be >0', 'nl')).toBe('Vul een getal groter dan 0 in.');
    expect(reasonMessage('Invalid option: expected one of "wmo"|"jeugdwet"', 'nl')).toBe('Kies een van de mogelijkheden.');
    expect(reasonMessage('a calendar date YYYY-MM-DD', 'nl')).toBe('Kies een datum in de vorm JJJJ-MM-DD.');
  });

  it("says a module's known reason in Dutch", () => {
    expect(reasonMessage('after today', 'nl')).toBe('Kies een datum van vandaag of eerder.');
    expect(reasonMessage('unknown team', 'en')).toBe('Choose a team from the list.');
  });

  it('never shows an unknown English reason to a Dutch reader, but does to an English one', () => {
    expect(reasonMessage('zrm-volwassenen has no domain astrologie', 'nl')).toBeNull();
    expect(reasonText('zrm-volwassenen has no domain astrologie', 'nl')).toBe('Dit veld is niet goed ingevuld.');
    expect(reasonText('zrm-volwassenen has no domain astrologie', 'en')).toBe('zrm-volwassenen has no domain astrologie');
  });
});

describe('problemFieldErrors', () => {
  const problem = {
    title: 'Ongeldige invoer',
    status: 400,
    messages: { nl: 'Controleer deze velden: from (vul dit veld in) en note (gebruik ten minste 5 tekens).', en: 'Check these fields.' },
    invalidParams: [
      { name: 'body.from', reason: 'Invalid input: expected string, received undefined' },
      { name: 'note', reason: 'Too small: expected string to have >=5 characters' },
    ],
  };

  it('puts each named field its own Dutch reason, not the English one', () => {
    expect(problemFieldErrors(problem, 'nl', { from: 'f-from', note: 'f-note' })).toEqual({ 'f-from': 'Vul dit veld in.', 'f-note': 'Gebruik ten minste 5 tekens.' });
  });

  it("a field named alone gets the server's message in the reader's language", () => {
    const one = { ...problem, messages: { nl: 'Een bewijsstuk kan niet in de toekomst zijn ontvangen.' }, invalidParams: [{ name: 'receivedOn', reason: 'in the future' }] };
    expect(problemFieldErrors(one, 'nl', { receivedOn: 'ev-receivedOn' })).toEqual({ 'ev-receivedOn': 'Een bewijsstuk kan niet in de toekomst zijn ontvangen.' });
  });

  it('an unknown reason keeps the server message and a Dutch hint, never the raw English', () => {
    const odd = { ...problem, messages: { nl: 'De normtabel is niet geldig.' }, invalidParams: [{ name: 'a', reason: 'starts on 1 January or 1 July' }, { name: 'b', reason: 'odd' }] };
    const out = problemFieldErrors(odd, 'nl', { a: 'fa', b: 'fb' });
    expect(out.fa).toBe('De normtabel is niet geldig. (Dit veld is niet goed ingevuld.)');
    expect(JSON.stringify(out)).not.toMatch(/January|odd/);
  });

  it('a problem about no known field gives nothing to put on fields', () => {
    expect(problemFieldErrors(problem, 'nl', { other: 'x' })).toEqual({});
  });
});
