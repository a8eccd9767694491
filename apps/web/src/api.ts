/**
 * The HTTP API contract of the Kern server (/api/v1) and one small fetch wrapper.
 * Types mirror the server's zod schemas; keep them in step when the contract changes.
 */
import { accessContract, type AuditRecord, type breakGlassGrantSchema, type reviewBreakGlassInputSchema } from '@kern/access/contract';
import { identityContract } from '@kern/identity/contract';
import type { QueryIn, ResponseOf } from '@kern/kit/contract';
import type { z } from 'zod';
import { contractCaller, urlOf } from './api/client';
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

/** The audit log, break the glass and login alerts: typed from the access and identity contracts. */
export type { AuditRecord };
export type Outcome = AuditRecord['outcome'];
export type ChainVerification = ResponseOf<typeof accessContract.verifyAuditChain>;
/** An account that saw many failed logins (for the functional administrator). */
export type LoginAlert = ResponseOf<typeof identityContract.listLoginAlerts>['alerts'][number];
export type BreakGlassGrant = z.infer<typeof breakGlassGrantSchema>;
export type Verdict = z.infer<typeof reviewBreakGlassInputSchema>['verdict'];

export type DeadlineStatus = 'met' | 'met-late' | 'on-time' | 'due-soon' | 'overdue';

export interface WorklistItem {
  taskId: string;
  caseId: string;
  reference: string;
  caseTypeId: string;
  purpose: string;
  stepId: string;
  phase: string;
  title: string;
  teamId: string | null;
  assignedToMe: boolean;
  createdAt: string;
  dueDate: string | null;
  termId: string | null;
  deadlineStatus: DeadlineStatus | null;
}

export interface WorklistCounts {
  overdue: number;
  dueSoon: number;
  onTime: number;
  noDeadline: number;
}

export interface Worklist {
  items: WorklistItem[];
  counts: WorklistCounts;
}

export type WorklistScope = 'mine' | 'team';

export interface StartCaseInput {
  werkwijzeId: string;
  caseTypeId: string;
  subjectBsn: string;
  householdBsns?: string[];
  meldingDate?: string;
  fields?: Record<string, unknown>;
  teamId?: string;
}

export type PhaseState = 'done' | 'current' | 'todo' | 'skipped';

export interface CaseSummary {
  id: string;
  reference: string;
  werkwijzeId: string;
  werkwijzeVersion: number;
  caseTypeId: string;
  purpose: string;
  subjectBsn: string;
  householdBsns: string[];
  stepId: string;
  stepName: string;
  phase: string;
  status: 'open' | 'closed';
  meldingDate: string;
  openedAt: string;
  closedAt: string | null;
  parentCaseId: string | null;
  fields: Record<string, unknown>;
}

export interface CaseDeadline {
  termId: string;
  startDate: string;
  dueDate: string;
  metDate: string | null;
  suspendedDays: number;
  explanation: string[];
  status: DeadlineStatus;
}

export interface CaseTask {
  id: string;
  stepId: string;
  title: string;
  roles: string[];
  teamId: string | null;
  status: string;
  createdAt: string;
  doneAt: string | null;
}

export interface CaseTransition {
  to: string;
  label: string;
  allowed: boolean;
  reason?: string;
}

export interface CaseHistoryEntry {
  seq: number;
  at: string;
  actorId: string;
  actorName?: string;
  kind: string;
  fromStep: string | null;
  toStep: string | null;
  detail: Record<string, unknown>;
}

export interface CaseDetail {
  case: CaseSummary;
  phases: { phase: string; state: PhaseState }[];
  tasks: CaseTask[];
  deadlines: CaseDeadline[];
  transitions: CaseTransition[];
  history: CaseHistoryEntry[];
}

export interface TransitionInput {
  to: string;
  fields?: Record<string, unknown>;
  provisionCategories?: string[];
}

export interface TransitionResult {
  stepId: string;
  status: 'open' | 'closed';
  routedCaseIds: string[];
}

/** Grounds on which a running statutory term may be suspended (opschorting); the server checks which the term allows. */
export const SUSPENSION_GROUNDS = [
  'awb-4:15-aanvulling',
  'awb-4:15-instemming',
  'awb-4:15-vertraging-aanvrager',
  'awb-4:15-overmacht',
  'agreed-with-client',
] as const;
export type SuspensionGround = (typeof SUSPENSION_GROUNDS)[number];

export interface SuspendTermInput {
  termId: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
  ground: SuspensionGround;
  note: string;
}

export interface SuspendTermResult {
  dueDate: string;
  suspendedDays: number;
}

export type WerkwijzeStatus = 'available' | 'active' | 'retired';

export interface WerkwijzeSummary {
  werkwijzeId: string;
  version: number;
  name: string;
  status: WerkwijzeStatus;
  importedFrom: string | null;
  createdAt: string;
  activatedAt: string | null;
}

/** One field a step records: the JSON Schema subset of the werkwijze format. */
export interface StepFieldSchema {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  title?: string;
  description?: string;
  enum?: (string | number | boolean)[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: 'date';
  items?: StepFieldSchema;
  properties?: Record<string, StepFieldSchema>;
  required?: string[];
}

/** What a step records: an object of named fields, some of them required. */
export interface StepFields {
  type: 'object';
  properties: Record<string, StepFieldSchema>;
  required?: string[];
}

export type WerkwijzeStep = NonNullable<WerkwijzeDefinition['steps']>[number];

/** The parsed werkwijze as the server returns it; only what the web app reads is typed, all optional-safe. */
export interface WerkwijzeDefinition {
  id?: string;
  name?: string;
  version?: number;
  description?: string;
  caseTypes?: { id: string; name: string; law: string; subject?: string; start?: string }[];
  skippedPhases?: { phase: string; reason: string }[];
  steps?: {
    id: string;
    name?: string;
    phase: string;
    roles?: string[];
    transitions?: { to: string; label?: string; guard?: unknown }[];
    final?: boolean;
    decision?: { provisionCategoryField?: string };
    fields?: StepFields;
    deadlines?: { starts?: string[]; stops?: string[] };
  }[];
}

export interface WerkwijzeDetail extends WerkwijzeSummary {
  sourceYaml: string;
  definition: WerkwijzeDefinition;
}

export interface LibraryWerkwijze {
  id: string;
  name: string;
  description: string;
  yaml: string;
}

export interface WerkwijzeDiffEntry {
  /** 'added' | 'removed' | 'changed'; kept open so a new kind shows instead of breaking the page. */
  kind: string;
  path: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

export interface WerkwijzeDiff {
  entries: WerkwijzeDiffEntry[];
  text: string;
}

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

/** The filter of the audit log page (a part of the audit search query). */
export type AuditFilter = Pick<QueryIn<typeof accessContract.searchAuditRecords>, 'subjectBsn' | 'actorId' | 'outcome' | 'from' | 'to'>;

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
  return urlOf(accessContract.searchAuditRecords, { query: { ...filter, format: 'csv', limit: 1000 } });
}

export function werkwijzeExportUrl(id: string, version: number): string {
  return `${BASE}/werkwijzen/${encodeURIComponent(id)}/versions/${version}/export`;
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

  return {
    /** The request helper itself, for the per-module clients in api/<module>.ts. */
    request,
    /** A route of a module's contract, typed from its schemas (api/client.ts). */
    call,
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
    breakGlass: (bsn: string, reason: string) => call(accessContract.breakGlass, { params: { bsn }, body: { reason } }).then((r) => r.grant),

    auditRecords: (filter: AuditFilter, before?: number) =>
      call(accessContract.searchAuditRecords, { query: { ...filter, before, limit: 100 } }).then(jsonAuditPage),
    verifyAuditChain: () => call(accessContract.verifyAuditChain),
    openBreakGlassGrants: () => call(accessContract.listBreakGlassGrants, { query: { review: 'open' } }).then((r) => r.grants),
    reviewBreakGlassGrant: (id: string, verdict: Verdict, note: string) =>
      call(accessContract.reviewBreakGlassGrant, { params: { id }, body: { verdict, note } }),
    worklist: (scope: WorklistScope, teamId?: string) =>
      request<Worklist>('GET', `/worklist${queryString({ scope, teamId: scope === 'team' ? teamId : undefined, limit: 200 })}`),
    startCase: (input: StartCaseInput) => request<{ caseId: string; reference: string }>('POST', '/cases', input),
    caseDetail: (id: string) => request<CaseDetail>('GET', `/cases/${encodeURIComponent(id)}`),
    takeTransition: (id: string, input: TransitionInput) =>
      request<TransitionResult>('POST', `/cases/${encodeURIComponent(id)}/transitions`, input),
    suspendTerm: (id: string, input: SuspendTermInput) =>
      request<SuspendTermResult>('POST', `/cases/${encodeURIComponent(id)}/suspensions`, input),

    loginAlerts: () => call(identityContract.listLoginAlerts).then((r) => r.alerts),
    werkwijzen: () => request<{ werkwijzen: WerkwijzeSummary[] }>('GET', '/werkwijzen').then((r) => r.werkwijzen),
    werkwijze: (id: string, version: number) =>
      request<WerkwijzeDetail>('GET', `/werkwijzen/${encodeURIComponent(id)}/versions/${version}`),
    importWerkwijze: (yaml: string, importedFrom?: string) =>
      request<{ werkwijze: WerkwijzeSummary; created: boolean }>('POST', '/werkwijzen', importedFrom ? { yaml, importedFrom } : { yaml }),
    activateWerkwijze: (id: string, version: number) =>
      request<unknown>('POST', `/werkwijzen/${encodeURIComponent(id)}/versions/${version}/activation`),
    werkwijzeDiff: (from: string, to: string, lang: Lang) =>
      request<WerkwijzeDiff>('GET', `/werkwijze-diffs${queryString({ from, to, lang })}`),
    werkwijzeLibrary: () => request<{ werkwijzen: LibraryWerkwijze[] }>('GET', '/werkwijze-library').then((r) => r.werkwijzen),
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
