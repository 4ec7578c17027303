// Evidence intake: the signed manifest a report carries, resumable chunked uploads checked against it, the hotline's
// countersignature once every file is whole, and the canonical bundle. Progress lives in the database, bytes in the
// storage, so a restart or a second server resumes exactly where the last accepted chunk ended.
import { buildBundleZip } from '../../../contract/evidence-bundle.ts';
import { writeAudit } from '../backoffice/audit.ts';
import {
  checkSignedManifest,
  describePublicKey,
  EvidenceManifestSchema,
  fromBase64,
  importPublicJwk,
  RECEIPT_FORMAT,
  serialiseReceipt,
  sha256Hex,
  toBase64,
  utf8,
  type EvidenceClaim,
  type EvidenceManifest,
  type EvidenceStatus,
  type EvidenceUploadTicket,
  type HotlineKey,
  type SignedEvidenceReceipt,
} from '../../../contract/evidence.ts';
import type { EvidenceSummary } from '../../../contract/backoffice.ts';
import type { Sql } from '../db.ts';
import type { HotlineSigner, UploadTokens } from './keys.ts';
import { chunkKey, fileKey, StorageMissingError, type EvidenceStorage } from './storage.ts';

export type EvidenceErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

/** A refusal with its HTTP status and the body's `error` code; `extra` joins the body (e.g. `received`). */
export class EvidenceError extends Error {
  constructor(
    readonly status: EvidenceErrorStatus,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface FileRow {
  name: string;
  position: number;
  role: string;
  media_type: string;
  size: string | number;
  sha256: string;
  received: string | number;
  chunk_keys: string[];
  complete: boolean;
}

interface EvidenceRow {
  manifest_sha256: string;
  manifest: string;
  signature: string;
  receipt: string | null;
  receipt_signature: string | null;
  receipt_key_id: string | null;
  tracking_code: string;
  received_at: Date;
}

const FILE_COLUMNS = 'name, position, role, media_type, size, sha256, received, chunk_keys, complete';
/** a condition on evidence_files ($1 the manifest hash): its evidence has not been abandoned by the sweep */
const OPEN = 'NOT EXISTS (SELECT 1 FROM evidence a WHERE a.manifest_sha256 = $1 AND a.abandoned_at IS NOT NULL)';

/** `bytes 0-1048575/5242880`, or `bytes &ast;/5242880` (no body: completes a zero-size file, or asks where to resume). */
export type ContentRange = { start: number; end: number; size: number } | { size: number; start?: undefined };

export function parseContentRange(header: string | undefined): ContentRange | undefined {
  if (!header) return undefined;
  const ranged = /^bytes (\d{1,10})-(\d{1,10})\/(\d{1,10})$/.exec(header.trim());
  if (ranged) return { start: Number(ranged[1]), end: Number(ranged[2]), size: Number(ranged[3]) };
  const bare = /^bytes \*\/(\d{1,10})$/.exec(header.trim());
  return bare ? { size: Number(bare[1]) } : undefined;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export interface EvidenceServiceDeps {
  sql: Sql;
  storage: EvidenceStorage;
  signer: HotlineSigner;
  tokens: UploadTokens;
  now?: () => Date;
}

export function createEvidenceService({ sql, storage, signer, tokens, now = () => new Date() }: EvidenceServiceDeps) {
  async function evidenceRow(manifestSha256: string): Promise<EvidenceRow | undefined> {
    const { rows } = await sql.query<EvidenceRow>(
      `SELECT e.manifest_sha256, e.manifest, e.signature, e.receipt, e.receipt_signature, e.receipt_key_id, r.tracking_code, r.received_at
         FROM evidence e JOIN reports r ON r.id = e.report_id WHERE e.manifest_sha256 = $1`,
      [manifestSha256],
    );
    return rows[0];
  }

  async function fileRows(manifestSha256: string): Promise<FileRow[]> {
    const { rows } = await sql.query<FileRow>(`SELECT ${FILE_COLUMNS} FROM evidence_files WHERE manifest_sha256 = $1 ORDER BY position`, [manifestSha256]);
    return rows;
  }

  const toStatus = (manifestSha256: string, files: FileRow[]): EvidenceStatus => ({
    manifestSha256,
    files: files.map((file) => ({ name: file.name, size: Number(file.size), received: Number(file.received), complete: file.complete })),
    complete: files.length > 0 && files.every((file) => file.complete),
  });

  /** Signs the receipt once every file is whole (once only: a second caller reads the first one's). */
  async function ensureReceipt(manifestSha256: string): Promise<SignedEvidenceReceipt | undefined> {
    const row = await evidenceRow(manifestSha256);
    if (!row) return undefined;
    if (row.receipt && row.receipt_signature && row.receipt_key_id) return { receipt: row.receipt, signature: row.receipt_signature, keyId: row.receipt_key_id };
    const files = await fileRows(manifestSha256);
    if (!files.every((file) => file.complete)) return undefined;
    const receipt = serialiseReceipt({
      format: RECEIPT_FORMAT,
      manifestSha256,
      trackingCode: row.tracking_code,
      receivedAt: new Date(row.received_at).toISOString(),
      keyId: signer.keyId,
    });
    const signature = toBase64(await signer.sign(utf8(receipt)));
    const { rows } = await sql.query<{ manifest_sha256: string }>(
      `UPDATE evidence SET receipt = $2, receipt_signature = $3, receipt_key_id = $4, completed_at = $5
         WHERE manifest_sha256 = $1 AND receipt IS NULL AND abandoned_at IS NULL RETURNING manifest_sha256`,
      [manifestSha256, receipt, signature, signer.keyId, now()],
    );
    if (rows.length) return { receipt, signature, keyId: signer.keyId };
    await refuseAbandoned(manifestSha256);
    return ensureReceipt(manifestSha256);
  }

  /** Drops a file's received bytes: the client starts it again from 0. */
  async function discard(manifestSha256: string, file: FileRow): Promise<void> {
    await sql.query(`UPDATE evidence_files SET received = 0, chunk_keys = '{}' WHERE manifest_sha256 = $1 AND name = $2 AND NOT complete AND chunk_keys = $3::text[]`, [
      manifestSha256,
      file.name,
      file.chunk_keys,
    ]);
    await storage.delete(file.chunk_keys).catch(() => undefined);
  }

  /** Joins a fully received file's chunks, checks it against the manifest and stores it as one object. */
  async function finish(manifestSha256: string, file: FileRow): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = concat(await Promise.all(file.chunk_keys.map((key) => storage.get(key))));
    } catch (error) {
      if (!(error instanceof StorageMissingError)) throw error;
      // a concurrent request finished this file first and removed its chunks
      if ((await fileRow(manifestSha256, file.name))?.complete) return;
      await refuseAbandoned(manifestSha256); // the sweep deleted them
      await discard(manifestSha256, file);
      throw new EvidenceError(409, 'offset_mismatch', `${file.name}: a stored chunk is missing; upload the file again from 0`, { received: 0 });
    }
    if (bytes.length !== Number(file.size) || (await sha256Hex(bytes)) !== file.sha256) {
      await discard(manifestSha256, file);
      throw new EvidenceError(422, 'hash_mismatch', `${file.name}: the received bytes do not have the SHA-256 the manifest gives; they were discarded, upload the file again from 0`, {
        received: 0,
      });
    }
    await storage.put(fileKey(manifestSha256, file.name), bytes);
    const { rows } = await sql.query(
      `UPDATE evidence_files SET complete = true, chunk_keys = '{}' WHERE manifest_sha256 = $1 AND name = $2 AND NOT complete AND ${OPEN} RETURNING name`,
      [manifestSha256, file.name],
    );
    if (rows.length) await storage.delete(file.chunk_keys).catch(() => undefined);
    else await refuseAbandoned(manifestSha256);
    await ensureReceipt(manifestSha256);
  }

  /** 410 once the sweep gave the upload up (its bytes are gone; the row and manifest stay for the case page). */
  async function refuseAbandoned(manifestSha256: string): Promise<void> {
    const { rows } = await sql.query<{ abandoned_at: Date | null }>('SELECT abandoned_at FROM evidence WHERE manifest_sha256 = $1', [manifestSha256]);
    const at = rows[0]?.abandoned_at;
    if (at) {
      throw new EvidenceError(
        410,
        'evidence_abandoned',
        `the upload did not complete in time and was abandoned on ${new Date(at).toISOString().slice(0, 10)}; the bytes received were deleted`,
      );
    }
  }

  async function fileRow(manifestSha256: string, name: string): Promise<FileRow | undefined> {
    const { rows } = await sql.query<FileRow>(`SELECT ${FILE_COLUMNS} FROM evidence_files WHERE manifest_sha256 = $1 AND name = $2`, [manifestSha256, name]);
    return rows[0];
  }

  async function requireFile(manifestSha256: string, name: string): Promise<FileRow> {
    const file = await fileRow(manifestSha256, name);
    if (file) return file;
    const exists = (await sql.query('SELECT 1 FROM evidence WHERE manifest_sha256 = $1', [manifestSha256])).rows.length > 0;
    throw new EvidenceError(404, 'not_found', exists ? `no file named ${name} in this manifest` : 'no evidence with this manifest hash');
  }

  async function status(manifestSha256: string): Promise<EvidenceStatus> {
    let files = await fileRows(manifestSha256);
    if (!files.length) throw new EvidenceError(404, 'not_found', 'no evidence with this manifest hash');
    await refuseAbandoned(manifestSha256);
    // A file whose last chunk was accepted just before a crash is finished now.
    const stranded = files.filter((file) => !file.complete && Number(file.received) === Number(file.size) && file.chunk_keys.length > 0);
    for (const file of stranded) await finish(manifestSha256, file).catch((error: unknown) => {
      if (!(error instanceof EvidenceError)) throw error;
    });
    if (stranded.length) files = await fileRows(manifestSha256);
    const current = toStatus(manifestSha256, files);
    if (current.complete) await ensureReceipt(manifestSha256);
    return current;
  }

  async function readManifest(row: EvidenceRow): Promise<EvidenceManifest> {
    return EvidenceManifestSchema.parse(JSON.parse(row.manifest));
  }

  return {
    signer,
    tokens,

    /** Publishes the current signing key at /v1/keys (kept there after a rotation). */
    async publishKey(): Promise<void> {
      await sql.query(`INSERT INTO hotline_keys (key_id, pem, jwk, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (key_id) DO NOTHING`, [
        signer.keyId,
        signer.pem,
        JSON.stringify(signer.jwk),
        now(),
      ]);
    },

    async keys(): Promise<HotlineKey[]> {
      const { rows } = await sql.query<{ key_id: string; pem: string; jwk: HotlineKey['jwk'] | string; created_at: Date }>(
        'SELECT key_id, pem, jwk, created_at FROM hotline_keys ORDER BY created_at DESC, key_id',
      );
      return rows.map((row) => ({
        keyId: row.key_id,
        alg: 'ES256' as const,
        jwk: typeof row.jwk === 'string' ? (JSON.parse(row.jwk) as HotlineKey['jwk']) : row.jwk,
        pem: row.pem,
        createdAt: new Date(row.created_at).toISOString(),
      }));
    },

    /** The report's claim checked before anything is stored: a valid extension signature, and the report's listing. */
    async check(claim: EvidenceClaim, listingKey: string): Promise<{ manifest: EvidenceManifest; manifestSha256: string }> {
      let signature: Uint8Array;
      try {
        signature = fromBase64(claim.signature);
      } catch {
        throw new EvidenceError(400, 'invalid_evidence', 'evidence.signature is not base64');
      }
      const checked = await checkSignedManifest(claim.manifest, signature);
      if (!checked.ok) throw new EvidenceError(400, 'invalid_evidence', `evidence: ${checked.reason}`);
      if (checked.manifest.listingKey !== listingKey) {
        throw new EvidenceError(400, 'invalid_evidence', 'evidence: the manifest is for another listing than the report (manifest.listingKey ≠ listing.listingKey)');
      }
      return checked;
    },

    /** Stores the evidence once per manifest and links the report to it; safe to repeat (idempotent replays). */
    async register(checked: { manifest: EvidenceManifest; manifestSha256: string }, claim: EvidenceClaim, reportId: string): Promise<EvidenceUploadTicket> {
      const { manifest, manifestSha256 } = checked;
      await sql.transaction(async (tx) => {
        const { rows } = await tx.query(
          `INSERT INTO evidence (manifest_sha256, manifest, signature, listing_key, reporter_key_id, report_id, total_bytes, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (manifest_sha256) DO NOTHING RETURNING manifest_sha256`,
          [
            manifestSha256,
            claim.manifest,
            claim.signature,
            manifest.listingKey,
            manifest.reporterKey.keyId,
            reportId,
            manifest.files.reduce((sum, file) => sum + file.size, 0),
            now(),
          ],
        );
        if (rows.length) {
          const params: unknown[] = [manifestSha256];
          const values = manifest.files.map((file, index) => {
            params.push(file.name, index, file.role, file.mediaType, file.size, file.sha256);
            const at = params.length - 5;
            return `($1, $${at}, $${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5})`;
          });
          await tx.query(`INSERT INTO evidence_files (manifest_sha256, name, position, role, media_type, size, sha256) VALUES ${values.join(', ')}`, params);
        }
        await tx.query('UPDATE reports SET evidence_sha256 = $1 WHERE id = $2 AND evidence_sha256 IS NULL', [manifestSha256, reportId]);
      });
      const files = await fileRows(manifestSha256);
      return { manifestSha256, uploadToken: tokens.tokenFor(manifestSha256), complete: files.every((file) => file.complete) };
    },

    status,

    /** One chunk of one file, accepted only where the last accepted one ended. */
    async putChunk(manifestSha256: string, name: string, range: ContentRange | undefined, bytes: Uint8Array): Promise<EvidenceStatus> {
      const file = await requireFile(manifestSha256, name);
      const size = Number(file.size);
      const received = Number(file.received);
      if (!range) throw new EvidenceError(400, 'invalid_content_range', 'Content-Range must be "bytes <start>-<end>/<size>" (end inclusive) or "bytes */<size>"');
      if (range.size !== size) throw new EvidenceError(400, 'invalid_content_range', `${name} has ${size} bytes in the manifest, Content-Range says ${range.size}`);
      const mismatch = (why: string) => new EvidenceError(409, 'offset_mismatch', `${why}; resume at byte ${file.complete ? size : received}`, { received: file.complete ? size : received });
      if (range.start === undefined) {
        if (bytes.length) throw new EvidenceError(400, 'invalid_content_range', '"bytes */<size>" carries no body');
        if (!file.complete && received === size) await finish(manifestSha256, file);
        else if (!file.complete) throw mismatch(`${name}: ${received} of ${size} bytes received`);
        return status(manifestSha256);
      }
      const { start, end } = range;
      if (end < start) throw new EvidenceError(400, 'invalid_content_range', 'Content-Range ends before it starts');
      if (end >= size) throw new EvidenceError(400, 'beyond_manifest_size', `${name}: bytes ${start}-${end} go past its ${size} bytes in the manifest`);
      if (bytes.length !== end - start + 1) throw new EvidenceError(400, 'invalid_content_range', `the body has ${bytes.length} bytes, Content-Range announces ${end - start + 1}`);
      if (file.complete) throw mismatch(`${name} is already complete`);
      if (start !== received) throw mismatch(`${name}: this chunk starts at ${start} but ${received} bytes were received`);
      await refuseAbandoned(manifestSha256);
      const key = chunkKey(manifestSha256, name, start);
      await storage.put(key, bytes);
      const { rows } = await sql.query<FileRow>(
        `UPDATE evidence_files SET received = $3, chunk_keys = array_append(chunk_keys, $4)
           WHERE manifest_sha256 = $1 AND name = $2 AND received = $5 AND NOT complete AND ${OPEN} RETURNING ${FILE_COLUMNS}`,
        [manifestSha256, name, end + 1, key, start],
      );
      const updated = rows[0];
      if (!updated) {
        // another request for the same bytes won the race, or the sweep abandoned the upload meanwhile
        await storage.delete([key]).catch(() => undefined);
        await refuseAbandoned(manifestSha256);
        const now = await requireFile(manifestSha256, name);
        const at = now.complete ? size : Number(now.received);
        throw new EvidenceError(409, 'offset_mismatch', `${name}: another upload moved on; resume at byte ${at}`, { received: at });
      }
      if (Number(updated.received) === size) await finish(manifestSha256, updated);
      return status(manifestSha256);
    },

    async receipt(manifestSha256: string): Promise<SignedEvidenceReceipt> {
      const current = await status(manifestSha256);
      const signed = current.complete ? await ensureReceipt(manifestSha256) : undefined;
      if (!signed) {
        const missing = current.files.filter((file) => !file.complete).map((file) => file.name);
        throw new EvidenceError(409, 'incomplete', `the receipt is signed once every file is received; still missing: ${missing.join(', ')}`);
      }
      return signed;
    },

    /** The canonical bundle (with the countersignature); only once every file arrived. */
    async bundle(manifestSha256: string): Promise<{ zip: Uint8Array; trackingCode: string }> {
      const signed = await this.receipt(manifestSha256);
      const row = (await evidenceRow(manifestSha256))!;
      const manifest = await readManifest(row);
      const files = new Map<string, Uint8Array>();
      for (const file of manifest.files) files.set(file.name, await storage.get(fileKey(manifestSha256, file.name)));
      const reporter = await describePublicKey(await importPublicJwk(manifest.reporterKey.jwk));
      const hotlineKey = (await this.keys()).find((key) => key.keyId === signed.keyId);
      if (!hotlineKey) throw new Error(`the receipt's signing key ${signed.keyId} is not among the published keys`);
      const zip = buildBundleZip(
        {
          manifest: row.manifest,
          manifestSignature: row.signature,
          reporterKeyPem: reporter.pem,
          files,
          receipt: { receipt: signed.receipt, signature: signed.signature, hotlineKeyPem: hotlineKey.pem },
        },
        manifest,
      );
      return { zip, trackingCode: row.tracking_code };
    },

    /** A whole file's bytes and its media type from the manifest. */
    async readFile(manifestSha256: string, name: string): Promise<{ bytes: Uint8Array; mediaType: string }> {
      const file = await requireFile(manifestSha256, name);
      await refuseAbandoned(manifestSha256);
      if (!file.complete) throw new EvidenceError(409, 'incomplete', `${name}: ${file.received} of ${file.size} bytes received so far`);
      return { bytes: await storage.get(fileKey(manifestSha256, name)), mediaType: file.media_type };
    },

    /** Chain of custody: which back-office user took the evidence (the bundle or one file), and when, in the append-only audit log. */
    async recordAccess(manifestSha256: string, actorId: string, detail: { what: 'bundle' } | { what: 'file'; name: string }): Promise<void> {
      const { rows } = await sql.query<{ case_id: string }>(
        'SELECT r.case_id::text AS case_id FROM evidence e JOIN reports r ON r.id = e.report_id WHERE e.manifest_sha256 = $1',
        [manifestSha256],
      );
      await writeAudit(sql, { actorId, action: 'evidence_downloaded', caseId: rows[0]?.case_id ?? null, targetId: manifestSha256, detail }, now());
    },

    /** The case the evidence's report belongs to, for the back office's visibility rules. */
    async caseOf(manifestSha256: string): Promise<{ assigned_org: string | null; training: boolean } | undefined> {
      const { rows } = await sql.query<{ assigned_org: string | null; training: boolean }>(
        `SELECT c.assigned_org::text AS assigned_org, c.training FROM evidence e JOIN reports r ON r.id = e.report_id JOIN cases c ON c.id = r.case_id
          WHERE e.manifest_sha256 = $1`,
        [manifestSha256],
      );
      return rows[0];
    },
  };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;

/** Each report's evidence in a case (for the case page): files, progress, countersigned or not. */
export async function evidenceSummaries(sql: Pick<Sql, 'query'>, caseId: string): Promise<Map<string, EvidenceSummary>> {
  const { rows } = await sql.query<{
    report_id: string;
    manifest_sha256: string;
    countersigned: boolean;
    abandoned: boolean;
    name: string;
    role: string;
    media_type: string;
    size: string | number;
    received: string | number;
    complete: boolean;
  }>(
    `SELECT r.id AS report_id, e.manifest_sha256, e.receipt IS NOT NULL AS countersigned, e.abandoned_at IS NOT NULL AS abandoned, f.name, f.role, f.media_type, f.size, f.received, f.complete
       FROM reports r JOIN evidence e ON e.manifest_sha256 = r.evidence_sha256 JOIN evidence_files f ON f.manifest_sha256 = e.manifest_sha256
      WHERE r.case_id = $1 ORDER BY r.id, f.position`,
    [caseId],
  );
  const out = new Map<string, EvidenceSummary>();
  for (const row of rows) {
    let summary = out.get(row.report_id);
    if (!summary) {
      summary = { manifestSha256: row.manifest_sha256, complete: true, countersigned: row.countersigned, abandoned: row.abandoned, files: [] };
      out.set(row.report_id, summary);
    }
    summary.files.push({ name: row.name, role: row.role as EvidenceSummary['files'][number]['role'], mediaType: row.media_type, size: Number(row.size), received: Number(row.received), complete: row.complete });
    summary.complete &&= row.complete;
  }
  return out;
}
