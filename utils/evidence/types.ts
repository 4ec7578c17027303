import type { EvidenceClaim, EvidenceManifest } from '../../contract/evidence';

/**
 * Evidence captured for one report, signed and ready to queue: the report carries `claim`, the outbox keeps the
 * files until the hotline has every one of them.
 */
export interface CapturedEvidence {
  manifest: EvidenceManifest;
  claim: EvidenceClaim;
  files: { name: string; bytes: Uint8Array }[];
}
