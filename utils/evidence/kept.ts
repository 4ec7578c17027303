// A report's evidence as the outbox keeps it (the claim in the report, the files in their own store), for the
// reporter's download. Files are kept until 30 days after their upload ended (the outbox frees them then).
import { EvidenceManifestSchema } from '../../contract/evidence';
import type { OutboxStore } from '../outbox/types';
import type { CapturedEvidence } from './types';

export async function readKeptEvidence(store: Pick<OutboxStore, 'get' | 'readFile'>, entryId: string): Promise<CapturedEvidence | undefined> {
  const entry = await store.get(entryId);
  const claim = entry?.report.evidence;
  if (!claim) return undefined;
  const parsed = EvidenceManifestSchema.safeParse(JSON.parse(claim.manifest));
  if (!parsed.success) return undefined;
  const files: CapturedEvidence['files'] = [];
  for (const file of parsed.data.files) {
    const bytes = await store.readFile(entryId, file.name);
    if (!bytes) return undefined; // freed (expired): the hotline's bundle.zip is the copy now
    files.push({ name: file.name, bytes });
  }
  return { manifest: parsed.data, claim, files };
}
