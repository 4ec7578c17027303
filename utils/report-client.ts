import { ApiErrorSchema, capText, ReceiptSchema, ReportStatusSchema, type Report, type ReportStatus } from '../contract/index';
import { EVIDENCE_LIMITS, EvidenceStatusSchema, SignedEvidenceReceiptSchema, type EvidenceStatus, type EvidenceUploadTicket, type SignedEvidenceReceipt } from '../contract/evidence';
import type { ReportError, SubmitReportResponse } from './messaging/protocol';

export interface PostReportOptions {
  apiBaseUrl: string;
  idempotencyKey: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** the clock an HTTP-date Retry-After is measured against */
  now?: () => number;
  /** a signed-in inspector's device token: the hotline then files the report under their account */
  authToken?: string;
}

/** A longer wait than a day is a misconfigured server, not a reason to sit on a report for longer. */
export const MAX_RETRY_AFTER_SECONDS = 24 * 3600;
// IMF-fixdate, the one HTTP-date form servers may send (RFC 9110 §5.6.7); Date.parse alone would accept almost anything.
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Retry-After (delta-seconds or an HTTP date) as seconds from `now`, at most a day; undefined when absent or nonsense. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  let seconds: number;
  if (/^\d+$/.test(value)) {
    seconds = Number(value);
  } else if (IMF_FIXDATE.test(value)) {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return undefined;
    seconds = Math.ceil((at - now) / 1000);
  } else {
    return undefined;
  }
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds)); // a date in the past means "now"
}

const MAX_DETAIL_CHARS = 500;
const MAX_FIELDS = 5;

/** POSTs one report; every outcome, including a dead network or a lying server, becomes a typed result. */
export async function postReport(report: Report, options: PostReportOptions): Promise<SubmitReportResponse> {
  const fetchImpl = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(`${options.apiBaseUrl}/v1/reports`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': options.idempotencyKey,
        ...(options.authToken && { authorization: `Bearer ${options.authToken}` }),
      },
      body: JSON.stringify(report),
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
    });
  } catch (error) {
    return { ok: false, error: { code: 'network', message: error instanceof Error ? error.message : String(error) } };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok) {
    const receipt = ReceiptSchema.safeParse(body);
    if (receipt.success) return { ok: true, receipt: receipt.data };
    return { ok: false, error: { code: 'rejected', status: response.status, message: 'server answered without a valid receipt' } };
  }
  return { ok: false, error: errorFromResponse(response, body, options.now) };
}

/** A refusal as a typed error: the server's words (short), the fields it named, its Retry-After. */
function errorFromResponse(response: Response, body: unknown, now: (() => number) | undefined): ReportError {
  const apiError = ApiErrorSchema.safeParse(body);
  const issues = apiError.success ? (apiError.data.issues ?? []).slice(0, 50) : [];
  const detail = apiError.success
    ? [apiError.data.message, ...issues.slice(0, 3).map((issue) => `${issue.path}: ${issue.message}`)].join('; ')
    : `HTTP ${response.status}`;
  const fields = [...new Set(issues.map((issue) => capText(issue.path, 200)))].slice(0, MAX_FIELDS);
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), (now ?? Date.now)());
  return {
    code: 'rejected',
    status: response.status,
    // the server's text ends up in the page and the popup: keep it short
    message: capText(detail, MAX_DETAIL_CHARS),
    ...(fields.length > 0 && { fields }),
    ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
    ...(apiError.success && /^[a-z0-9_]{1,60}$/.test(apiError.data.error) && { reason: apiError.data.error }),
  };
}

/** a bundle is its files plus a few KB of manifest, signatures and zip headers */
const MAX_BUNDLE_DOWNLOAD_BYTES = EVIDENCE_LIMITS.bundleBytes + 1024 * 1024;

// ---- evidence upload (contract/evidence.ts): status, offset-checked chunks, the countersigned receipt ----

export interface EvidenceRequestOptions {
  apiBaseUrl: string;
  ticket: Pick<EvidenceUploadTicket, 'manifestSha256' | 'uploadToken'>;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
  /** aborts the request (the service worker going away, a test cutting the line) */
  signal?: AbortSignal;
}

export type EvidenceResult<T> =
  | { ok: true; value: T }
  /** 409 offset_mismatch: the hotline holds `received` bytes of the file; continue from there */
  | { ok: false; kind: 'offset'; received: number; error: ReportError }
  /** 422 hash_mismatch: the hotline discarded the file, it does not match the signed manifest */
  | { ok: false; kind: 'hash'; error: ReportError }
  | { ok: false; kind: 'error'; error: ReportError };

const evidenceUrl = (options: EvidenceRequestOptions, tail = '') => `${options.apiBaseUrl}/v1/evidence/${options.ticket.manifestSha256}${tail}`;

async function evidenceRequest<T>(url: string, init: RequestInit, parse: (body: unknown) => T | undefined, options: EvidenceRequestOptions): Promise<EvidenceResult<T>> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 60_000);
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${options.ticket.uploadToken}` },
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
  } catch (error) {
    return { ok: false, kind: 'error', error: { code: 'network', message: error instanceof Error ? error.message : String(error) } };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const value = parse(body);
    return value === undefined
      ? { ok: false, kind: 'error', error: { code: 'rejected', status: response.status, message: 'server answered without a valid evidence status' } }
      : { ok: true, value };
  }
  const error = errorFromResponse(response, body, options.now);
  const code = (body as { error?: unknown } | undefined)?.error;
  const received = (body as { received?: unknown } | undefined)?.received;
  if (response.status === 409 && code === 'offset_mismatch' && Number.isSafeInteger(received) && (received as number) >= 0) {
    return { ok: false, kind: 'offset', received: received as number, error };
  }
  if (response.status === 422 && code === 'hash_mismatch') return { ok: false, kind: 'hash', error };
  return { ok: false, kind: 'error', error };
}

const parseStatus = (body: unknown) => {
  const parsed = EvidenceStatusSchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
};

/** GET /v1/evidence/{manifestSha256}: which files the hotline holds and how much of each. */
export function fetchEvidenceStatus(options: EvidenceRequestOptions): Promise<EvidenceResult<EvidenceStatus>> {
  return evidenceRequest(evidenceUrl(options), { method: 'GET' }, parseStatus, options);
}

/**
 * PUT one chunk: bytes [start, start + chunk.length) of a file of `size` bytes; `start` must be the hotline's
 * `received`. An empty chunk is sent as `bytes *\/<size>`: a zero-byte file, or a file the hotline holds whole but
 * has not checked yet (an earlier run was cut after its last chunk).
 */
export function putEvidenceChunk(
  options: EvidenceRequestOptions,
  file: { name: string; size: number },
  start: number,
  chunk: Uint8Array,
): Promise<EvidenceResult<EvidenceStatus>> {
  const range = chunk.length === 0 ? `bytes */${file.size}` : `bytes ${start}-${start + chunk.length - 1}/${file.size}`;
  return evidenceRequest(
    evidenceUrl(options, `/files/${encodeURIComponent(file.name)}`),
    { method: 'PUT', headers: { 'content-type': 'application/octet-stream', 'content-range': range }, body: chunk as Uint8Array<ArrayBuffer> },
    parseStatus,
    options,
  );
}

/** GET …/receipt: the hotline's countersignature, once every file arrived. */
export function fetchEvidenceReceipt(options: EvidenceRequestOptions): Promise<EvidenceResult<SignedEvidenceReceipt>> {
  return evidenceRequest(
    evidenceUrl(options, '/receipt'),
    { method: 'GET' },
    (body) => {
      const parsed = SignedEvidenceReceiptSchema.safeParse(body);
      return parsed.success ? parsed.data : undefined;
    },
    options,
  );
}

/** The server's status for a tracking code; undefined when it cannot be had (offline, unknown code, bad answer). */
export async function fetchReportStatus(trackingCode: string, options: { apiBaseUrl: string; fetchImpl?: typeof fetch; timeoutMs?: number }): Promise<ReportStatus | undefined> {
  try {
    const response = await (options.fetchImpl ?? fetch)(`${options.apiBaseUrl}/v1/reports/${encodeURIComponent(trackingCode)}/status`, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (!response.ok) return undefined;
    const parsed = ReportStatusSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a hotline API answers at `apiBaseUrl` (GET /healthz → {"ok":true}). */
export async function checkHotline(apiBaseUrl: string, fetchImpl: typeof fetch = fetch): Promise<{ ok: boolean; message: string }> {
  try {
    const response = await fetchImpl(`${apiBaseUrl}/healthz`, { signal: AbortSignal.timeout(8_000) });
    const body = (await response.json().catch(() => undefined)) as { ok?: unknown } | undefined;
    return body?.ok === true ? { ok: true, message: `HTTP ${response.status}` } : { ok: false, message: `HTTP ${response.status}, not a hotline API` };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The hotline's own bundle for evidence this install uploaded: the same files with its countersignature (receipt.json,
 * receipt.sig, hotline-key.pem). Undefined when it cannot be had (offline, not complete, an answer too large).
 */
export async function fetchEvidenceBundle(options: Omit<EvidenceRequestOptions, 'signal'>): Promise<Uint8Array | undefined> {
  try {
    const response = await (options.fetchImpl ?? fetch)(`${options.apiBaseUrl}/v1/evidence/${encodeURIComponent(options.ticket.manifestSha256)}/bundle.zip`, {
      headers: { authorization: `Bearer ${options.ticket.uploadToken}` },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    if (!response.ok) return undefined;
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_BUNDLE_DOWNLOAD_BYTES) return undefined;
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length <= MAX_BUNDLE_DOWNLOAD_BYTES ? bytes : undefined;
  } catch {
    return undefined;
  }
}
