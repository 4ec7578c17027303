// Wires evidence from the environment: the signing key and upload secret (files made on first start), the storage
// (a folder under the data folder, or an S3-compatible bucket), and publishes the key at /v1/keys.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Sql } from '../db.ts';
import type { Env } from '../env.ts';
import { createUploadTokens, generateSigner, loadOrCreateSecret, loadOrCreateSigner } from './keys.ts';
import { createEvidenceService, type EvidenceService } from './service.ts';
import { createFilesystemStorage, createS3Storage, type EvidenceStorage } from './storage.ts';

export type EvidenceEnv = Partial<
  Pick<
    Env,
    | 'HOTLINE_SIGNING_KEY_FILE'
    | 'HOTLINE_UPLOAD_SECRET_FILE'
    | 'HOTLINE_EVIDENCE_DIR'
    | 'HOTLINE_EVIDENCE_S3_ENDPOINT'
    | 'HOTLINE_EVIDENCE_S3_BUCKET'
    | 'HOTLINE_EVIDENCE_S3_REGION'
    | 'HOTLINE_EVIDENCE_S3_ACCESS_KEY_ID'
    | 'HOTLINE_EVIDENCE_S3_SECRET_ACCESS_KEY'
  >
> & { HOTLINE_DATA_DIR: string };

/**
 * With `inMemory` and no data folder (tests, benchmarks) the key and secret live in memory and files go to a
 * temporary folder removed by `close`.
 */
export async function openEvidence(env: EvidenceEnv, sql: Sql, options: { inMemory?: boolean } = {}): Promise<{ service: EvidenceService; storage: EvidenceStorage; close(): Promise<void> }> {
  const ephemeral = options.inMemory && !env.HOTLINE_DATA_DIR;
  const keysDir = path.join(env.HOTLINE_DATA_DIR, 'keys');
  const signer = env.HOTLINE_SIGNING_KEY_FILE
    ? await loadOrCreateSigner(env.HOTLINE_SIGNING_KEY_FILE)
    : ephemeral
      ? (await generateSigner()).signer
      : await loadOrCreateSigner(path.join(keysDir, 'hotline-signing-key.pem'));
  const secret = env.HOTLINE_UPLOAD_SECRET_FILE
    ? await loadOrCreateSecret(env.HOTLINE_UPLOAD_SECRET_FILE)
    : ephemeral
      ? new Uint8Array(randomBytes(32))
      : await loadOrCreateSecret(path.join(keysDir, 'upload-token.secret'));
  let temporary: string | undefined;
  let storage: EvidenceStorage;
  if (env.HOTLINE_EVIDENCE_S3_ENDPOINT && env.HOTLINE_EVIDENCE_S3_BUCKET && env.HOTLINE_EVIDENCE_S3_ACCESS_KEY_ID && env.HOTLINE_EVIDENCE_S3_SECRET_ACCESS_KEY) {
    storage = createS3Storage({
      endpoint: env.HOTLINE_EVIDENCE_S3_ENDPOINT,
      bucket: env.HOTLINE_EVIDENCE_S3_BUCKET,
      region: env.HOTLINE_EVIDENCE_S3_REGION ?? 'us-east-1',
      accessKeyId: env.HOTLINE_EVIDENCE_S3_ACCESS_KEY_ID,
      secretAccessKey: env.HOTLINE_EVIDENCE_S3_SECRET_ACCESS_KEY,
    });
  } else if (env.HOTLINE_EVIDENCE_DIR) {
    storage = createFilesystemStorage(env.HOTLINE_EVIDENCE_DIR);
  } else if (ephemeral) {
    temporary = await mkdtemp(path.join(os.tmpdir(), 'hotline-evidence-'));
    storage = createFilesystemStorage(temporary);
  } else {
    storage = createFilesystemStorage(path.join(env.HOTLINE_DATA_DIR, 'evidence'));
  }
  const service = createEvidenceService({ sql, storage, signer, tokens: createUploadTokens(secret) });
  await service.publishKey();
  return {
    service,
    storage,
    close: async () => {
      if (temporary) await rm(temporary, { recursive: true, force: true });
    },
  };
}
