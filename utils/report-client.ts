import { ApiErrorSchema, ReceiptSchema, ReportStatusSchema, type Report, type ReportStatus } from '../contract/index';
import type { SubmitReportResponse } from './messaging/protocol';

export interface PostReportOptions {
  apiBaseUrl: string;
  idempotencyKey: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

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
  const detail = apiError.success
    ? [apiError.data.message, ...(apiError.data.issues ?? []).slice(0, 3).map((issue) => `${issue.path}: ${issue.message}`)].join('; ')
    : `HTTP ${response.status}`;
  return { ok: false, error: { code: 'rejected', status: response.status, message: detail } };
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
