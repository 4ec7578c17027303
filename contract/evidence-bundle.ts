// The evidence bundle as one zip (fflate), and its verification. Shared by the hotline's download, the extension's
// export and `npm run verify`, so all three agree byte for byte on what a valid bundle is.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import {
  BUNDLE_ENTRIES,
  checkSignedManifest,
  EVIDENCE_LIMITS,
  EvidenceReceiptSchema,
  fromBase64,
  importPublicPem,
  keyIdOf,
  sha256Hex,
  toBase64,
  utf8,
  verifyDer,
  type EvidenceManifest,
  type EvidenceReceipt,
} from './evidence';

export interface BundleParts {
  /** manifest.json exactly as signed */
  manifest: string;
  /** DER signature over the manifest, base64 (as the report carried it) */
  manifestSignature: string;
  reporterKeyPem: string;
  /** the evidence files, by manifest name */
  files: ReadonlyMap<string, Uint8Array>;
  /** the hotline's countersignature, once it has every file */
  receipt?: { receipt: string; signature: string; hotlineKeyPem: string };
}

// A fixed local-time stamp: fflate writes DOS times from local time fields, so this is the same bytes in every time zone.
const ZIP_TIME = new Date(1980, 0, 2, 0, 0, 0);

/**
 * The bundle's zip: stored, not deflated (screenshots and MHTML barely shrink, and stored bytes can be checked with
 * any unzip), entries in a fixed order and a fixed time, so the same parts always give the same bytes.
 */
export function buildBundleZip(parts: BundleParts, manifest: EvidenceManifest): Uint8Array {
  const entries: Zippable = {};
  const add = (name: string, bytes: Uint8Array) => {
    entries[name] = [bytes, { level: 0, mtime: ZIP_TIME }];
  };
  add(BUNDLE_ENTRIES.manifest, utf8(parts.manifest));
  add(BUNDLE_ENTRIES.manifestSignature, fromBase64(parts.manifestSignature));
  add(BUNDLE_ENTRIES.reporterKey, utf8(parts.reporterKeyPem));
  if (parts.receipt) {
    add(BUNDLE_ENTRIES.receipt, utf8(parts.receipt.receipt));
    add(BUNDLE_ENTRIES.receiptSignature, fromBase64(parts.receipt.signature));
    add(BUNDLE_ENTRIES.hotlineKey, utf8(parts.receipt.hotlineKeyPem));
  }
  for (const file of manifest.files) {
    const bytes = parts.files.get(file.name);
    if (!bytes) throw new Error(`bundle file missing: ${file.name}`);
    add(file.name, bytes);
  }
  return zipSync(entries);
}

export interface BundleSummary {
  listingKey: string;
  url: string;
  capturedAt: string;
  manifestSha256: string;
  reporterKeyId: string;
  files: { name: string; role: string; size: number }[];
  bytes: number;
  receipt?: Pick<EvidenceReceipt, 'trackingCode' | 'receivedAt' | 'keyId'>;
}

export type BundleVerdict = { ok: true; summary: BundleSummary } | { ok: false; failure: string };

export interface VerifyOptions {
  /** key ids of hotline keys to trust (from /v1/keys); when given, a receipt signed by another key fails */
  trustedHotlineKeyIds?: readonly string[];
  /** require the hotline's countersignature */
  requireReceipt?: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function text(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Checks a bundle the way a court or a platform would: every file's SHA-256 and size against the manifest, the
 * extension's signature over the manifest, the hotline's countersignature when present, nothing extra in the zip,
 * and the zip itself byte-identical to the canonical one (so no byte anywhere can change unnoticed).
 * Answers the first failure, naming the file or signature.
 */
export async function verifyBundle(zip: Uint8Array, options: VerifyOptions = {}): Promise<BundleVerdict> {
  const fail = (failure: string): BundleVerdict => ({ ok: false, failure });
  if (zip.length > EVIDENCE_LIMITS.bundleBytes + 1024 * 1024) return fail('bundle: larger than any valid bundle');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    return fail(`bundle: not a readable zip (${error instanceof Error ? error.message : String(error)})`);
  }

  const manifestText = text(entries[BUNDLE_ENTRIES.manifest]);
  if (manifestText === undefined) return fail(`${BUNDLE_ENTRIES.manifest}: missing or not UTF-8`);
  const signature = entries[BUNDLE_ENTRIES.manifestSignature];
  if (!signature) return fail(`${BUNDLE_ENTRIES.manifestSignature}: missing`);
  const checked = await checkSignedManifest(manifestText, signature);
  if (!checked.ok) return fail(checked.reason);
  const { manifest, manifestSha256 } = checked;

  const reporterPem = text(entries[BUNDLE_ENTRIES.reporterKey]);
  if (reporterPem === undefined) return fail(`${BUNDLE_ENTRIES.reporterKey}: missing`);
  try {
    if ((await keyIdOf(await importPublicPem(reporterPem))) !== manifest.reporterKey.keyId) return fail(`${BUNDLE_ENTRIES.reporterKey}: not the key the manifest names`);
  } catch {
    return fail(`${BUNDLE_ENTRIES.reporterKey}: not a P-256 public key`);
  }

  let bytes = 0;
  for (const file of manifest.files) {
    const content = entries[file.name];
    if (!content) return fail(`${file.name}: missing`);
    if (content.length !== file.size) return fail(`${file.name}: ${content.length} bytes, the manifest says ${file.size}`);
    if ((await sha256Hex(content)) !== file.sha256) return fail(`${file.name}: SHA-256 differs from the manifest`);
    bytes += content.length;
  }

  const receiptNames = [BUNDLE_ENTRIES.receipt, BUNDLE_ENTRIES.receiptSignature, BUNDLE_ENTRIES.hotlineKey];
  const present = receiptNames.filter((name) => entries[name]);
  if (present.length > 0 && present.length < receiptNames.length) return fail(`${receiptNames.find((name) => !entries[name])}: missing (the countersignature is incomplete)`);
  let receipt: EvidenceReceipt | undefined;
  let receiptParts: BundleParts['receipt'];
  if (present.length === receiptNames.length) {
    const receiptText = text(entries[BUNDLE_ENTRIES.receipt]);
    let parsed;
    try {
      parsed = EvidenceReceiptSchema.safeParse(JSON.parse(receiptText ?? ''));
    } catch {
      return fail(`${BUNDLE_ENTRIES.receipt}: not JSON`);
    }
    if (!parsed.success || receiptText === undefined) return fail(`${BUNDLE_ENTRIES.receipt}: not a hotline receipt`);
    receipt = parsed.data;
    if (receipt.manifestSha256 !== manifestSha256) return fail(`${BUNDLE_ENTRIES.receipt}: countersigns another manifest`);
    const hotlinePem = text(entries[BUNDLE_ENTRIES.hotlineKey]) ?? '';
    let hotlineKey: CryptoKey;
    try {
      hotlineKey = await importPublicPem(hotlinePem);
    } catch {
      return fail(`${BUNDLE_ENTRIES.hotlineKey}: not a P-256 public key`);
    }
    const hotlineKeyId = await keyIdOf(hotlineKey);
    if (hotlineKeyId !== receipt.keyId) return fail(`${BUNDLE_ENTRIES.hotlineKey}: not the key the receipt names`);
    if (options.trustedHotlineKeyIds && !options.trustedHotlineKeyIds.includes(hotlineKeyId)) return fail(`${BUNDLE_ENTRIES.hotlineKey}: not a key the hotline publishes`);
    const receiptSignature = entries[BUNDLE_ENTRIES.receiptSignature]!;
    if (!(await verifyDer(hotlineKey, receiptSignature, utf8(receiptText)))) return fail(`${BUNDLE_ENTRIES.receiptSignature}: the hotline countersignature does not verify`);
    receiptParts = { receipt: receiptText, signature: toBase64(receiptSignature), hotlineKeyPem: hotlinePem };
  } else if (options.requireReceipt) {
    return fail(`${BUNDLE_ENTRIES.receipt}: missing (no hotline countersignature)`);
  }

  const expected = new Set<string>([BUNDLE_ENTRIES.manifest, BUNDLE_ENTRIES.manifestSignature, BUNDLE_ENTRIES.reporterKey, ...(receipt ? receiptNames : []), ...manifest.files.map((file) => file.name)]);
  const extra = Object.keys(entries).find((name) => !expected.has(name));
  if (extra !== undefined) return fail(`${extra}: not part of the evidence (unexpected file in the zip)`);

  const canonical = buildBundleZip(
    { manifest: manifestText, manifestSignature: toBase64(signature), reporterKeyPem: reporterPem, files: new Map(Object.entries(entries)), receipt: receiptParts },
    manifest,
  );
  if (!sameBytes(canonical, zip)) return fail('bundle: the zip container was altered (its files check out, but its bytes are not the bundle as issued)');

  return {
    ok: true,
    summary: {
      listingKey: manifest.listingKey,
      url: manifest.url,
      capturedAt: manifest.capturedAt,
      manifestSha256,
      reporterKeyId: manifest.reporterKey.keyId,
      files: manifest.files.map(({ name, role, size }) => ({ name, role, size })),
      bytes,
      ...(receipt && { receipt: { trackingCode: receipt.trackingCode, receivedAt: receipt.receivedAt, keyId: receipt.keyId } }),
    },
  };
}
