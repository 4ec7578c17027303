// The S3 storage against a real S3-compatible server (s3rver, a devDependency) behind a proxy that checks every
// request's AWS Signature V4 exactly as S3 does (s3rver itself does not check V4 signatures), then the whole
// protocol over the app with the bucket as the evidence store.
import { createHash, createHmac } from 'node:crypto';
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
import { createS3Storage, StorageMissingError } from '../src/evidence/storage.ts';
import { EXAMPLE_REPORT } from '../src/openapi.ts';
import { makeEvidence, uploadAll } from './evidence-helpers.ts';
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

describe('evidence in an S3-compatible bucket (s3rver behind a SigV4-checking proxy)', () => {
  let s3: S3rver;
  let proxy: Server;
  let endpoint: string;
  let folder: string;
  let sql: Sql;
  const refused: string[] = [];

  beforeAll(async () => {
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
  });

  const storage = (secretAccessKey = SECRET) => createS3Storage({ endpoint, bucket: 'evidence', region: REGION, accessKeyId: ACCESS_KEY, secretAccessKey });
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
});
