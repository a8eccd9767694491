import { defineContract, defineRoute } from '@kern/kit/contract';
import { caseIdParam, letterIdParam, letterListSchema, portalLetterParams, portalPersonParam } from './letters.schema';

/**
 * Letters on the staff side: the letters made on a case and the PDF. A letter is part of the
 * decision it records, so the policy for `decision` decides who may read it; every read is audited.
 */
export const lettersContract = defineContract({
  caseLetters: defineRoute({
    method: 'GET', path: '/api/v1/cases/:id/letters', tags: ['letters'], auth: 'staff', personalData: 'reads',
    summary: 'The letters made on a case (the beschikking), newest first, with how each is delivered (portal or print)',
    access: { resource: 'decision', action: 'read' },
    params: caseIdParam,
    responses: { 200: letterListSchema },
    errors: ['invalid-input', 'forbidden', 'not-found'],
  }),
  letterPdf: defineRoute({
    method: 'GET', path: '/api/v1/letters/:id/pdf', tags: ['letters'], auth: 'staff', personalData: 'reads',
    summary: 'Download a letter as PDF (audited)',
    access: { resource: 'decision', action: 'read' },
    params: letterIdParam,
    responses: {}, produces: 'application/pdf',
    errors: ['invalid-input', 'forbidden', 'not-found'],
  }),
});

/** The citizen's side ("Brieven" in Mijn gemeente): their own letters or those of someone they act for. */
export const portalLettersContract = defineContract({
  myLetters: defineRoute({
    method: 'GET', path: '/api/v1/portal/people/:ref/letters', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'Brieven: the letters sent to the person, newest first',
    params: portalPersonParam,
    responses: { 200: letterListSchema },
    errors: ['invalid-input', 'not-authenticated', 'forbidden', 'not-found'],
  }),
  myLetterPdf: defineRoute({
    method: 'GET', path: '/api/v1/portal/people/:ref/letters/:id/pdf', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'Download one of the person\'s letters as PDF (audited)',
    params: portalLetterParams,
    responses: {}, produces: 'application/pdf',
    errors: ['invalid-input', 'not-authenticated', 'forbidden', 'not-found'],
  }),
});
