import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReportSchema, type Report } from '../../contract/index';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { startServer, type RunningServer } from '../../server/src/server';
import { createIdbOutboxStore, openHotlineDb } from '../../utils/outbox/idb-store';
import { createOutbox, isRetryable, retryDelay } from '../../utils/outbox/outbox';
import { postReport } from '../../utils/report-client';

const report = ReportSchema.parse(EXAMPLE_REPORT);
let hotline: RunningServer;
let dbCounter = 0;

beforeAll(async () => {
  hotline = await startServer({ PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: '', HOTLINE_BODY_LIMIT: 1024 * 1024 }, { inMemory: true });
});
afterAll(async () => {
  await hotline.stop();
});

const storedRows = async (id: string) => (await hotline.sql.query('SELECT 1 FROM reports WHERE idempotency_key = $1', [id])).rows.length;

function setup(overrides: Partial<Parameters<typeof createOutbox>[0]> = {}) {
  const dbName = `outbox-test-${(dbCounter += 1)}`;
  let clock = 1_000_000;
  let apiBaseUrl = hotline.url;
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

    setApi(hotline.url);
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
    setApi(hotline.url);
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

  it('gives up on a report the server refuses as invalid, and never retries it', async () => {
    const post = vi.fn(postReport);
    const { outbox, advance } = setup({ post });
    const broken = { ...report, listing: { ...report.listing, url: 'ftp://nope' } } as Report;
    const entry = await outbox.submit(broken);
    expect(entry).toMatchObject({ state: 'failed', lastError: { status: 400 } });
    advance(24 * 3600_000);
    await outbox.flush();
    expect(post).toHaveBeenCalledTimes(1);
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
