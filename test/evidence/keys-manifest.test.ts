import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { verifyBundle } from '../../contract/evidence-bundle';
import { checkSignedManifest, fromBase64, sha256Hex, utf8 } from '../../contract/evidence';
import { createReporterKeyStore, openKeysDb } from '../../utils/evidence/keys';
import { buildCapturedEvidence, exportBundleZip } from '../../utils/evidence/manifest';

const facts = {
  listingKey: 'tiki.vn:161803',
  url: 'https://tiki.vn/dong-ho-p161803.html',
  capturedAt: '2026-12-06T10:00:00.000Z',
  capture: { browser: 'Chromium 156', extension: { name: 'hotline389-extension', version: '0.1.0' }, methods: ['captureVisibleTab', 'pageCapture'], masked: 2 },
};
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('reporter key', () => {
  it('is a non-extractable P-256 key, the same on every call and after the database is reopened', async () => {
    const name = `keys-${crypto.randomUUID()}`;
    const store = createReporterKeyStore(name);
    const [a, b] = await Promise.all([store.get(), store.get()]);
    expect(a.privateKey.extractable).toBe(false);
    expect(a.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    await expect(crypto.subtle.exportKey('pkcs8', a.privateKey)).rejects.toThrow();
    expect(b.keyId).toBe(a.keyId);
    expect(a.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(a.pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);

    // a new service-worker life: nothing cached, the key comes back from IndexedDB
    const again = createReporterKeyStore(name);
    const reloaded = await again.get();
    expect(reloaded.keyId).toBe(a.keyId);
    expect(reloaded.privateKey.extractable).toBe(false);
    const db = await openKeysDb(name);
    expect(await db.count('keys')).toBe(1);
    db.close();
  });

  it('lives in its own database, apart from the outbox', async () => {
    const db = await openKeysDb();
    expect(db.name).toBe('hotline389-keys');
    expect([...db.objectStoreNames]).toEqual(['keys']);
    db.close();
  });
});

describe('signed manifest', () => {
  it('lists every file with its SHA-256 and size, adds readme.txt, and signs the exact manifest bytes', async () => {
    const key = await createReporterKeyStore(`keys-${crypto.randomUUID()}`).get();
    const listing = utf8('{"title":"Đồng hồ"}\n');
    const evidence = await buildCapturedEvidence(facts, [
      { name: 'screenshot.png', role: 'screenshot', mediaType: 'image/png', bytes: png },
      { name: 'listing.json', role: 'listing', mediaType: 'application/json', bytes: listing },
    ], key);
    expect(evidence.manifest.files.map((file) => [file.name, file.role, file.size])).toEqual([
      ['screenshot.png', 'screenshot', png.length],
      ['listing.json', 'listing', listing.length],
      ['readme.txt', 'readme', expect.any(Number)],
    ]);
    expect(evidence.manifest.files[0]!.sha256).toBe(await sha256Hex(png));
    expect(evidence.manifest.reporterKey).toEqual({ keyId: key.keyId, jwk: key.jwk });
    const checked = await checkSignedManifest(evidence.claim.manifest, fromBase64(evidence.claim.signature));
    expect(checked.ok).toBe(true);
    // one changed byte of the manifest and the signature no longer holds
    const tampered = evidence.claim.manifest.replace('tiki.vn:161803', 'tiki.vn:161804');
    expect((await checkSignedManifest(tampered, fromBase64(evidence.claim.signature))).ok).toBe(false);
  });

  it('exports a bundle zip that verifies, and fails once one byte changed', async () => {
    const key = await createReporterKeyStore(`keys-${crypto.randomUUID()}`).get();
    const evidence = await buildCapturedEvidence(facts, [{ name: 'screenshot.png', role: 'screenshot', mediaType: 'image/png', bytes: png }], key);
    const zip = await exportBundleZip(evidence);
    const verdict = await verifyBundle(zip);
    expect(verdict).toMatchObject({ ok: true, summary: { listingKey: 'tiki.vn:161803', reporterKeyId: key.keyId } });
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(['manifest.json', 'manifest.sig', 'readme.txt', 'reporter-key.pem', 'screenshot.png']);
    const index = zip.indexOf(0x89);
    const changed = zip.slice();
    changed[index + 9]! ^= 1;
    expect((await verifyBundle(changed)).ok).toBe(false);
  });

  it('leaves out files over the caps, the last full-page tiles first', async () => {
    const key = await createReporterKeyStore(`keys-${crypto.randomUUID()}`).get();
    const tile = new Uint8Array(13 * 1024 * 1024); // two of them pass the 25 MB bundle cap
    const evidence = await buildCapturedEvidence(facts, [
      { name: 'screenshot.png', role: 'screenshot', mediaType: 'image/png', bytes: png },
      { name: 'fullpage-01.png', role: 'fullpage', mediaType: 'image/png', bytes: tile },
      { name: 'fullpage-02.png', role: 'fullpage', mediaType: 'image/png', bytes: tile },
      { name: 'fullpage-03.png', role: 'fullpage', mediaType: 'image/png', bytes: new Uint8Array(16 * 1024 * 1024) },
    ], key);
    expect(evidence.manifest.files.map((file) => file.name)).toEqual(['screenshot.png', 'fullpage-01.png', 'readme.txt']);
  });
});
