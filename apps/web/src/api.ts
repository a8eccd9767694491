/**
 * The HTTP API contract of the Kern server (/api/v1) and one small fetch wrapper.
 * Types mirror the server's zod schemas; keep them in step when the contract changes.
 */
import type { Lang } from './i18n';
import type { Purpose } from './purpose';

export interface Municipality {
  code: string;
  name: string;
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  teams: { id: string; name: string }[];
  municipality: Municipality;
}

export interface Session {
  csrfToken: string;
  account: Account;
}

export interface PersonName {
  givenNames: string;
  prefix?: string;
  surname: string;
  fullName: string;
}

export interface Address {
  street: string;
  houseNumber: number | string;
  houseLetter?: string;
  houseNumberAddition?: string;
  postcode: string;
  city: string;
}

export interface ResidentSummary {
  bsn: string;
  name: PersonName;
  birthDate: string;
  address?: Address;
}

export interface Resident extends ResidentSummary {
  gender?: string;
  birthPlace?: string;
  municipalityCode: string;
  deceased: boolean;
}

export interface ResidentAccess {
  basis: string;
  breakGlass: boolean;
}

export type Relation = 'self' | 'partner' | 'child' | 'parent' | 'housemate';

export interface HouseholdMember {
  bsn: string;
  name: PersonName;
  birthDate: string;
  relation: Relation;
  livesElsewhere: boolean;
}

export interface Household {
  address?: Address;
  members: HouseholdMember[];
}

export type Outcome = 'allowed' | 'denied';

export interface AuditRecord {
  seq: number;
  at: string;
  actorId: string;
  actorName?: string;
  actorRoles: string[];
  actorTeams: string[];
  purpose?: string;
  action: string;
  resource: string;
  subjectBsn?: string;
  outcome: Outcome;
  reason: string;
  legalBasis?: string;
  breakGlass: boolean;
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstBrokenSeq?: number;
}

export interface BreakGlassGrant {
  id: string;
  accountId: string;
  accountName?: string;
  subjectBsn: string;
  purpose: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
}

export type Verdict = 'justified' | 'unjustified';

export interface InvalidParam {
  name: string;
  reason: string;
}

/** application/problem+json as the server sends it (NL API Design Rules). */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  messages?: Partial<Record<Lang, string>>;
  invalidParams?: InvalidParam[];
  breakGlassPossible?: boolean;
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

/** The text to show a person: the server's message in their language, else the detail or title. */
export function problemMessage(problem: Problem, lang: Lang): string {
  return problem.messages?.[lang] ?? problem.detail ?? problem.title;
}

export interface AuditFilter {
  subjectBsn?: string;
  actorId?: string;
  outcome?: Outcome;
  from?: string;
  to?: string;
}

export type ResidentQuery =
  | { bsn: string }
  | { surname: string; birthDate: string }
  | { postcode: string; houseNumber: string };

/** What every request needs from the app's state, read at call time so it is always current. */
export interface RequestContext {
  lang: () => Lang;
  purpose: () => Purpose | null;
  csrfToken: () => string | null;
  /** Called when the server says the session is gone, so the app can return to the login page. */
  onUnauthenticated: () => void;
}

const BASE = '/api/v1';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function auditCsvUrl(filter: AuditFilter): string {
  return `${BASE}/audit-records${queryString({ ...filter, format: 'csv', limit: 1000 })}`;
}

export function createApi(ctx: RequestContext) {
  async function request<T>(method: string, path: string, body?: unknown, options: { login?: boolean } = {}): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': ctx.lang(),
    };
    const purpose = ctx.purpose();
    if (purpose) headers['Kern-Purpose'] = purpose;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (MUTATING.has(method) && !options.login) {
      const token = ctx.csrfToken();
      if (token) headers['X-CSRF-Token'] = token;
    }

    let response: Response;
    try {
      response = await fetch(`${BASE}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError({
        title: 'Network error',
        status: 0,
        code: 'network',
        messages: {
          nl: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
          en: 'The server cannot be reached. Check your connection and try again.',
        },
      });
    }

    if (!response.ok) {
      const problem = await readProblem(response);
      if (response.status === 401 && !options.login) ctx.onUnauthenticated();
      throw new ApiError(problem);
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    login: (username: string, password: string) =>
      request<{ session: Session }>('POST', '/sessions', { username, password }, { login: true }).then((r) => r.session),
    /** The current session, or null when there is none (401 is an answer here, not an error). */
    currentSession: async (): Promise<Session | null> => {
      try {
        const r = await request<{ session: Session }>('GET', '/sessions/current', undefined, { login: true });
        return r.session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    logout: () => request<undefined>('DELETE', '/sessions/current'),
    changePassword: (currentPassword: string, newPassword: string) =>
      request<undefined>('POST', '/accounts/current/password-change', { currentPassword, newPassword }),

    searchResidents: (query: ResidentQuery) =>
      request<{ residents: ResidentSummary[] }>('GET', `/residents${queryString(query)}`).then((r) => r.residents),
    resident: (bsn: string) =>
      request<{ resident: Resident; access: ResidentAccess }>('GET', `/residents/${encodeURIComponent(bsn)}`),
    household: (bsn: string) =>
      request<{ household: Household }>('GET', `/residents/${encodeURIComponent(bsn)}/household`).then((r) => r.household),
    breakGlass: (bsn: string, reason: string) =>
      request<{ grant: { id: string; expiresAt: string } }>('POST', `/residents/${encodeURIComponent(bsn)}/break-glass`, { reason }).then(
        (r) => r.grant,
      ),

    auditRecords: (filter: AuditFilter, before?: number) =>
      request<{ records: AuditRecord[]; nextBefore?: number }>('GET', `/audit-records${queryString({ ...filter, before, limit: 100 })}`),
    verifyAuditChain: () => request<ChainVerification>('GET', '/audit-chain/verification'),
    openBreakGlassGrants: () =>
      request<{ grants: BreakGlassGrant[] }>('GET', '/break-glass-grants?review=open').then((r) => r.grants),
    reviewBreakGlassGrant: (id: string, verdict: Verdict, note: string) =>
      request<unknown>('POST', `/break-glass-grants/${encodeURIComponent(id)}/review`, { verdict, note }),
  };
}

export type Api = ReturnType<typeof createApi>;

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = { title: response.statusText || 'Error', status: response.status };
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return fallback;
  try {
    const body: unknown = await response.json();
    if (typeof body !== 'object' || body === null) return fallback;
    return { ...fallback, ...(body as Partial<Problem>), status: response.status };
  } catch {
    return fallback;
  }
}
