import type { Report } from '../../contract/index';
import { EVIDENCE_LIMITS } from '../../contract/evidence';
import type { CapturedEvidence } from '../evidence/types';
import type { ReportError, SubmitReportResponse } from '../messaging/protocol';
import { fetchEvidenceReceipt, fetchEvidenceStatus, postReport, putEvidenceChunk, type EvidenceRequestOptions, type PostReportOptions } from '../report-client';
import { isRetryableError } from '../report-error';
import type { EvidenceProgress, OutboxEntry, OutboxStore } from './types';

export interface OutboxDeps {
  store: OutboxStore;
  /** read at every attempt, so a corrected server address also serves reports queued before */
  apiBaseUrl: () => Promise<string>;
  /** a signed-in inspector's device token, read at every attempt; undefined for anonymous reports */
  authToken?: () => Promise<string | undefined>;
  post?: (report: Report, options: PostReportOptions) => Promise<SubmitReportResponse>;
  /** the fetch of evidence uploads (tests cut the line with it) */
  fetchImpl?: typeof fetch;
  /** upload chunk size; the contract's 1 MiB unless a test needs smaller */
  chunkBytes?: number;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
  /** called after an attempt settled an entry (sent or refused for good) */
  onSettled?: (entry: OutboxEntry) => void;
  /** called when an evidence upload progressed, finished or failed */
  onEvidenceProgress?: (entry: OutboxEntry) => void;
}

const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 30 * 60_000;
/**
 * Evidence files stay on the device for 30 days after their upload ended (complete or failed), so that the reporter
 * can still export the evidence bundle, then they are freed; deleting the report from the history frees them at once.
 * An upload that could not finish within 30 days of the report's delivery is given up (its files are freed too).
 */
export const EVIDENCE_KEEP_MS = 30 * 24 * 3_600_000;

/** Network trouble, throttling and server faults are worth retrying; other refusals will not change. */
export function isRetryable(result: Extract<SubmitReportResponse, { ok: false }>): boolean {
  return isRetryableError(result.error);
}

/** A refusal of the report's evidence alone (the hotline stored nothing): the report itself can go without it. */
export function refusesEvidenceOnly(error: ReportError): boolean {
  return (error.status === 503 && error.reason === 'evidence_unavailable') || (error.status === 400 && error.reason === 'invalid_evidence');
}

export function retryDelay(attempts: number, random: () => number): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random())); // jitter: clients offline together do not return together
}

const evidenceError = (message: string, status?: number): ReportError => ({ code: 'rejected', message, ...(status !== undefined && { status }) });

/**
 * Offline-safe delivery: a report (and its evidence files) is written to the store before the first attempt and
 * leaves the pending state only with a receipt or a permanent refusal. Retries reuse the entry id as
 * Idempotency-Key. Once sent, a report's evidence is uploaded in offset-checked chunks that resume where the hotline
 * says it stopped, after any interruption (network, a killed service worker), with the same backoff.
 */
export function createOutbox({
  store,
  apiBaseUrl,
  authToken = async () => undefined,
  post = postReport,
  fetchImpl,
  chunkBytes = EVIDENCE_LIMITS.chunkBytes,
  now = Date.now,
  random = Math.random,
  newId = () => crypto.randomUUID(),
  onSettled,
  onEvidenceProgress,
}: OutboxDeps) {
  const inFlight = new Set<string>();

  /** The backoff, or the server's Retry-After when that is longer; only the latter holds back a reconnect flush. */
  function nextAttempt(attempts: number, retryAfterSeconds: number | undefined): Pick<OutboxEntry, 'nextAttemptAt' | 'notBefore'> {
    const time = now();
    const notBefore = retryAfterSeconds ? time + retryAfterSeconds * 1000 : undefined;
    return { nextAttemptAt: Math.max(time + retryDelay(attempts, random), notBefore ?? 0), notBefore };
  }

  const notify = (listener: ((entry: OutboxEntry) => void) | undefined, entry: OutboxEntry) => {
    try {
      listener?.(entry);
    } catch {
      // a listener's trouble never undoes a delivery
    }
  };

  /** What becomes of the evidence when the report's own attempt settled. */
  function evidenceAfterReport(refusal: ReportError | undefined, next: OutboxEntry): OutboxEntry {
    if (!next.evidence || next.state === 'pending') return next;
    if (next.state === 'failed') {
      // the report was refused for good: its evidence has nowhere to go
      return { ...next, evidence: { ...next.evidence, state: 'failed', lastError: next.lastError }, evidenceDueAt: undefined, filesExpireAt: now() };
    }
    if (!next.receipt?.evidence) {
      const lastError = refusal ?? evidenceError('the hotline did not accept evidence with this report');
      return { ...next, evidence: { ...next.evidence, state: 'failed', lastError }, evidenceDueAt: undefined, filesExpireAt: now() + EVIDENCE_KEEP_MS };
    }
    return { ...next, evidenceDueAt: now() };
  }

  async function attempt(queued: OutboxEntry): Promise<OutboxEntry> {
    let entry = queued;
    if (inFlight.has(entry.id)) return entry;
    inFlight.add(entry.id);
    try {
      const token = await authToken();
      const send = (report: Report) => post(report, { apiBaseUrl: baseUrl, idempotencyKey: entry.id, now, ...(token && { authToken: token }) });
      const baseUrl = await apiBaseUrl();
      let result = await send(entry.report);
      // The hotline cannot take this evidence (no evidence store, or it refuses the signed manifest): it stored
      // nothing, so the report goes again at once without it, and only the evidence is marked failed.
      let evidenceRefusal: ReportError | undefined;
      if (!result.ok && entry.report.evidence && refusesEvidenceOnly(result.error)) {
        evidenceRefusal = result.error;
        const { evidence: _dropped, ...withoutEvidence } = entry.report;
        entry = { ...entry, report: withoutEvidence };
        result = await send(withoutEvidence);
      }
      const attempts = entry.attempts + 1;
      // 401: a device token the hotline no longer accepts. The report waits (never dropped) until the inspector signs
      // in again or out; isRetryableError keeps it pending and the popup asks to sign in again.
      const next: OutboxEntry = evidenceAfterReport(
        evidenceRefusal,
        result.ok
          ? { ...entry, attempts, state: 'sent', receipt: result.receipt, sentAt: now(), lastError: undefined, notBefore: undefined }
          : isRetryable(result)
            ? { ...entry, attempts, state: 'pending', lastError: result.error, ...nextAttempt(attempts, result.error.retryAfterSeconds) }
            : { ...entry, attempts, state: 'failed', lastError: result.error, notBefore: undefined },
      );
      await store.put(next);
      if (next.state === 'failed' && next.evidence && next.filesExpireAt !== undefined && next.filesExpireAt <= now()) await freeFiles(next);
      if (next.state !== 'pending') notify(onSettled, next);
      return next;
    } finally {
      inFlight.delete(entry.id);
    }
  }

  async function freeFiles(entry: OutboxEntry): Promise<OutboxEntry> {
    await store.deleteFiles(entry.id);
    const current = (await store.get(entry.id)) ?? entry;
    const freed = { ...current, filesExpireAt: undefined };
    await store.put(freed);
    return freed;
  }

  /**
   * One upload run: asks the hotline what it holds, sends the missing chunks from its offsets, and fetches the
   * countersigned receipt once complete. Progress is stored after every chunk; an interruption leaves the entry due,
   * and the next run starts again from the hotline's own offsets.
   */
  async function uploadEvidence(entry: OutboxEntry): Promise<OutboxEntry> {
    const key = `evidence:${entry.id}`;
    const ticket = entry.receipt?.evidence;
    if (inFlight.has(key) || !ticket || entry.evidence?.state !== 'uploading') return entry;
    inFlight.add(key);
    let current = entry;
    const update = async (patch: Partial<EvidenceProgress>, top: Partial<Pick<OutboxEntry, 'evidenceDueAt' | 'filesExpireAt'>> = {}) => {
      current = { ...current, ...top, evidence: { ...current.evidence!, ...patch } };
      await store.put(current);
      notify(onEvidenceProgress, current);
      return current;
    };
    const fail = (lastError: ReportError, extra: Partial<EvidenceProgress> = {}) =>
      update({ state: 'failed', lastError, notBefore: undefined, ...extra }, { evidenceDueAt: undefined, filesExpireAt: now() + EVIDENCE_KEEP_MS });
    /** a run that ended early: retry later with the backoff (or Retry-After), or give up on a refusal that will not change */
    const retryOrFail = (error: ReportError) => {
      if (!isRetryableError(error) || error.status === 401) return fail(error);
      const attempts = current.evidence!.attempts + 1;
      const { nextAttemptAt, notBefore } = nextAttempt(attempts, error.retryAfterSeconds);
      return update({ attempts, lastError: error, notBefore }, { evidenceDueAt: nextAttemptAt });
    };
    try {
      if (current.sentAt !== undefined && now() - current.sentAt > EVIDENCE_KEEP_MS) {
        return await fail(evidenceError('the evidence upload did not finish within 30 days'));
      }
      const options: EvidenceRequestOptions = { apiBaseUrl: await apiBaseUrl(), ticket, now, ...(fetchImpl && { fetchImpl }) };
      const first = await fetchEvidenceStatus(options);
      if (!first.ok) return await retryOrFail(first.error);
      let status = first.value;
      const uploaded = () => status.files.reduce((sum, file) => sum + Math.min(file.received, file.size), 0);
      const rejected = new Set(current.evidence!.rejectedFiles ?? []);
      // a server that keeps moving the offset cannot keep a run going for ever
      const totalBytes = status.files.reduce((sum, file) => sum + file.size, 0);
      let budget = Math.ceil(totalBytes / chunkBytes) + 3 * status.files.length + 8;
      await update({ uploadedBytes: uploaded(), totalBytes });

      for (const file of status.files) {
        if (file.complete || rejected.has(file.name)) continue;
        const bytes = await store.readFile(current.id, file.name);
        if (!bytes || bytes.length !== file.size) {
          return await fail(evidenceError(`the evidence file ${file.name} is no longer on this device`));
        }
        let offset = file.received;
        for (;;) {
          if ((budget -= 1) < 0) return await retryOrFail({ code: 'rejected', status: 409, message: 'the hotline kept changing the upload offset' });
          if (offset > file.size) return await fail(evidenceError(`the hotline holds more of ${file.name} than the file has`));
          const put = await putEvidenceChunk(options, file, offset, bytes.subarray(offset, Math.min(offset + chunkBytes, file.size)));
          if (put.ok) {
            status = put.value;
            const progress = status.files.find((candidate) => candidate.name === file.name);
            await update({ uploadedBytes: uploaded(), lastError: undefined });
            if (!progress || progress.complete) break;
            offset = progress.received;
          } else if (put.kind === 'offset') {
            offset = put.received; // the hotline holds a different amount (an earlier run's chunk arrived): continue from there
          } else if (put.kind === 'hash') {
            // The hotline discarded this file: it does not match the signed manifest. Sending it again would not help.
            rejected.add(file.name);
            await update({ rejectedFiles: [...rejected] });
            break;
          } else {
            return await retryOrFail(put.error);
          }
        }
      }
      if (rejected.size > 0) {
        return await fail(evidenceError(`the hotline refused ${[...rejected].join(', ')}: not as in the signed manifest`, 422), { rejectedFiles: [...rejected] });
      }
      if (!status.complete) {
        const again = await fetchEvidenceStatus(options);
        if (!again.ok) return await retryOrFail(again.error);
        status = again.value;
        if (!status.complete) return await retryOrFail({ code: 'rejected', status: 503, message: 'the hotline does not have every file yet' });
      }
      const receipt = await fetchEvidenceReceipt(options);
      if (!receipt.ok) return await retryOrFail(receipt.error);
      return await update(
        { state: 'complete', receipt: receipt.value, uploadedBytes: uploaded(), totalBytes, lastError: undefined, notBefore: undefined, completedAt: now() },
        { evidenceDueAt: undefined, filesExpireAt: now() + EVIDENCE_KEEP_MS },
      );
    } finally {
      inFlight.delete(key);
    }
  }

  /** Frees the files of every entry whose keeping time ran out. */
  async function prune(): Promise<number> {
    const expired = await store.filesExpired(now());
    for (const entry of expired) await freeFiles(entry);
    return expired.length;
  }

  return {
    /**
     * Stores the report (and its evidence files, in the same transaction), then tries the report once at once.
     * The evidence upload follows on the next flush (the background flushes as soon as a report is delivered).
     */
    async submit(report: Report, evidence?: CapturedEvidence): Promise<OutboxEntry> {
      const entry: OutboxEntry = {
        id: newId(),
        report: evidence && !report.evidence ? { ...report, evidence: evidence.claim } : report,
        createdAt: now(),
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now(),
        ...(evidence && {
          evidence: { state: 'uploading', uploadedBytes: 0, totalBytes: evidence.files.reduce((sum, file) => sum + file.bytes.length, 0), attempts: 0 },
        }),
      };
      await store.add(entry, evidence?.files ?? []);
      return attempt(entry);
    },
    /**
     * Retries every due entry (every pending one with `ignoreBackoff`, e.g. when the network returns), then every
     * due evidence upload, then frees expired evidence files. Counts the reports' outcomes.
     */
    async flush({ ignoreBackoff = false } = {}): Promise<{ sent: number; failed: number; pending: number }> {
      const counts = { sent: 0, failed: 0, pending: 0 };
      const until = ignoreBackoff ? Number.MAX_SAFE_INTEGER : now();
      for (const entry of await store.due(until)) {
        // The server asked for a pause (Retry-After): a returning network does not change that.
        if (entry.notBefore !== undefined && entry.notBefore > now()) continue;
        const next = await attempt(entry);
        counts[next.state] += 1;
      }
      for (const entry of await store.evidenceDue(until)) {
        if (entry.evidence?.notBefore !== undefined && entry.evidence.notBefore > now()) continue;
        await uploadEvidence(entry);
      }
      await prune();
      return counts;
    },
    recent: (limit = 50) => store.recent(limit),
    /** the reports about one listing, newest first */
    forListing: (listingKey: string) => store.forListing(listingKey),
    /** The user deleted the report from the history: the entry and its evidence files go. */
    remove: (id: string) => store.delete(id),
    /** frees expired evidence files; answers how many entries had some */
    prune,
    /** when the earliest pending report or unfinished upload may be tried again, or undefined with none waiting */
    async nextDue(): Promise<number | undefined> {
      let earliest: number | undefined;
      const consider = (at: number) => {
        if (earliest === undefined || at < earliest) earliest = at;
      };
      for (const entry of await store.due(Number.MAX_SAFE_INTEGER)) consider(Math.max(entry.nextAttemptAt, entry.notBefore ?? 0));
      for (const entry of await store.evidenceDue(Number.MAX_SAFE_INTEGER)) consider(Math.max(entry.evidenceDueAt ?? 0, entry.evidence?.notBefore ?? 0));
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
