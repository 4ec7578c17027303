// Evidence files → signed manifest → CapturedEvidence (what the report carries and the outbox uploads), and the
// reporter's own copy of the bundle as one zip.
import { buildBundleZip } from '../../contract/evidence-bundle';
import {
  bundleReadme,
  EVIDENCE_FORMAT,
  EVIDENCE_LIMITS,
  EvidenceManifestSchema,
  importPublicJwk,
  describePublicKey,
  serialiseManifest,
  sha256Hex,
  signDer,
  toBase64,
  utf8,
  type EvidenceFile,
  type EvidenceManifest,
} from '../../contract/evidence';
import type { CapturedEvidence } from './types';
import type { ReporterKey } from './keys';

export const README_NAME = 'readme.txt';

export interface EvidenceFileInput {
  name: string;
  role: EvidenceFile['role'];
  mediaType: EvidenceFile['mediaType'];
  bytes: Uint8Array;
}

export interface ManifestFacts {
  listingKey: string;
  url: string;
  capturedAt: string;
  capture: EvidenceManifest['capture'];
}

/**
 * Hashes every file, adds README.txt, writes the manifest in the contract's schema and signs its exact bytes with
 * the reporter key. Files over the per-file cap are left out (and the bundle cap is kept by dropping the latest
 * full-page tiles first), so a huge page never blocks a report.
 */
export async function buildCapturedEvidence(facts: ManifestFacts, inputs: readonly EvidenceFileInput[], key: ReporterKey): Promise<CapturedEvidence> {
  const files = fitLimits([...inputs, { name: README_NAME, role: 'readme', mediaType: 'text/plain', bytes: utf8(bundleReadme()) }]);
  const entries: EvidenceFile[] = await Promise.all(
    files.map(async (file) => ({ name: file.name, role: file.role, mediaType: file.mediaType, size: file.bytes.length, sha256: await sha256Hex(file.bytes) })),
  );
  const manifest = EvidenceManifestSchema.parse({
    format: EVIDENCE_FORMAT,
    listingKey: facts.listingKey,
    url: facts.url,
    capturedAt: facts.capturedAt,
    capture: facts.capture,
    reporterKey: { keyId: key.keyId, jwk: key.jwk },
    files: entries,
  } satisfies EvidenceManifest);
  const text = serialiseManifest(manifest);
  const signature = toBase64(await signDer(key.privateKey, utf8(text)));
  return { manifest, claim: { manifest: text, signature }, files: files.map(({ name, bytes }) => ({ name, bytes })) };
}

function fitLimits(files: EvidenceFileInput[]): EvidenceFileInput[] {
  const kept = files.filter((file) => file.bytes.length <= EVIDENCE_LIMITS.fileBytes).slice(0, EVIDENCE_LIMITS.files);
  const total = () => kept.reduce((sum, file) => sum + file.bytes.length, 0);
  // the visible screenshot, the archive and the listing matter most; the last full-page tiles go first
  while (total() > EVIDENCE_LIMITS.bundleBytes) {
    const index = kept.findLastIndex((file) => file.role === 'fullpage');
    if (index < 0) break;
    kept.splice(index, 1);
  }
  while (total() > EVIDENCE_LIMITS.bundleBytes) {
    const index = kept.findLastIndex((file) => file.role !== 'readme' && file.role !== 'listing');
    if (index < 0) break;
    kept.splice(index, 1);
  }
  return kept;
}

/** The reporter's copy: the signed manifest and files as one zip (no hotline countersignature; that comes from the hotline's bundle.zip). */
export async function exportBundleZip(evidence: Pick<CapturedEvidence, 'manifest' | 'claim' | 'files'>): Promise<Uint8Array> {
  const { pem } = await describePublicKey(await importPublicJwk(evidence.manifest.reporterKey.jwk));
  return buildBundleZip(
    { manifest: evidence.claim.manifest, manifestSignature: evidence.claim.signature, reporterKeyPem: pem, files: new Map(evidence.files.map((file) => [file.name, file.bytes])) },
    evidence.manifest,
  );
}
