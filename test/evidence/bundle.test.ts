import { describe, expect, it } from 'vitest';
import { buildBundleZip, verifyBundle, type BundleParts } from '../../contract/evidence-bundle';
import {
  bundleReadme,
  derToP1363,
  describePublicKey,
  ECDSA_P256,
  EVIDENCE_FORMAT,
  p1363ToDer,
  RECEIPT_FORMAT,
  serialiseManifest,
  serialiseReceipt,
  sha256Hex,
  signDer,
  toBase64,
  utf8,
  type EvidenceManifest,
} from '../../contract/evidence';

async function makeBundle({ withReceipt = true } = {}) {
  const reporter = await crypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify']);
  const hotline = await crypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify']);
  const reporterKey = await describePublicKey(reporter.publicKey);
  const hotlineKey = await describePublicKey(hotline.publicKey);
  const files = new Map<string, Uint8Array>([
    ['screenshot.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5])],
    ['listing.json', utf8('{"title":"Giày sneaker"}')],
    ['readme.txt', utf8(bundleReadme())],
  ]);
  const roles = { 'screenshot.png': ['screenshot', 'image/png'], 'listing.json': ['listing', 'application/json'], 'readme.txt': ['readme', 'text/plain'] } as const;
  const manifest: EvidenceManifest = {
    format: EVIDENCE_FORMAT,
    listingKey: 'shopee:1:2',
    url: 'https://shopee.vn/product/1/2',
    capturedAt: '2026-12-06T10:00:00.000Z',
    capture: { browser: 'Chromium 156', extension: { name: 'hotline389-extension', version: '0.1.0' }, methods: ['captureVisibleTab'], masked: 1 },
    reporterKey: { keyId: reporterKey.keyId, jwk: reporterKey.jwk },
    files: await Promise.all(
      [...files].map(async ([name, bytes]) => ({ name, role: roles[name as keyof typeof roles][0], mediaType: roles[name as keyof typeof roles][1], size: bytes.length, sha256: await sha256Hex(bytes) })),
    ),
  };
  const manifestText = serialiseManifest(manifest);
  const parts: BundleParts = {
    manifest: manifestText,
    manifestSignature: toBase64(await signDer(reporter.privateKey, utf8(manifestText))),
    reporterKeyPem: reporterKey.pem,
    files,
  };
  if (withReceipt) {
    const receipt = serialiseReceipt({ format: RECEIPT_FORMAT, manifestSha256: await sha256Hex(manifestText), trackingCode: 'ABCD-EFGH-JKLM', receivedAt: '2026-12-06T10:00:01.000Z', keyId: hotlineKey.keyId });
    parts.receipt = { receipt, signature: toBase64(await signDer(hotline.privateKey, utf8(receipt))), hotlineKeyPem: hotlineKey.pem };
  }
  return { zip: buildBundleZip(parts, manifest), manifest, parts, hotlineKeyId: hotlineKey.keyId };
}

describe('evidence bundle', () => {
  it('verifies a bundle as issued, with and without the countersignature', async () => {
    const { zip, hotlineKeyId } = await makeBundle();
    const verdict = await verifyBundle(zip, { trustedHotlineKeyIds: [hotlineKeyId], requireReceipt: true });
    expect(verdict).toMatchObject({ ok: true, summary: { listingKey: 'shopee:1:2', receipt: { trackingCode: 'ABCD-EFGH-JKLM' } } });
    const bare = await makeBundle({ withReceipt: false });
    expect((await verifyBundle(bare.zip)).ok).toBe(true);
    expect(await verifyBundle(bare.zip, { requireReceipt: true })).toEqual({ ok: false, failure: expect.stringContaining('receipt.json: missing') });
  });

  it('is the same bytes every time it is built from the same parts', async () => {
    const { parts, manifest, zip } = await makeBundle();
    expect(buildBundleZip(parts, manifest)).toEqual(zip);
  });

  it('fails when any single byte of the zip changes', async () => {
    const { zip } = await makeBundle();
    const failures: number[] = [];
    for (let index = 0; index < zip.length; index++) {
      const altered = zip.slice();
      altered[index] = altered[index]! ^ 0x01;
      if ((await verifyBundle(altered)).ok) failures.push(index);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('names the file whose content changed', async () => {
    const { parts, manifest } = await makeBundle();
    const files = new Map(parts.files);
    files.set('listing.json', utf8('{"title":"Giày sneakex"}'));
    expect(await verifyBundle(buildBundleZip({ ...parts, files }, manifest))).toEqual({ ok: false, failure: 'listing.json: SHA-256 differs from the manifest' });
  });

  it('refuses a receipt signed by a key the hotline does not publish', async () => {
    const { zip } = await makeBundle();
    expect(await verifyBundle(zip, { trustedHotlineKeyIds: ['0'.repeat(64)] })).toEqual({ ok: false, failure: 'hotline-key.pem: not a key the hotline publishes' });
  });

  it('converts signatures between WebCrypto and DER both ways, refusing malformed DER', async () => {
    for (let round = 0; round < 50; round++) {
      const raw = crypto.getRandomValues(new Uint8Array(64));
      if (round === 0) raw.fill(0, 0, 31); // short r
      if (round === 1) raw[32] = 0x80; // s needs a sign byte
      expect(derToP1363(p1363ToDer(raw))).toEqual(raw);
    }
    expect(() => derToP1363(new Uint8Array([0x30, 2, 2, 0]))).toThrow();
    const der = p1363ToDer(crypto.getRandomValues(new Uint8Array(64)));
    expect(() => derToP1363(new Uint8Array([...der, 0]))).toThrow();
  });
});
