import { defineContract, defineRoute } from '@kern/kit/contract';
import { z } from 'zod';
import { equatingDecreeSchema, storedDecreeSchema, termComputationParamsSchema, termComputationQuerySchema, termComputationSchema } from './termijnen.schema';

/**
 * The statutory calendar over HTTP: compute any statutory term with its explanation, list the
 * decrees (Atw art. 3 lid 3) the calendar knows, and add the next one (functional administrator).
 * Law, not personal data: staff only, nothing about residents.
 */
export const termijnenContract = defineContract({
  computeStatutoryTerm: defineRoute({
    method: 'GET', path: '/api/v1/statutory-terms/:termId', tags: ['werkwijzen'], auth: 'staff', personalData: 'none',
    summary: 'The end date of a statutory term from a start date (?start=YYYY-MM-DD), counted with the statutory calendar (Atw art. 1-3, decreed days included), with its explanation in Dutch',
    params: termComputationParamsSchema,
    query: termComputationQuerySchema,
    responses: { 200: termComputationSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
  listStatutoryDecrees: defineRoute({
    method: 'GET', path: '/api/v1/statutory-decrees', tags: ['werkwijzen'], auth: 'staff', personalData: 'none',
    summary: 'The Royal decrees equating days with holidays (Atw art. 3 lid 3) the statutory calendar knows: shipped with Kern and added on this installation, and the last day they cover',
    responses: { 200: z.object({ decrees: z.array(storedDecreeSchema), knownUntil: z.string().nullable() }) },
    errors: ['forbidden'],
  }),
  addStatutoryDecree: defineRoute({
    method: 'POST', path: '/api/v1/statutory-decrees', tags: ['werkwijzen'], auth: 'staff', personalData: 'none',
    summary: 'Add the next Royal decree equating days with holidays (functional administrator); it counts at once in every statutory term of the installation. Refusals name the field in Dutch',
    body: equatingDecreeSchema,
    responses: { 201: z.object({ decree: storedDecreeSchema, knownUntil: z.string().nullable() }) },
    errors: ['invalid-input', 'forbidden'],
  }),
});
