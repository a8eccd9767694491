/** The portal's API client: the citizen session cookie, the CSRF token on every change, problems as values. */
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

export interface PortalPerson { ref: string; name: string; relation: string }
export interface PortalSession { csrfToken: string; name: string; municipality: { code: string }; people: PortalPerson[]; expiresAt: string }
export interface Term { termId: string; dueDate: string; metDate: string | null; status: string; description: { nl: string; en: string } }
export interface PortalCase {
  id: string; reference: string; law: string; title: string; phase: string; stepName: string; status: 'open' | 'closed'; meldingDate: string; terms: Term[];
  decisions: { on: string; stepName: string; outcome: string; reason: string | null; objectionUntil: string }[];
}
export interface PortalDocument { id: string; fileName: string; mediaType: string; sizeBytes: number }
export interface PortalRequest {
  id: string; status: 'draft' | 'submitted'; topic: string | null; urgentSituations: string[]; description: string; phone: string | null; email: string | null;
  caseReferences: string[]; documents: PortalDocument[]; updatedAt: string;
}
export interface PlanVersion {
  version: number; state: 'draft' | 'agreed' | 'superseded'; agreedAt: string | null; agreedByMe: boolean; changeNote: string | null;
  goals: { id: string; domain: string; text: string; status: string; mine: boolean }[];
  actions: { id: string; text: string; owner: { kind: string; name: string }; dueDate: string; status: string }[];
  agreements: { id: string; text: string }[];
}
export interface PortalPlan { id: string; coordinator: string; agreedVersion: number | null; draftVersion: number | null; versions: PlanVersion[] }
export interface Home { person: PortalPerson; cases: PortalCase[]; drafts: { id: string; topic: string | null; updatedAt: string }[]; unreadMessages: number; plan: PortalPlan | null }
export interface AccessEntry { at: string; who: 'me' | 'staff' | 'system' | 'representative'; role: string | null; team: string | null; purpose: string | null; action: string; what: string; outcome: string }
export interface MyData {
  registry: { name: string; birthDate: string | null; address: string | null } | null;
  cases: PortalCase[]; accessLog: AccessEntry[]; contactEmail: string | null;
}
export interface Consent { id: string; purpose: string; recipient: string; dataCategories: string[]; givenAt: string; inEffect: boolean; withdrawnAt: string | null }
export interface Message { id: string; from: 'me' | 'municipality'; role: string | null; team: string | null; body: string; sentAt: string; topic: string | null }
export interface Offering { id: string; name: string; description: string; kind: string; location: string | null; startsOn: string; placesLeft: number | string | null; near: boolean; enrolled: boolean }

export function createPortalApi(options: { lang: () => string; csrfToken: () => string | null; onUnauthenticated: () => void }) {
  async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': options.lang() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const csrf = options.csrfToken();
    if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
    const res = await fetch(url, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (res.status === 204) return undefined as T;
    const data = (await res.json().catch(() => ({}))) as unknown;
    if (!res.ok) {
      const problem = { status: res.status, ...(typeof data === 'object' && data ? data : {}) } as PortalProblem;
      if (res.status === 401 && !url.endsWith('/demo-sessions')) options.onUnauthenticated();
      throw new PortalApiError(problem);
    }
    return data as T;
  }
  const p = (ref: string) => `/api/v1/portal/people/${encodeURIComponent(ref)}`;
  return {
    loginOptions: () => request<{ broker: boolean; demo: boolean }>('GET', '/api/v1/portal/login-options'),
    session: () => request<{ session: PortalSession }>('GET', '/api/v1/portal/session').then((r) => r.session),
    demoLogin: (bsn: string, municipalityCode: string) => request<{ session: PortalSession }>('POST', '/api/v1/portal/demo-sessions', { bsn, municipalityCode }).then((r) => r.session),
    logout: () => request<undefined>('DELETE', '/api/v1/portal/session'),
    home: (ref: string) => request<Home>('GET', `${p(ref)}/home`),
    createDraft: (ref: string, draft: Partial<PortalRequest>) => request<PortalRequest>('POST', `${p(ref)}/requests`, draft),
    readRequest: (id: string) => request<PortalRequest>('GET', `/api/v1/portal/requests/${encodeURIComponent(id)}`),
    saveDraft: (id: string, draft: Partial<PortalRequest>) => request<PortalRequest>('PUT', `/api/v1/portal/requests/${encodeURIComponent(id)}`, draft),
    upload: (id: string, fileName: string, contentBase64: string) => request<PortalRequest>('POST', `/api/v1/portal/requests/${encodeURIComponent(id)}/documents`, { fileName, contentBase64 }),
    submit: (id: string) => request<{ request: PortalRequest; urgent: boolean; cases: { reference: string; law: string; terms: Term[] }[] }>('POST', `/api/v1/portal/requests/${encodeURIComponent(id)}/submission`),
    plan: (ref: string) => request<{ plan: PortalPlan | null }>('GET', `${p(ref)}/plan`).then((r) => r.plan),
    agree: (ref: string, planId: string, version: number) => request<{ plan: PortalPlan }>('POST', `${p(ref)}/plans/${planId}/agreement`, { version }).then((r) => r.plan),
    addToPlan: (ref: string, planId: string, body: { goal?: { domain: string; text: string }; action?: { text: string; dueDate: string } }) =>
      request<{ plan: PortalPlan }>('POST', `${p(ref)}/plans/${planId}/additions`, body).then((r) => r.plan),
    askChange: (ref: string, planId: string, text: string) => request<{ plan: PortalPlan | null }>('POST', `${p(ref)}/plans/${planId}/change-requests`, { request: text }).then((r) => r.plan),
    myData: (ref: string) => request<MyData>('GET', `${p(ref)}/data`),
    consents: (ref: string) => request<{ consents: Consent[] }>('GET', `${p(ref)}/consents`).then((r) => r.consents),
    withdraw: (ref: string, id: string) => request<{ consents: Consent[] }>('POST', `${p(ref)}/consents/${id}/withdrawal`).then((r) => r.consents),
    setEmail: (ref: string, email: string | null) => request<{ email: string | null }>('PUT', `${p(ref)}/contact`, { email }),
    messages: (ref: string) => request<{ messages: Message[] }>('GET', `${p(ref)}/messages`).then((r) => r.messages),
    send: (ref: string, body: string, topic: string) => request<{ messages: Message[] }>('POST', `${p(ref)}/messages`, { body, topic }).then((r) => r.messages),
    offerings: (ref: string) => request<{ offerings: Offering[] }>('GET', `${p(ref)}/offerings`).then((r) => r.offerings),
    join: (ref: string, id: string) => request<{ offerings: Offering[] }>('POST', `${p(ref)}/offerings/${id}/enrolment`).then((r) => r.offerings),
    exportUrl: (ref: string, format: 'json' | 'pdf') => `${p(ref)}/export.${format}`,
  };
}
export type PortalApi = ReturnType<typeof createPortalApi>;

export function problemText(error: unknown, lang: 'nl' | 'en', fallback: string): string {
  if (error instanceof PortalApiError) return error.problem.messages?.[lang] ?? error.problem.detail ?? fallback;
  return fallback;
}
