import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CaseDetailSchema, CaseListSchema, LoginResponseSchema, type Org } from '../../contract/backoffice.ts';
import { verifyBundle } from '../../contract/evidence-bundle.ts';
import {
  EVIDENCE_LIMITS,
  EvidenceReceiptSchema,
  EvidenceStatusSchema,
  fromBase64,
  HotlineKeysSchema,
  importPublicJwk,
  SignedEvidenceReceiptSchema,
  utf8,
  verifyDer,
} from '../../contract/evidence.ts';
import { ReceiptSchema, type ReportInput } from '../../contract/index.ts';
import type { HotlineApp } from '../src/app.ts';
import type { Accounts } from '../src/backoffice/accounts.ts';
import { migrate, type Sql } from '../src/db.ts';
import { createUploadTokens, generateSigner } from '../src/evidence/keys.ts';
import { createEvidenceService, type EvidenceService } from '../src/evidence/service.ts';
import { createFilesystemStorage } from '../src/evidence/storage.ts';
import { EXAMPLE_REPORT } from '../src/openapi.ts';
import { DATABASES } from './databases.ts';
import { makeEvidence, putChunk, uploadAll, type TestEvidence } from './evidence-helpers.ts';
import { buildTestApp } from './test-app.ts';

const PASSWORD = 'correct horse battery staple';
const LISTING_KEY = EXAMPLE_REPORT.listing.listingKey;
const root = path.resolve(import.meta.dirname, '..', '..');

describe.each(DATABASES)('evidence protocol on $name', (database) => {
  let sql: Sql;
  let app: HotlineApp;
  let accounts: Accounts;
  let service: EvidenceService;
  let folder: string;
  const clock = { now: new Date('2026-12-01T02:00:00Z') };
  const tokens: Record<'triager' | 'inspector' | 'analyst', string> = { triager: '', inspector: '', analyst: '' };
  let hanoi: Org;

  const send = (p: string, init: RequestInit) => app.request(p, init);
  const submit = (report: ReportInput, idempotencyKey?: string) =>
    app.request('/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
      body: JSON.stringify(report),
    });
  const withEvidence = (evidence: TestEvidence, listing: Partial<ReportInput['listing']> = {}): ReportInput => ({
    ...EXAMPLE_REPORT,
    listing: { ...EXAMPLE_REPORT.listing, ...listing },
    evidence: evidence.claim,
  });
  const get = (p: string, token?: string, headers: Record<string, string> = {}) => app.request(p, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

  beforeAll(async () => {
    sql = await database.open();
    await migrate(sql);
    folder = await mkdtemp(path.join(os.tmpdir(), 'hotline-evidence-test-'));
    service = createEvidenceService({
      sql,
      storage: createFilesystemStorage(folder),
      signer: (await generateSigner()).signer,
      tokens: createUploadTokens(new Uint8Array(32).fill(9)),
      now: () => new Date(clock.now),
    });
    await service.publishKey();
    ({ app, accounts } = await buildTestApp(sql, { clock, bodyLimitBytes: 256 * 1024, overrides: { evidence: service } }));
  });
  afterAll(async () => {
    await sql.close();
    await rm(folder, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await sql.exec('TRUNCATE evidence_files, evidence, reports, report_daily, cases, case_notes, audit_log, sessions, users, orgs RESTART IDENTITY CASCADE;');
    const bcd = await accounts.createOrg(null, { name: 'BCĐ 389' });
    hanoi = await accounts.createOrg(null, { name: 'Cục QLTT Hà Nội' });
    const customs = await accounts.createOrg(null, { name: 'Tổng cục Hải quan' });
    for (const [key, role, org] of [
      ['triager', 'triager', bcd],
      ['inspector', 'inspector', customs],
      ['analyst', 'analyst', bcd],
    ] as const) {
      const user = await accounts.createUser(null, { email: `${key}@hotline.test`, name: key, role, orgId: org.id, password: PASSWORD });
      const response = await app.request('/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: PASSWORD }) });
      tokens[key] = LoginResponseSchema.parse(await response.json()).token;
    }
  });

  async function report(evidence: TestEvidence, idempotencyKey?: string) {
    const response = await submit(withEvidence(evidence), idempotencyKey);
    expect(response.status, await response.clone().text()).toBe(201);
    const receipt = ReceiptSchema.parse(await response.json());
    expect(receipt.evidence).toMatchObject({ manifestSha256: evidence.manifestSha256, complete: false });
    return { receipt, token: receipt.evidence!.uploadToken };
  }

  it('takes a report with evidence, resumes after a 409, rejects a bad file, countersigns, and serves a verifiable bundle', async () => {
    const evidence = await makeEvidence(LISTING_KEY);
    const { receipt, token } = await report(evidence, 'evidence-key-0001');

    // The token is reproducible on a replay and stored nowhere.
    const replay = await submit(withEvidence(evidence), 'evidence-key-0001');
    expect(replay.status).toBe(200);
    expect(ReceiptSchema.parse(await replay.json()).evidence).toEqual(receipt.evidence);
    const dump = JSON.stringify((await sql.query('SELECT * FROM evidence')).rows) + JSON.stringify((await sql.query('SELECT * FROM evidence_files')).rows);
    expect(dump).not.toContain(token);
    expect((await sql.query('SELECT count(*)::int AS n FROM evidence')).rows).toEqual([{ n: 1 }]);

    const screenshot = evidence.files.get('screenshot.png')!;
    const size = screenshot.length;
    const chunk = EVIDENCE_LIMITS.chunkBytes;
    // first chunk
    const first = await putChunk(send, evidence, token, 'screenshot.png', screenshot.subarray(0, chunk), 0, size);
    expect(first.status).toBe(200);
    expect(EvidenceStatusSchema.parse(await first.json()).files[0]).toEqual({ name: 'screenshot.png', size, received: chunk, complete: false });
    // the client lost the answer and sends the first chunk again: 409 tells it where to resume
    const again = await putChunk(send, evidence, token, 'screenshot.png', screenshot.subarray(0, chunk), 0, size);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: 'offset_mismatch', received: chunk });
    // a chunk past where the upload stands is refused the same way
    const ahead = await putChunk(send, evidence, token, 'screenshot.png', screenshot.subarray(2 * chunk), 2 * chunk, size);
    expect(ahead.status).toBe(409);
    expect(((await ahead.json()) as { received: number }).received).toBe(chunk);
    // progress is in the database: a fresh status read (as after a restart) answers the same
    expect(EvidenceStatusSchema.parse(await (await get(`/v1/evidence/${evidence.manifestSha256}`, token)).json()).files[0]!.received).toBe(chunk);
    // the receipt waits for every file
    expect((await get(`/v1/evidence/${evidence.manifestSha256}/receipt`, token)).status).toBe(409);
    expect((await get(`/v1/evidence/${evidence.manifestSha256}/bundle.zip`, token)).status).toBe(409);

    // the rest of the screenshot, one byte changed: the whole file fails its hash and is discarded
    const tampered = screenshot.slice(chunk);
    tampered[10] = tampered[10]! ^ 0xff;
    let start = chunk;
    let last: Response | undefined;
    for (; start < size; start += chunk) {
      last = await putChunk(send, evidence, token, 'screenshot.png', tampered.subarray(start - chunk, start), start, size);
      if (last.status !== 200) break;
    }
    expect(last!.status).toBe(422);
    expect(await last!.json()).toMatchObject({ error: 'hash_mismatch' });
    expect(EvidenceStatusSchema.parse(await (await get(`/v1/evidence/${evidence.manifestSha256}`, token)).json()).files[0]).toMatchObject({ received: 0, complete: false });
    const leftovers = (await sql.query<{ chunk_keys: string[] }>(`SELECT chunk_keys FROM evidence_files WHERE name = 'screenshot.png'`)).rows[0]!.chunk_keys;
    expect(leftovers).toEqual([]);

    // everything, properly
    const done = await uploadAll(send, evidence, token);
    expect(done.status).toBe(200);
    const status = EvidenceStatusSchema.parse(await done.json());
    expect(status.complete).toBe(true);
    expect(status.files.every((file) => file.complete && file.received === file.size)).toBe(true);

    // the countersignature verifies with the key published at /v1/keys
    const keys = HotlineKeysSchema.parse(await (await get('/v1/keys')).json()).keys;
    expect(keys).toHaveLength(1);
    const signed = SignedEvidenceReceiptSchema.parse(await (await get(`/v1/evidence/${evidence.manifestSha256}/receipt`, token)).json());
    const receiptBody = EvidenceReceiptSchema.parse(JSON.parse(signed.receipt));
    expect(receiptBody).toMatchObject({ manifestSha256: evidence.manifestSha256, trackingCode: receipt.trackingCode, receivedAt: receipt.receivedAt, keyId: keys[0]!.keyId });
    expect(await verifyDer(await importPublicJwk(keys[0]!.jwk), fromBase64(signed.signature), utf8(signed.receipt))).toBe(true);
    // signed once: asking again gives the same bytes
    expect(await (await get(`/v1/evidence/${evidence.manifestSha256}/receipt`, token)).json()).toEqual(signed);
    // a replay of the report now says complete
    expect(ReceiptSchema.parse(await (await submit(withEvidence(evidence), 'evidence-key-0001')).json()).evidence?.complete).toBe(true);

    // the bundle, for the reporter
    const bundleResponse = await get(`/v1/evidence/${evidence.manifestSha256}/bundle.zip`, token);
    expect(bundleResponse.status).toBe(200);
    expect(bundleResponse.headers.get('content-type')).toBe('application/zip');
    expect(bundleResponse.headers.get('content-disposition')).toBe(`attachment; filename="hotline389-evidence-${receipt.trackingCode}.zip"`);
    const zip = new Uint8Array(await bundleResponse.arrayBuffer());
    const verdict = await verifyBundle(zip, { trustedHotlineKeyIds: keys.map((key) => key.keyId), requireReceipt: true });
    expect(verdict).toMatchObject({ ok: true, summary: { listingKey: LISTING_KEY, manifestSha256: evidence.manifestSha256, receipt: { trackingCode: receipt.trackingCode } } });
    // one changed byte anywhere in a file fails verification
    const altered = zip.slice();
    altered[Math.floor(zip.length / 2)] = altered[Math.floor(zip.length / 2)]! ^ 0x01;
    expect((await verifyBundle(altered)).ok).toBe(false);
    // a key the hotline does not publish is not trusted
    expect((await verifyBundle(zip, { trustedHotlineKeyIds: ['0'.repeat(64)] })).ok).toBe(false);

    // the command-line verifier agrees, as a child process
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-verify-'));
    try {
      await writeFile(path.join(dir, 'bundle.zip'), zip);
      await writeFile(path.join(dir, 'altered.zip'), altered);
      await writeFile(path.join(dir, 'keys.json'), JSON.stringify({ keys }));
      const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'verify.ts'), ...args], { cwd: root, encoding: 'utf8' });
      const pass = run(path.join(dir, 'bundle.zip'), '--keys', path.join(dir, 'keys.json'), '--require-receipt');
      expect(pass.status, pass.stderr).toBe(0);
      expect(pass.stdout).toContain(receipt.trackingCode);
      expect(pass.stdout).toContain('screenshot.png');
      const failRun = run(path.join(dir, 'altered.zip'), '--keys', path.join(dir, 'keys.json'));
      expect(failRun.status).toBe(1);
      expect(failRun.stderr).toMatch(/INVALID/);
      expect(run().status).toBe(2);
      expect(run('--bogus', path.join(dir, 'bundle.zip')).status).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    // the back office: 401 without a session, 403 for an inspector of another organisation or an analyst, 200 for a triager
    const bundlePath = `/v1/evidence/${evidence.manifestSha256}/bundle.zip`;
    expect((await get(bundlePath)).status).toBe(401);
    expect((await get(bundlePath, 'not-a-token-at-all')).status).toBe(401);
    expect((await get(bundlePath, tokens.inspector)).status).toBe(403);
    expect((await get(bundlePath, tokens.analyst)).status).toBe(403);
    const triaged = await get(bundlePath, tokens.triager);
    expect(triaged.status).toBe(200);
    expect(Buffer.from(await triaged.arrayBuffer()).equals(zip)).toBe(true);
    // images inline and sandboxed; the captured page only as an attachment
    const image = await get(`/v1/evidence/${evidence.manifestSha256}/files/screenshot.png`, tokens.triager);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-security-policy')).toBe('sandbox');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await image.arrayBuffer()).equals(screenshot)).toBe(true);
    const page = await get(`/v1/evidence/${evidence.manifestSha256}/files/page.mhtml`, tokens.triager);
    expect(page.headers.get('content-type')).toBe('application/octet-stream');
    expect(page.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await get(`/v1/evidence/${evidence.manifestSha256}/files/screenshot.png`, tokens.inspector)).status).toBe(403);
    expect((await get(`/v1/evidence/${evidence.manifestSha256}/files/screenshot.png`, token)).status).toBe(401);
    // the inspector's organisation gets the case: now they may
    const { items } = CaseListSchema.parse(await (await get(`/v1/cases?q=${encodeURIComponent(LISTING_KEY)}`, tokens.triager)).json());
    const caseId = items[0]!.id;
    const inspectorOrg = (await sql.query<{ org_id: string }>(`SELECT org_id::text AS org_id FROM users WHERE email = 'inspector@hotline.test'`)).rows[0]!.org_id;
    const assign = await app.request(`/v1/cases/${caseId}`, { method: 'PATCH', headers: { authorization: `Bearer ${tokens.triager}`, 'content-type': 'application/json' }, body: JSON.stringify({ assignedOrg: inspectorOrg }) });
    expect(assign.status).toBe(200);
    expect((await get(bundlePath, tokens.inspector)).status).toBe(200);
    expect(hanoi.id).not.toBe(inspectorOrg);

    // chain of custody: every back-office download is in the audit log, with who, which case and what
    const custody = await sql.query<{ email: string; case_id: string; target_id: string; detail: { what: string; name?: string } }>(
      `SELECT u.email, a.case_id::text AS case_id, a.target_id, a.detail FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.action = 'evidence_downloaded' ORDER BY a.id`,
    );
    expect(custody.rows.map((row) => [row.email, row.case_id, row.target_id, row.detail.what, row.detail.name ?? ''])).toEqual([
      ['triager@hotline.test', caseId, evidence.manifestSha256, 'bundle', ''],
      ['triager@hotline.test', caseId, evidence.manifestSha256, 'file', 'screenshot.png'],
      ['triager@hotline.test', caseId, evidence.manifestSha256, 'file', 'page.mhtml'],
      ['inspector@hotline.test', caseId, evidence.manifestSha256, 'bundle', ''],
    ]);

    // the case page gets each report's evidence summary
    const detail = CaseDetailSchema.parse(await (await get(`/v1/cases/${caseId}`, tokens.triager)).json());
    expect(detail.reports[0]!.evidence).toMatchObject({ manifestSha256: evidence.manifestSha256, complete: true, countersigned: true });
    expect(detail.reports[0]!.evidence!.files.map((file) => file.name)).toEqual(['screenshot.png', 'page.mhtml', 'listing.json']);
  }, 60_000);

  it('refuses hostile input with clear errors and never a 500', async () => {
    const evidence = await makeEvidence(LISTING_KEY, { screenshotBytes: 3000 });

    // a signature that does not verify
    const forged = { ...evidence.claim, signature: (await makeEvidence(LISTING_KEY, { screenshotBytes: 3000, seed: 9 })).claim.signature };
    const badSignature = await submit({ ...withEvidence(evidence), evidence: forged });
    expect(badSignature.status).toBe(400);
    expect(await badSignature.json()).toMatchObject({ error: 'invalid_evidence', message: expect.stringContaining('signature does not verify') });
    // a manifest that is not JSON, and a signature that is not DER
    expect((await submit({ ...withEvidence(evidence), evidence: { manifest: 'not json', signature: evidence.claim.signature } })).status).toBe(400);
    expect((await submit({ ...withEvidence(evidence), evidence: { manifest: evidence.claim.manifest, signature: 'AAAAAAAAAAAA' } })).status).toBe(400);
    // a manifest for another listing
    const other = await submit(withEvidence(evidence, { listingKey: 'shopee.vn:34456910:999', url: 'https://shopee.vn/product/34456910/999', itemId: '999' }));
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ error: 'invalid_evidence', message: expect.stringContaining('another listing') });
    expect((await sql.query('SELECT count(*)::int AS n FROM reports')).rows).toEqual([{ n: 0 }]);

    const { token } = await report(evidence);
    const sha = evidence.manifestSha256;
    const bytes = evidence.files.get('screenshot.png')!;
    const put = (name: string, init: { token?: string; range?: string; body?: Uint8Array; type?: string }) =>
      app.request(`/v1/evidence/${sha}/files/${name}`, {
        method: 'PUT',
        headers: {
          ...(init.token === undefined ? { authorization: `Bearer ${token}` } : init.token ? { authorization: `Bearer ${init.token}` } : {}),
          'content-type': init.type ?? 'application/octet-stream',
          ...(init.range ? { 'content-range': init.range } : {}),
        },
        body: (init.body ?? bytes.subarray(0, 100)) as Uint8Array<ArrayBuffer>,
      });

    // wrong or missing token, a token for other evidence
    expect((await put('screenshot.png', { token: '', range: 'bytes 0-99/3000' })).status).toBe(401);
    expect((await put('screenshot.png', { token: 'A'.repeat(43), range: 'bytes 0-99/3000' })).status).toBe(401);
    expect((await get(`/v1/evidence/${sha}`, 'A'.repeat(43))).status).toBe(401);
    expect((await get(`/v1/evidence/${'0'.repeat(64)}`, token)).status).toBe(401);
    // names: traversal, unknown, reserved
    for (const name of ['..%2F..%2Fetc%2Fpasswd', '..', '%2E%2E', 'SCREENSHOT.PNG', 'manifest.json', 'missing.png', 'a%00.png']) {
      const response = await put(name, { range: 'bytes 0-99/3000' });
      expect(response.status, name).toBe(404);
    }
    // malformed, inconsistent or oversize ranges
    expect((await put('screenshot.png', {})).status).toBe(400);
    expect((await put('screenshot.png', { range: 'bytes 0-99/2999' })).status).toBe(400);
    expect((await put('screenshot.png', { range: 'bytes 0-199/3000' })).status).toBe(400);
    expect((await put('screenshot.png', { range: 'bytes 99-0/3000' })).status).toBe(400);
    expect((await put('screenshot.png', { range: 'bytes 2950-3049/3000' })).status).toBe(400);
    expect((await put('screenshot.png', { range: 'bytes -1-99/3000' })).status).toBe(400);
    expect((await put('screenshot.png', { range: 'bytes 0-99/3000', type: 'text/plain' })).status).toBe(415);
    const oversize = await put('screenshot.png', { range: `bytes 0-${EVIDENCE_LIMITS.chunkBytes}/3000`, body: new Uint8Array(EVIDENCE_LIMITS.chunkBytes + 1) });
    expect(oversize.status).toBe(413);
    // a malformed manifest hash is not found
    expect((await get('/v1/evidence/not-a-hash', token)).status).toBe(404);
    expect((await get(`/v1/evidence/${'f'.repeat(64)}/bundle.zip`, tokens.triager)).status).toBe(404);
    // nothing was accepted by any of that
    expect(EvidenceStatusSchema.parse(await (await get(`/v1/evidence/${sha}`, token)).json()).files.every((file) => file.received === 0)).toBe(true);

    // random headers, names and bodies against every evidence route: never a 5xx
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('PUT', 'GET'),
        fc.oneof(fc.constant('screenshot.png'), fc.constant('page.mhtml'), fc.string({ maxLength: 60 }).map(encodeURIComponent)),
        fc.oneof(fc.constant(sha), fc.string({ maxLength: 70 }).map(encodeURIComponent)),
        fc.oneof(fc.constant(`bytes 0-9/3000`), fc.constant('bytes */3000'), fc.string({ maxLength: 40 }).map((text) => text.replace(/[^\x20-\x7e]/g, ''))),
        fc.oneof(fc.constant(token), fc.constant(tokens.triager), fc.string({ maxLength: 50 }).map((text) => text.replace(/[^\x21-\x7e]/g, 'x'))),
        fc.uint8Array({ maxLength: 64 }),
        fc.constantFrom('files/', '', 'receipt', 'bundle.zip'),
        async (method, name, hash, range, bearer, body, tail) => {
          const where = tail === 'files/' ? `files/${name}` : tail;
          const response = await app.request(`/v1/evidence/${hash}${where ? `/${where}` : ''}`, {
            method,
            headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/octet-stream', 'content-range': range },
            body: method === 'PUT' && body.length ? (body as Uint8Array<ArrayBuffer>) : undefined,
          });
          await response.arrayBuffer();
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 300, seed: 389 },
    );

  }, 30_000);

  it('completes a zero-size file with bytes */0 and stores the same manifest once for two reports', async () => {
    const evidence = await makeEvidence(LISTING_KEY, { screenshotBytes: 500, extraFiles: [{ name: 'responses.json', role: 'responses', mediaType: 'application/json', bytes: new Uint8Array(0) }] });
    const first = await report(evidence);
    const second = await report(evidence);
    expect(second.token).toBe(first.token);
    expect(second.receipt.trackingCode).not.toBe(first.receipt.trackingCode);
    expect((await sql.query('SELECT count(*)::int AS n FROM evidence')).rows).toEqual([{ n: 1 }]);
    expect((await sql.query('SELECT count(*)::int AS n FROM reports WHERE evidence_sha256 IS NOT NULL')).rows).toEqual([{ n: 2 }]);
    const empty = await putChunk(send, evidence, first.token, 'responses.json', new Uint8Array(0), 0, 0);
    expect(empty.status).toBe(200);
    expect(EvidenceStatusSchema.parse(await empty.json()).files.find((file) => file.name === 'responses.json')).toMatchObject({ complete: true, size: 0 });
    expect((await uploadAll(send, evidence, first.token)).status).toBe(200);
    // the receipt names the first report
    const signed = SignedEvidenceReceiptSchema.parse(await (await get(`/v1/evidence/${evidence.manifestSha256}/receipt`, first.token)).json());
    expect(JSON.parse(signed.receipt)).toMatchObject({ trackingCode: first.receipt.trackingCode });
    const verdict = await verifyBundle(new Uint8Array(await (await get(`/v1/evidence/${evidence.manifestSha256}/bundle.zip`, first.token)).arrayBuffer()), { requireReceipt: true });
    expect(verdict.ok).toBe(true);
  }, 30_000);

  it('resumes on another server instance exactly where the database says (progress is not in the process)', async () => {
    const evidence = await makeEvidence(LISTING_KEY, { screenshotBytes: 1.5 * 1024 * 1024 });
    const { token } = await report(evidence);
    const screenshot = evidence.files.get('screenshot.png')!;
    expect((await putChunk(send, evidence, token, 'screenshot.png', screenshot.subarray(0, EVIDENCE_LIMITS.chunkBytes), 0, screenshot.length)).status).toBe(200);
    // "restart": a new service and app over the same database, storage and secret
    const restarted = createEvidenceService({ sql, storage: createFilesystemStorage(folder), signer: service.signer, tokens: createUploadTokens(new Uint8Array(32).fill(9)) });
    const { app: second } = await buildTestApp(sql, { clock, bodyLimitBytes: 256 * 1024, overrides: { evidence: restarted } });
    const status = EvidenceStatusSchema.parse(await (await second.request(`/v1/evidence/${evidence.manifestSha256}`, { headers: { authorization: `Bearer ${token}` } })).json());
    expect(status.files[0]!.received).toBe(EVIDENCE_LIMITS.chunkBytes);
    const rest = await putChunk((p, init) => second.request(p, init), evidence, token, 'screenshot.png', screenshot.subarray(EVIDENCE_LIMITS.chunkBytes), EVIDENCE_LIMITS.chunkBytes, screenshot.length);
    expect(rest.status).toBe(200);
    expect(EvidenceStatusSchema.parse(await rest.json()).files[0]!.complete).toBe(true);
    expect((await uploadAll((p, init) => second.request(p, init), evidence, token)).status).toBe(200);
    const zip = new Uint8Array(await (await second.request(`/v1/evidence/${evidence.manifestSha256}/bundle.zip`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    expect((await verifyBundle(zip, { requireReceipt: true })).ok).toBe(true);
  }, 30_000);

  it('keeps a rotated key published', async () => {
    const before = HotlineKeysSchema.parse(await (await get('/v1/keys')).json()).keys;
    const rotated = createEvidenceService({ sql, storage: createFilesystemStorage(folder), signer: (await generateSigner()).signer, tokens: createUploadTokens(new Uint8Array(32).fill(9)), now: () => new Date('2027-01-01T00:00:00Z') });
    await rotated.publishKey();
    const after = HotlineKeysSchema.parse(await (await get('/v1/keys')).json()).keys;
    expect(after.map((key) => key.keyId)).toEqual([rotated.signer.keyId, ...before.map((key) => key.keyId)]);
  });
});
