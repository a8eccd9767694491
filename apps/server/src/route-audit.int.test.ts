import { runAsTenant } from '@kern/access';
import { sql } from '@kern/db';
import { staffActorOf } from '@kern/identity';
import { demoInvoiceXml, sample315 } from '@kern/exchange';
import { createOffering } from '@kern/offerings';
import { exchangeDemoClients } from '@kern/seed';
import { insertTestAllocation } from '@kern/seed/testing';
import { openHouseholdPlan } from '@kern/plans';
import { isValidBsn } from '@kern/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKern, type Agent, type TestKern } from './testing';

const PARENT = '999991838';
const PARTNER = '999990512';
// exchange-regie: a provider's 315 for the route examples, dated by the test clock
const regie315 = (identificatie: string, ref: string, bsn: string) =>
  sample315({ standard: 'iwmo', provider: '12345678', municipality: '0599', identificatie, dagtekening: kern.clock.now().toISOString().slice(0, 10) }, { bsn }, [{ referentieAanbieder: ref, categorie: '02', ingangsdatum: '2027-01-01' }]);

let kern: TestKern;
beforeAll(async () => {
  kern = await startTestKern();
});
afterAll(async () => kern?.close());

interface Example {
  as: string;
  /** Builds the request; may prepare state (e.g. a grant to review) first. */
  run(agent: Agent): Promise<{ statusCode: number; body: string }>;
}

const examples: Record<string, Example> = {
  'GET /api/v1/residents': { as: 'rotterdam.generalist', run: (a) => a.request('GET', `/api/v1/residents?bsn=${PARENT}`, { purpose: 'integraal' }) },
  'GET /api/v1/residents/:bsn': { as: 'rotterdam.generalist', run: (a) => a.request('GET', `/api/v1/residents/${PARENT}`, { purpose: 'integraal' }) },
  'GET /api/v1/residents/:bsn/household': { as: 'rotterdam.generalist', run: (a) => a.request('GET', `/api/v1/residents/${PARENT}/household`, { purpose: 'integraal' }) },
  'POST /api/v1/residents/:bsn/break-glass': {
    as: 'rotterdam.schuld',
    run: (a) => a.request('POST', `/api/v1/residents/${PARTNER}/break-glass`, { purpose: 'wgs', body: { reason: 'Dreigende afsluiting energie, direct contact nodig.' } }),
  },
  'GET /api/v1/break-glass-grants': { as: 'rotterdam.auditor', run: (a) => a.request('GET', '/api/v1/break-glass-grants') },
  'POST /api/v1/break-glass-grants/:id/review': {
    as: 'rotterdam.auditor',
    run: async (a) => {
      const debt = await kern.login('rotterdam.schuld');
      const g = await debt.request('POST', `/api/v1/residents/${PARENT}/break-glass`, { purpose: 'wgs', body: { reason: 'Beslaglegging op inkomen, spoedoverleg met deurwaarder.' } });
      const id = g.json<{ grant: { id: string } }>().grant.id;
      return a.request('POST', `/api/v1/break-glass-grants/${id}/review`, { body: { verdict: 'justified', note: 'In orde.' } });
    },
  },
  'GET /api/v1/audit-records': { as: 'rotterdam.auditor', run: (a) => a.request('GET', '/api/v1/audit-records') },
  'POST /api/v1/involvements': {
    as: 'rotterdam.schuld',
    run: (a) => a.request('POST', '/api/v1/involvements', { purpose: 'wgs', body: { subjectBsn: PARTNER, reason: 'Aanmelding schuldhulp' } }),
  },
  'POST /api/v1/involvements/:id/closure': {
    as: 'rotterdam.schuld',
    run: async (a) => {
      // Issue 22: a relation asked for is one the team lead approved, not one the requester opened.
      const id = await approvedInvolvement(a, 'wgs', PARENT);
      return a.request('POST', `/api/v1/involvements/${id}/closure`, { purpose: 'wgs' });
    },
  },
  'GET /api/v1/involvement-requests': {
    as: 'rotterdam.teamleider',
    run: async (a) => {
      const debt = await kern.login('rotterdam.schuld');
      await debt.request('POST', '/api/v1/involvements', { purpose: 'wgs', body: { subjectBsn: PARTNER, reason: 'Aanmelding schuldhulp' } });
      return a.request('GET', '/api/v1/involvement-requests?status=pending');
    },
  },
  'POST /api/v1/involvement-requests/:id/decision': {
    as: 'rotterdam.teamleider',
    run: async (a) => {
      const debt = await kern.login('rotterdam.schuld');
      const asked = await debt.request('POST', '/api/v1/involvements', { purpose: 'wgs', body: { subjectBsn: PARTNER, reason: 'Aanmelding schuldhulp' } });
      return a.request('POST', `/api/v1/involvement-requests/${asked.json<{ request: { id: string } }>().request.id}/decision`, { body: { verdict: 'rejected', note: 'Geen aanmelding bekend' } });
    },
  },
  'GET /api/v1/relations': { as: 'rotterdam.auditor', run: (a) => a.request('GET', '/api/v1/relations') },
  // integral client view
  'GET /api/v1/residents/:bsn/consents': { as: 'rotterdam.generalist', run: (a) => a.request('GET', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal' }) },
  'POST /api/v1/residents/:bsn/consents': {
    as: 'rotterdam.generalist',
    run: (a) => a.request('POST', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal', body: { purpose: 'integraal', recipient: 'wijkteam-generalist', dataCategories: ['wgs'] } }),
  },
  'GET /api/v1/residents/:bsn/household-view': { as: 'rotterdam.generalist', run: (a) => a.request('GET', `/api/v1/residents/${PARENT}/household-view`, { purpose: 'integraal' }) },
  'POST /api/v1/residents/:bsn/household-signals': {
    as: 'rotterdam.generalist',
    run: (a) => a.request('POST', `/api/v1/residents/${PARENT}/household-signals`, { purpose: 'integraal', body: { kind: 'huurachterstand', summary: 'Huurachterstand gemeld', observedOn: '2026-01-05' } }),
  },
  'POST /api/v1/residents/:bsn/consents/:id/withdrawal': {
    as: 'rotterdam.generalist',
    run: async (a) => {
      const given = await a.request('POST', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal', body: { purpose: 'integraal', recipient: 'wijkteam-generalist', dataCategories: ['participatiewet'] } });
      return a.request('POST', `/api/v1/residents/${PARENT}/consents/${given.json<{ id: string }>().id}/withdrawal`, { purpose: 'integraal', body: {} });
    },
  },

  // integral client view: plans, assessments, offerings
  'GET /api/v1/residents/:bsn/plan': { as: 'rotterdam.generalist', run: async (a) => { await demoPlan(); return a.request('GET', `/api/v1/residents/${PARENT}/plan`, { purpose: 'integraal' }); } },
  'POST /api/v1/plans': {
    as: 'rotterdam.generalist',
    run: (a) => a.request('POST', '/api/v1/plans', { purpose: 'integraal', body: { anchorBsn: PARTNER, members: [{ bsn: PARTNER, name: 'Partner' }] } }),
  },
  'POST /api/v1/plans/:id/versions': {
    as: 'rotterdam.generalist',
    run: async (a) => a.request('POST', `/api/v1/plans/${await demoPlan()}/versions`, { purpose: 'integraal', body: { content: { goals: [{ id: 'g1', domain: 'financien', text: 'Rekeningen betalen' }] } } }),
  },
  'POST /api/v1/plans/:id/agreements': { as: 'rotterdam.generalist', run: async (a) => agreeToLatest(a, await demoPlan()) },
  'POST /api/v1/plans/:id/change-requests': {
    as: 'rotterdam.generalist',
    run: async (a) => {
      const id = await demoPlan();
      await agreeToLatest(a, id);
      return a.request('POST', `/api/v1/plans/${id}/change-requests`, { purpose: 'integraal', body: { requestedByBsn: PARENT, request: 'Graag een doel over werk.' } });
    },
  },
  'GET /api/v1/plans/:id/pdf': { as: 'rotterdam.generalist', run: async (a) => a.request('GET', `/api/v1/plans/${await demoPlan()}/pdf`, { purpose: 'integraal' }) },
  'GET /api/v1/residents/:bsn/assessments': { as: 'rotterdam.wmo', run: (a) => a.request('GET', `/api/v1/residents/${PARENT}/assessments`, { purpose: 'wmo' }) },
  'POST /api/v1/assessments': {
    as: 'rotterdam.wmo',
    run: (a) => a.request('POST', '/api/v1/assessments', { purpose: 'wmo', body: { instrumentId: 'zrm-volwassenen', subjectBsn: PARENT, assessedOn: '2026-01-10', scores: { financien: 2, huisvesting: 4 } } }),
  },
  'POST /api/v1/offerings/:offeringId/enrolments': {
    as: 'rotterdam.generalist',
    run: async (a) => a.request('POST', `/api/v1/offerings/${await newOffering()}/enrolments`, { purpose: 'integraal', body: { subjectBsn: PARENT } }),
  },
  'POST /api/v1/offerings/:offeringId/attendance': {
    as: 'rotterdam.generalist',
    run: async (a) => {
      const id = await newOffering();
      await a.request('POST', `/api/v1/offerings/${id}/enrolments`, { purpose: 'integraal', body: { subjectBsn: PARENT } });
      return a.request('POST', `/api/v1/offerings/${id}/attendance`, { purpose: 'integraal', body: { sessionOn: '2026-01-05', attendance: [{ subjectBsn: PARENT, present: true }] } });
    },
  },
  'GET /api/v1/residents/:bsn/enrolments': { as: 'rotterdam.generalist', run: (a) => a.request('GET', `/api/v1/residents/${PARENT}/enrolments`, { purpose: 'integraal' }) },

  // citizen portal
  'GET /api/v1/portal/session': { as: 'citizen:999991838', run: (a) => a.request('GET', '/api/v1/portal/session') },
  'GET /api/v1/portal/people/:ref/home': { as: 'citizen:999991838', run: async (a) => a.request('GET', `/api/v1/portal/people/${await selfRef(a)}/home`) },
  'GET /api/v1/portal/people/:ref/cases': { as: 'citizen:999991838', run: async (a) => a.request('GET', `/api/v1/portal/people/${await selfRef(a)}/cases`) },
  'POST /api/v1/portal/people/:ref/requests': {
    as: 'citizen:999991838',
    run: async (a) => a.request('POST', `/api/v1/portal/people/${await selfRef(a)}/requests`, { body: { topic: 'care', description: 'Hulp bij het huishouden' } }),
  },
  'GET /api/v1/portal/requests/:id': { as: 'citizen:999991838', run: async (a) => a.request('GET', `/api/v1/portal/requests/${await draftOf(a)}`) },
  'PUT /api/v1/portal/requests/:id': {
    as: 'citizen:999991838',
    run: async (a) => a.request('PUT', `/api/v1/portal/requests/${await draftOf(a)}`, { body: { topic: 'care', description: 'Hulp bij het huishouden, twee keer per week' } }),
  },
  'POST /api/v1/portal/requests/:id/documents': {
    as: 'citizen:999991838',
    run: async (a) => a.request('POST', `/api/v1/portal/requests/${await draftOf(a)}/documents`, { body: { fileName: 'brief.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') } }),
  },
  'POST /api/v1/portal/requests/:id/submission': { as: 'citizen:999991838', run: async (a) => a.request('POST', `/api/v1/portal/requests/${await draftOf(a)}/submission`) },
  'GET /api/v1/portal/people/:ref/messages': { as: 'citizen:999991838', run: async (a) => a.request('GET', `/api/v1/portal/people/${await selfRef(a)}/messages`) },
  'POST /api/v1/portal/people/:ref/messages': {
    as: 'citizen:999991838',
    run: async (a) => a.request('POST', `/api/v1/portal/people/${await selfRef(a)}/messages`, { body: { body: 'Wanneer hoor ik iets?', topic: 'care' } }),
  },
  'PUT /api/v1/portal/people/:ref/contact': {
    as: 'citizen:999991838',
    run: async (a) => a.request('PUT', `/api/v1/portal/people/${await selfRef(a)}/contact`, { body: { email: 'patrick@example.org' } }),
  },
  'GET /api/v1/portal/people/:ref/data': { as: 'citizen:999991838', run: async (a) => a.request('GET', `/api/v1/portal/people/${await selfRef(a)}/data`) },
  'GET /api/v1/portal/people/:ref/access-log': { as: 'citizen:999991838', run: async (a) => a.request('GET', `/api/v1/portal/people/${await selfRef(a)}/access-log`) },
  'GET /api/v1/portal/people/:ref/export.json': { as: 'citizen:999991838', run: async (a) => a.request('GET', `/api/v1/portal/people/${await selfRef(a)}/export.json`) },
  'GET /api/v1/portal/people/:ref/export.pdf': { as: 'citizen:999991838', run: async (a) => a.request('GET', `/api/v1/portal/people/${await selfRef(a)}/export.pdf`) },
  'GET /api/v1/portal/people/:ref/plan': { as: 'citizen:999991838', run: async (a) => a.request('GET', `/api/v1/portal/people/${await selfRef(a)}/plan`) },
  'POST /api/v1/portal/people/:ref/plans/:planId/agreement': {
    as: 'citizen:999993872',
    run: async (a) => a.request('POST', `/api/v1/portal/people/${await selfRef(a)}/plans/${await planFor('999993872')}/agreement`, { body: { version: 1 } }),
  },
  'GET /api/v1/portal/people/:ref/plans/:planId/pdf': {
    as: 'citizen:999993872',
    run: async (a) => a.request('GET', `/api/v1/portal/people/${await selfRef(a)}/plans/${await planFor('999993872')}/pdf?version=1`),
  },
  'POST /api/v1/portal/people/:ref/plans/:planId/change-requests': {
    as: 'citizen:999992247',
    run: async (a) => {
      const planId = await planFor('999992247');
      await a.request('POST', `/api/v1/portal/people/${await selfRef(a)}/plans/${planId}/agreement`, { body: { version: 1 } });
      return a.request('POST', `/api/v1/portal/people/${await selfRef(a)}/plans/${planId}/change-requests`, { body: { request: 'Een doel over werk erbij' } });
    },
  },
  'POST /api/v1/portal/people/:ref/plans/:planId/additions': {
    as: 'citizen:999999345',
    run: async (a) => a.request('POST', `/api/v1/portal/people/${await selfRef(a)}/plans/${await planFor('999999345')}/additions`, { body: { action: { text: 'Zelf bellen', dueDate: '2026-06-01' } } }),
  },
  'GET /api/v1/portal/people/:ref/consents': { as: 'citizen:999991838', run: async (a) => a.request('GET', `/api/v1/portal/people/${await selfRef(a)}/consents`) },
  'POST /api/v1/portal/people/:ref/consents/:consentId/withdrawal': {
    as: 'citizen:999991838',
    run: async (a) => {
      const g = await kern.login('rotterdam.generalist');
      await g.request('POST', '/api/v1/cases', { purpose: 'integraal', body: { werkwijzeId: 'een-loket', caseTypeId: 'integrale-intake', subjectBsn: PARENT, fields: { vraag: 'Alles op een rij' } } });
      const given = await g.request('POST', `/api/v1/residents/${PARENT}/consents`, { purpose: 'integraal', body: { purpose: 'integraal', recipient: 'wijkteam-generalist', dataCategories: ['wgs'] } });
      const id = given.json<{ consent?: { id: string }; id?: string }>().consent?.id ?? given.json<{ id: string }>().id;
      return a.request('POST', `/api/v1/portal/people/${await selfRef(a)}/consents/${id}/withdrawal`);
    },
  },
  'GET /api/v1/portal/people/:ref/offerings': { as: 'citizen:999991838', run: async (a) => a.request('GET', `/api/v1/portal/people/${await selfRef(a)}/offerings`) },
  'POST /api/v1/portal/people/:ref/offerings/:offeringId/enrolment': {
    as: 'citizen:999991838',
    run: async (a) => {
      const actor = await staffActorOf(kern.services.db, 'rotterdam.beheer');
      if (!actor) throw new Error('no beheer');
      const ctx = { actor };
      const o = await runAsTenant(kern.services, ctx, (tx) => createOffering(kern.services, tx, ctx, { name: 'Lotgenotengroep', description: 'Samen', kind: 'group', capacity: 5, startsOn: '2026-01-01' }));
      return a.request('POST', `/api/v1/portal/people/${await selfRef(a)}/offerings/${o.id}/enrolment`);
    },
  },
  'POST /api/v1/residents/:bsn/representations': {
    as: 'rotterdam.generalist',
    run: async (a) => {
      await startWmoCaseFor(PARENT);
      return a.request('POST', `/api/v1/residents/${PARENT}/representations`, { purpose: 'wmo', body: { representativeBsn: '999993872', kind: 'curatele', courtReference: 'C/10/123456 / FA RK 26-1' } });
    },
  },
  'GET /api/v1/residents/:bsn/representations': {
    as: 'rotterdam.generalist',
    run: async (a) => {
      await startWmoCaseFor(PARENT);
      return a.request('GET', `/api/v1/residents/${PARENT}/representations`, { purpose: 'wmo' });
    },
  },
  'POST /api/v1/representations/:id/decision': {
    as: 'rotterdam.wmo',
    run: async (a) => {
      await startWmoCaseFor(PARENT);
      const g = await kern.login('rotterdam.generalist');
      const recorded = await g.request('POST', `/api/v1/residents/${PARENT}/representations`, { purpose: 'wmo', body: { representativeBsn: '999993872', kind: 'bewindvoering', courtReference: 'C/10/123457 / FA RK 26-2' } });
      return a.request('POST', `/api/v1/representations/${recorded.json<{ id: string }>().id}/decision`, { purpose: 'wmo', body: { verdict: 'approved', note: 'Beschikking gezien' } });
    },
  },
  'GET /api/v1/residents/:bsn/portal-messages': {
    as: 'rotterdam.generalist',
    run: async (a) => {
      await startWmoCaseFor(PARENT);
      return a.request('GET', `/api/v1/residents/${PARENT}/portal-messages`, { purpose: 'wmo' });
    },
  },
  'POST /api/v1/residents/:bsn/portal-messages': {
    as: 'rotterdam.generalist',
    run: async (a) => {
      await startWmoCaseFor(PARENT);
      return a.request('POST', `/api/v1/residents/${PARENT}/portal-messages`, { purpose: 'wmo', body: { body: 'Ik bel u morgen.' } });
    },
  },
  'GET /api/v1/portal-inbox': {
    as: 'rotterdam.wmo',
    run: async (a) => {
      const c = await kern.citizenLogin(PARENT);
      await c.request('POST', `/api/v1/portal/people/${c.people.find((p) => p.relation === 'self')?.ref ?? ''}/messages`, { body: { body: 'Komt u langs?', topic: 'care' } });
      return a.request('GET', '/api/v1/portal-inbox', { purpose: 'wmo' });
    },
  },
  'POST /api/v1/residents/:bsn/portal-messages/:id/handled': {
    as: 'rotterdam.wmo',
    run: async (a) => {
      const c = await kern.citizenLogin(PARENT);
      await c.request('POST', `/api/v1/portal/people/${c.people.find((p) => p.relation === 'self')?.ref ?? ''}/messages`, { body: { body: 'Al geregeld.', topic: 'care' } });
      const [item] = (await a.request('GET', '/api/v1/portal-inbox', { purpose: 'wmo' })).json<{ items: { id: string }[] }>().items;
      return a.request('POST', `/api/v1/residents/${PARENT}/portal-messages/${item?.id ?? ''}/handled`, { purpose: 'wmo' });
    },
  },

  // provisions, contracting, exchange
  // provisions: decisions and allocations
  'POST /api/v1/cases/:id/decision': {
    as: 'rotterdam.besluit',
    run: async (a) => a.request('POST', `/api/v1/cases/${await provisionsCaseAtDecision()}/decision`, { purpose: 'wmo', body: provisionsDecision() }),
  },
  'GET /api/v1/cases/:id/decision': { as: 'rotterdam.besluit', run: async (a) => a.request('GET', `/api/v1/cases/${(await provisionsDecided()).caseId}/decision`, { purpose: 'wmo' }) },
  'GET /api/v1/decisions/:id': { as: 'rotterdam.besluit', run: async (a) => a.request('GET', `/api/v1/decisions/${(await provisionsDecided()).decisionId}`, { purpose: 'wmo' }) },
  'GET /api/v1/residents/:bsn/decisions': { as: 'rotterdam.wmo', run: async (a) => { await provisionsDecided(); return a.request('GET', `/api/v1/residents/${PARENT}/decisions`, { purpose: 'wmo' }); } },
  // letters: the beschikking letter made with each decision
  'GET /api/v1/cases/:id/letters': { as: 'rotterdam.wmo', run: async (a) => a.request('GET', `/api/v1/cases/${(await provisionsDecided()).caseId}/letters`, { purpose: 'wmo' }) },
  'GET /api/v1/letters/:id/pdf': { as: 'rotterdam.besluit', run: async (a) => a.request('GET', `/api/v1/letters/${await provisionsLetter()}/pdf`, { purpose: 'wmo' }) },
  'GET /api/v1/portal/people/:ref/letters': { as: 'citizen:999991838', run: async (a) => { await provisionsDecided(); return a.request('GET', `/api/v1/portal/people/${await selfRef(a)}/letters`); } },
  'GET /api/v1/portal/people/:ref/letters/:id/pdf': { as: 'citizen:999991838', run: async (a) => a.request('GET', `/api/v1/portal/people/${await selfRef(a)}/letters/${await provisionsLetter()}/pdf`) },
  'GET /api/v1/portal/people/:ref/decisions': { as: 'citizen:999991838', run: async (a) => { await provisionsDecided(); return a.request('GET', `/api/v1/portal/people/${await selfRef(a)}/decisions`); } },
  'POST /api/v1/portal/people/:ref/decisions/:decisionId/objections': {
    as: 'citizen:999991838',
    run: async (a) => a.request('POST', `/api/v1/portal/people/${await selfRef(a)}/decisions/${(await provisionsDecided()).decisionId}/objections`, { body: { grounds: 'Drie uur per week is te weinig voor mij.' } }),
  },
  'GET /api/v1/residents/:bsn/allocations': { as: 'rotterdam.wmo', run: async (a) => { await provisionsAllocated(); return a.request('GET', `/api/v1/residents/${PARENT}/allocations`, { purpose: 'wmo' }); } },
  'POST /api/v1/allocations': {
    as: 'rotterdam.besluit',
    run: async (a) => a.request('POST', '/api/v1/allocations', { purpose: 'wmo', body: { grantedProvisionId: (await provisionsDecided()).provisionId, providerAgb: '12345678', startDate: provisionsDay(), volume: 1 } }),
  },
  'GET /api/v1/allocations': { as: 'rotterdam.besluit', run: async (a) => { await provisionsAllocated(); return a.request('GET', '/api/v1/allocations?providerAgb=12345678&status=active', { purpose: 'wmo' }); } },
  'GET /api/v1/allocations/:nummer': { as: 'rotterdam.wmo', run: async (a) => a.request('GET', `/api/v1/allocations/${await provisionsAllocated()}`, { purpose: 'wmo' }) },
  'POST /api/v1/allocations/:nummer/changes': {
    as: 'rotterdam.wmo',
    run: async (a) => a.request('POST', `/api/v1/allocations/${await provisionsAllocated()}/changes`, { purpose: 'wmo', body: { reason: '05', endDate: provisionsDay(60) } }),
  },
  'POST /api/v1/allocations/:nummer/ending': {
    as: 'rotterdam.wmo',
    run: async (a) => a.request('POST', `/api/v1/allocations/${await provisionsAllocated()}/ending`, { purpose: 'wmo', body: { endDate: provisionsDay(30), changeReason: '09' } }),
  },
  'POST /api/v1/allocations/:nummer/withdrawal': {
    as: 'rotterdam.wmo',
    run: async (a) => a.request('POST', `/api/v1/allocations/${await provisionsAllocated()}/withdrawal`, { purpose: 'wmo', body: {} }),
  },
  // exchange: invoices (the demo provider's 323 against the demo allocations)
  'POST /api/v1/exchange/invoices': { as: 'rotterdam.besluit', run: (a) => deliverDemoInvoice(a, 'RA1', '2026-06') },
  'GET /api/v1/exchange/invoices': { as: 'rotterdam.besluit', run: (a) => a.request('GET', '/api/v1/exchange/invoices', { purpose: 'wmo' }) },
  'GET /api/v1/exchange/invoices/:id/lines': {
    as: 'rotterdam.besluit',
    run: async (a) => a.request('GET', `/api/v1/exchange/invoices/${String((await deliverDemoInvoice(a, 'RA2', '2026-07')).headers['kern-message-id'])}/lines`, { purpose: 'wmo' }),
  },
  'POST /api/v1/exchange/invoices/:id/payment-batches': {
    as: 'rotterdam.besluit',
    run: async (a) => a.request('POST', `/api/v1/exchange/invoices/${String((await deliverDemoInvoice(a, 'RA3', '2026-08')).headers['kern-message-id'])}/payment-batches`, { purpose: 'wmo' }),
  },
  'GET /api/v1/exchange/payment-batches/:id/csv': {
    as: 'rotterdam.besluit',
    run: async (a) => {
      const id = String((await deliverDemoInvoice(a, 'RA4', '2026-09')).headers['kern-message-id']);
      const batch = await a.request('POST', `/api/v1/exchange/invoices/${id}/payment-batches`, { purpose: 'wmo' });
      return a.request('GET', `/api/v1/exchange/payment-batches/${batch.json<{ id: string }>().id}/csv`, { purpose: 'wmo' });
    },
  },
  // exchange-regie: regie messages (305/307/315/317/302/320 in, 319 out)
  'POST /api/v1/exchange/regie-messages': { as: 'rotterdam.besluit', run: (a) => a.request('POST', '/api/v1/exchange/regie-messages', { purpose: 'wmo', body: { xml: regie315('RA1', 'RA-REF-1', '999993872') } }) },
  'GET /api/v1/exchange/requests': { as: 'rotterdam.besluit', run: (a) => a.request('GET', '/api/v1/exchange/requests', { purpose: 'wmo' }) },
  'POST /api/v1/exchange/requests/:id/answer': {
    as: 'rotterdam.besluit',
    run: async (a) => {
      await a.request('POST', '/api/v1/exchange/regie-messages', { purpose: 'wmo', body: { xml: regie315('RA2', 'RA-REF-2', '999990512') } });
      const inbox = (await a.request('GET', '/api/v1/exchange/requests', { purpose: 'wmo' })).json<{ requests: { id: string; referentieAanbieder: string }[] }>();
      const id = inbox.requests.find((r) => r.referentieAanbieder === 'RA-REF-2')?.id ?? '';
      return a.request('POST', `/api/v1/exchange/requests/${id}/answer`, { purpose: 'wmo', body: { verzoekAntwoord: '2' } });
    },
  },
  'POST /api/v1/exchange/allocation-messages': {
    as: 'rotterdam.besluit',
    run: async (a) => {
      const { allocationId } = await insertTestAllocation(kern.services.db, { municipalityCode: '0599', bsn: PARENT, providerAgb: '12345678', standard: 'iwmo', toewijzingNummer: '700001', category: '02', startDate: '2026-01-01' });
      return a.request('POST', '/api/v1/exchange/allocation-messages', { purpose: 'wmo', body: { allocationIds: [allocationId] } });
    },
  },
  'GET /api/v1/exchange/clients/:bsn/messages': { as: 'rotterdam.besluit', run: (a) => a.request('GET', `/api/v1/exchange/clients/${PARENT}/messages`, { purpose: 'wmo' }) },

  // debt help
  'POST /api/v1/debt/signals': { as: 'rotterdam.schuld', run: (a) => a.request('POST', '/api/v1/debt/signals', { purpose: 'wgs', body: { signals: [debtSignal('999992223')] } }) },
  'POST /api/v1/debt/signal-files': {
    as: 'rotterdam.beheer',
    run: (a) => a.request('POST', '/api/v1/debt/signal-files', { purpose: 'wgs', body: { csv: `bsn;creditor;sector;kind;arrears_cents;months_in_arrears;signal_date;reference\n999992831;Evides;water;arrears;12000;2;${debtDay()};E-1` } }),
  },
  'GET /api/v1/debt/signals': { as: 'rotterdam.schuld', run: (a) => a.request('GET', '/api/v1/debt/signals', { purpose: 'wgs' }) },
  'POST /api/v1/debt/signals/:id/offer': { as: 'rotterdam.schuld', run: async (a) => a.request('POST', `/api/v1/debt/signals/${await debtSignalId(a, '999992752')}/offer`, { purpose: 'wgs' }) },
  'POST /api/v1/debt/signals/:id/response': {
    as: 'rotterdam.schuld',
    run: async (a) => a.request('POST', `/api/v1/debt/signals/${await debtSignalId(a, '999991966')}/response`, { purpose: 'wgs', body: { response: 'declined' } }),
  },
  'POST /api/v1/debt/files': { as: 'rotterdam.schuld', run: (a) => a.request('POST', '/api/v1/debt/files', { purpose: 'wgs', body: { subjectBsn: '999993938', contact: 'Joost Visser' } }) },
  'GET /api/v1/debt/files': { as: 'rotterdam.schuld', run: (a) => a.request('GET', '/api/v1/debt/files', { purpose: 'wgs' }) },
  'GET /api/v1/debt/files/:id': { as: 'rotterdam.schuld', run: async (a) => a.request('GET', `/api/v1/debt/files/${await debtFileAt(a, '999993653', 'proposed')}`, { purpose: 'wgs' }) },
  'POST /api/v1/debt/files/:id/debts': {
    as: 'rotterdam.schuld',
    run: async (a) => a.request('POST', `/api/v1/debt/files/${await debtFileAt(a, '999990883', 'intake')}/debts`, { purpose: 'wgs', body: { creditorName: 'Eneco', creditorSector: 'energy', category: 'nuts', claimedCents: 12_345 } }),
  },
  'POST /api/v1/debt/files/:id/debts/:debtId/status': {
    as: 'rotterdam.schuld',
    run: async (a) => {
      const id = await debtFileAt(a, '999992569', 'intake');
      const debtId = await debtClaim(a, id);
      return a.request('POST', `/api/v1/debt/files/${id}/debts/${debtId}/status`, { purpose: 'wgs', body: { status: 'verified', verifiedCents: 40_000 } });
    },
  },
  'POST /api/v1/debt/files/:id/debts/:debtId/evidence': {
    as: 'rotterdam.schuld',
    run: async (a) => {
      const id = await debtFileAt(a, '999990275', 'intake');
      const debtId = await debtClaim(a, id);
      return a.request('POST', `/api/v1/debt/files/${id}/debts/${debtId}/evidence`, { purpose: 'wgs', body: { kind: 'invoice', fileName: 'factuur.pdf', mediaType: 'application/pdf', sizeBytes: 1000, receivedOn: debtDay() } });
    },
  },
  'POST /api/v1/debt/files/:id/first-conversation': {
    as: 'rotterdam.schuld',
    run: async (a) => a.request('POST', `/api/v1/debt/files/${await debtFileAt(a, '999991346', 'intake')}/first-conversation`, { purpose: 'wgs', body: { heldOn: debtDay() } }),
  },
  'POST /api/v1/debt/files/:id/decision': {
    as: 'rotterdam.schuld',
    run: async (a) => a.request('POST', `/api/v1/debt/files/${await debtFileAt(a, '999990718', 'assessment')}/decision`, { purpose: 'wgs', body: { decision: 'refused', decidedOn: debtDay(), ground: 'no-problematic-debts' } }),
  },
  'POST /api/v1/debt/files/:id/moratorium': {
    as: 'rotterdam.schuld',
    run: async (a) => a.request('POST', `/api/v1/debt/files/${await debtFileAt(a, '999990299', 'intake')}/moratorium`, { purpose: 'wgs', body: { from: debtDay(), until: debtDay() } }),
  },
  'POST /api/v1/debt/files/:id/vtlb': {
    as: 'rotterdam.schuld',
    run: async (a) => a.request('POST', `/api/v1/debt/files/${await debtFileAt(a, '999993276', 'intake')}/vtlb`, { purpose: 'wgs', body: debtVtlbInput }),
  },
  'POST /api/v1/debt/files/:id/solution': {
    as: 'rotterdam.schuld',
    run: async (a) => a.request('POST', `/api/v1/debt/files/${await debtFileAt(a, '999992491', 'vtlb')}/solution`, { purpose: 'wgs', body: { kind: 'debt-mediation' } }),
  },
  'POST /api/v1/debt/files/:id/offers/:offerId/response': {
    as: 'rotterdam.schuld',
    run: async (a) => {
      const id = await debtFileAt(a, '999994669', 'proposed');
      const view = (await a.request('GET', `/api/v1/debt/files/${id}`, { purpose: 'wgs' })).json<{ solution: { offers: { id: string }[] } }>();
      return a.request('POST', `/api/v1/debt/files/${id}/offers/${view.solution.offers[0]?.id ?? ''}/response`, { purpose: 'wgs', body: { response: 'accepted' } });
    },
  },
  'GET /api/v1/debt/files/:id/overview': { as: 'rotterdam.schuld', run: async (a) => a.request('GET', `/api/v1/debt/files/${await debtFileAt(a, '999993707', 'proposed')}/overview`, { purpose: 'wgs' }) },
  'GET /api/v1/debt/files/:id/letters/:creditorId': {
    as: 'rotterdam.schuld',
    run: async (a) => {
      const id = await debtFileAt(a, '999997610', 'proposed');
      const view = (await a.request('GET', `/api/v1/debt/files/${id}`, { purpose: 'wgs' })).json<{ solution: { offers: { creditorId: string }[] } }>();
      return a.request('GET', `/api/v1/debt/files/${id}/letters/${view.solution.offers[0]?.creditorId ?? ''}`, { purpose: 'wgs' });
    },
  },

  // debt help: the debt fund
  'POST /api/v1/debt-fund/files/:id/take-over': {
    as: 'rotterdam.schuld',
    run: async (a) => a.request('POST', `/api/v1/debt-fund/files/${await debtFileAt(a, '999990147', 'vtlb')}/take-over`, { purpose: 'wgs', body: { decisionOn: debtDay(), monthlyCents: 5_000 } }),
  },
  'GET /api/v1/debt-fund/files/:id/statement': { as: 'rotterdam.schuld', run: async (a) => a.request('GET', `/api/v1/debt-fund/files/${await fundFile(a, '999990172')}/statement`, { purpose: 'wgs' }) },
  'POST /api/v1/debt-fund/files/:id/milestones': {
    as: 'rotterdam.schuld',
    run: async (a) => a.request('POST', `/api/v1/debt-fund/files/${await fundFile(a, '999990196')}/milestones`, { purpose: 'wgs', body: { goalRef: 'goal-1', reachedOn: debtDay() } }),
  },
  'POST /api/v1/debt-fund/month-runs': { as: 'rotterdam.beheer', run: (a) => a.request('POST', '/api/v1/debt-fund/month-runs', { purpose: 'wgs', body: { period: debtDay().slice(0, 7) } }) },
  'POST /api/v1/debt-fund/payouts': {
    as: 'rotterdam.beheer',
    run: async () => {
      // Cash comes from repayments, which start the month after the take-over: run next month, then pay.
      await fundFile(await kern.login('rotterdam.schuld'), '999990378');
      const today = kern.clock.now();
      kern.clock.set(new Date(today.getTime() + 35 * 86_400_000));
      try {
        const admin = await kern.login('rotterdam.beheer');
        await admin.request('POST', '/api/v1/debt-fund/month-runs', { purpose: 'wgs', body: { period: debtDay().slice(0, 7) } });
        return await admin.request('POST', '/api/v1/debt-fund/payouts', { purpose: 'wgs', body: { amountCents: 1 } });
      } finally {
        kern.clock.set(today);
      }
    },
  },
  'GET /api/v1/debt-fund/dashboard': { as: 'rotterdam.kwaliteit', run: (a) => a.request('GET', '/api/v1/debt-fund/dashboard') },

  // insight
  'GET /api/v1/insight/leertafel/cases/:id': {
    as: 'rotterdam.generalist',
    run: async (a) => {
      // Five similar cases, so the story is k-anonymous and may be exported.
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push(await startWmoCase());
      return a.request('GET', `/api/v1/insight/leertafel/cases/${ids[0] ?? ''}`, { purpose: 'wmo' });
    },
  },
};

// provisions: a Wmo case walked to the back office's besluit step, decided, allocated, over HTTP.
const provisionsDay = (days = 0) => new Date(kern.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
const provisionsDecision = () => ({
  outcome: 'granted', reasons: 'U krijgt drie uur hulp bij het huishouden per week.',
  provisions: [{ category: '01', productCode: '01A01', form: 'zin', volume: 3, unit: '04', frequency: '2', validFrom: provisionsDay(), validTo: provisionsDay(180) }],
});
async function provisionsCaseAtDecision(): Promise<string> {
  const g = await kern.login('rotterdam.generalist');
  const w = await kern.login('rotterdam.wmo');
  const created = await g.request('POST', '/api/v1/cases', { purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: PARENT, fields: { hulpvraag: 'Hulp bij het huishouden' } } });
  const id = created.json<{ caseId: string }>().caseId;
  const step = (a: Agent, to: string, fields: Record<string, unknown> = {}) => a.request('POST', `/api/v1/cases/${id}/transitions`, { purpose: 'wmo', body: { to, fields } });
  await step(g, 'onderzoeken');
  await step(g, 'advies-opstellen', { gespreksverslag: 'Keukentafelgesprek gevoerd.', clientondersteuningAangeboden: true });
  await step(g, 'aanvraag', { advies: 'Hulp bij het huishouden.', geadviseerdeCategorieen: ['01'] });
  await step(w, 'besluiten', { adviesVolledig: true });
  return id;
}
async function provisionsDecided(): Promise<{ caseId: string; decisionId: string; provisionId: string }> {
  const caseId = await provisionsCaseAtDecision();
  const b = await kern.login('rotterdam.besluit');
  const r = await b.request('POST', `/api/v1/cases/${caseId}/decision`, { purpose: 'wmo', body: provisionsDecision() });
  const d = r.json<{ decision: { id: string; provisions: { id: string }[] } }>().decision;
  return { caseId, decisionId: d.id, provisionId: d.provisions[0]?.id ?? '' };
}
async function provisionsLetter(): Promise<string> {
  const { decisionId } = await provisionsDecided();
  const r = await sql<{ id: string }>`select id from letters where decision_id = ${decisionId}`.execute(kern.services.db);
  return r.rows[0]?.id ?? '';
}
async function provisionsAllocated(): Promise<string> {
  const { provisionId } = await provisionsDecided();
  const b = await kern.login('rotterdam.besluit');
  const r = await b.request('POST', '/api/v1/allocations', { purpose: 'wmo', body: { grantedProvisionId: provisionId, providerAgb: '12345678', startDate: provisionsDay() } });
  return r.json<{ toewijzingNummer: string }>().toewijzingNummer;
}
// exchange: the demo provider's declaration for the demo family, for the route examples above.
function deliverDemoInvoice(a: Agent, identificatie: string, month: string) {
  return a.request('POST', '/api/v1/exchange/invoices', { purpose: 'wmo', body: demoInvoiceXml({ municipalityCode: '0599', clients: exchangeDemoClients['0599'] ?? ['', ''], identificatie, month }), headers: { 'content-type': 'application/xml' } });
}

// debt help: files driven to a stage over HTTP, for the route examples above.
const debtDay = () => kern.clock.now().toISOString().slice(0, 10);
const debtSignal = (bsn: string) => ({ bsn, creditorName: 'Eneco', sector: 'energy', kind: 'cut-off-energy', arrearsCents: 23_000, signalDate: debtDay() });
const debtVtlbInput = { situation: 'single', costSharers: 1, netIncomeCents: 200_000, housingCostsCents: 60_000, healthPremiumCents: 15_000, zorgtoeslagCents: 12_000 };
async function debtSignalId(a: Agent, bsn: string): Promise<string> {
  const r = await a.request('POST', '/api/v1/debt/signals', { purpose: 'wgs', body: { signals: [debtSignal(bsn)] } });
  return r.json<{ lines: { signalId: string }[] }>().lines[0]?.signalId ?? '';
}
async function debtClaim(a: Agent, fileId: string): Promise<string> {
  const r = await a.request('POST', `/api/v1/debt/files/${fileId}/debts`, { purpose: 'wgs', body: { creditorName: 'Woonstad Rotterdam', creditorSector: 'housing', category: 'nuts', claimedCents: 50_000 } });
  return r.json<{ debtId: string }>().debtId;
}
async function debtFileAt(a: Agent, bsn: string, stage: 'intake' | 'assessment' | 'vtlb' | 'proposed'): Promise<string> {
  const opened = await a.request('POST', '/api/v1/debt/files', { purpose: 'wgs', body: { subjectBsn: bsn, contact: 'Joost Visser' } });
  const id = opened.json<{ debtFileId: string }>().debtFileId;
  if (stage === 'intake') return id;
  await a.request('POST', `/api/v1/debt/files/${id}/first-conversation`, { purpose: 'wgs', body: { heldOn: debtDay() } });
  if (stage === 'assessment') return id;
  const debtId = await debtClaim(a, id);
  await a.request('POST', `/api/v1/debt/files/${id}/debts/${debtId}/status`, { purpose: 'wgs', body: { status: 'verified', verifiedCents: 50_000 } });
  await a.request('POST', `/api/v1/debt/files/${id}/decision`, { purpose: 'wgs', body: { decision: 'plan', decidedOn: debtDay() } });
  await a.request('POST', `/api/v1/debt/files/${id}/vtlb`, { purpose: 'wgs', body: debtVtlbInput });
  if (stage === 'vtlb') return id;
  await a.request('POST', `/api/v1/debt/files/${id}/solution`, { purpose: 'wgs', body: { kind: 'debt-mediation' } });
  return id;
}

async function fundFile(a: Agent, bsn: string): Promise<string> {
  const id = await debtFileAt(a, bsn, 'vtlb');
  await a.request('POST', `/api/v1/debt-fund/files/${id}/take-over`, { purpose: 'wgs', body: { decisionOn: debtDay(), monthlyCents: 5_000 } });
  return id;
}

/** The demo family's plan (the parent and the child; the coordinator relation comes from the seed), opened once. */
let demoPlanId: Promise<string> | undefined;
function demoPlan(): Promise<string> {
  demoPlanId ??= (async () => {
    const g = await kern.login('rotterdam.generalist');
    const res = await g.request('POST', '/api/v1/plans', { purpose: 'integraal', body: { anchorBsn: PARENT, members: [{ bsn: PARENT, name: 'Ouder' }, { bsn: '999990342', name: 'Kind' }] } });
    return res.json<{ id: string }>().id;
  })();
  return demoPlanId;
}

async function agreeToLatest(a: Agent, planId: string) {
  const plan = (await a.request('GET', `/api/v1/residents/${PARENT}/plan`, { purpose: 'integraal' })).json<{ plan: { versions: { version: number }[] } }>().plan;
  const version = plan.versions.at(-1)?.version ?? 1;
  return a.request('POST', `/api/v1/plans/${planId}/agreements`, { purpose: 'integraal', body: { version, party: { bsn: PARENT, name: 'Ouder' }, method: 'in-person' } });
}

async function newOffering(): Promise<string> {
  const admin = await kern.login('rotterdam.beheer');
  const res = await admin.request('POST', '/api/v1/offerings', { body: { name: `Groep ${Math.random().toString(36).slice(2, 8)}`, description: 'Samen', kind: 'group', capacity: 10, startsOn: '2026-01-01' } });
  return res.json<{ id: string }>().id;
}

async function selfRef(a: Agent): Promise<string> {
  const res = await a.request('GET', '/api/v1/portal/session');
  return res.json<{ session: { people: { ref: string; relation: string }[] } }>().session.people.find((p) => p.relation === 'self')?.ref ?? '';
}

async function draftOf(a: Agent): Promise<string> {
  const res = await a.request('POST', `/api/v1/portal/people/${await selfRef(a)}/requests`, { body: { topic: 'care', description: 'Hulp bij het huishouden' } });
  return res.json<{ id: string }>().id;
}

/** A household plan with the citizen as its only member, opened by the coordinator of an integral intake. */
/** One plan per household: the examples that need a resident's plan share it (opened on first use). */
const plans = new Map<string, Promise<string>>();
function planFor(bsn: string): Promise<string> {
  let plan = plans.get(bsn);
  if (!plan) plans.set(bsn, (plan = openPlanFor(bsn)));
  return plan;
}

async function openPlanFor(bsn: string): Promise<string> {
  const g = await kern.login('rotterdam.generalist');
  await g.request('POST', '/api/v1/cases', { purpose: 'integraal', body: { werkwijzeId: 'een-loket', caseTypeId: 'integrale-intake', subjectBsn: bsn, fields: { vraag: 'Alles op een rij' } } });
  const actor = await staffActorOf(kern.services.db, 'rotterdam.generalist');
  if (!actor) throw new Error('no generalist');
  const ctx = { actor, purpose: 'integraal' as const };
  const plan = await runAsTenant(kern.services, ctx, (tx) => openHouseholdPlan(kern.services, tx, ctx, { anchorBsn: bsn, members: [{ bsn, name: 'Inwoner' }] }));
  return plan.id;
}

/** A relation as the system makes one from a request: asked by the agent, approved by the team lead. */
async function approvedInvolvement(a: Agent, purpose: string, bsn: string): Promise<string> {
  const asked = await a.request('POST', '/api/v1/involvements', { purpose, body: { subjectBsn: bsn, reason: 'Aanmelding schuldhulp' } });
  const lead = await kern.login('rotterdam.teamleider');
  const decided = await lead.request('POST', `/api/v1/involvement-requests/${asked.json<{ request: { id: string } }>().request.id}/decision`, { body: { verdict: 'approved', note: 'Aanmelding bekend' } });
  return decided.json<{ request: { involvementId: string } }>().request.involvementId;
}

async function startWmoCaseFor(bsn: string): Promise<void> {
  const g = await kern.login('rotterdam.generalist');
  await g.request('POST', '/api/v1/cases', { purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: bsn, fields: { hulpvraag: 'Vervoer' } } });
}

async function startWmoCase(): Promise<string> {
  const g = await kern.login('rotterdam.generalist');
  const res = await g.request('POST', '/api/v1/cases', {
    purpose: 'wmo',
    body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: PARTNER, meldingDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), fields: { hulpvraag: 'Hulp bij het huishouden' } },
  });
  return res.json<{ caseId: string }>().caseId;
}

Object.assign(examples, {
  'POST /api/v1/cases': {
    as: 'rotterdam.generalist',
    run: (a: Agent) => a.request('POST', '/api/v1/cases', { purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: PARENT, fields: { hulpvraag: 'Vervoer' } } }),
  },
  'GET /api/v1/cases/:id': { as: 'rotterdam.generalist', run: async (a: Agent) => a.request('GET', `/api/v1/cases/${await startWmoCase()}`, { purpose: 'wmo' }) },
  'POST /api/v1/cases/:id/transitions': {
    as: 'rotterdam.generalist',
    run: async (a: Agent) => a.request('POST', `/api/v1/cases/${await startWmoCase()}/transitions`, { purpose: 'wmo', body: { to: 'onderzoeken' } }),
  },
  'POST /api/v1/cases/:id/suspensions': {
    as: 'rotterdam.generalist',
    run: async (a: Agent) => {
      const today = new Date().toISOString().slice(0, 10);
      return a.request('POST', `/api/v1/cases/${await startWmoCase()}/suspensions`, {
        purpose: 'wmo', body: { termId: 'wmo-onderzoek', from: today, to: today, ground: 'agreed-with-client', note: 'Afgesproken met cliënt' },
      });
    },
  },
  'POST /api/v1/cases/:id/version-migration': {
    as: 'rotterdam.beheer',
    run: async (a: Agent) => a.request('POST', `/api/v1/cases/${await startWmoCase()}/version-migration`, { body: { toVersion: 1, mapping: { melding: 'melding' } } }),
  },
} satisfies Record<string, Example>);

// product catalogue and contracting: no personal data, but every route makes an access decision that is audited
const demoContractId = async (a: Agent) =>
  (await a.request('GET', '/api/v1/contracting/contracts')).json<{ id: string; reference: string }[]>().find((c) => c.reference === 'RTM-WMO-2026-001')?.id ?? '';
const newContractId = async (a: Agent, reference: string) => {
  const providers = (await a.request('GET', '/api/v1/contracting/providers')).json<{ id: string; agbCode: string }[]>();
  const res = await a.request('POST', '/api/v1/contracting/contracts', {
    body: { providerId: providers.find((p) => p.agbCode === '98000101')?.id, reference, law: 'wmo', fundingModel: 'inspanningsgericht', validFrom: '2026-01-01', validTo: '2026-12-31' },
  });
  return res.json<{ id: string }>().id;
};
const catalogueExamples: Record<string, Example> = {
  'GET /api/v1/catalogue/categories': { as: 'rotterdam.inkoop', run: (a) => a.request('GET', '/api/v1/catalogue/categories') },
  'GET /api/v1/catalogue/national-products': { as: 'rotterdam.inkoop', run: (a) => a.request('GET', '/api/v1/catalogue/national-products?category=45&on=2026-04-01') },
  'GET /api/v1/catalogue/local-products': { as: 'rotterdam.wmo', run: (a) => a.request('GET', '/api/v1/catalogue/local-products?standard=iwmo', { purpose: 'wmo' }) },
  'POST /api/v1/catalogue/local-products': {
    as: 'rotterdam.inkoop',
    run: (a) => a.request('POST', '/api/v1/catalogue/local-products', { body: { standard: 'ijw', localCode: 'RA001', name: 'Route-audit product', category: '45', nationalCode: '45A06', unit: '04', validFrom: '2026-01-01' } }),
  },
  'PATCH /api/v1/catalogue/local-products/:id': {
    as: 'rotterdam.inkoop',
    run: async (a) => {
      const created = await a.request('POST', '/api/v1/catalogue/local-products', { body: { standard: 'ijw', localCode: 'RA002', name: 'Nog te koppelen', category: '45', validFrom: '2026-01-01' } });
      return a.request('PATCH', `/api/v1/catalogue/local-products/${created.json<{ id: string }>().id}`, { body: { nationalCode: '45A06', unit: '04' } });
    },
  },
  'POST /api/v1/catalogue/local-products/:id/end': {
    as: 'rotterdam.inkoop',
    run: async (a) => {
      const created = await a.request('POST', '/api/v1/catalogue/local-products', { body: { standard: 'iwmo', localCode: 'RA003', name: 'Tijdelijk', category: '06', validFrom: '2026-01-01' } });
      return a.request('POST', `/api/v1/catalogue/local-products/${created.json<{ id: string }>().id}/end`, { body: { validTo: '2026-12-31' } });
    },
  },
  'GET /api/v1/catalogue/mapping-report': { as: 'rotterdam.inkoop', run: (a) => a.request('GET', '/api/v1/catalogue/mapping-report?on=2026-04-01') },
  'GET /api/v1/contracting/providers': { as: 'rotterdam.jeugd', run: (a) => a.request('GET', '/api/v1/contracting/providers', { purpose: 'jeugdwet' }) },
  'POST /api/v1/contracting/providers': { as: 'rotterdam.inkoop', run: (a) => a.request('POST', '/api/v1/contracting/providers', { body: { agbCode: '98009901', name: 'Route-audit zorg' } }) },
  'GET /api/v1/contracting/contracts': { as: 'rotterdam.inkoop', run: (a) => a.request('GET', '/api/v1/contracting/contracts?on=2026-04-01') },
  'POST /api/v1/contracting/contracts': { as: 'rotterdam.inkoop', run: async (a) => ({ statusCode: (await newContractId(a, 'RA-2026-1')) ? 201 : 400, body: '' }) },
  'GET /api/v1/contracting/contracts/:id': { as: 'rotterdam.inkoop', run: async (a) => a.request('GET', `/api/v1/contracting/contracts/${await demoContractId(a)}`) },
  'POST /api/v1/contracting/contracts/:id/products': {
    as: 'rotterdam.inkoop',
    run: async (a) => a.request('POST', `/api/v1/contracting/contracts/${await newContractId(a, 'RA-2026-2')}/products`, {
      body: { category: '01', productCode: 'HH01', unit: '04', tariffCents: 3_400, validFrom: '2026-01-01', validTo: '2026-12-31' },
    }),
  },
  'POST /api/v1/contracting/contracts/:id/end': {
    as: 'rotterdam.inkoop',
    run: async (a) => a.request('POST', `/api/v1/contracting/contracts/${await newContractId(a, 'RA-2026-3')}/end`, { body: { validTo: '2026-06-30' } }),
  },
  'GET /api/v1/contracting/tariff': {
    as: 'rotterdam.wmo',
    run: (a) => a.request('GET', '/api/v1/contracting/tariff?providerAgb=98000101&category=01&productCode=HH01&on=2026-04-01', { purpose: 'wmo' }),
  },
  // worklists (issue 15): whom a task of the team can be handed to; the route-table test runs this too
  'GET /api/v1/worklist/tasks/:taskId/colleagues': {
    as: 'rotterdam.generalist',
    run: async (a) => {
      const teamTasks = async () => (await a.request('GET', '/api/v1/worklist?scope=team')).json<{ items: { taskId: string }[] }>().items;
      let tasks = await teamTasks();
      if (tasks.length === 0) {
        await a.request('POST', '/api/v1/cases', { purpose: 'wmo', body: { werkwijzeId: 'frontoffice-backoffice', caseTypeId: 'wmo-maatwerk', subjectBsn: '999993653', fields: { hulpvraag: 'Route-audit melding' } } });
        tasks = await teamTasks();
      }
      return a.request('GET', `/api/v1/worklist/tasks/${tasks[0]?.taskId ?? 'none'}/colleagues`);
    },
  },
};

describe('product catalogue and contracting routes', () => {
  it('every route has an example that succeeds and records its access decision', async () => {
    const ours = kern.routes.filter((r) => r.url.startsWith('/api/v1/catalogue/') || r.url.startsWith('/api/v1/contracting/')).map((r) => `${r.method} ${r.url}`);
    expect(ours.filter((key) => !catalogueExamples[key]), 'add an example to catalogueExamples').toEqual([]);
    for (const key of ours) {
      const example = catalogueExamples[key];
      if (!example) continue;
      const agent = await kern.login(example.as);
      const before = await auditCount();
      const res = await example.run(agent);
      expect(res.statusCode, `${key}: ${res.body}`).toBeLessThan(300);
      expect(await auditCount(), `${key} recorded no access decision`).toBeGreaterThan(before);
    }
  });
});

/** The BSNs an answer names: the test persons' BSNs (9999xxxxx) that pass the 11-test. */
const bsnsIn = (body: string): string[] => [...new Set(body.match(/(?<!\d)9999\d{5}(?!\d)/g) ?? [])].filter(isValidBsn);
const chainHeads = async () =>
  (await sql<{ municipality_code: string; seq: number }>`select municipality_code, seq from audit_chain_heads`.execute(kern.services.db)).rows.map((r) => ({ code: r.municipality_code, seq: Number(r.seq) }));
/** The subjects of the audit records written after the given chain heads (new chains count from 0). */
async function subjectsAuditedSince(heads: { code: string; seq: number }[]): Promise<Set<string>> {
  const rows = await sql<{ municipality_code: string; seq: number; subject_bsn: string | null }>`
    select municipality_code, seq, subject_bsn from audit_log where subject_bsn is not null and seq > ${Math.min(0, ...heads.map((h) => h.seq))}`.execute(kern.services.db);
  const since = new Map(heads.map((h) => [h.code.trim(), h.seq]));
  return new Set(rows.rows.filter((r) => Number(r.seq) > (since.get(r.municipality_code.trim()) ?? 0)).map((r) => (r.subject_bsn ?? '').trim()));
}

const auditCount = async () => Number((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(kern.services.db)).rows[0]?.n);

describe('the route table', () => {
  it('has an audited example for every route that touches personal data', () => {
    const personal = kern.routes.filter((r) => r.personalData !== 'none').map((r) => `${r.method} ${r.url}`);
    const missing = personal.filter((key) => !examples[key]);
    expect(missing, 'add an example to route-audit.int.test.ts for each new personal-data route').toEqual([]);
    expect(personal.length).toBeGreaterThanOrEqual(Object.keys(examples).length);
  });

  it('writes audit records on every route that reads or writes personal data, naming every person its answer names', async () => {
    const unaudited: string[] = [];
    for (const route of kern.routes.filter((r) => r.personalData !== 'none')) {
      const key = `${route.method} ${route.url}`;
      const example = examples[key];
      if (!example) continue;
      const agent = example.as.startsWith('citizen:') ? await kern.citizenLogin(example.as.slice('citizen:'.length)) : await kern.login(example.as);
      const before = await auditCount();
      const heads = await chainHeads();
      const res = await example.run(agent);
      expect(res.statusCode, `${key}: ${res.body}`).toBeLessThan(300);
      expect(await auditCount(), `${key} wrote no audit record`).toBeGreaterThan(before);
      // Not only the route's subject: every person the answer names must have a record naming them.
      const named = bsnsIn(res.body);
      const audited = await subjectsAuditedSince(heads);
      const missing = named.filter((bsn) => !audited.has(bsn));
      if (missing.length) unaudited.push(`${key}: ${missing.join(', ')}`);
    }
    expect(unaudited, 'answers that name people without an audit record naming them').toEqual([]);
  });

  it('never returns a BSN from a route declared free of personal data', async () => {
    const agent = await kern.login('rotterdam.auditor');
    const admin = await kern.login('rotterdam.beheer');
    const caseworker = await kern.login('rotterdam.generalist');
    for (const route of kern.routes.filter((r) => r.personalData === 'none' && r.method === 'GET')) {
      const query: Record<string, string> = { '/api/v1/werkwijze-diffs': '?from=library:een-loket&to=frontoffice-backoffice@1', '/api/v1/statutory-terms/:termId': '?start=2026-04-03' };
      const url = route.url.replace(':termId', 'awb-bezwaar').replace(':code', '0599').replace(':id', 'frontoffice-backoffice').replace(':version', '1') + (query[route.url] ?? '');
      const who = route.url.includes('settings') || route.url.includes('access-policy') || route.url.includes('login-alerts') ? admin : route.url.includes('worklist') ? caseworker : agent;
      // product catalogue and contracting: read by the contract manager, with a demo contract and tariff question
      const catalogueExample = catalogueExamples[`GET ${route.url}`];
      if (catalogueExample) {
        const r = await catalogueExample.run(await kern.login(catalogueExample.as));
        expect(r.statusCode, `${route.url}: ${r.body.slice(0, 200)}`).toBeLessThan(300);
        expect(r.body, route.url).not.toMatch(/9999\d{5}/);
        continue;
      }
      // Routes free of personal data that still work under a law: the caseworker's list of closed cases for a leertafel story.
      const underLaw = route.url === '/api/v1/insight/leertafel/cases';
      const res = underLaw ? await caseworker.request('GET', url, { purpose: 'wmo' }) : await who.request('GET', url);
      expect(res.statusCode, `${route.url}: ${res.body.slice(0, 200)}`).toBeLessThan(300);
      expect(res.body, route.url).not.toMatch(/9999\d{5}/);
    }
  });

  it('requires a staff session on every route that touches personal data', async () => {
    for (const route of kern.routes.filter((r) => r.personalData !== 'none')) {
      const url = route.url.replace(':bsn', PARENT).replace(':id', '00000000-0000-4000-8000-000000000000');
      const res = await kern.anonymous.request(route.method, url, { purpose: 'wmo', ...(route.method === 'GET' ? {} : { body: {} }) });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
