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

/** e2e build only: `storage.local[E2E_NO_EVIDENCE_KEY] = true` sends reports without evidence (benchmark baseline). */
export const E2E_NO_EVIDENCE_KEY = 'e2eNoEvidence';
