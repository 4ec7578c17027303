import type { z } from 'zod';
import type {
  AuditEntry,
  CASE_SORTS,
  CaseDetail,
  CaseNoteSchema,
  CaseReportSchema,
  CaseStatus,
  CaseSummary,
  Org,
  PrioritySchema,
  Stats,
  User,
  UserRole,
} from '../../../contract/backoffice.ts';
import type { ViolationCategory } from '../../../contract/categories.ts';

// Same-origin calls to the hotline API. The session lives in an HttpOnly cookie set by /v1/auth/login: the
// dashboard never sees or stores the token. Any 401 (outside the login form) hands control back to the login page.

export type { AuditEntry, CaseDetail, CaseStatus, CaseSummary, Org, Stats, User, UserRole, ViolationCategory };
export type Priority = z.infer<typeof PrioritySchema>;
export type CaseNote = z.infer<typeof CaseNoteSchema>;
export type CaseReport = z.infer<typeof CaseReportSchema>;
export type CaseSort = (typeof CASE_SORTS)[number];

export interface CaseFilters {
  status?: CaseStatus;
  category?: ViolationCategory;
  site?: string;
  /** organisation id, or `none` for unassigned cases */
  org?: string;
  q?: string;
  sort?: CaseSort;
}

export interface CasePatch {
  status?: CaseStatus;
  assignedOrg?: string | null;
  priority?: Priority;
  reason?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
    /** seconds from a 429's Retry-After header */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let unauthorizedHandler: () => void = () => undefined;

/** Called on any 401 answer (the session expired or was never there). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

interface CallOptions {
  body?: unknown;
  query?: Record<string, string | undefined>;
  /** the caller deals with 401 itself (login form, session probe) */
  own401?: boolean;
}

export function queryString(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${path}${options.query ? queryString(options.query) : ''}`, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = undefined;
  }
  if (!response.ok) {
    const body = (payload && typeof payload === 'object' ? payload : {}) as { error?: unknown; message?: unknown; issues?: unknown };
    const retryAfterHeader = response.headers.get('Retry-After');
    const retryAfter = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader.trim()) ? Number(retryAfterHeader) : undefined;
    const error = new ApiError(
      response.status,
      typeof body.error === 'string' ? body.error : `http_${response.status}`,
      typeof body.message === 'string' ? body.message : response.statusText,
      Array.isArray(body.issues) ? (body.issues as { path: string; message: string }[]).filter((issue) => issue && typeof issue.message === 'string') : [],
      retryAfter,
    );
    if (response.status === 401 && !options.own401) unauthorizedHandler();
    throw error;
  }
  if (payload === undefined) throw new ApiError(response.status, 'invalid_response', 'the server answered with something that is not JSON');
  return payload as T;
}

export const api = {
  login: (email: string, password: string) =>
    call<{ token: string; expiresAt: string; user: User }>('POST', '/v1/auth/login', { body: { email, password }, own401: true }),
  logout: () => call<void>('POST', '/v1/auth/logout', { own401: true }),
  /** the signed-in user, or null without a (valid) session */
  me: async (): Promise<User | null> => {
    try {
      return (await call<{ user: User }>('GET', '/v1/auth/me', { own401: true })).user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  orgs: () => call<{ items: Org[] }>('GET', '/v1/orgs').then((page) => page.items),
  cases: (filters: CaseFilters, cursor?: string, limit = 50) =>
    call<Page<CaseSummary>>('GET', '/v1/cases', { query: { ...filtersQuery(filters), cursor, limit: String(limit) } }),
  case: (id: string) => call<CaseDetail>('GET', `/v1/cases/${encodeURIComponent(id)}`),
  patchCase: (id: string, patch: CasePatch) => call<CaseSummary>('PATCH', `/v1/cases/${encodeURIComponent(id)}`, { body: patch }),
  addNote: (id: string, body: string) => call<CaseNote>('POST', `/v1/cases/${encodeURIComponent(id)}/notes`, { body: { body } }),
  stats: (from?: string, to?: string) => call<Stats>('GET', '/v1/stats', { query: { from, to } }),
  users: () => call<{ items: User[] }>('GET', '/v1/admin/users').then((page) => page.items),
  createUser: (user: { email: string; name: string; role: UserRole; orgId: string; password: string }) =>
    call<User>('POST', '/v1/admin/users', { body: user }),
  updateUser: (id: string, patch: { name?: string; role?: UserRole; orgId?: string; active?: boolean; password?: string }) =>
    call<User>('PATCH', `/v1/admin/users/${encodeURIComponent(id)}`, { body: patch }),
  createOrg: (org: { name: string; kind?: string }) => call<Org>('POST', '/v1/admin/orgs', { body: org }),
  audit: (cursor?: string) => call<Page<AuditEntry>>('GET', '/v1/admin/audit', { query: { cursor } }),
};

export function filtersQuery(filters: CaseFilters): Record<string, string | undefined> {
  return { status: filters.status, category: filters.category, site: filters.site, org: filters.org, q: filters.q, sort: filters.sort };
}

/** A plain link: the browser downloads the file with the session cookie. */
export function exportUrl(format: 'csv' | 'json', filters: CaseFilters): string {
  return `/v1/cases/export${queryString({ format, ...filtersQuery(filters) })}`;
}
