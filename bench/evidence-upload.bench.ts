// Evidence in numbers, with baselines measured in the same run:
// 1. hashing and signing a 5 MB bundle with WebCrypto (the API the service worker uses): every file's SHA-256, the
//    manifest and its ECDSA P-256 signature, against copying the same 5 MB. Target ≤ 100 ms.
// 2. a report with 5 MB of evidence through the extension's own outbox to a real hotline over HTTP (report, status,
//    1 MiB chunks, hash check, countersigned receipt), against the same report without evidence.
import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { ECDSA_P256, describePublicKey, utf8 } from '../contract/evidence';
import { ReportSchema, type Report } from '../contract/index';
import { EXAMPLE_REPORT } from '../server/src/openapi';
import { startServer } from '../server/src/server';
import { buildCapturedEvidence } from '../utils/evidence/manifest';
import type { CapturedEvidence } from '../utils/evidence/types';
import { createIdbOutboxStore, openHotlineDb } from '../utils/outbox/idb-store';
import { createOutbox } from '../utils/outbox/outbox';

const MB = 1024 * 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const files = [
  { name: 'screenshot.png', role: 'screenshot', mediaType: 'image/png', bytes: new Uint8Array(randomBytes(4 * MB)) },
  { name: 'page.mhtml', role: 'archive', mediaType: 'multipart/related', bytes: new Uint8Array(randomBytes(MB - 20_000)) },
  { name: 'listing.json', role: 'listing', mediaType: 'application/json', bytes: utf8(JSON.stringify(ReportSchema.parse(EXAMPLE_REPORT).listing)) },
] as const;
const totalBytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
const keys = await crypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify']);
const reporterKey = { ...keys, ...(await describePublicKey(keys.publicKey)) };

/** What the extension does once the files are captured (its own code): hash each, write the manifest, sign it. */
const hashAndSign = (report: Report): Promise<CapturedEvidence> =>
  buildCapturedEvidence(
    { listingKey: report.listing.listingKey, url: report.listing.url, capturedAt: report.capturedAt, capture: { browser: 'bench', extension: { name: 'hotline389-extension', version: '0.1.0' }, methods: ['bench'], masked: 0 } },
    files,
    reporterKey,
  );

let counter = 0;
function freshReport(): Report {
  counter += 1;
  const base = ReportSchema.parse(EXAMPLE_REPORT);
  return { ...base, capturedAt: new Date().toISOString(), listing: { ...base.listing, listingKey: `${base.listing.listingKey}-bench${counter}` } };
}

// 1. hashing and signing
const copyTimes: number[] = [];
const signTimes: number[] = [];
for (let round = -2; round < 10; round++) {
  let t0 = performance.now();
  for (const file of files) file.bytes.slice();
  const copy = performance.now() - t0;
  t0 = performance.now();
  await hashAndSign(freshReport());
  const sign = performance.now() - t0;
  if (round >= 0) {
    copyTimes.push(copy);
    signTimes.push(sign);
  }
}
const signMs = median(signTimes);
console.table([
  { measure: `copy ${(totalBytes / MB).toFixed(1)} MB (baseline)`, 'median ms': median(copyTimes).toFixed(1) },
  { measure: 'SHA-256 of every file + manifest + ECDSA P-256 signature', 'median ms': signMs.toFixed(1) },
]);
console.log(`hash and sign ${(totalBytes / MB).toFixed(1)} MB: ${signMs.toFixed(1)} ms, ${(signMs / median(copyTimes)).toFixed(1)}× a copy (target ≤ 100 ms: ${signMs <= 100 ? 'met' : 'NOT met'})`);

// 2. through the outbox to a real hotline
const server = await startServer({ PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: '', HOTLINE_BODY_LIMIT: 1024 * 1024, HOTLINE_RATE_PER_MINUTE: 10_000, HOTLINE_UPLOAD_RATE_PER_MINUTE: 100_000 }, { inMemory: true });
try {
  const outbox = createOutbox({ store: createIdbOutboxStore(openHotlineDb('bench-evidence')), apiBaseUrl: async () => server.url });
  const plain: number[] = [];
  const withEvidence: number[] = [];
  for (let round = -1; round < 6; round++) {
    let t0 = performance.now();
    const sent = await outbox.submit(freshReport());
    if (sent.state !== 'sent') throw new Error(`plain report not sent: ${JSON.stringify(sent.lastError)}`);
    const plainMs = performance.now() - t0;
    const report = freshReport();
    const evidence = await hashAndSign(report);
    t0 = performance.now();
    const entry = await outbox.submit({ ...report, evidence: evidence.claim }, evidence);
    let current = entry;
    for (let pass = 0; pass < 20 && current.evidence?.state !== 'complete'; pass++) {
      await outbox.flush();
      current = (await outbox.recent(5)).find((candidate) => candidate.id === entry.id)!;
    }
    if (current.evidence?.state !== 'complete' || !current.evidence.receipt) throw new Error(`evidence not complete: ${JSON.stringify(current.evidence)}`);
    const evidenceMs = performance.now() - t0;
    if (round >= 0) {
      plain.push(plainMs);
      withEvidence.push(evidenceMs);
    }
  }
  const uploadMs = median(withEvidence);
  console.table([
    { measure: 'report without evidence (baseline)', 'median ms': median(plain).toFixed(1) },
    { measure: `report + ${(totalBytes / MB).toFixed(1)} MB evidence, uploaded and countersigned`, 'median ms': uploadMs.toFixed(1) },
  ]);
  console.log(`evidence upload: ${uploadMs.toFixed(0)} ms, ${((totalBytes / MB) / (uploadMs / 1000)).toFixed(1)} MB/s, ${(uploadMs / median(plain)).toFixed(1)}× a plain report`);
} finally {
  await server.stop();
}
