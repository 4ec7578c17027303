import { ApiErrorSchema, capText, ReceiptSchema, ReportStatusSchema, type Report, type ReportStatus } from '../contract/index';
import type { SubmitReportResponse } from './messaging/protocol';

export interface PostReportOptions {
  apiBaseUrl: string;
  idempotencyKey: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** the clock an HTTP-date Retry-After is measured against */
  now?: () => number;
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
      headers: { 'content-type': 'application/json', 'idempotency-key': options.idempotencyKey },
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
  const apiError = ApiErrorSchema.safeParse(body);
  const issues = apiError.success ? (apiError.data.issues ?? []).slice(0, 50) : [];
  const detail = apiError.success
    ? [apiError.data.message, ...issues.slice(0, 3).map((issue) => `${issue.path}: ${issue.message}`)].join('; ')
    : `HTTP ${response.status}`;
  const fields = [...new Set(issues.map((issue) => capText(issue.path, 200)))].slice(0, MAX_FIELDS);
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), (options.now ?? Date.now)());
  return {
    ok: false,
    error: {
      code: 'rejected',
      status: response.status,
      // the server's text ends up in the page and the popup: keep it short
      message: capText(detail, MAX_DETAIL_CHARS),
      ...(fields.length > 0 && { fields }),
      ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
    },
  };
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
