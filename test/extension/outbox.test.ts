import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ReportSchema, type Report } from '../../contract/index';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { startServer } from '../../server/src/server';
import { useHotline } from './hotline';
import { createIdbOutboxStore, openHotlineDb } from '../../utils/outbox/idb-store';
import { createOutbox, isRetryable, retryDelay } from '../../utils/outbox/outbox';
import { postReport } from '../../utils/report-client';

const report = ReportSchema.parse(EXAMPLE_REPORT);
const hotlineHolder = useHotline();
let dbCounter = 0;

const storedRows = async (id: string) => (await hotlineHolder.server.sql.query('SELECT 1 FROM reports WHERE idempotency_key = $1', [id])).rows.length;

function setup(overrides: Partial<Parameters<typeof createOutbox>[0]> = {}) {
  const dbName = `outbox-test-${(dbCounter += 1)}`;
  let clock = 1_000_000;
  let apiBaseUrl = hotlineHolder.server.url;
  const store = createIdbOutboxStore(openHotlineDb(dbName));
  const outbox = createOutbox({ store, apiBaseUrl: async () => apiBaseUrl, now: () => clock, random: () => 0.5, ...overrides });
  return {
    outbox,
    store,
    dbName,
    setApi: (url: string) => (apiBaseUrl = url),
    advance: (ms: number) => (clock += ms),
  };
}

describe('outbox', () => {
  it('keeps a report made offline and delivers it once the server is reachable', async () => {
    const { outbox, store, setApi, advance } = setup();
    setApi('http://127.0.0.1:9');
    const queued = await outbox.submit(report);
    expect(queued).toMatchObject({ state: 'pending', attempts: 1, lastError: { code: 'network' } });
    expect((await store.get(queued.id))?.report).toEqual(report);

    setApi(hotlineHolder.server.url);
    expect(await outbox.flush()).toEqual({ sent: 0, failed: 0, pending: 0 }); // not due yet
    advance(retryDelay(1, () => 0.5));
    expect(await outbox.flush()).toEqual({ sent: 1, failed: 0, pending: 0 });
    const sent = await store.get(queued.id);
    expect(sent?.state).toBe('sent');
    expect(sent?.receipt?.trackingCode).toMatch(/^[A-Z0-9]{4}-/);
    expect(await storedRows(queued.id)).toBe(1);
  });

  it('retries at once, ignoring the backoff, when asked to (the network came back)', async () => {
    const { outbox, store, setApi } = setup();
    setApi('http://127.0.0.1:9');
    const queued = await outbox.submit(report);
    setApi(hotlineHolder.server.url);
    expect(await outbox.flush()).toEqual({ sent: 0, failed: 0, pending: 0 });
    expect(await outbox.flush({ ignoreBackoff: true })).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect((await store.get(queued.id))?.state).toBe('sent');
  });

  it('files a report once even when the first answer is lost on the way back', async () => {
    let calls = 0;
    const lossy: typeof postReport = async (r, options) => {
      calls += 1;
      const result = await postReport(r, options);
      return calls === 1 ? { ok: false, error: { code: 'network', message: 'connection reset' } } : result;
    };
    const { outbox, store, advance } = setup({ post: lossy });
    const entry = await outbox.submit(report);
    expect(entry.state).toBe('pending');
    advance(60_000);
    await outbox.flush();
    expect((await store.get(entry.id))?.state).toBe('sent');
    expect(await storedRows(entry.id)).toBe(1);
  });

  it('gives up on a report the server refuses as invalid, and never retries it: not on the alarm, not on reconnect', async () => {
    const post = vi.fn(postReport);
    const { outbox, store, advance } = setup({ post });
    const broken = { ...report, listing: { ...report.listing, url: 'ftp://nope' } } as Report;
    const entry = await outbox.submit(broken);
    expect(entry).toMatchObject({ state: 'failed', lastError: { code: 'rejected', status: 400, fields: ['listing.url'] } });
    advance(24 * 3600_000);
    expect(await outbox.flush()).toEqual({ sent: 0, failed: 0, pending: 0 }); // the alarm
    expect(await outbox.flush({ ignoreBackoff: true })).toEqual({ sent: 0, failed: 0, pending: 0 }); // the online event
    expect(post).toHaveBeenCalledTimes(1);
    expect((await store.get(entry.id))?.state).toBe('failed');
  });

  it('gives up on a report larger than the server accepts (413), and never retries it', async () => {
    const small = await startServer({ PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: '', HOTLINE_BODY_LIMIT: 2_000 }, { inMemory: true });
    try {
      const post = vi.fn(postReport);
      const { outbox, store, setApi, advance } = setup({ post });
      setApi(small.url);
      const large = { ...report, listing: { ...report.listing, description: 'mô tả '.repeat(1_000) } };
      const entry = await outbox.submit(large);
      expect(entry).toMatchObject({ state: 'failed', lastError: { code: 'rejected', status: 413 } });
      advance(24 * 3600_000);
      await outbox.flush();
      await outbox.flush({ ignoreBackoff: true });
      expect(post).toHaveBeenCalledTimes(1);
      expect((await store.get(entry.id))?.state).toBe('failed');
    } finally {
      await small.stop();
    }
  });

  it('backs off exponentially on server faults, with a cap', () => {
    expect(retryDelay(1, () => 0.5)).toBe(5_000);
    expect(retryDelay(2, () => 0.5)).toBe(10_000);
    expect(retryDelay(4, () => 0.5)).toBe(40_000);
    expect(retryDelay(40, () => 0.5)).toBe(30 * 60_000);
    expect(retryDelay(1, () => 0)).toBe(4_000);
    expect(isRetryable({ ok: false, error: { code: 'rejected', status: 503, message: '' } })).toBe(true);
    expect(isRetryable({ ok: false, error: { code: 'rejected', status: 429, message: '' } })).toBe(true);
    expect(isRetryable({ ok: false, error: { code: 'rejected', status: 409, message: '' } })).toBe(false);
  });

  it('does not send the same entry twice when flushes overlap', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const post = vi.fn(async (r: Report, options: Parameters<typeof postReport>[1]) => {
      await gate;
      return postReport(r, options);
    });
    const { outbox, store } = setup({ post });
    await store.put({ id: 'overlap-entry-1', report, createdAt: 1, state: 'pending', attempts: 0, nextAttemptAt: 0 });
    const both = Promise.all([outbox.flush(), outbox.flush()]);
    release();
    await both;
    expect(post).toHaveBeenCalledTimes(1);
  });

  it('survives a restart: entries live in IndexedDB, listed newest first', async () => {
    const { outbox, dbName, setApi, advance } = setup();
    setApi('http://127.0.0.1:9');
    const first = await outbox.submit(report);
    advance(1000);
    const second = await outbox.submit(report);
    const reopened = createIdbOutboxStore(openHotlineDb(dbName));
    expect((await reopened.recent(10)).map((entry) => entry.id)).toEqual([second.id, first.id]);
  });
});

describe('outbox: the server asks to slow down (429 + Retry-After)', () => {
  /** A post that answers 429 with this Retry-After while `throttled`, then delivers to the real hotline. */
  function throttling(retryAfter: string) {
    const state = { throttled: true };
    const fetchImpl: typeof fetch = async (input, init) =>
      state.throttled
        ? new Response(JSON.stringify({ error: 'rate_limited', message: 'too many reports from this address' }), {
            status: 429,
            headers: { 'content-type': 'application/json', 'retry-after': retryAfter },
          })
        : fetch(input, init);
    const post = vi.fn((r: Report, options: Parameters<typeof postReport>[1]) => postReport(r, { ...options, fetchImpl }));
    return { post, state };
  }

  it('does not retry before Retry-After seconds, not even when the network comes back, then delivers', async () => {
    const { post, state } = throttling('120');
    const { outbox, store, advance } = setup({ post });
    const start = 1_000_000;
    const entry = await outbox.submit(report);
    expect(entry).toMatchObject({ state: 'pending', lastError: { status: 429, retryAfterSeconds: 120 } });
    expect(entry.nextAttemptAt).toBeGreaterThanOrEqual(start + 120_000);

    state.throttled = false;
    advance(119_000);
    await outbox.flush();
    await outbox.flush({ ignoreBackoff: true });
    expect(post).toHaveBeenCalledTimes(1);

    advance(1_000);
    expect(await outbox.flush()).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect((await store.get(entry.id))?.state).toBe('sent');
  });

  it('reads the HTTP-date form against the outbox clock', async () => {
    const { post } = throttling(new Date(1_000_000 + 300_000).toUTCString());
    const { outbox } = setup({ post });
    const entry = await outbox.submit(report);
    expect(entry.lastError?.retryAfterSeconds).toBe(300);
    expect(entry.nextAttemptAt).toBeGreaterThanOrEqual(1_000_000 + 300_000);
  });

  it('keeps its own backoff when that is longer than Retry-After', async () => {
    const { post } = throttling('1');
    const { outbox } = setup({ post });
    const entry = await outbox.submit(report);
    expect(entry.nextAttemptAt).toBe(1_000_000 + retryDelay(1, () => 0.5));
  });

  it('ignores a nonsense Retry-After and caps a huge one at a day', async () => {
    for (const garbage of ['soon', '-5', '1.5', '12abc', 'Tomorrow, 99 Foo 2026 25:00:00 GMT', '']) {
      const { outbox } = setup({ post: throttling(garbage).post });
      const entry = await outbox.submit(report);
      expect(entry.lastError?.retryAfterSeconds, garbage).toBeUndefined();
      expect(entry.nextAttemptAt, garbage).toBe(1_000_000 + retryDelay(1, () => 0.5));
    }
    const { outbox } = setup({ post: throttling('99999999999999999999').post });
    const entry = await outbox.submit(report);
    expect(entry.nextAttemptAt).toBe(1_000_000 + 24 * 3600_000);
  });
});
