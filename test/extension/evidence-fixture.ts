import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  describePublicKey,
  ECDSA_P256,
  EVIDENCE_FORMAT,
  serialiseManifest,
  sha256Hex,
  signDer,
  toBase64,
  utf8,
  type EvidenceManifest,
  type EvidenceStatus,
} from '../../contract/evidence';
import type { Report } from '../../contract/index';
import type { CapturedEvidence } from '../../utils/evidence/types';

/** Evidence as the capture would hand it to the outbox: real files, a manifest signed with a fresh P-256 key. */
export async function signedEvidence(report: Report, files: { name: string; bytes: Uint8Array }[]): Promise<CapturedEvidence> {
  const keys = await crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
  const described = await describePublicKey(keys.publicKey);
  const manifest: EvidenceManifest = {
    format: EVIDENCE_FORMAT,
    listingKey: report.listing.listingKey,
    url: report.listing.url,
    capturedAt: report.capturedAt,
    capture: { browser: 'Chromium 130', extension: { name: 'hotline389-extension', version: '0.1.0' }, methods: ['test'], masked: 0 },
    reporterKey: { keyId: described.keyId, jwk: described.jwk },
    files: await Promise.all(
      files.map(async (file) => ({
        name: file.name,
        role: file.name.endsWith('.png') ? ('screenshot' as const) : ('listing' as const),
        mediaType: file.name.endsWith('.png') ? ('image/png' as const) : ('application/json' as const),
        size: file.bytes.length,
        sha256: await sha256Hex(file.bytes),
      })),
    ),
  };
  const text = serialiseManifest(manifest);
  return { manifest, claim: { manifest: text, signature: toBase64(await signDer(keys.privateKey, utf8(text))) }, files };
}

export const randomFile = (name: string, size: number) => ({ name, bytes: new Uint8Array(randomBytes(size)) });

interface FakeFile {
  name: string;
  size: number;
  sha256: string;
  chunks: Buffer[];
  received: number;
  complete: boolean;
}

/**
 * An in-test hotline speaking exactly the evidence protocol of the brief (POST /v1/reports with an upload ticket,
 * GET status, offset-checked PUT of chunks, 409 offset_mismatch, 422 hash_mismatch, GET receipt). It counts the
 * reports it stored and the evidence bytes it was sent.
 */
export async function startFakeHotline() {
  const reports = new Map<string, { receipt: Record<string, unknown> }>();
  const evidence = new Map<string, { token: string; files: FakeFile[]; trackingCode: string }>();
  const stats = { reports: 0, bytesReceived: 0, puts: 0, reportsByKey: new Map<string, number>() };

  const status = (sha: string): EvidenceStatus => {
    const files = evidence.get(sha)!.files;
    return { manifestSha256: sha, files: files.map(({ name, size, received, complete }) => ({ name, size, received, complete })), complete: files.every((f) => f.complete) };
  };
  const body = async (request: IncomingMessage) => {
    const parts: Buffer[] = [];
    for await (const part of request) parts.push(part as Buffer);
    return Buffer.concat(parts);
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const send = (code: number, json: unknown) => {
        response.writeHead(code, { 'content-type': 'application/json' });
        response.end(JSON.stringify(json));
      };
      const url = new URL(request.url ?? '/', 'http://x');
      const data = await body(request);
      if (request.method === 'POST' && url.pathname === '/v1/reports') {
        const key = String(request.headers['idempotency-key']);
        const existing = reports.get(key);
        if (existing) return send(200, existing.receipt);
        const report = JSON.parse(data.toString('utf8')) as Report;
        stats.reports += 1;
        stats.reportsByKey.set(key, (stats.reportsByKey.get(key) ?? 0) + 1);
        const trackingCode = 'ABCD-EFGH-' + String(stats.reports).padStart(4, '0');
        const receipt: Record<string, unknown> = { reportId: randomUUID(), trackingCode, receivedAt: new Date().toISOString() };
        if (report.evidence) {
          const sha = createHash('sha256').update(report.evidence.manifest, 'utf8').digest('hex');
          const manifest = JSON.parse(report.evidence.manifest) as EvidenceManifest;
          if (!evidence.has(sha)) {
            evidence.set(sha, {
              token: randomBytes(24).toString('base64url'),
              trackingCode,
              files: manifest.files.map((f) => ({ name: f.name, size: f.size, sha256: f.sha256, chunks: [], received: 0, complete: false })),
            });
          }
          receipt.evidence = { manifestSha256: sha, uploadToken: evidence.get(sha)!.token, complete: status(sha).complete };
        }
        reports.set(key, { receipt });
        return send(201, receipt);
      }
      const match = /^\/v1\/evidence\/([0-9a-f]{64})(?:\/files\/([^/]+)|\/(receipt))?$/.exec(url.pathname);
      const item = match && evidence.get(match[1]!);
      if (!match || !item) return send(404, { error: 'not_found', message: 'no such evidence' });
      if (request.headers.authorization !== `Bearer ${item.token}`) return send(401, { error: 'unauthorized', message: 'bad upload token' });
      const sha = match[1]!;
      if (request.method === 'GET' && match[3]) {
        if (!status(sha).complete) return send(409, { error: 'incomplete', message: 'not yet' });
        return send(200, { receipt: JSON.stringify({ manifestSha256: sha, trackingCode: item.trackingCode }), signature: 'c2lnbmF0dXJlLWZha2U=', keyId: 'a'.repeat(64) });
      }
      if (request.method === 'GET') return send(200, status(sha));
      if (request.method !== 'PUT' || !match[2]) return send(405, { error: 'method', message: '' });
      stats.puts += 1;
      stats.bytesReceived += data.length;
      const file = item.files.find((f) => f.name === decodeURIComponent(match[2]!));
      if (!file) return send(404, { error: 'not_found', message: 'no such file' });
      const range = /^bytes (?:(\d+)-(\d+)|\*)\/(\d+)$/.exec(String(request.headers['content-range']));
      if (!range || Number(range[3]) !== file.size) return send(400, { error: 'invalid_content_range', message: String(request.headers['content-range']) });
      if (range[1] === undefined) {
        if (!file.complete && file.received !== file.size) return send(409, { error: 'offset_mismatch', message: '', received: file.received });
      } else {
        const start = Number(range[1]);
        if (file.complete || start !== file.received) return send(409, { error: 'offset_mismatch', message: '', received: file.complete ? file.size : file.received });
        if (Number(range[2]) - start + 1 !== data.length) return send(400, { error: 'invalid_content_range', message: 'length' });
        file.chunks.push(data);
        file.received += data.length;
      }
      if (file.received === file.size && !file.complete) {
        const whole = Buffer.concat(file.chunks);
        if (createHash('sha256').update(whole).digest('hex') !== file.sha256) {
          file.chunks = [];
          file.received = 0;
          return send(422, { error: 'hash_mismatch', message: `${file.name}: not the manifest's SHA-256`, received: 0 });
        }
        file.complete = true;
      }
      return send(200, status(sha));
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    evidence,
    /** moves the server's offset of a file (another upload, a restarted server): the client must follow it */
    setReceived(sha: string, name: string, received: number) {
      const file = evidence.get(sha)!.files.find((f) => f.name === name)!;
      const whole = Buffer.concat(file.chunks).subarray(0, received);
      file.chunks = [whole];
      file.received = received;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type FakeHotline = Awaited<ReturnType<typeof startFakeHotline>>;
