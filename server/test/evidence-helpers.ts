// An extension-like evidence signer for the server tests: a per-install P-256 key, a manifest over real bytes, a
// DER signature over the manifest's exact text; and an uploader that speaks the chunk protocol.
import {
  describePublicKey,
  ECDSA_P256,
  EVIDENCE_FORMAT,
  EVIDENCE_LIMITS,
  serialiseManifest,
  sha256Hex,
  signDer,
  toBase64,
  utf8,
  type EvidenceClaim,
  type EvidenceFile,
  type EvidenceManifest,
} from '../../contract/evidence.ts';

export interface TestEvidence {
  claim: EvidenceClaim;
  manifest: EvidenceManifest;
  manifestSha256: string;
  files: Map<string, Uint8Array>;
}

export function pseudoRandomBytes(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

export async function makeEvidence(
  listingKey: string,
  options: { screenshotBytes?: number; seed?: number; key?: { publicKey: CryptoKey; privateKey: CryptoKey }; extraFiles?: { name: string; role: EvidenceFile['role']; mediaType: EvidenceFile['mediaType']; bytes: Uint8Array }[] } = {},
): Promise<TestEvidence> {
  const key = options.key ?? (await crypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify']));
  const reporter = await describePublicKey(key.publicKey);
  const entries: { name: string; role: EvidenceFile['role']; mediaType: EvidenceFile['mediaType']; bytes: Uint8Array }[] = [
    { name: 'screenshot.png', role: 'screenshot', mediaType: 'image/png', bytes: pseudoRandomBytes(options.screenshotBytes ?? 2.5 * 1024 * 1024, options.seed ?? 7) },
    { name: 'page.mhtml', role: 'archive', mediaType: 'multipart/related', bytes: utf8('MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n<html><script>alert(1)</script></html>') },
    { name: 'listing.json', role: 'listing', mediaType: 'application/json', bytes: utf8(JSON.stringify({ listingKey, title: 'Giày thể thao' })) },
    ...(options.extraFiles ?? []),
  ];
  const files = new Map(entries.map((entry) => [entry.name, entry.bytes]));
  const manifest: EvidenceManifest = {
    format: EVIDENCE_FORMAT,
    listingKey,
    url: 'https://shopee.vn/product/34456910/15791396126',
    capturedAt: '2026-12-01T01:59:00.000Z',
    capture: { browser: 'Chromium 156', extension: { name: 'hotline389-extension', version: '0.1.0' }, methods: ['captureVisibleTab', 'pageCapture'], masked: 2 },
    reporterKey: { keyId: reporter.keyId, jwk: reporter.jwk },
    files: await Promise.all(entries.map(async (entry) => ({ name: entry.name, role: entry.role, mediaType: entry.mediaType, size: entry.bytes.length, sha256: await sha256Hex(entry.bytes) }))),
  };
  const text = serialiseManifest(manifest);
  return { claim: { manifest: text, signature: toBase64(await signDer(key.privateKey, utf8(text))) }, manifest, manifestSha256: await sha256Hex(text), files };
}

/** Sends one chunk; `send` is app.request or fetch against a base URL. */
export function putChunk(
  send: (path: string, init: RequestInit) => Promise<Response> | Response,
  evidence: { manifestSha256: string },
  token: string,
  name: string,
  bytes: Uint8Array,
  start: number,
  size: number,
) {
  return send(`/v1/evidence/${evidence.manifestSha256}/files/${name}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
      'content-range': bytes.length === 0 ? `bytes */${size}` : `bytes ${start}-${start + bytes.length - 1}/${size}`,
    },
    body: bytes.length === 0 ? undefined : (bytes as Uint8Array<ArrayBuffer>),
  });
}

/** Uploads every file from where the server says it stands, chunk by chunk; answers the last response. */
export async function uploadAll(send: (path: string, init: RequestInit) => Promise<Response> | Response, evidence: TestEvidence, token: string): Promise<Response> {
  let last = await send(`/v1/evidence/${evidence.manifestSha256}`, { headers: { authorization: `Bearer ${token}` } });
  if (last.status !== 200) return last;
  const progress = ((await last.clone().json()) as { files: { name: string; received: number; complete: boolean }[] }).files;
  for (const file of evidence.manifest.files) {
    const bytes = evidence.files.get(file.name)!;
    const stands = progress.find((entry) => entry.name === file.name);
    if (stands?.complete) continue;
    if (bytes.length === 0) {
      last = await putChunk(send, evidence, token, file.name, bytes, 0, 0);
      continue;
    }
    for (let start = stands?.received ?? 0; start < bytes.length; start += EVIDENCE_LIMITS.chunkBytes) {
      last = await putChunk(send, evidence, token, file.name, bytes.subarray(start, start + EVIDENCE_LIMITS.chunkBytes), start, bytes.length);
      if (last.status !== 200) return last;
    }
  }
  return last;
}
