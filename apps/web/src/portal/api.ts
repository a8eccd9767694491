/**
 * The portal's API client: the citizen session cookie, the CSRF token on every change, problems as
 * values. Routes and types come from @kern/portal/contract, called through the same typed caller
 * as the staff app (api/client.ts) but with the portal's own session and error handling.
 */
import type { ResponseOf } from '@kern/kit/contract';
import {
  portalContract, type AccessLogEntry, type AccessLogQuery, type CitizenSession, type MyData as PortalMyData, type PortalCase, type PortalConsent, type PortalOffering,
  type PortalPerson, type PortalPlan, type PortalRequest, type termSchema, type messageSchema, type DraftInput, type PlanAdditionInput, type PortalDecision, type ObjectionInput,
} from '@kern/portal/contract';
import type { z } from 'zod';
import { portalLettersContract, type Letter } from '@kern/letters/contract';
import { contractCaller, urlOf } from '../api/client';

export interface PortalProblem {
  status: number;
  detail?: string;
  messages?: { nl: string; en: string };
  invalidParams?: { name: string; reason: string }[];
}

export class PortalApiError extends Error {
  constructor(readonly problem: PortalProblem) {
    super(problem.detail ?? `HTTP ${problem.status}`);
  }
}

export type { Letter, PortalCase, PortalDecision, PortalPerson, PortalPlan, PortalRequest };
export type PortalSession = CitizenSession;
export type Term = z.infer<typeof termSchema>;
export type PlanVersion = PortalPlan['versions'][number];
export type Home = ResponseOf<typeof portalContract.home>;
export type AccessEntry = AccessLogEntry;
export type MyData = PortalMyData;
export type Consent = PortalConsent;
export type Message = z.infer<typeof messageSchema>;
export type Offering = PortalOffering;
/** What a draft request sends: every part may still be empty (the server applies the defaults). */
export type DraftBody = z.input<typeof portalContract.saveDraft.body>;

const API_PREFIX = '/api/v1';

export function createPortalApi(options: { lang: () => string; csrfToken: () => string | null; onUnauthenticated: () => void }) {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': options.lang() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const csrf = options.csrfToken();
    if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
    const res = await fetch(`${API_PREFIX}${path}`, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (res.status === 204) return undefined as T;
    const data = (await res.json().catch(() => ({}))) as unknown;
    if (!res.ok) {
      const problem = { status: res.status, ...(typeof data === 'object' && data ? data : {}) } as PortalProblem;
      if (res.status === 401 && !path.endsWith('/demo-sessions')) options.onUnauthenticated();
      throw new PortalApiError(problem);
    }
    return data as T;
  }
  const call = contractCaller(request);
  const c = portalContract;
  return {
    loginOptions: () => call(c.loginOptions),
    session: () => call(c.session).then((r) => r.session),
    demoLogin: (bsn: string, municipalityCode: string) => call(c.demoLogin, { body: { bsn, municipalityCode } }).then((r) => r.session),
    logout: () => call(c.logout),
    home: (ref: string) => call(c.home, { params: { ref } }),
    createDraft: (ref: string, draft: DraftBody) => call(c.createDraft, { params: { ref }, body: draft }),
    readRequest: (id: string) => call(c.readRequest, { params: { id } }),
    saveDraft: (id: string, draft: DraftBody) => call(c.saveDraft, { params: { id }, body: draft }),
    upload: (id: string, fileName: string, contentBase64: string) => call(c.uploadDocument, { params: { id }, body: { fileName, contentBase64 } }),
    submit: (id: string) => call(c.submitRequest, { params: { id } }),
    plan: (ref: string) => call(c.plan, { params: { ref } }).then((r) => r.plan),
    agree: (ref: string, planId: string, version: number) => call(c.agreeToPlan, { params: { ref, planId }, body: { version } }).then((r) => r.plan),
    addToPlan: (ref: string, planId: string, body: PlanAdditionInput) => call(c.addToPlan, { params: { ref, planId }, body }).then((r) => r.plan),
    askChange: (ref: string, planId: string, text: string) => call(c.askPlanChange, { params: { ref, planId }, body: { request: text } }).then((r) => r.plan),
    myData: (ref: string) => call(c.myData, { params: { ref } }),
    accessLog: (ref: string, query: AccessLogQuery) => call(c.accessLog, { params: { ref }, query }),
    consents: (ref: string) => call(c.consents, { params: { ref } }).then((r) => r.consents),
    withdraw: (ref: string, consentId: string) => call(c.withdrawConsent, { params: { ref, consentId } }).then((r) => r.consents),
    setEmail: (ref: string, email: string | null) => call(c.setContact, { params: { ref }, body: { email } }),
    messages: (ref: string) => call(c.messages, { params: { ref } }).then((r) => r.messages),
    send: (ref: string, body: string, topic: z.input<typeof c.sendMessage.body>['topic']) => call(c.sendMessage, { params: { ref }, body: { body, topic } }).then((r) => r.messages),
    offerings: (ref: string) => call(c.offerings, { params: { ref } }).then((r) => r.offerings),
    join: (ref: string, offeringId: string) => call(c.signUp, { params: { ref, offeringId } }).then((r) => r.offerings),
    decisions: (ref: string) => call(c.decisions, { params: { ref } }).then((r) => r.decisions),
    lodgeObjection: (ref: string, decisionId: string, body: ObjectionInput) => call(c.lodgeObjection, { params: { ref, decisionId }, body }),
    letters: (ref: string) => call(portalLettersContract.myLetters, { params: { ref } }).then((r) => r.letters),
    letterUrl: (ref: string, id: string) => urlOf(portalLettersContract.myLetterPdf, { params: { ref, id } }),
    planPdfUrl: (ref: string, planId: string, version: number) => urlOf(c.planPdf, { params: { ref, planId }, query: { version } }),
    exportUrl: (ref: string, format: 'json' | 'pdf') => urlOf(format === 'json' ? c.exportJson : c.exportPdf, { params: { ref } }),
  };
}
export type PortalApi = ReturnType<typeof createPortalApi>;
export type { DraftInput };

export function problemText(error: unknown, lang: 'nl' | 'en', fallback: string): string {
  if (error instanceof PortalApiError) return error.problem.messages?.[lang] ?? error.problem.detail ?? fallback;
  return fallback;
}
