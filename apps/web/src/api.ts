/**
 * The web app's way to the Kern server (/api/v1): one small fetch wrapper and the typed calls.
 * The types of the answers and inputs are the server's own, derived from the modules' contracts
 * (`@kern/<module>/contract`); the names below are aliases so the pages read as before.
 */
import { accessContract, type AuditRecord, type breakGlassGrantSchema, type reviewBreakGlassInputSchema } from '@kern/access/contract';
import { casesContract, type deadlineStatusSchema } from '@kern/cases/contract';
import { identityContract } from '@kern/identity/contract';
import type { BodyIn, InvalidParam, QueryIn, ResponseOf } from '@kern/kit/contract';
import { registryContract, type Address, type HouseholdRelation, type PersonName, type Resident, type ResidentSummary } from '@kern/registry/contract';
import { suspensionGrounds, werkwijzenContract, type FieldSchema, type Step, type StepFields, type SuspensionGround, type Werkwijze } from '@kern/workflows/contract';
import type { z } from 'zod';
import { contractCaller, urlOf } from './api/client';
import type { Lang } from './i18n';
import type { Purpose } from './purpose';

export type Session = ResponseOf<typeof identityContract.getSessionsCurrent>['session'];
export type Account = Session['account'];
export type Municipality = Account['municipality'];

export type { Address, PersonName, Resident, ResidentSummary };
export type ResidentAccess = ResponseOf<typeof registryContract.readResident>['access'];
export type Relation = HouseholdRelation;
/** The household around a resident as the API shows it (members without their full record). */
export type Household = ResponseOf<typeof registryContract.readHousehold>['household'];
export type HouseholdMember = Household['members'][number];

/** The audit log, break the glass and login alerts: typed from the access and identity contracts. */
export type { AuditRecord };
export type Outcome = AuditRecord['outcome'];
export type ChainVerification = ResponseOf<typeof accessContract.verifyAuditChain>;
/** An account that saw many failed logins (for the functional administrator). */
export type LoginAlert = ResponseOf<typeof identityContract.listLoginAlerts>['alerts'][number];
export type BreakGlassGrant = z.infer<typeof breakGlassGrantSchema>;
export type Verdict = z.infer<typeof reviewBreakGlassInputSchema>['verdict'];

export type DeadlineStatus = z.infer<typeof deadlineStatusSchema>;

export type Worklist = ResponseOf<typeof casesContract.readWorklist>;
export type WorklistItem = Worklist['items'][number];
export type WorklistCounts = Worklist['counts'];
export type WorklistScope = NonNullable<QueryIn<typeof casesContract.readWorklist>['scope']>;

export type StartCaseInput = BodyIn<typeof casesContract.startCaseFromMelding>;
export type CaseDetail = ResponseOf<typeof casesContract.readCase>;
export type CaseSummary = CaseDetail['case'];
export type PhaseState = CaseDetail['phases'][number]['state'];
export type CaseDeadline = CaseDetail['deadlines'][number];
export type CaseTask = CaseDetail['tasks'][number];
export type CaseTransition = CaseDetail['transitions'][number];
export type CaseHistoryEntry = CaseDetail['history'][number];
export type TransitionInput = BodyIn<typeof casesContract.advanceCase>;
export type TransitionResult = ResponseOf<typeof casesContract.advanceCase>;

/** Grounds on which a running statutory term may be suspended (opschorting); the server checks which the term allows. */
export const SUSPENSION_GROUNDS = suspensionGrounds;
export type { SuspensionGround };
export type SuspendTermInput = BodyIn<typeof casesContract.suspendTerm>;
export type SuspendTermResult = ResponseOf<typeof casesContract.suspendTerm>;

export type WerkwijzeSummary = ResponseOf<typeof werkwijzenContract.listWerkwijzen>['werkwijzen'][number];
export type WerkwijzeStatus = WerkwijzeSummary['status'];
/** One field a step records: the JSON Schema subset of the werkwijze format. */
export type StepFieldSchema = FieldSchema;
export type { StepFields };
export type WerkwijzeStep = Step;
/** The parsed werkwijze (the werkwijze format of @kern/workflows/contract, defaults applied). */
export type WerkwijzeDefinition = Werkwijze;
/** A stored version; the API sends its definition as the parsed werkwijze (typed `unknown` on the wire). */
export type WerkwijzeDetail = Omit<ResponseOf<typeof werkwijzenContract.getWerkwijzeVersion>, 'definition'> & { definition: WerkwijzeDefinition };
export type LibraryWerkwijze = ResponseOf<typeof werkwijzenContract.getWerkwijzeLibrary>['werkwijzen'][number];
export type WerkwijzeDiff = ResponseOf<typeof werkwijzenContract.diffStoredWerkwijzen>;
export type WerkwijzeDiffEntry = WerkwijzeDiff['entries'][number];

export type { InvalidParam };

/**
 * application/problem+json as the client holds it (NL API Design Rules). Client-only: besides the
 * server's problems it carries the ones the client makes itself (network error, a proxy's bare
 * 502), so every field but title and status may be absent.
 */
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

/** The filter of the audit log page (a part of the audit search query). */
export type AuditFilter = Pick<QueryIn<typeof accessContract.searchAuditRecords>, 'subjectBsn' | 'actorId' | 'outcome' | 'from' | 'to'>;


export type ResidentQuery = NonNullable<QueryIn<typeof registryContract.searchResidents>>;

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
  return urlOf(accessContract.searchAuditRecords, { query: { ...filter, format: 'csv', limit: 1000 } });
}

export function werkwijzeExportUrl(id: string, version: number): string {
  return urlOf(werkwijzenContract.getWerkwijzenVersionsExport, { params: { id, version } });
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

  const call = contractCaller(request);
  /** Logging in and asking for the session: no CSRF token yet, and a 401 is an answer, not a lost session. */
  const callAsLogin = contractCaller((method, path, body) => request(method, path, body, { login: true }));

  return {
    /** The request helper itself, for the per-module clients in api/<module>.ts. */
    request,
    /** A route of a module's contract, typed from its schemas (api/client.ts). */
    call,
    login: (username: string, password: string) =>
      callAsLogin(identityContract.login, { body: { username, password } }).then((r) => r.session),
    /** The current session, or null when there is none (401 is an answer here, not an error). */
    currentSession: async (): Promise<Session | null> => {
      try {
        const r = await callAsLogin(identityContract.getSessionsCurrent);
        return r.session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    logout: () => call(identityContract.logout),
    changePassword: (currentPassword: string, newPassword: string) =>
      call(identityContract.changePassword, { body: { currentPassword, newPassword } }),

    searchResidents: (query: ResidentQuery) => call(registryContract.searchResidents, { query }).then((r) => r.residents),
    resident: (bsn: string) => call(registryContract.readResident, { params: { bsn } }),
    household: (bsn: string) => call(registryContract.readHousehold, { params: { bsn } }).then((r) => r.household),
    breakGlass: (bsn: string, reason: string) => call(accessContract.breakGlass, { params: { bsn }, body: { reason } }).then((r) => r.grant),

    auditRecords: (filter: AuditFilter, before?: number) =>
      call(accessContract.searchAuditRecords, { query: { ...filter, before, limit: 100 } }).then(jsonAuditPage),
    verifyAuditChain: () => call(accessContract.verifyAuditChain),
    openBreakGlassGrants: () => call(accessContract.listBreakGlassGrants, { query: { review: 'open' } }).then((r) => r.grants),
    reviewBreakGlassGrant: (id: string, verdict: Verdict, note: string) =>
      call(accessContract.reviewBreakGlassGrant, { params: { id }, body: { verdict, note } }),
    worklist: (scope: WorklistScope, teamId?: string) =>
      call(casesContract.readWorklist, { query: { scope, teamId: scope === 'team' ? teamId : undefined, limit: 200 } }),
    startCase: (input: StartCaseInput) => call(casesContract.startCaseFromMelding, { body: input }),
    caseDetail: (id: string) => call(casesContract.readCase, { params: { id } }),
    takeTransition: (id: string, input: TransitionInput) => call(casesContract.advanceCase, { params: { id }, body: input }),
    suspendTerm: (id: string, input: SuspendTermInput) => call(casesContract.suspendTerm, { params: { id }, body: input }),

    loginAlerts: () => call(identityContract.listLoginAlerts).then((r) => r.alerts),
    werkwijzen: () => call(werkwijzenContract.listWerkwijzen).then((r) => r.werkwijzen),
    werkwijze: (id: string, version: number) =>
      call(werkwijzenContract.getWerkwijzeVersion, { params: { id, version } }) as Promise<WerkwijzeDetail>,
    importWerkwijze: (yaml: string, importedFrom?: string) =>
      call(werkwijzenContract.importWerkwijze, { body: importedFrom ? { yaml, importedFrom } : { yaml } }),
    activateWerkwijze: (id: string, version: number) => call(werkwijzenContract.activateWerkwijze, { params: { id, version } }),
    werkwijzeDiff: (from: string, to: string, lang: Lang) => call(werkwijzenContract.diffStoredWerkwijzen, { query: { from, to, lang } }),
    werkwijzeLibrary: () => call(werkwijzenContract.getWerkwijzeLibrary).then((r) => r.werkwijzen),
  };
}

export type Api = ReturnType<typeof createApi>;

/** The audit search answers JSON unless format=csv was asked (that is a download link, auditCsvUrl). */
function jsonAuditPage(page: ResponseOf<typeof accessContract.searchAuditRecords>): Exclude<typeof page, string> {
  if (typeof page === 'string') throw new Error('the audit search answered CSV where JSON was asked');
  return page;
}

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