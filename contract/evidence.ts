// The evidence bundle's format, shared by the extension (capture, signing, upload), the hotline (verification,
// storage, countersignature) and the CLIs (verify). Plain zod and WebCrypto: runs in a service worker and in Node.
import { z } from 'zod';
import { sha256Hex, toBase64, utf8, fromBase64 } from './bytes';

export const EVIDENCE_FORMAT = 'hotline389-evidence/1';
export const RECEIPT_FORMAT = 'hotline389-receipt/1';

/** Evidence caps: a report's files are bounded one by one and together (a 5 MB bundle is typical). */
export const EVIDENCE_LIMITS = {
  files: 40,
  fileBytes: 15 * 1024 * 1024,
  bundleBytes: 25 * 1024 * 1024,
  manifestChars: 64 * 1024,
  /** upload chunk: small enough to pass proxies, large enough that 5 MB is 5 requests */
  chunkBytes: 1024 * 1024,
} as const;

/** Names the bundle itself uses; an evidence file may not take them. */
export const BUNDLE_ENTRIES = {
  manifest: 'manifest.json',
  manifestSignature: 'manifest.sig',
  reporterKey: 'reporter-key.pem',
  receipt: 'receipt.json',
  receiptSignature: 'receipt.sig',
  hotlineKey: 'hotline-key.pem',
} as const;
const RESERVED_NAMES = new Set<string>(Object.values(BUNDLE_ENTRIES));

/** What a file is for; the verifier and the dashboard show files by role. */
export const EVIDENCE_ROLES = ['screenshot', 'fullpage', 'archive', 'listing', 'responses', 'readme'] as const;
export const EvidenceRoleSchema = z.enum(EVIDENCE_ROLES);
export type EvidenceRole = z.infer<typeof EvidenceRoleSchema>;

/** A plain file name: it becomes a zip entry and a path on the hotline's disk, so no folders, no dots first. */
export const EvidenceFileNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,47}\.[a-z0-9]{1,8}$/, 'lower-case letters, digits, - and _, then one extension')
  .refine((name) => !RESERVED_NAMES.has(name), 'reserved for the bundle itself');

export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 as 64 lower-case hex digits');

export const EvidenceFileSchema = z.object({
  name: EvidenceFileNameSchema,
  role: EvidenceRoleSchema,
  mediaType: z.enum(['image/png', 'image/jpeg', 'multipart/related', 'text/html', 'application/json', 'text/plain']),
  size: z.number().int().min(0).max(EVIDENCE_LIMITS.fileBytes),
  sha256: Sha256HexSchema,
});
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;

/** An ECDSA P-256 public key as a JWK (public part only). */
export const PublicJwkSchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type PublicJwk = z.infer<typeof PublicJwkSchema>;

export const EvidenceManifestSchema = z
  .object({
    format: z.literal(EVIDENCE_FORMAT),
    listingKey: z.string().min(1).max(400),
    url: z.url({ protocol: /^https?$/ }).max(2048),
    capturedAt: z.iso.datetime({ offset: true }),
    capture: z.object({
      /** browser name and major version only: the full user agent says more about the reporter than the evidence needs */
      browser: z.string().max(100),
      extension: z.object({ name: z.string().max(60), version: z.string().max(40) }),
      /** how each file was made, e.g. captureVisibleTab, pageCapture, domSnapshot */
      methods: z.array(z.string().max(40)).max(10),
      /** screen regions blanked and page nodes removed because they showed the signed-in buyer */
      masked: z.number().int().min(0).max(10_000),
      viewport: z.object({ width: z.number().int().min(0).max(100_000), height: z.number().int().min(0).max(100_000) }).optional(),
    }),
    /** the per-install signing key (public part); keyId is the SHA-256 of its SPKI encoding */
    reporterKey: z.object({ keyId: Sha256HexSchema, jwk: PublicJwkSchema }),
    files: z.array(EvidenceFileSchema).min(1).max(EVIDENCE_LIMITS.files),
  })
  .superRefine((manifest, ctx) => {
    const names = new Set<string>();
    let total = 0;
    for (const [index, file] of manifest.files.entries()) {
      if (names.has(file.name)) ctx.addIssue({ code: 'custom', path: ['files', index, 'name'], message: 'duplicate file name' });
      names.add(file.name);
      total += file.size;
    }
    if (total > EVIDENCE_LIMITS.bundleBytes) ctx.addIssue({ code: 'custom', path: ['files'], message: `files total over ${EVIDENCE_LIMITS.bundleBytes} bytes` });
  });
export type EvidenceManifest = z.infer<typeof EvidenceManifestSchema>;

/**
 * What a report carries of its evidence: the manifest's exact bytes (as text) and the extension's signature over them.
 * The files follow by upload; the hotline accepts only files that match the signed manifest.
 */
export const EvidenceClaimSchema = z.object({
  manifest: z.string().min(2).max(EVIDENCE_LIMITS.manifestChars),
  /** ECDSA P-256 / SHA-256 signature over the manifest's UTF-8 bytes, DER-encoded (as openssl writes it), base64 */
  signature: z.string().regex(/^[A-Za-z0-9+/]{8,200}={0,2}$/),
});
export type EvidenceClaim = z.infer<typeof EvidenceClaimSchema>;

/** Answered with the report's receipt when it carried evidence: where and how to upload the files. */
export const EvidenceUploadTicketSchema = z.object({
  manifestSha256: Sha256HexSchema,
  /** bearer token for this evidence's uploads only */
  uploadToken: z.string().min(20).max(200),
  complete: z.boolean(),
});
export type EvidenceUploadTicket = z.infer<typeof EvidenceUploadTicketSchema>;

/** The state of one file's upload; `received` is where the next chunk starts. */
export const EvidenceFileProgressSchema = z.object({
  name: EvidenceFileNameSchema,
  size: z.number().int().min(0),
  received: z.number().int().min(0),
  complete: z.boolean(),
});
export const EvidenceStatusSchema = z.object({
  manifestSha256: Sha256HexSchema,
  files: z.array(EvidenceFileProgressSchema),
  complete: z.boolean(),
});
export type EvidenceStatus = z.infer<typeof EvidenceStatusSchema>;

/** The hotline's countersignature: signed once every file arrived intact. */
export const EvidenceReceiptSchema = z.object({
  format: z.literal(RECEIPT_FORMAT),
  manifestSha256: Sha256HexSchema,
  trackingCode: z.string().max(20),
  receivedAt: z.iso.datetime({ offset: true }),
  /** SHA-256 of the hotline key's SPKI encoding; the key is published at /v1/keys */
  keyId: Sha256HexSchema,
});
export type EvidenceReceipt = z.infer<typeof EvidenceReceiptSchema>;

export const SignedEvidenceReceiptSchema = z.object({
  /** the receipt.json bytes as text */
  receipt: z.string().max(4096),
  /** DER, base64 */
  signature: z.string().regex(/^[A-Za-z0-9+/]{8,200}={0,2}$/),
  keyId: Sha256HexSchema,
});
export type SignedEvidenceReceipt = z.infer<typeof SignedEvidenceReceiptSchema>;

export const HotlineKeySchema = z.object({
  keyId: Sha256HexSchema,
  alg: z.literal('ES256'),
  jwk: PublicJwkSchema,
  pem: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export const HotlineKeysSchema = z.object({ keys: z.array(HotlineKeySchema) });
export type HotlineKey = z.infer<typeof HotlineKeySchema>;

// ---- bytes and encodings (contract/bytes.ts: no zod, so pages and the popup can use them too) ----

export { fromBase64, sha256Hex, toBase64, toHex, utf8 } from './bytes';

/** WebCrypto's ECDSA signature (r‖s, 64 bytes) as the DER SEQUENCE openssl reads and writes. */
export function p1363ToDer(signature: Uint8Array): Uint8Array<ArrayBuffer> {
  if (signature.length !== 64) throw new Error('expected a 64-byte P-256 signature');
  const integer = (part: Uint8Array) => {
    let start = 0;
    while (start < part.length - 1 && part[start] === 0) start++;
    const trimmed = part.subarray(start);
    const padded = trimmed[0]! & 0x80 ? [0, ...trimmed] : [...trimmed];
    return [0x02, padded.length, ...padded];
  };
  const body = [...integer(signature.subarray(0, 32)), ...integer(signature.subarray(32))];
  return new Uint8Array([0x30, body.length, ...body]);
}

/** A DER ECDSA signature back to r‖s for WebCrypto; throws on anything that is not exactly one well-formed SEQUENCE. */
export function derToP1363(der: Uint8Array): Uint8Array<ArrayBuffer> {
  const fail = () => {
    throw new Error('not a DER ECDSA signature');
  };
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) fail();
  const out = new Uint8Array(64);
  let offset = 2;
  for (const slot of [0, 32]) {
    if (der[offset] !== 0x02) fail();
    const length = der[offset + 1]!;
    let value = der.subarray(offset + 2, offset + 2 + length);
    if (value.length !== length || length === 0 || length > 33) fail();
    if (value[0]! & 0x80) fail(); // negative
    if (length > 1 && value[0] === 0 && !(value[1]! & 0x80)) fail(); // not minimal
    if (value.length === 33) value = value.subarray(1);
    out.set(value, slot + 32 - value.length);
    offset += 2 + length;
  }
  if (offset !== der.length) fail();
  return out;
}

export const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

export function spkiToPem(spki: Uint8Array): string {
  const lines = toBase64(spki).match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

export function pemToSpki(pem: string): Uint8Array<ArrayBuffer> {
  const match = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(pem);
  if (!match) throw new Error('not a PEM public key');
  return fromBase64(match[1]!.replace(/\s+/g, ''));
}

/** The key's id: SHA-256 of its SPKI encoding (what `openssl pkey -pubin -outform DER | openssl dgst -sha256` prints). */
export async function keyIdOf(publicKey: CryptoKey): Promise<string> {
  return sha256Hex(new Uint8Array(await crypto.subtle.exportKey('spki', publicKey)));
}

export async function describePublicKey(publicKey: CryptoKey): Promise<{ keyId: string; jwk: PublicJwk; pem: string }> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  const full = await crypto.subtle.exportKey('jwk', publicKey);
  const jwk = PublicJwkSchema.parse({ kty: full.kty, crv: full.crv, x: full.x, y: full.y });
  return { keyId: await sha256Hex(spki), jwk, pem: spkiToPem(spki) };
}

export function importPublicJwk(jwk: PublicJwk): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', { ...jwk, ext: true }, ECDSA_P256, true, ['verify']);
}

export function importPublicPem(pem: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('spki', pemToSpki(pem), ECDSA_P256, true, ['verify']);
}

/** Signs `data` with a P-256 private key; DER, as in manifest.sig and receipt.sig. */
export async function signDer(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return p1363ToDer(new Uint8Array(await crypto.subtle.sign(ECDSA_SHA256, privateKey, data as Uint8Array<ArrayBuffer>)));
}

/** Whether a DER signature over `data` verifies with `publicKey`; malformed signatures are simply invalid. */
export async function verifyDer(publicKey: CryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = derToP1363(signature);
  } catch {
    return false;
  }
  return crypto.subtle.verify(ECDSA_SHA256, publicKey, raw, data as Uint8Array<ArrayBuffer>);
}

/** The manifest's bytes exactly as signed: pretty JSON with a final newline, so it reads well in the zip. */
export function serialiseManifest(manifest: EvidenceManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function serialiseReceipt(receipt: EvidenceReceipt): string {
  return `${JSON.stringify(receipt, null, 2)}\n`;
}

export type ManifestCheck = { ok: true; manifest: EvidenceManifest; manifestSha256: string } | { ok: false; reason: string };

/**
 * Parses a claimed manifest and checks the extension's signature with the key the manifest names
 * (and that the key id is that key's). The hotline runs this on receipt, the verifier on a bundle.
 */
export async function checkSignedManifest(manifestText: string, signatureDer: Uint8Array): Promise<ManifestCheck> {
  let json: unknown;
  try {
    json = JSON.parse(manifestText);
  } catch {
    return { ok: false, reason: 'manifest.json is not JSON' };
  }
  const parsed = EvidenceManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `manifest.json: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  const manifest = parsed.data;
  let key: CryptoKey;
  try {
    key = await importPublicJwk(manifest.reporterKey.jwk);
  } catch {
    return { ok: false, reason: 'manifest.json: reporterKey is not a P-256 public key' };
  }
  if ((await keyIdOf(key)) !== manifest.reporterKey.keyId) return { ok: false, reason: 'manifest.json: reporterKey.keyId is not the SHA-256 of the key' };
  const bytes = utf8(manifestText);
  if (!(await verifyDer(key, signatureDer, bytes))) return { ok: false, reason: 'manifest.sig: the extension signature does not verify' };
  return { ok: true, manifest, manifestSha256: await sha256Hex(bytes) };
}

/** README.txt of every bundle: how to check it with openssl and sha256sum alone, in Vietnamese and English. */
export function bundleReadme(): string {
  return [
    'GÓI BẰNG CHỨNG — HOTLINE 389 / EVIDENCE BUNDLE — HOTLINE 389',
    '',
    'Kiểm tra bằng công cụ của dự án / Check with the project tool:  npm run verify -- <bundle.zip>',
    '',
    'Kiểm tra không cần phần mềm này / Check without this software (openssl, sha256sum):',
    '',
    '1. Mỗi tệp khớp manifest.json / Every file matches manifest.json ("sha256" and "size" of each entry):',
    '     sha256sum screenshot.png page.mhtml listing.json    (and every other file listed)',
    '',
    '2. Chữ ký của tiện ích trên manifest.json / The extension signature over manifest.json:',
    '     openssl dgst -sha256 -verify reporter-key.pem -signature manifest.sig manifest.json',
    '   Khóa đúng là khóa trong manifest / The key is the one the manifest names ("reporterKey.keyId"):',
    '     openssl pkey -pubin -in reporter-key.pem -outform DER | openssl dgst -sha256',
    '',
    '3. Chữ ký đối ứng của đường dây nóng (nếu có receipt.json) / The hotline countersignature (when receipt.json is present):',
    '     sha256sum manifest.json          (equals "manifestSha256" in receipt.json)',
    '     openssl dgst -sha256 -verify hotline-key.pem -signature receipt.sig receipt.json',
    '   So khóa với khóa công bố tại /v1/keys của đường dây nóng / Compare the key with the one the hotline publishes at /v1/keys:',
    '     openssl pkey -pubin -in hotline-key.pem -outform DER | openssl dgst -sha256     (equals "keyId")',
    '',
    'Mọi thay đổi dù một byte đều làm kiểm tra thất bại. / Any changed byte makes a check fail.',
    '',
  ].join('\n');
}
