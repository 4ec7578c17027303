// Evidence retention: uploads that never complete do not keep their bytes for ever, and objects nothing refers to
// (a crash between storing a chunk and recording it, a purge cut short) are removed. Complete evidence is never
// touched. Runs periodically in the server (an unref'd interval) and directly in tests with an injected clock.
import { describeError, type Logger } from '../logger.ts';
import type { Sql } from '../db.ts';
import { fileKey, isChunkKey, type EvidenceStorage, type StoredObject } from './storage.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface SweepOptions {
  /** an upload not complete this many days after its report is abandoned */
  incompleteDays: number;
  /** the sweep's "now" (tests move it) */
  now?: Date;
  /**
   * An object nothing refers to is left alone while younger than this (default 1 h): an upload in flight stores its
   * chunk a moment before the database records it.
   */
  orphanGraceMs?: number;
}

export interface SweepResult {
  /** manifest hashes of the evidence abandoned by this run */
  abandoned: string[];
  /** objects deleted: the chunks and files of abandoned evidence, and orphans */
  deletedObjects: number;
}

/** Objects per database question while looking for orphans. */
const BATCH = 1000;

/** Deletes a few dozen at a time: S3 takes one request per object, and a backlog of leftovers can be long. */
async function deleteAll(storage: EvidenceStorage, keys: readonly string[]): Promise<void> {
  for (let at = 0; at < keys.length; at += 32) await storage.delete(keys.slice(at, at + 32));
}

export async function sweepEvidence({ sql, storage }: { sql: Sql; storage: EvidenceStorage }, options: SweepOptions): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.incompleteDays * DAY_MS);
  const graceCutoff = now.getTime() - (options.orphanGraceMs ?? HOUR_MS);
  let deletedObjects = 0;

  // 1. Give up uploads still incomplete N days after the report. A manifest whose files are all whole is complete
  //    (its receipt is signed on the next status read), so it is never abandoned even without a receipt yet.
  const { rows: abandoned } = await sql.query<{ manifest_sha256: string }>(
    `UPDATE evidence e SET abandoned_at = $1
      WHERE e.receipt IS NULL AND e.abandoned_at IS NULL AND e.created_at < $2
        AND EXISTS (SELECT 1 FROM evidence_files f WHERE f.manifest_sha256 = e.manifest_sha256 AND NOT f.complete)
      RETURNING e.manifest_sha256`,
    [now, cutoff],
  );
  // 2. Delete what they hold: the chunks recorded so far and the files already whole. The rows stay (the case page
  //    says "upload abandoned"); a purge cut short is finished by the orphan pass below, on this run or the next.
  for (const { manifest_sha256: sha } of abandoned) {
    const { rows: files } = await sql.query<{ name: string; chunk_keys: string[]; complete: boolean }>(
      'SELECT name, chunk_keys, complete FROM evidence_files WHERE manifest_sha256 = $1',
      [sha],
    );
    const keys = files.flatMap((file) => [...file.chunk_keys, ...(file.complete ? [fileKey(sha, file.name)] : [])]);
    await deleteAll(storage, keys);
    deletedObjects += keys.length;
    await sql.query(`UPDATE evidence_files SET chunk_keys = '{}' WHERE manifest_sha256 = $1`, [sha]);
  }

  // 3. Orphans: every stored object of abandoned evidence; chunks no evidence file lists (crash leftovers) and
  //    objects of no evidence at all, once older than the grace period. Whole files of live evidence are kept.
  let pending: StoredObject[] = [];
  const settle = async () => {
    const batch = pending;
    pending = [];
    const shas = [...new Set(batch.map((object) => object.key.slice(0, 64)))];
    const { rows } = await sql.query<{ manifest_sha256: string; abandoned: boolean; chunk_keys: string[] | null }>(
      `SELECT e.manifest_sha256, e.abandoned_at IS NOT NULL AS abandoned,
              (SELECT array_agg(k) FROM evidence_files f, unnest(f.chunk_keys) AS k WHERE f.manifest_sha256 = e.manifest_sha256) AS chunk_keys
         FROM evidence e WHERE e.manifest_sha256 = ANY($1::text[])`,
      [shas],
    );
    const known = new Map(rows.map((row) => [row.manifest_sha256, { abandoned: row.abandoned, chunks: new Set(row.chunk_keys ?? []) }]));
    const doomed = batch
      .filter(({ key, lastModified }) => {
        const evidence = known.get(key.slice(0, 64));
        if (evidence?.abandoned) return true;
        if (lastModified.getTime() > graceCutoff) return false;
        if (!evidence) return true;
        return isChunkKey(key) && !evidence.chunks.has(key);
      })
      .map((object) => object.key);
    await deleteAll(storage, doomed);
    deletedObjects += doomed.length;
  };
  for await (const page of storage.list('')) {
    pending.push(...page);
    if (pending.length >= BATCH) await settle();
  }
  if (pending.length) await settle();

  return { abandoned: abandoned.map((row) => row.manifest_sha256), deletedObjects };
}

export interface EvidenceSweeper {
  /** one run now (also what the timer calls); runs never overlap */
  sweep(options?: Partial<SweepOptions>): Promise<SweepResult>;
  /** waits for a run in progress; no further runs */
  stop(): Promise<void>;
}

/**
 * Sweeps a minute after start, then every `intervalMs` (default 6 h). The timers are unref'd: they never keep the
 * process alive; `stop` (server shutdown) clears them and waits for a run in progress before the database closes.
 */
export function startEvidenceSweeper(
  deps: { sql: Sql; storage: EvidenceStorage; logger: Logger },
  settings: { incompleteDays: number; intervalMs?: number; firstRunMs?: number; now?: () => Date },
): EvidenceSweeper {
  let running: Promise<SweepResult> | undefined;
  let stopped = false;
  const sweep = (options: Partial<SweepOptions> = {}): Promise<SweepResult> => {
    if (running) return running;
    const run = sweepEvidence(deps, { incompleteDays: settings.incompleteDays, now: settings.now?.(), ...options }).finally(() => {
      running = undefined;
    });
    running = run;
    return run;
  };
  const tick = () => {
    if (stopped) return;
    sweep().then(
      (result) => {
        if (result.abandoned.length || result.deletedObjects) deps.logger.info('evidence_swept', { abandoned: result.abandoned.length, deletedObjects: result.deletedObjects });
      },
      (error: unknown) => deps.logger.error('evidence_sweep_failed', describeError(error)),
    );
  };
  const first = setTimeout(tick, settings.firstRunMs ?? 60_000);
  const every = setInterval(tick, settings.intervalMs ?? 6 * HOUR_MS);
  first.unref();
  every.unref();
  return {
    sweep,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running?.catch(() => undefined);
    },
  };
}
