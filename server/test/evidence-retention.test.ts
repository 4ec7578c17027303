// Evidence retention and upload quotas: uploads that never complete are abandoned and their bytes deleted after
// HOTLINE_EVIDENCE_INCOMPLETE_DAYS (complete evidence is never touched), crash leftovers no evidence refers to are
// removed, and each client address has a daily allowance of evidence bytes (429 with Retry-After past it).
import { mkdtemp, readdir, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CaseDetailSchema, CaseListSchema, LoginResponseSchema } from '../../contract/backoffice.ts';
import { verifyBundle } from '../../contract/evidence-bundle.ts';
import { EVIDENCE_LIMITS, EvidenceStatusSchema } from '../../contract/evidence.ts';
import { ReceiptSchema, type ReportInput } from '../../contract/index.ts';
import type { HotlineApp } from '../src/app.ts';
import type { Accounts } from '../src/backoffice/accounts.ts';
import { migrate, type Sql } from '../src/db.ts';
import { readEnv } from '../src/env.ts';
import { createUploadTokens, generateSigner } from '../src/evidence/keys.ts';
import { createEvidenceService, type EvidenceService } from '../src/evidence/service.ts';
import { chunkKey, createFilesystemStorage, fileKey, type EvidenceStorage } from '../src/evidence/storage.ts';
import { startEvidenceSweeper, sweepEvidence } from '../src/evidence/sweep.ts';
import { EXAMPLE_REPORT } from '../src/openapi.ts';
import { createByteQuota } from '../src/rate-limit.ts';
import { silentLogger } from '../src/logger.ts';
import { DATABASES } from './databases.ts';
import { makeEvidence, putChunk, uploadAll, type TestEvidence } from './evidence-helpers.ts';
import { buildTestApp } from './test-app.ts';

const DAY = 86_400_000;
const MIB = 1024 * 1024;
const PASSWORD = 'correct horse battery staple';

let listingCounter = 0;
/** A report on a listing of its own (one case each), with its evidence. */
async function reportWithEvidence(options: Parameters<typeof makeEvidence>[1] = {}): Promise<{ report: ReportInput; evidence: TestEvidence }> {
  listingCounter += 1;
  const itemId = `5${listingCounter}`;
  const listing = { ...EXAMPLE_REPORT.listing, itemId, listingKey: `shopee.vn:34456910:${itemId}`, url: `https://shopee.vn/product/34456910/${itemId}` };
  const evidence = await makeEvidence(listing.listingKey, { seed: listingCounter, ...options });
  return { report: { ...EXAMPLE_REPORT, listing, evidence: evidence.claim }, evidence };
}

async function storedKeys(storage: EvidenceStorage, prefix = ''): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of storage.list(prefix)) keys.push(...page.map((object) => object.key));
  return keys.sort();
}

describe.each(DATABASES)('evidence retention on $name', (database) => {
  let sql: Sql;
  let app: HotlineApp;
  let accounts: Accounts;
  let service: EvidenceService;
  let storage: EvidenceStorage;
  let folder: string;
  /** a fresh session (sessions expire while the tests move the clock by weeks) */
  const triagerSession = async () => {
    const login = await app.request('/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'triager@hotline.test', password: PASSWORD }) });
    return LoginResponseSchema.parse(await login.json()).token;
  };
  const clock = { now: new Date('2026-12-01T02:00:00Z') };
  const send = (p: string, init: RequestInit) => app.request(p, init);
  const get = (p: string, token: string) => app.request(p, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    sql = await database.open();
    await migrate(sql);
    folder = await mkdtemp(path.join(os.tmpdir(), 'hotline-retention-test-'));
    storage = createFilesystemStorage(folder);
    service = createEvidenceService({ sql, storage, signer: (await generateSigner()).signer, tokens: createUploadTokens(new Uint8Array(32).fill(5)), now: () => new Date(clock.now) });
    await service.publishKey();
    ({ app, accounts } = await buildTestApp(sql, { clock, bodyLimitBytes: 256 * 1024, overrides: { evidence: service } }));
    const bcd = await accounts.createOrg(null, { name: 'BCĐ 389' });
    await accounts.createUser(null, { email: 'triager@hotline.test', name: 'T', role: 'triager', orgId: bcd.id, password: PASSWORD });
  });
  afterAll(async () => {
    await sql.close();
    await rm(folder, { recursive: true, force: true });
  });
  beforeEach(() => {
    clock.now = new Date('2026-12-01T02:00:00Z');
  });

  async function submit(report: ReportInput): Promise<string> {
    const response = await app.request('/v1/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) });
    expect(response.status, await response.clone().text()).toBe(201);
    return ReceiptSchema.parse(await response.json()).evidence!.uploadToken;
  }

  it('abandons uploads still incomplete N days after the report, deletes their bytes and leftovers, and never touches complete evidence', async () => {
    // A: partly uploaded (one chunk of the screenshot, listing.json whole), reported now
    const a = await reportWithEvidence({ screenshotBytes: 1.5 * MIB });
    const aToken = await submit(a.report);
    const aShot = a.evidence.files.get('screenshot.png')!;
    expect((await putChunk(send, a.evidence, aToken, 'screenshot.png', aShot.subarray(0, EVIDENCE_LIMITS.chunkBytes), 0, aShot.length)).status).toBe(200);
    const listingJson = a.evidence.files.get('listing.json')!;
    expect((await putChunk(send, a.evidence, aToken, 'listing.json', listingJson, 0, listingJson.length)).status).toBe(200);
    // B: complete, reported now
    const b = await reportWithEvidence({ screenshotBytes: 3000 });
    const bToken = await submit(b.report);
    expect((await uploadAll(send, b.evidence, bToken)).status).toBe(200);
    // C: partly uploaded, reported 25 days later
    clock.now = new Date(clock.now.getTime() + 25 * DAY);
    const c = await reportWithEvidence({ screenshotBytes: 1.5 * MIB });
    const cToken = await submit(c.report);
    const cShot = c.evidence.files.get('screenshot.png')!;
    expect((await putChunk(send, c.evidence, cToken, 'screenshot.png', cShot.subarray(0, EVIDENCE_LIMITS.chunkBytes), 0, cShot.length)).status).toBe(200);

    // crash leftovers: a chunk of C the database never recorded, and a folder of evidence that does not exist
    const strayChunk = chunkKey(c.evidence.manifestSha256, 'screenshot.png', 0);
    await storage.put(strayChunk, new Uint8Array([1, 2, 3]));
    const noEvidence = chunkKey('d'.repeat(64), 'screenshot.png', 0);
    await storage.put(noEvidence, new Uint8Array([4]));
    // a temporary file of an interrupted write is no key: never listed
    await writeFile(path.join(folder, a.evidence.manifestSha256, 'screenshot.png.0.abcdef.tmp'), 'x');
    const aKeysBefore = await storedKeys(storage, `${a.evidence.manifestSha256}/`);
    expect(aKeysBefore).toHaveLength(2); // one chunk, listing.json whole
    expect(aKeysBefore).toContain(fileKey(a.evidence.manifestSha256, 'listing.json'));

    // 29 days after A: nothing is abandoned yet; the leftovers are older than the grace period (the sweep's clock is ahead)
    clock.now = new Date(new Date('2026-12-01T02:00:00Z').getTime() + 29 * DAY);
    const early = await sweepEvidence({ sql, storage }, { incompleteDays: 30, now: clock.now });
    expect(early.abandoned).toEqual([]);
    expect(early.deletedObjects).toBe(2);
    expect(await storedKeys(storage, c.evidence.manifestSha256)).not.toContain(strayChunk);
    expect(await storedKeys(storage, 'd'.repeat(64))).toEqual([]);
    // C's recorded chunk stays
    expect(await storedKeys(storage, `${c.evidence.manifestSha256}/`)).toHaveLength(1);

    // 31 days after A: A is abandoned and its bytes deleted; B (complete) and C (5 days old) are untouched
    clock.now = new Date(new Date('2026-12-01T02:00:00Z').getTime() + 31 * DAY);
    const swept = await sweepEvidence({ sql, storage }, { incompleteDays: 30, now: clock.now });
    expect(swept).toEqual({ abandoned: [a.evidence.manifestSha256], deletedObjects: 2 });
    expect(await storedKeys(storage, a.evidence.manifestSha256)).toEqual([]);
    const row = (await sql.query<{ abandoned_at: Date | null; manifest: string }>('SELECT abandoned_at, manifest FROM evidence WHERE manifest_sha256 = $1', [a.evidence.manifestSha256])).rows[0]!;
    expect(new Date(row.abandoned_at!).toISOString()).toBe(clock.now.toISOString());
    expect(row.manifest).toBe(a.evidence.claim.manifest); // the row and manifest stay
    const files = (await sql.query<{ name: string; received: string; chunk_keys: string[] }>('SELECT name, received::text, chunk_keys FROM evidence_files WHERE manifest_sha256 = $1 ORDER BY position', [a.evidence.manifestSha256])).rows;
    expect(files.map((file) => [file.name, Number(file.received), file.chunk_keys])).toEqual([
      ['screenshot.png', EVIDENCE_LIMITS.chunkBytes, []],
      ['page.mhtml', 0, []],
      ['listing.json', listingJson.length, []],
    ]);

    // the reporter's client is told the upload is gone for good (410: the extension's outbox does not retry it)
    const status = await get(`/v1/evidence/${a.evidence.manifestSha256}`, aToken);
    expect(status.status).toBe(410);
    expect(await status.json()).toMatchObject({ error: 'evidence_abandoned' });
    const late = await putChunk(send, a.evidence, aToken, 'screenshot.png', aShot.subarray(EVIDENCE_LIMITS.chunkBytes), EVIDENCE_LIMITS.chunkBytes, aShot.length);
    expect(late.status).toBe(410);
    expect(await storedKeys(storage, a.evidence.manifestSha256)).toEqual([]); // the refused chunk was not stored
    expect((await get(`/v1/evidence/${a.evidence.manifestSha256}/receipt`, aToken)).status).toBe(410);
    const triager = await triagerSession();
    expect((await get(`/v1/evidence/${a.evidence.manifestSha256}/files/listing.json`, triager)).status).toBe(410);

    // the case page says "upload abandoned", with the progress the hotline had
    const { items } = CaseListSchema.parse(await (await get(`/v1/cases?q=${encodeURIComponent(a.report.listing.listingKey)}`, triager)).json());
    const detail = CaseDetailSchema.parse(await (await get(`/v1/cases/${items[0]!.id}`, triager)).json());
    expect(detail.reports[0]!.evidence).toMatchObject({ manifestSha256: a.evidence.manifestSha256, abandoned: true, complete: false, countersigned: false });
    expect(detail.reports[0]!.evidence!.files.find((file) => file.name === 'screenshot.png')).toMatchObject({ received: EVIDENCE_LIMITS.chunkBytes, complete: false });

    // B still verifies; C resumes where it stood and completes
    const zip = new Uint8Array(await (await get(`/v1/evidence/${b.evidence.manifestSha256}/bundle.zip`, bToken)).arrayBuffer());
    expect((await verifyBundle(zip, { requireReceipt: true })).ok).toBe(true);
    const cDone = await uploadAll(send, c.evidence, cToken);
    expect(cDone.status).toBe(200);
    expect(EvidenceStatusSchema.parse(await cDone.json()).complete).toBe(true);

    // much later: complete evidence is never swept, and a second run over abandoned evidence changes nothing
    const years = await sweepEvidence({ sql, storage }, { incompleteDays: 30, now: new Date(clock.now.getTime() + 400 * DAY) });
    expect(years).toEqual({ abandoned: [], deletedObjects: 0 });
    expect(await storedKeys(storage, b.evidence.manifestSha256)).toHaveLength(3);
    expect(await storedKeys(storage, c.evidence.manifestSha256)).toHaveLength(3);
    expect((await get(`/v1/evidence/${c.evidence.manifestSha256}/receipt`, cToken)).status).toBe(200);
  }, 60_000);

  it('leaves a chunk younger than the grace period alone (an upload in flight stores it just before recording it)', async () => {
    const e = await reportWithEvidence({ screenshotBytes: 3000 });
    await submit(e.report);
    const fresh = chunkKey(e.evidence.manifestSha256, 'screenshot.png', 0);
    await storage.put(fresh, new Uint8Array([9]));
    const real = new Date();
    expect((await sweepEvidence({ sql, storage }, { incompleteDays: 30, now: real })).deletedObjects).toBe(0);
    expect(await storedKeys(storage, e.evidence.manifestSha256)).toEqual([fresh]);
    // an hour and a bit later it is a leftover
    await utimes(path.join(folder, fresh), new Date(real.getTime() - 2 * 3_600_000), new Date(real.getTime() - 2 * 3_600_000));
    expect((await sweepEvidence({ sql, storage }, { incompleteDays: 30, now: real })).deletedObjects).toBe(1);
    expect(await storedKeys(storage, e.evidence.manifestSha256)).toEqual([]);
  });

  it('runs on a timer that never keeps the process alive, and stops cleanly', async () => {
    const e = await reportWithEvidence({ screenshotBytes: 3000 });
    await submit(e.report);
    const sweeper = startEvidenceSweeper(
      { sql, storage, logger: silentLogger },
      { incompleteDays: 30, firstRunMs: 10, intervalMs: 3_600_000, now: () => new Date(clock.now.getTime() + 31 * DAY) },
    );
    const abandoned = async () =>
      (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence WHERE manifest_sha256 = $1 AND abandoned_at IS NOT NULL', [e.evidence.manifestSha256])).rows[0]!.n === 1;
    for (let wait = 0; wait < 100 && !(await abandoned()); wait += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    await sweeper.stop();
    expect(await abandoned()).toBe(true);
    // stopped: a direct run still works (tests, an operator's script), the timer no longer fires
    expect((await sweeper.sweep({ now: new Date(clock.now.getTime() + 31 * DAY) })).abandoned).toEqual([]);
  });
});

describe('filesystem storage list', () => {
  it('lists valid keys by prefix and skips anything else in the folder', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'hotline-list-test-'));
    try {
      const storage = createFilesystemStorage(folder);
      const one = 'a'.repeat(64);
      const two = 'b'.repeat(64);
      await storage.put(fileKey(one, 'screenshot.png'), new Uint8Array([1]));
      const chunk = chunkKey(one, 'page.mhtml', 0);
      await storage.put(chunk, new Uint8Array([2]));
      await storage.put(fileKey(two, 'listing.json'), new Uint8Array([3]));
      await mkdir(path.join(folder, 'not-a-manifest'));
      await writeFile(path.join(folder, 'not-a-manifest', 'x.png'), 'x');
      await writeFile(path.join(folder, one, 'screenshot.png.123456abcdef.tmp'), 'x');
      expect(await storedKeys(storage)).toEqual([chunk, fileKey(one, 'screenshot.png'), fileKey(two, 'listing.json')].sort());
      expect(await storedKeys(storage, `${one}/page`)).toEqual([chunk]);
      expect(await storedKeys(storage, 'b')).toEqual([fileKey(two, 'listing.json')]);
      expect(await storedKeys(storage, 'c'.repeat(64))).toEqual([]);
      expect(await readdir(folder)).toContain('not-a-manifest');
      await expect(storedKeys(storage, '../etc')).rejects.toThrow(/invalid evidence storage prefix/);
      for await (const page of storage.list('')) for (const object of page) expect(object.lastModified.getTime()).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('daily byte allowance for evidence uploads', () => {
  it('refills continuously and answers how long until a chunk fits', () => {
    let now = 0;
    const quota = createByteQuota({ perDay: 2 * MIB }, () => now);
    expect(quota.take('a', MIB)).toEqual({ ok: true });
    expect(quota.take('a', MIB)).toEqual({ ok: true });
    const refused = quota.take('a', MIB);
    expect(refused).toEqual({ ok: false, retryAfterMs: DAY / 2 });
    expect(quota.take('b', MIB)).toEqual({ ok: true }); // another client
    now += DAY / 2;
    expect(quota.take('a', MIB)).toEqual({ ok: true });
    expect(quota.take('a', 1).ok).toBe(false);
  });

  it('is read from HOTLINE_UPLOAD_BYTES_PER_DAY (default 200 MiB) and HOTLINE_EVIDENCE_INCOMPLETE_DAYS (default 30)', () => {
    expect(readEnv({})).toMatchObject({ HOTLINE_UPLOAD_BYTES_PER_DAY: 200 * MIB, HOTLINE_EVIDENCE_INCOMPLETE_DAYS: 30 });
    expect(readEnv({ HOTLINE_UPLOAD_BYTES_PER_DAY: String(50 * MIB), HOTLINE_EVIDENCE_INCOMPLETE_DAYS: '7' })).toMatchObject({ HOTLINE_UPLOAD_BYTES_PER_DAY: 50 * MIB, HOTLINE_EVIDENCE_INCOMPLETE_DAYS: 7 });
    expect(() => readEnv({ HOTLINE_UPLOAD_BYTES_PER_DAY: '1000' })).toThrow(/HOTLINE_UPLOAD_BYTES_PER_DAY/);
    expect(() => readEnv({ HOTLINE_EVIDENCE_INCOMPLETE_DAYS: '0' })).toThrow(/HOTLINE_EVIDENCE_INCOMPLETE_DAYS/);
  });

  it('refuses a chunk past the allowance with 429 and Retry-After, stores nothing of it, and takes it once the allowance refilled', async () => {
    const sql = await DATABASES[0]!.open();
    await migrate(sql);
    const folder = await mkdtemp(path.join(os.tmpdir(), 'hotline-quota-test-'));
    try {
      const clock = { now: new Date('2026-12-01T02:00:00Z') };
      const service = createEvidenceService({ sql, storage: createFilesystemStorage(folder), signer: (await generateSigner()).signer, tokens: createUploadTokens(new Uint8Array(32).fill(6)) });
      await service.publishKey();
      const { app } = await buildTestApp(sql, {
        clock,
        bodyLimitBytes: 256 * 1024,
        overrides: { evidence: service, trustProxyHops: 1, uploadByteQuota: createByteQuota({ perDay: 2 * MIB }, () => clock.now.getTime()) },
      });
      const from = (ip: string) => (p: string, init: RequestInit) => app.request(p, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': ip } });
      const { report, evidence } = await reportWithEvidence({ screenshotBytes: 2.5 * MIB });
      const response = await from('10.0.0.1')('/v1/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) });
      const token = ReceiptSchema.parse(await response.json()).evidence!.uploadToken;
      const shot = evidence.files.get('screenshot.png')!;
      const chunk = (ip: string, start: number) => putChunk(from(ip), evidence, token, 'screenshot.png', shot.subarray(start, start + MIB), start, shot.length);
      expect((await chunk('10.0.0.1', 0)).status).toBe(200);
      expect((await chunk('10.0.0.1', MIB)).status).toBe(200);
      // 2 MiB sent today: the last half MiB would go over
      const refused = await chunk('10.0.0.1', 2 * MIB);
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({ error: 'rate_limited' });
      expect(Number(refused.headers.get('retry-after'))).toBe(6 * 3600); // half a MiB of a 2 MiB day
      const status = EvidenceStatusSchema.parse(await (await from('10.0.0.1')(`/v1/evidence/${evidence.manifestSha256}`, { headers: { authorization: `Bearer ${token}` } })).json());
      expect(status.files[0]!.received).toBe(2 * MIB);
      // another address has its own allowance (the quota lets it through; the upload stands further on)
      expect((await chunk('10.0.0.2', 0)).status).toBe(409);
      // this one gets its chunk once the allowance refilled, and not a minute before
      clock.now = new Date(clock.now.getTime() + 6 * 3_600_000 - 60_000);
      expect((await chunk('10.0.0.1', 2 * MIB)).status).toBe(429);
      clock.now = new Date(clock.now.getTime() + 60_000);
      const last = await chunk('10.0.0.1', 2 * MIB);
      expect(last.status).toBe(200);
      expect(EvidenceStatusSchema.parse(await last.json()).files[0]).toMatchObject({ received: shot.length, complete: true });
      expect((await chunk('10.0.0.1', 0)).status).toBe(429);
    } finally {
      await sql.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
