// The S3 storage against a real S3-compatible server (s3rver, a devDependency) behind a proxy that checks every
// request's AWS Signature V4 exactly as S3 does (s3rver itself does not check V4 signatures), then the whole
// protocol over the app with the bucket as the evidence store.
import { createHash, createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../contract/evidence-bundle.ts';
import { ReceiptSchema } from '../../contract/index.ts';
import { migrate, openEmbeddedDatabase, type Sql } from '../src/db.ts';
import { createUploadTokens, generateSigner } from '../src/evidence/keys.ts';
import { createEvidenceService } from '../src/evidence/service.ts';
import { chunkKey, createS3Storage, fileKey, StorageMissingError, type EvidenceStorage } from '../src/evidence/storage.ts';
import { sweepEvidence } from '../src/evidence/sweep.ts';
import { EXAMPLE_REPORT } from '../src/openapi.ts';
import { makeEvidence, putChunk, uploadAll } from './evidence-helpers.ts';
import { buildTestApp } from './test-app.ts';

const ACCESS_KEY = 'S3RVER';
const SECRET = 'S3RVER';
const REGION = 'ap-southeast-1';

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** AWS Signature V4 as S3 checks it: canonical request, string to sign, the derived key; null when it holds. */
function sigV4Failure(request: IncomingMessage, body: Buffer, secret: string): string | null {
  const auth = request.headers.authorization ?? '';
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  if (!match) return 'no V4 Authorization header';
  const [, accessKey, day, region, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string];
  if (accessKey !== ACCESS_KEY) return 'unknown access key';
  if (region !== REGION) return 'wrong region';
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(day)) return 'x-amz-date does not match the credential scope';
  const payloadHash = String(request.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256(body)) return 'x-amz-content-sha256 is not the body’s hash';
  const signed = signedHeaders.split(';');
  if (!signed.includes('host') || !signed.includes('x-amz-date')) return 'host and x-amz-date must be signed';
  const url = new URL(request.url ?? '/', 'http://placeholder');
  const query = [...url.searchParams]
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)])
    .sort(([a], [b]) => (a! < b! ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headers = signed.map((name) => `${name}:${String(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonical = [request.method, url.pathname, query, headers, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), 's3'), 'aws4_request');
  return hmac(key, toSign).toString('hex') === signature ? null : 'signature does not match';
}

/**
 * s3rver makes ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 (Node ≥ 17) no longer offers: a
 * truncated listing answers 500. Single-DES-CBC is triple DES with the key thrice, which OpenSSL 3 has; this maps one
 * to the other for s3rver's sake (it calls the shared `crypto` module). The server's code never uses DES.
 */
function letS3rverPaginate(): () => void {
  const crypto = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const { createCipheriv, createDecipheriv } = crypto;
  const single = (algorithm: string, key: Buffer) => algorithm === 'des' && Buffer.isBuffer(key) && key.length === 8;
  crypto.createCipheriv = ((algorithm: string, key: Buffer, iv: Buffer) =>
    single(algorithm, key) ? createCipheriv('des-ede3-cbc', Buffer.concat([key, key, key]), iv) : createCipheriv(algorithm, key, iv)) as typeof createCipheriv;
  crypto.createDecipheriv = ((algorithm: string, key: Buffer, iv: Buffer) =>
    single(algorithm, key) ? createDecipheriv('des-ede3-cbc', Buffer.concat([key, key, key]), iv) : createDecipheriv(algorithm, key, iv)) as typeof createDecipheriv;
  return () => {
    crypto.createCipheriv = createCipheriv;
    crypto.createDecipheriv = createDecipheriv;
  };
}

describe('evidence in an S3-compatible bucket (s3rver behind a SigV4-checking proxy)', () => {
  let s3: S3rver;
  let proxy: Server;
  let endpoint: string;
  let folder: string;
  let sql: Sql;
  const refused: string[] = [];
  let restoreCrypto: () => void;

  beforeAll(async () => {
    restoreCrypto = letS3rverPaginate();
    folder = await mkdtemp(path.join(os.tmpdir(), 'hotline-s3-'));
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: folder, configureBuckets: [{ name: 'evidence', configs: [] }] });
    const { port: s3Port } = (await s3.run()) as AddressInfo;
    proxy = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const body = Buffer.concat(chunks);
        const failure = sigV4Failure(request, body, SECRET);
        if (failure) {
          refused.push(failure);
          response.writeHead(403, { 'content-type': 'application/xml' }).end(`<Error><Code>SignatureDoesNotMatch</Code><Message>${failure}</Message></Error>`);
          return;
        }
        const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'host' && name !== 'connection') as [string, string][]);
        const upstream = await fetch(`http://127.0.0.1:${s3Port}${request.url}`, { method: request.method, headers, body: body.length ? body : undefined });
        response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' }).end(Buffer.from(await upstream.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    sql = await openEmbeddedDatabase(undefined);
    await migrate(sql);
  });
  afterAll(async () => {
    await sql.close();
    await new Promise((resolve) => proxy.close(resolve));
    await s3.close();
    await rm(folder, { recursive: true, force: true });
    restoreCrypto();
  });

  const storage = (secretAccessKey = SECRET, listPageSize?: number) =>
    createS3Storage({ endpoint, bucket: 'evidence', region: REGION, accessKeyId: ACCESS_KEY, secretAccessKey, ...(listPageSize && { listPageSize }) });
  const listed = async (store: EvidenceStorage, prefix = '') => {
    const keys: string[] = [];
    for await (const page of store.list(prefix)) keys.push(...page.map((object) => object.key));
    return keys.sort();
  };
  const key = `${'a'.repeat(64)}/screenshot.png`;

  it('puts, gets and deletes signed objects, and fails clearly with a wrong secret', async () => {
    const bytes = new Uint8Array([1, 2, 3, 0, 255]);
    await storage().put(key, bytes);
    expect(await storage().get(key)).toEqual(bytes);
    await storage().delete([key]);
    await expect(storage().get(key)).rejects.toBeInstanceOf(StorageMissingError);
    await storage().delete([key]); // deleting what is gone is no error
    refused.length = 0;
    await expect(storage('wrong-secret').put(key, bytes)).rejects.toThrow(/S3 PUT .* answered 403/);
    expect(refused).toEqual(['signature does not match']);
    await expect(storage().get('../../etc/passwd')).rejects.toThrow(/invalid evidence storage key/);
  });

  it('runs the whole protocol with the bucket as the evidence store', async () => {
    const service = createEvidenceService({ sql, storage: storage(), signer: (await generateSigner()).signer, tokens: createUploadTokens(new Uint8Array(32).fill(3)) });
    await service.publishKey();
    const { app } = await buildTestApp(sql, { bodyLimitBytes: 256 * 1024, overrides: { evidence: service } });
    const evidence = await makeEvidence(EXAMPLE_REPORT.listing.listingKey, { screenshotBytes: 1.5 * 1024 * 1024 });
    const response = await app.request('/v1/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...EXAMPLE_REPORT, evidence: evidence.claim }) });
    expect(response.status).toBe(201);
    const token = ReceiptSchema.parse(await response.json()).evidence!.uploadToken;
    refused.length = 0;
    expect((await uploadAll((p, init) => app.request(p, init), evidence, token)).status).toBe(200);
    const zip = new Uint8Array(await (await app.request(`/v1/evidence/${evidence.manifestSha256}/bundle.zip`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    expect(await verifyBundle(zip, { requireReceipt: true, trustedHotlineKeyIds: [service.signer.keyId] })).toMatchObject({ ok: true });
    expect(refused).toEqual([]);
  }, 30_000);

  it('lists objects by prefix with ListObjectsV2, following continuation tokens, with signed requests', async () => {
    const one = 'c'.repeat(64);
    const two = 'e'.repeat(64);
    const keys = [fileKey(one, 'screenshot.png'), fileKey(one, 'listing.json'), chunkKey(one, 'page.mhtml', 0), chunkKey(one, 'page.mhtml', 10), fileKey(two, 'listing.json')];
    for (const key of keys) await storage().put(key, new Uint8Array([7]));
    refused.length = 0;
    const before = Date.now();
    expect(await listed(storage(SECRET, 2), one)).toEqual(keys.slice(0, 4).sort());
    expect(await listed(storage(SECRET, 2), `${one}/page`)).toEqual(keys.slice(2, 4).sort());
    expect(await listed(storage(), two)).toEqual([keys[4]]);
    for await (const page of storage(SECRET, 2).list(one)) {
      expect(page.length).toBeLessThanOrEqual(2);
      for (const object of page) expect(Math.abs(object.lastModified.getTime() - before)).toBeLessThan(120_000);
    }
    expect(refused).toEqual([]);
    await expect(listed(storage('wrong-secret'), one)).rejects.toThrow(/S3 LIST .* answered 403/);
    await expect(listed(storage(), '../')).rejects.toThrow(/invalid evidence storage prefix/);
    await storage().delete(keys);
    expect(await listed(storage(), one)).toEqual([]);
  });

  it('sweeps the bucket: abandons an upload left incomplete, deletes its objects and leftover chunks, keeps complete evidence', async () => {
    const clock = { now: new Date('2026-12-01T02:00:00Z') };
    const bucket = storage(SECRET, 3);
    const service = createEvidenceService({ sql, storage: bucket, signer: (await generateSigner()).signer, tokens: createUploadTokens(new Uint8Array(32).fill(4)), now: () => new Date(clock.now) });
    await service.publishKey();
    const { app } = await buildTestApp(sql, { clock, bodyLimitBytes: 256 * 1024, overrides: { evidence: service } });
    const send = (p: string, init: RequestInit) => app.request(p, init);
    const file = async (itemId: string, seed: number) => {
      const listing = { ...EXAMPLE_REPORT.listing, itemId, listingKey: `shopee.vn:34456910:${itemId}`, url: `https://shopee.vn/product/34456910/${itemId}` };
      const evidence = await makeEvidence(listing.listingKey, { screenshotBytes: 1.2 * 1024 * 1024, seed });
      const response = await send('/v1/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...EXAMPLE_REPORT, listing, evidence: evidence.claim }) });
      expect(response.status).toBe(201);
      return { evidence, token: ReceiptSchema.parse(await response.json()).evidence!.uploadToken };
    };
    const partial = await file('901', 21);
    const shot = partial.evidence.files.get('screenshot.png')!;
    expect((await putChunk(send, partial.evidence, partial.token, 'screenshot.png', shot.subarray(0, 1024 * 1024), 0, shot.length)).status).toBe(200);
    const whole = await file('902', 22);
    expect((await uploadAll(send, whole.evidence, whole.token)).status).toBe(200);
    const leftover = chunkKey(whole.evidence.manifestSha256, 'screenshot.png', 0);
    await bucket.put(leftover, new Uint8Array([1]));
    expect(await listed(bucket, partial.evidence.manifestSha256)).toHaveLength(1);

    refused.length = 0;
    const result = await sweepEvidence({ sql, storage: bucket }, { incompleteDays: 30, now: new Date(clock.now.getTime() + 31 * 86_400_000) });
    expect(result.abandoned).toEqual([partial.evidence.manifestSha256]);
    expect(result.deletedObjects).toBe(2);
    expect(await listed(bucket, partial.evidence.manifestSha256)).toEqual([]);
    expect(await listed(bucket, whole.evidence.manifestSha256)).toEqual(whole.evidence.manifest.files.map((entry) => fileKey(whole.evidence.manifestSha256, entry.name)).sort());
    expect(refused).toEqual([]);
    expect((await send(`/v1/evidence/${partial.evidence.manifestSha256}`, { headers: { authorization: `Bearer ${partial.token}` } })).status).toBe(410);
    const zip = new Uint8Array(await (await send(`/v1/evidence/${whole.evidence.manifestSha256}/bundle.zip`, { headers: { authorization: `Bearer ${whole.token}` } })).arrayBuffer());
    expect((await verifyBundle(zip, { requireReceipt: true })).ok).toBe(true);
  }, 30_000);
});
