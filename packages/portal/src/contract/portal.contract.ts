import { defineContract, defineRoute } from '@kern/kit/contract';
import { planPdfQuerySchema } from '@kern/plans/contract';
import { z } from 'zod';
import {
  accessLogOutputSchema, accessLogQuerySchema, citizenMessageInputSchema, citizenSessionSchema, consentListOutputSchema, consentRefParam, contactInputSchema, demoLoginInputSchema,
  draftInputSchema, homeSchema, idParam, inboxOutputSchema, inboxQuerySchema, MAX_UPLOAD_BYTES, messageInputSchema, messageSchema, myDataSchema, offeringListOutputSchema, offeringRefParam,
  personRefParam, planAdditionInputSchema, planAgreeInputSchema, planChangeInputSchema, planRefParam, portalCaseSchema, portalPlanSchema, requestSchema,
  submissionOutputSchema, uploadInputSchema,
} from './portal.schema';
import { decisionRefParam, decisionsOutputSchema, objectionInputSchema, objectionOutputSchema } from './portal-decisions.schema';

const messagesOutput = z.object({ messages: z.array(messageSchema) });
const staffBsnParam = z.object({ bsn: z.string().regex(/^\d{9}$/) });

/**
 * The citizen portal. Citizen routes (`auth: 'citizen'`) take the portal's own session cookie and
 * CSRF token, never a staff session; the staff side of the message thread is at the end.
 */
export const portalContract = defineContract({
  loginOptions: defineRoute({
    method: 'GET', path: '/api/v1/portal/login-options', tags: ['portal'], auth: 'public', personalData: 'none',
    summary: 'Which logins this portal offers: the DigiD broker, the demo login',
    responses: { 200: z.object({ broker: z.boolean(), demo: z.boolean() }) },
  }),
  demoLogin: defineRoute({
    method: 'POST', path: '/api/v1/portal/demo-sessions', tags: ['portal'], auth: 'public', personalData: 'none',
    summary: 'Demo mode only: log in to the portal as a BRP test person',
    body: demoLoginInputSchema,
    responses: { 201: z.object({ session: citizenSessionSchema }) },
    errors: ['invalid-input', 'not-authenticated', 'not-found'],
  }),
  session: defineRoute({
    method: 'GET', path: '/api/v1/portal/session', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'The citizen session: name, the people they may act for, CSRF token',
    access: { resource: 'portal-data', action: 'read' },
    responses: { 200: z.object({ session: citizenSessionSchema }) },
    errors: ['not-authenticated'],
  }),
  logout: defineRoute({
    method: 'DELETE', path: '/api/v1/portal/session', tags: ['portal'], auth: 'citizen', personalData: 'none',
    summary: 'Log out of the portal',
    responses: { 204: z.null() },
    errors: ['not-authenticated', 'csrf-token-invalid'],
  }),
  home: defineRoute({
    method: 'GET', path: '/api/v1/portal/people/:ref/home', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'Home: cases with deadlines, drafts, messages waiting',
    params: personRefParam,
    responses: { 200: homeSchema },
    errors: ['not-authenticated', 'forbidden', 'not-found'],
  }),
  cases: defineRoute({
    method: 'GET', path: '/api/v1/portal/people/:ref/cases', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'Cases with status, statutory terms, decisions and the objection term',
    params: personRefParam,
    responses: { 200: z.object({ cases: z.array(portalCaseSchema) }) },
    errors: ['not-authenticated', 'forbidden', 'not-found'],
  }),
  decisions: defineRoute({
    method: 'GET', path: '/api/v1/portal/people/:ref/decisions', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'My decisions in words: what was decided, period, volume and provider, the last day to object, objections lodged',
    params: personRefParam,
    responses: { 200: decisionsOutputSchema },
    errors: ['not-authenticated', 'forbidden', 'not-found'],
  }),
  lodgeObjection: defineRoute({
    method: 'POST', path: '/api/v1/portal/people/:ref/decisions/:decisionId/objections', tags: ['portal'], auth: 'citizen', personalData: 'writes',
    summary: 'Lodge an objection (bezwaar) or ask for a review: it starts its own case with the statutory decision term (Awb 7:10); a late one is received and marked late',
    bodyLimit: Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 64 * 1024,
    params: decisionRefParam, body: objectionInputSchema,
    responses: { 201: objectionOutputSchema },
    errors: ['invalid-input', 'not-authenticated', 'csrf-token-invalid', 'forbidden', 'not-found', 'conflict', 'payload-too-large'],
  }),
  createDraft: defineRoute({
    method: 'POST', path: '/api/v1/portal/people/:ref/requests', tags: ['portal'], auth: 'citizen', personalData: 'writes',
    summary: 'Start a request at the one front door (kept as a draft until sent)',
    params: personRefParam, body: draftInputSchema,
    responses: { 201: requestSchema },
    errors: ['invalid-input', 'not-authenticated', 'csrf-token-invalid', 'forbidden', 'not-found'],
  }),
  readRequest: defineRoute({
    method: 'GET', path: '/api/v1/portal/requests/:id', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'A request of yours (draft or sent)',
    params: idParam,
    responses: { 200: requestSchema },
    errors: ['not-authenticated', 'not-found'],
  }),
  saveDraft: defineRoute({
    method: 'PUT', path: '/api/v1/portal/requests/:id', tags: ['portal'], auth: 'citizen', personalData: 'writes',
    summary: 'Save the draft as it is now',
    params: idParam, body: draftInputSchema,
    responses: { 200: requestSchema },
    errors: ['invalid-input', 'not-authenticated', 'csrf-token-invalid', 'not-found', 'conflict'],
  }),
  uploadDocument: defineRoute({
    method: 'POST', path: '/api/v1/portal/requests/:id/documents', tags: ['portal'], auth: 'citizen', personalData: 'writes',
    summary: 'Add a document (PDF, JPEG or PNG by content; at most 5 MB)',
    // base64 makes the file a third larger; a little room for the JSON around it.
    bodyLimit: Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 64 * 1024,
    params: idParam, body: uploadInputSchema,
    responses: { 201: requestSchema },
    errors: ['invalid-input', 'not-authenticated', 'csrf-token-invalid', 'not-found', 'conflict', 'payload-too-large'],
  }),
  submitRequest: defineRoute({
    method: 'POST', path: '/api/v1/portal/requests/:id/submission', tags: ['portal'], auth: 'citizen', personalData: 'writes',
    summary: 'Send the request: it becomes a melding and its statutory terms start',
    params: idParam,
    responses: { 200: submissionOutputSchema },
    errors: ['invalid-input', 'not-authenticated', 'csrf-token-invalid', 'not-found', 'conflict'],
  }),
  plan: defineRoute({
    method: 'GET', path: '/api/v1/portal/people/:ref/plan', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'My plan: the household plan, its versions, goals, actions and agreements',
    params: personRefParam,
    responses: { 200: z.object({ plan: portalPlanSchema.nullable() }) },
    errors: ['not-authenticated', 'forbidden', 'not-found'],
  }),
  agreeToPlan: defineRoute({
    method: 'POST', path: '/api/v1/portal/people/:ref/plans/:planId/agreement', tags: ['portal'], auth: 'citizen', personalData: 'writes',
    summary: 'Agree to the latest version of the plan',
    params: planRefParam, body: planAgreeInputSchema,
    responses: { 200: z.object({ plan: portalPlanSchema }) },
    errors: ['invalid-input', 'not-authenticated', 'csrf-token-invalid', 'forbidden', 'not-found', 'conflict'],
  }),
  askPlanChange: defineRoute({
    method: 'POST', path: '/api/v1/portal/people/:ref/plans/:planId/change-requests', tags: ['portal'], auth: 'citizen', personalData: 'writes',
    summary: 'Ask the coordinator for a change to the agreed plan',
    params: planRefParam, body: planChangeInputSchema,
    responses: { 201: z.object({ plan: portalPlanSchema.nullable() }) },
    errors: ['invalid-input', 'not-authenticated', 'csrf-token-invalid', 'forbidden', 'not-found', 'conflict'],
  }),
  planPdf: defineRoute({
    method: 'GET', path: '/api/v1/portal/people/:ref/plans/:planId/pdf', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'Download my plan as PDF (default the version in force, else the draft)',
    params: planRefParam, query: planPdfQuerySchema,
    responses: {}, produces: 'application/pdf',
    errors: ['not-authenticated', 'forbidden', 'not-found', 'invalid-input'],
  }),
  addToPlan: defineRoute({
    method: 'POST', path: '/api/v1/portal/people/:ref/plans/:planId/additions', tags: ['portal'], auth: 'citizen', personalData: 'writes',
    summary: 'Add an own goal or action to the plan (a draft, or the next version once agreed)',
    params: planRefParam, body: planAdditionInputSchema,
    responses: { 201: z.object({ plan: portalPlanSchema }) },
    errors: ['invalid-input', 'not-authenticated', 'csrf-token-invalid', 'forbidden', 'not-found', 'conflict'],
  }),
  consents: defineRoute({
    method: 'GET', path: '/api/v1/portal/people/:ref/consents', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'My consents, in effect and withdrawn',
    params: personRefParam,
    responses: { 200: consentListOutputSchema },
    errors: ['not-authenticated', 'forbidden', 'not-found'],
  }),
  withdrawConsent: defineRoute({
    method: 'POST', path: '/api/v1/portal/people/:ref/consents/:consentId/withdrawal', tags: ['portal'], auth: 'citizen', personalData: 'writes',
    summary: 'Withdraw a consent (takes effect at once)',
    params: consentRefParam,
    responses: { 200: consentListOutputSchema },
    errors: ['not-authenticated', 'csrf-token-invalid', 'forbidden', 'not-found', 'conflict'],
  }),
  offerings: defineRoute({
    method: 'GET', path: '/api/v1/portal/people/:ref/offerings', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'Together: group offerings and peer groups, the ones nearby first',
    params: personRefParam,
    responses: { 200: offeringListOutputSchema },
    errors: ['not-authenticated', 'forbidden', 'not-found'],
  }),
  signUp: defineRoute({
    method: 'POST', path: '/api/v1/portal/people/:ref/offerings/:offeringId/enrolment', tags: ['portal'], auth: 'citizen', personalData: 'writes',
    summary: 'Sign up for a group offering',
    params: offeringRefParam,
    responses: { 201: offeringListOutputSchema },
    errors: ['not-authenticated', 'csrf-token-invalid', 'forbidden', 'not-found', 'conflict'],
  }),
  messages: defineRoute({
    method: 'GET', path: '/api/v1/portal/people/:ref/messages', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'The message thread with the municipality',
    params: personRefParam,
    responses: { 200: messagesOutput },
    errors: ['not-authenticated', 'forbidden', 'not-found'],
  }),
  sendMessage: defineRoute({
    method: 'POST', path: '/api/v1/portal/people/:ref/messages', tags: ['portal'], auth: 'citizen', personalData: 'writes',
    summary: 'Send a message to the municipality about a topic (it reaches the staff of that purpose)',
    params: personRefParam, body: citizenMessageInputSchema,
    responses: { 201: messagesOutput },
    errors: ['invalid-input', 'not-authenticated', 'csrf-token-invalid', 'forbidden', 'not-found'],
  }),
  setContact: defineRoute({
    method: 'PUT', path: '/api/v1/portal/people/:ref/contact', tags: ['portal'], auth: 'citizen', personalData: 'writes',
    summary: 'Where to send the notice that a message waits (no content is ever e-mailed)',
    params: personRefParam, body: contactInputSchema,
    responses: { 200: contactInputSchema },
    errors: ['invalid-input', 'not-authenticated', 'csrf-token-invalid', 'forbidden', 'not-found'],
  }),
  myData: defineRoute({
    method: 'GET', path: '/api/v1/portal/people/:ref/data', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'My data: everything Kern holds about the person',
    params: personRefParam,
    responses: { 200: myDataSchema },
    errors: ['not-authenticated', 'forbidden', 'not-found'],
  }),
  accessLog: defineRoute({
    method: 'GET', path: '/api/v1/portal/people/:ref/access-log', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'Who looked at my data and why: role, team and purpose, grouped, for a period, own reads only on request, a page at a time',
    params: personRefParam, query: accessLogQuerySchema,
    responses: { 200: accessLogOutputSchema },
    errors: ['invalid-input', 'not-authenticated', 'forbidden', 'not-found'],
  }),
  exportJson: defineRoute({
    method: 'GET', path: '/api/v1/portal/people/:ref/export.json', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'Download my data as JSON (AVG art. 15)',
    params: personRefParam,
    responses: { 200: myDataSchema },
    errors: ['not-authenticated', 'forbidden', 'not-found'],
  }),
  exportPdf: defineRoute({
    method: 'GET', path: '/api/v1/portal/people/:ref/export.pdf', tags: ['portal'], auth: 'citizen', personalData: 'reads',
    summary: 'Download my data as PDF (AVG art. 15)',
    params: personRefParam,
    responses: {}, produces: 'application/pdf',
    errors: ['not-authenticated', 'forbidden', 'not-found'],
  }),

  // Staff side of the thread: the coordinator or the team on a case.
  staffThread: defineRoute({
    method: 'GET', path: '/api/v1/residents/:bsn/portal-messages', tags: ['portal'], auth: 'staff', personalData: 'reads',
    summary: "The resident's portal message thread (coordinator or team on a case)",
    params: staffBsnParam,
    responses: { 200: messagesOutput },
    errors: ['forbidden'],
  }),
  staffAnswer: defineRoute({
    method: 'POST', path: '/api/v1/residents/:bsn/portal-messages', tags: ['portal'], auth: 'staff', personalData: 'writes',
    summary: 'Answer in the resident\'s portal thread (the resident gets an e-mail without content)',
    params: staffBsnParam, body: messageInputSchema,
    responses: { 201: messagesOutput },
    errors: ['invalid-input', 'forbidden', 'not-found'],
  }),
  staffInbox: defineRoute({
    method: 'GET', path: '/api/v1/portal-inbox', tags: ['portal'], auth: 'staff', personalData: 'reads',
    summary: "Unanswered portal messages of the residents your team works with, under your purpose",
    query: inboxQuerySchema,
    responses: { 200: inboxOutputSchema },
    errors: ['invalid-input', 'forbidden'],
  }),
  staffMarkHandled: defineRoute({
    method: 'POST', path: '/api/v1/residents/:bsn/portal-messages/:id/handled', tags: ['portal'], auth: 'staff', personalData: 'writes',
    summary: 'Mark a citizen\'s portal message handled without an answer in the portal',
    params: staffBsnParam.extend({ id: z.string().uuid() }),
    responses: { 200: messagesOutput },
    errors: ['invalid-input', 'forbidden', 'not-found'],
  }),
});

/** The DigiD broker login: these routes exist only where a broker is configured (docs/portal.md). */
export const portalBrokerContract = defineContract({
  brokerStart: defineRoute({
    method: 'GET', path: '/api/v1/portal/broker/start', tags: ['portal'], auth: 'public', personalData: 'none',
    summary: 'Start a DigiD login at the configured broker (OIDC or SAML)',
    responses: {},
  }),
  brokerCallback: defineRoute({
    method: 'GET', path: '/api/v1/portal/broker/callback', tags: ['portal'], auth: 'public', personalData: 'none',
    summary: 'The broker returns here; on success the portal session starts',
    query: z.record(z.string(), z.string()),
    responses: {},
    errors: ['not-authenticated'],
  }),
});
