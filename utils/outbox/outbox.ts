import type { Report } from '../../contract/index';
import type { SubmitReportResponse } from '../messaging/protocol';
import { postReport, type PostReportOptions } from '../report-client';
import { isRetryableError } from '../report-error';
import type { OutboxEntry, OutboxStore } from './types';

export interface OutboxDeps {
  store: OutboxStore;
  /** read at every attempt, so a corrected server address also serves reports queued before */
  apiBaseUrl: () => Promise<string>;
  post?: (report: Report, options: PostReportOptions) => Promise<SubmitReportResponse>;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
  /** called after an attempt settled an entry (sent or refused for good) */
  onSettled?: (entry: OutboxEntry) => void;
}

const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 30 * 60_000;

/** Network trouble, throttling and server faults are worth retrying; other refusals will not change. */
export function isRetryable(result: Extract<SubmitReportResponse, { ok: false }>): boolean {
  return isRetryableError(result.error);
}

export function retryDelay(attempts: number, random: () => number): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random())); // jitter: clients offline together do not return together
}

/**
 * Offline-safe delivery: a report is written to the store before the first attempt and leaves the
 * pending state only with a receipt or a permanent refusal. Retries reuse the entry id as Idempotency-Key.
 */
export function createOutbox({ store, apiBaseUrl, post = postReport, now = Date.now, random = Math.random, newId = () => crypto.randomUUID(), onSettled }: OutboxDeps) {
  const inFlight = new Set<string>();

  /** The backoff, or the server's Retry-After when that is longer; only the latter holds back a reconnect flush. */
  function nextAttempt(attempts: number, retryAfterSeconds: number | undefined): Pick<OutboxEntry, 'nextAttemptAt' | 'notBefore'> {
    const time = now();
    const notBefore = retryAfterSeconds ? time + retryAfterSeconds * 1000 : undefined;
    return { nextAttemptAt: Math.max(time + retryDelay(attempts, random), notBefore ?? 0), notBefore };
  }

  async function attempt(entry: OutboxEntry): Promise<OutboxEntry> {
    if (inFlight.has(entry.id)) return entry;
    inFlight.add(entry.id);
    try {
      const result = await post(entry.report, { apiBaseUrl: await apiBaseUrl(), idempotencyKey: entry.id, now });
      const attempts = entry.attempts + 1;
      const next: OutboxEntry = result.ok
        ? { ...entry, attempts, state: 'sent', receipt: result.receipt, sentAt: now(), lastError: undefined, notBefore: undefined }
        : isRetryable(result)
          ? { ...entry, attempts, state: 'pending', lastError: result.error, ...nextAttempt(attempts, result.error.retryAfterSeconds) }
          : { ...entry, attempts, state: 'failed', lastError: result.error, notBefore: undefined };
      await store.put(next);
      if (next.state !== 'pending') {
        try {
          onSettled?.(next);
        } catch {
          // a listener's trouble never undoes a delivery
        }
      }
      return next;
    } finally {
      inFlight.delete(entry.id);
    }
  }

  return {
    /** Stores the report, then tries it once at once. */
    async submit(report: Report): Promise<OutboxEntry> {
      const entry: OutboxEntry = { id: newId(), report, createdAt: now(), state: 'pending', attempts: 0, nextAttemptAt: now() };
      await store.put(entry);
      return attempt(entry);
    },
    /** Retries every due entry (every pending one with `ignoreBackoff`, e.g. when the network returns). */
    async flush({ ignoreBackoff = false } = {}): Promise<{ sent: number; failed: number; pending: number }> {
      const counts = { sent: 0, failed: 0, pending: 0 };
      for (const entry of await store.due(ignoreBackoff ? Number.MAX_SAFE_INTEGER : now())) {
        // The server asked for a pause (Retry-After): a returning network does not change that.
        if (entry.notBefore !== undefined && entry.notBefore > now()) continue;
        const next = await attempt(entry);
        counts[next.state] += 1;
      }
      return counts;
    },
    recent: (limit = 50) => store.recent(limit),
    /** when the earliest pending entry may be tried again (its backoff or Retry-After), or undefined with none pending */
    async nextDue(): Promise<number | undefined> {
      let earliest: number | undefined;
      for (const entry of await store.due(Number.MAX_SAFE_INTEGER)) {
        const at = Math.max(entry.nextAttemptAt, entry.notBefore ?? 0);
        if (earliest === undefined || at < earliest) earliest = at;
      }
      return earliest;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

export function toSubmitResponse(entry: OutboxEntry): SubmitReportResponse {
  if (entry.state === 'sent' && entry.receipt) return { ok: true, receipt: entry.receipt, entryId: entry.id };
  const error = entry.lastError ?? { code: 'internal' as const, message: '' };
  return { ok: false, queued: entry.state === 'pending', entryId: entry.id, error };
}
