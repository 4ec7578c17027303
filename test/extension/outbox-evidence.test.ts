import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/server';
import { EVIDENCE_LIMITS } from '../../contract/evidence';
import { ReportSchema, type Report } from '../../contract/index';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { createIdbOutboxStore, openHotlineDb } from '../../utils/outbox/idb-store';
import { createOutbox, EVIDENCE_KEEP_MS, retryDelay } from '../../utils/outbox/outbox';
import { postReport } from '../../utils/report-client';
import { randomFile, signedEvidence, startFakeHotline, type FakeHotline } from './evidence-fixture';

// The evidence upload of the outbox, against the real hotline (server/src/routes/evidence.ts, in-memory database and
// storage) and against an in-test hotline speaking the same protocol (which can also rewind a file's offset).

const MiB = EVIDENCE_LIMITS.chunkBytes;

/** what the tests need to see of a hotline's side */
interface EvidenceHotline {
  url: string;
  file(sha: string, name: string): Promise<{ received: number; complete: boolean } | undefined>;
  /** reports stored under this Idempotency-Key (the outbox entry id) */
  reportsFor(key: string): Promise<number>;
  /** the fake only: moves a file's offset back, as a hotline restored from a backup would */
  rewind?: FakeHotline['setReceived'];
  stop(): Promise<void>;
}

async function fakeHotline(): Promise<EvidenceHotline> {
  const fake = await startFakeHotline();
  return {
    url: fake.url,
    file: async (sha, name) => fake.evidence.get(sha)?.files.find((file) => file.name === name),
    reportsFor: async (key) => fake.stats.reportsByKey.get(key) ?? 0,
    rewind: fake.setReceived,
    stop: fake.stop,
  };
}

async function realHotline(): Promise<EvidenceHotline> {
  const server = await startServer({ PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: '', HOTLINE_BODY_LIMIT: 1024 * 1024 }, { inMemory: true });
  return {
    url: server.url,
    async file(sha, name) {
      const { rows } = await server.sql.query<{ received: string | number; complete: boolean }>('SELECT received, complete FROM evidence_files WHERE manifest_sha256 = $1 AND name = $2', [sha, name]);
      return rows[0] && { received: Number(rows[0].received), complete: rows[0].complete };
    },
    async reportsFor(key) {
      return (await server.sql.query('SELECT 1 FROM reports WHERE idempotency_key = $1', [key])).rows.length;
    },
    stop: () => server.stop(),
  };
}

describe.each([
  { name: 'the real hotline', start: realHotline, canRewind: false },
  { name: 'an in-test hotline', start: fakeHotline, canRewind: true },
])('outbox evidence upload against $name', ({ name, start, canRewind }) => {
  let hotline: EvidenceHotline;
  beforeAll(async () => {
    hotline = await start();
  });
  afterAll(() => hotline.stop());

  let dbCounter = 0;
  let reportCounter = 0;
  /** a distinct report each time: distinct listings, so distinct manifests */
  function freshReport(): Report {
    reportCounter += 1;
    const base = ReportSchema.parse(EXAMPLE_REPORT);
    return { ...base, listing: { ...base.listing, listingKey: `${base.listing.listingKey}-ev${reportCounter}` } };
  }

  /** counts what the client put on the wire, and can cut it */
  function wire() {
    const state = { down: false, putsBeforeKill: Infinity, puts: 0, putBytes: 0, kills: 0 };
    const fetchImpl: typeof fetch = async (input, init) => {
      if (state.down) throw new TypeError('fetch failed');
      if (init?.method === 'PUT') {
        state.puts += 1;
        state.putBytes += (init.body as Uint8Array | undefined)?.length ?? 0;
        if (state.puts > state.putsBeforeKill) {
          // the service worker dies with this chunk on the wire: the hotline gets it, the worker never hears back
          state.kills += 1;
          void fetch(input, init).catch(() => undefined);
          return new Promise<Response>(() => undefined);
        }
      }
      return fetch(input, init);
    };
    return { state, fetchImpl };
  }

  function setup(overrides: Partial<Parameters<typeof createOutbox>[0]> = {}, dbName = `outbox-evidence-${name}-${(dbCounter += 1)}`) {
    const clock = { now: 1_000_000 };
    const store = createIdbOutboxStore(openHotlineDb(dbName));
    const outbox = createOutbox({ store, apiBaseUrl: async () => hotline.url, now: () => clock.now, random: () => 0.5, ...overrides });
    return { outbox, store, dbName, clock };
  }

  describe('outbox: evidence files', () => {
    it('stores the report and its files before the first attempt, files apart from the entry', async () => {
      const report = freshReport();
      const evidence = await signedEvidence(report, [randomFile('page.png', 3000), randomFile('listing.json', 200)]);
      const { outbox, store } = setup({ apiBaseUrl: async () => 'http://127.0.0.1:9' });
      const entry = await outbox.submit(report, evidence);
      expect(entry).toMatchObject({ state: 'pending', evidence: { state: 'uploading', uploadedBytes: 0, totalBytes: 3200 } });
      const stored = await store.get(entry.id);
      expect(stored?.report.evidence).toEqual(evidence.claim);
      expect(JSON.stringify(stored)).not.toContain('bytes');
      expect(await store.readFile(entry.id, 'page.png')).toEqual(evidence.files[0]!.bytes);
      expect(await store.readFile(entry.id, 'listing.json')).toEqual(evidence.files[1]!.bytes);
    });

    it('uploads 5 MB in 1 MiB chunks after the receipt, then keeps the countersigned receipt', async () => {
      const report = freshReport();
      const evidence = await signedEvidence(report, [randomFile('page.png', 5 * 1000 * 1000), randomFile('listing.json', 1234), randomFile('empty.txt', 0)]);
      const { state, fetchImpl } = wire();
      const { outbox, store, clock } = setup({ fetchImpl });
      const sent = await outbox.submit(report, evidence);
      expect(sent).toMatchObject({ state: 'sent', evidence: { state: 'uploading' }, evidenceDueAt: clock.now });
      expect(sent.receipt?.evidence?.complete).toBe(false);
      expect(await outbox.nextDue()).toBe(clock.now);

      await outbox.flush();
      const done = await store.get(sent.id);
      expect(done?.evidence).toMatchObject({ state: 'complete', uploadedBytes: 5_001_234, totalBytes: 5_001_234, receipt: { keyId: expect.stringMatching(/^[0-9a-f]{64}$/) } });
      expect(done?.evidenceDueAt).toBeUndefined();
      expect(state.puts).toBe(Math.ceil(5_000_000 / MiB) + 1 + 1); // 5 chunks, listing.json, the empty file
      expect(state.putBytes).toBe(5_001_234);
      for (const name of ['page.png', 'listing.json', 'empty.txt']) expect(await hotline.file(sent.receipt!.evidence!.manifestSha256, name), name).toMatchObject({ complete: true });
      expect(await outbox.nextDue()).toBeUndefined();
      // the files stay for the bundle export, 30 days
      expect(done?.filesExpireAt).toBe(clock.now + EVIDENCE_KEEP_MS);
      expect(await store.readFile(sent.id, 'page.png')).toHaveLength(5_000_000);
    });

    it('resumes at the hotline offset after the service worker is killed mid-upload: ≈ 5 MB sent in all, one report', async () => {
      const report = freshReport();
      const evidence = await signedEvidence(report, [randomFile('page.png', 5 * MiB)]);
      const first = wire();
      first.state.putsBeforeKill = 2;
      const { outbox, store, dbName } = setup({ fetchImpl: first.fetchImpl });
      const sent = await outbox.submit(report, evidence);
      void outbox.flush(); // never settles: the worker is gone with chunk 3 on the wire
      await expect.poll(() => first.state.kills).toBe(1);
      await expect.poll(async () => (await store.get(sent.id))?.evidence?.uploadedBytes).toBe(2 * MiB);
      const sha = sent.receipt!.evidence!.manifestSha256;
      await expect.poll(async () => (await hotline.file(sha, 'page.png'))?.received).toBe(3 * MiB);

      // a new service worker: a fresh outbox over the same database
      const second = wire();
      const { outbox: revived, store: reopened } = setup({ fetchImpl: second.fetchImpl }, dbName);
      await revived.flush();
      const done = await reopened.get(sent.id);
      expect(done?.evidence).toMatchObject({ state: 'complete', uploadedBytes: 5 * MiB });
      expect(second.state.putBytes).toBe(2 * MiB); // only what the hotline did not have
      const total = first.state.putBytes + second.state.putBytes;
      expect(total).toBeGreaterThanOrEqual(5 * MiB);
      expect(total).toBeLessThanOrEqual(5 * MiB + MiB);
      expect((await hotline.file(sha, 'page.png'))?.complete).toBe(true);
    });

    it('a chunk lost on the way (network down mid-upload) is sent again once the network is back, with backoff', async () => {
      const report = freshReport();
      const evidence = await signedEvidence(report, [randomFile('page.png', 3 * MiB + 17)]);
      const { state, fetchImpl } = wire();
      let dropped = false;
      const { outbox, store, clock } = setup({ fetchImpl: async (input, init) => {
        if (init?.method === 'PUT' && state.puts === 1 && !dropped) state.down = dropped = true; // the network drops after the first chunk
        return fetchImpl(input, init);
      } });
      const sent = await outbox.submit(report, evidence);
      await outbox.flush();
      const stalled = await store.get(sent.id);
      expect(stalled?.evidence).toMatchObject({ state: 'uploading', uploadedBytes: MiB, attempts: 1, lastError: { code: 'network' } });
      expect(stalled?.evidenceDueAt).toBe(clock.now + retryDelay(1, () => 0.5));
      expect(await outbox.nextDue()).toBe(clock.now + retryDelay(1, () => 0.5));

      await outbox.flush(); // not due yet: nothing goes out
      expect(state.puts).toBe(1);
      state.down = false;
      await outbox.flush({ ignoreBackoff: true }); // the online event
      const done = await store.get(sent.id);
      expect(done?.evidence).toMatchObject({ state: 'complete', uploadedBytes: 3 * MiB + 17, lastError: undefined });
      expect(state.putBytes).toBe(3 * MiB + 17);
    });

    it('follows the hotline on 409 offset_mismatch (a chunk it already had) instead of sending it twice', async () => {
      const report = freshReport();
      const evidence = await signedEvidence(report, [randomFile('page.png', 4 * MiB)]);
      const { state, fetchImpl } = wire();
      let duplicated = false;
      const { outbox, store } = setup({ fetchImpl: async (input, init) => {
        if (init?.method === 'PUT' && state.puts === 1 && !duplicated) {
          duplicated = true;
          await fetch(input, init); // an earlier run's copy of this chunk arrives first
        }
        return fetchImpl(input, init);
      } });
      const sent = await outbox.submit(report, evidence);
      await outbox.flush();
      expect((await store.get(sent.id))?.evidence).toMatchObject({ state: 'complete', uploadedBytes: 4 * MiB });
      // chunk 1, chunk 2 (answered 409: the earlier copy was there), chunks 3 and 4: never chunk 2 again
      expect(state.puts).toBe(4);
      expect((await hotline.file(sent.receipt!.evidence!.manifestSha256, 'page.png'))?.complete).toBe(true);
    });

    // only the in-test hotline can lose bytes on purpose (as one restored from a backup would): defined for it alone
    if (canRewind) it('goes back when the hotline holds less than the client thought (409 with a smaller offset)', async () => {
      const rewind = hotline.rewind!;
      const report = freshReport();
      const evidence = await signedEvidence(report, [randomFile('page.png', 3 * MiB)]);
      let rewound = false;
      const { outbox, store } = setup({ fetchImpl: async (input, init) => {
        const response = await fetch(input, init);
        if (init?.method === 'PUT' && !rewound) {
          rewound = true;
          const sha = /evidence\/([0-9a-f]{64})/.exec(String(input))![1]!;
          rewind(sha, 'page.png', 1000); // the hotline lost part of it (restored from a backup)
        }
        return response;
      } });
      const sent = await outbox.submit(report, evidence);
      await outbox.flush();
      expect((await store.get(sent.id))?.evidence).toMatchObject({ state: 'complete', uploadedBytes: 3 * MiB });
    });

    it('records 422 hash_mismatch as a permanent evidence failure and does not send the file again', async () => {
      const report = freshReport();
      const evidence = await signedEvidence(report, [randomFile('page.png', 2 * MiB), randomFile('listing.json', 500)]);
      const tampered = { ...evidence, files: [{ name: 'page.png', bytes: new Uint8Array(2 * MiB) }, evidence.files[1]!] };
      const { state, fetchImpl } = wire();
      const { outbox, store, clock } = setup({ fetchImpl });
      const sent = await outbox.submit(report, tampered);
      await outbox.flush();
      const failed = await store.get(sent.id);
      expect(failed?.state).toBe('sent'); // the report itself is delivered
      expect(failed?.evidence).toMatchObject({ state: 'failed', rejectedFiles: ['page.png'], lastError: { code: 'rejected', status: 422 } });
      expect(failed?.evidenceDueAt).toBeUndefined();
      const puts = state.puts;
      clock.now += 24 * 3600_000;
      await outbox.flush();
      await outbox.flush({ ignoreBackoff: true });
      expect(state.puts).toBe(puts);
      expect(await outbox.nextDue()).toBeUndefined();
    });

    it('waits out a 503 with Retry-After on the upload, even when the network comes back', async () => {
      const report = freshReport();
      const evidence = await signedEvidence(report, [randomFile('page.png', 1000)]);
      const { state, fetchImpl } = wire();
      const faults = { failPutsWith: undefined as number | undefined };
      const { outbox, store, clock } = setup({ fetchImpl: async (input, init) => {
        if (init?.method === 'PUT' && faults.failPutsWith) {
          state.puts += 1;
          return new Response(JSON.stringify({ error: 'busy', message: 'busy' }), { status: 503, headers: { 'retry-after': '600' } });
        }
        return fetchImpl(input, init);
      } });
      faults.failPutsWith = 503;
      try {
        const sent = await outbox.submit(report, evidence);
        await outbox.flush();
        expect((await store.get(sent.id))?.evidence).toMatchObject({ state: 'uploading', notBefore: clock.now + 600_000, lastError: { status: 503, retryAfterSeconds: 600 } });
        faults.failPutsWith = undefined;
        await outbox.flush({ ignoreBackoff: true });
        expect(state.puts).toBe(1);
        clock.now += 600_000;
        await outbox.flush();
        expect((await store.get(sent.id))?.evidence?.state).toBe('complete');
      } finally {
        faults.failPutsWith = undefined;
      }
    });

    it('never files two reports for one entry: a lost report answer, a killed upload, retries', async () => {
      const report = freshReport();
      const evidence = await signedEvidence(report, [randomFile('page.png', 3 * MiB)]);
      let calls = 0;
      const lossy: typeof postReport = async (r, options) => {
        calls += 1;
        const result = await postReport(r, options);
        return calls === 1 ? { ok: false, error: { code: 'network', message: 'connection reset' } } : result;
      };
      const first = wire();
      first.state.putsBeforeKill = 1;
      const { outbox, store, clock, dbName } = setup({ post: lossy, fetchImpl: first.fetchImpl });
      const entry = await outbox.submit(report, evidence);
      expect(entry.state).toBe('pending');
      clock.now += 60_000;
      void outbox.flush();
      await expect.poll(() => first.state.kills).toBe(1);
      const { outbox: revived } = setup({ post: lossy }, dbName);
      await revived.flush({ ignoreBackoff: true });
      await revived.flush({ ignoreBackoff: true });
      expect((await store.get(entry.id))?.evidence?.state).toBe('complete');
      expect(await hotline.reportsFor(entry.id)).toBe(1);
      expect(calls).toBe(2);
    });

    it('a report refused for good takes its evidence with it: failed, files freed', async () => {
      const report = freshReport();
      const evidence = await signedEvidence(report, [randomFile('page.png', 100)]);
      const refuse: typeof postReport = async () => ({ ok: false, error: { code: 'rejected', status: 400, message: 'bad' } });
      const { outbox, store } = setup({ post: refuse });
      const entry = await outbox.submit(report, evidence);
      expect(entry.evidence).toMatchObject({ state: 'failed', lastError: { status: 400 } });
      expect(await store.readFile(entry.id, 'page.png')).toBeUndefined();
      expect((await store.get(entry.id))?.filesExpireAt).toBeUndefined();
    });

    it('frees the files 30 days after the upload, or at once when the report is deleted from the history', async () => {
      const { outbox, store, clock } = setup();
      const a = freshReport();
      const b = freshReport();
      const first = await outbox.submit(a, await signedEvidence(a, [randomFile('page.png', 100)]));
      const second = await outbox.submit(b, await signedEvidence(b, [randomFile('page.png', 100)]));
      await outbox.flush();
      expect((await store.get(first.id))?.evidence?.state).toBe('complete');
      clock.now += EVIDENCE_KEEP_MS - 1;
      await outbox.flush();
      expect(await store.readFile(first.id, 'page.png')).toHaveLength(100);
      await outbox.remove(second.id);
      expect(await store.get(second.id)).toBeUndefined();
      expect(await store.readFile(second.id, 'page.png')).toBeUndefined();
      clock.now += 1;
      await outbox.flush();
      expect(await store.readFile(first.id, 'page.png')).toBeUndefined();
      expect(await store.get(first.id)).toMatchObject({ evidence: { state: 'complete' }, filesExpireAt: undefined });
    });
  });

});

describe('outbox database upgrade', () => {
  it('an install of version 1 keeps its queued reports and gains the evidence store', async () => {
    const name = 'outbox-v1-upgrade';
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('by-state-next', ['state', 'nextAttemptAt']);
        outbox.createIndex('by-created', 'createdAt');
      },
    });
    await v1.put('outbox', { id: 'old-entry-1', report: ReportSchema.parse(EXAMPLE_REPORT), createdAt: 1, state: 'pending', attempts: 1, nextAttemptAt: 5 });
    v1.close();
    const store = createIdbOutboxStore(openHotlineDb(name));
    expect((await store.due(10)).map((entry) => entry.id)).toEqual(['old-entry-1']);
    expect(await store.evidenceDue(Number.MAX_SAFE_INTEGER)).toEqual([]);
    const db = await openHotlineDb(name);
    expect([...db.objectStoreNames].sort()).toEqual(['evidenceFiles', 'outbox']);
    expect(db.version).toBe(3);
    // and, through v3, its old entries are found by listing
    expect((await store.forListing(ReportSchema.parse(EXAMPLE_REPORT).listing.listingKey)).map((entry) => entry.id)).toEqual(['old-entry-1']);
  });

  it('an install of version 2 finds its reports by listing without reading its history', async () => {
    const name = 'outbox-v2-upgrade';
    const v2 = await openDB(name, 2, {
      upgrade(db) {
        const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('by-state-next', ['state', 'nextAttemptAt']);
        outbox.createIndex('by-created', 'createdAt');
        outbox.createIndex('by-evidence-due', 'evidenceDueAt');
        outbox.createIndex('by-files-expire', 'filesExpireAt');
        db.createObjectStore('evidenceFiles', { keyPath: ['entryId', 'name'] }).createIndex('by-entry', 'entryId');
      },
    });
    const report = ReportSchema.parse(EXAMPLE_REPORT);
    const other = { ...report, listing: { ...report.listing, listingKey: `${report.listing.listingKey}-other` } };
    await v2.put('outbox', { id: 'older', report, createdAt: 1, state: 'sent', attempts: 1, nextAttemptAt: 1 });
    await v2.put('outbox', { id: 'newer', report, createdAt: 2, state: 'pending', attempts: 0, nextAttemptAt: 2 });
    await v2.put('outbox', { id: 'elsewhere', report: other, createdAt: 3, state: 'sent', attempts: 1, nextAttemptAt: 3 });
    v2.close();
    const store = createIdbOutboxStore(openHotlineDb(name));
    expect((await store.forListing(report.listing.listingKey)).map((entry) => entry.id)).toEqual(['newer', 'older']);
    expect(await store.forListing('shopee.vn:0:never')).toEqual([]);
  });
});
