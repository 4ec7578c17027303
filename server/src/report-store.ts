import { createHash, randomUUID } from 'node:crypto';
import type { Receipt, Report, ReportStatus } from '../../contract/index.ts';
import type { Sql } from './db.ts';
import { newTrackingCode } from './tracking-code.ts';

export type SaveOutcome =
  | { kind: 'created'; receipt: Receipt }
  | { kind: 'replayed'; receipt: Receipt }
  | { kind: 'conflict' };

interface ReceiptRow {
  id: string;
  tracking_code: string;
  received_at: Date;
  body_sha256: string;
}

const toReceipt = (row: ReceiptRow): Receipt => ({
  reportId: row.id,
  trackingCode: row.tracking_code,
  receivedAt: new Date(row.received_at).toISOString(),
});

/** Canonical JSON (sorted keys) so that the same report hashes the same whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function createReportStore(sql: Sql, now: () => Date = () => new Date()) {
  async function findByIdempotencyKey(key: string): Promise<ReceiptRow | undefined> {
    const { rows } = await sql.query<ReceiptRow>(
      'SELECT id, tracking_code, received_at, body_sha256 FROM reports WHERE idempotency_key = $1',
      [key],
    );
    return rows[0];
  }

  return {
    /** Stores a validated report once per idempotency key; a replay with the same body returns the first receipt. */
    async save(report: Report, idempotencyKey: string | undefined): Promise<SaveOutcome> {
      const bodyHash = createHash('sha256').update(canonicalJson(report)).digest('hex');
      if (idempotencyKey) {
        const existing = await findByIdempotencyKey(idempotencyKey);
        if (existing) return existing.body_sha256 === bodyHash ? { kind: 'replayed', receipt: toReceipt(existing) } : { kind: 'conflict' };
      }
      const receivedAt = now();
      const id = randomUUID();
      const inserted = await sql.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO listings (listing_key, site, url, title, report_count, first_reported, last_reported)
           VALUES ($1, $2, $3, $4, 1, $5, $5)
           ON CONFLICT (listing_key) DO UPDATE SET report_count = listings.report_count + 1,
             last_reported = EXCLUDED.last_reported, url = EXCLUDED.url, title = COALESCE(EXCLUDED.title, listings.title)`,
          [report.listing.listingKey, report.listing.site, report.listing.url, report.listing.title ?? null, receivedAt],
        );
        for (let attempt = 0; attempt < 5; attempt += 1) {
          const { rows } = await tx.query<ReceiptRow>(
            `INSERT INTO reports (id, tracking_code, idempotency_key, body_sha256, listing_key, category, reporter_role, payload, received_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
             ON CONFLICT DO NOTHING
             RETURNING id, tracking_code, received_at, body_sha256`,
            [id, newTrackingCode(), idempotencyKey ?? null, bodyHash, report.listing.listingKey, report.category, report.reporterRole, JSON.stringify(report), receivedAt],
          );
          if (rows[0]) return rows[0];
          // Either the tracking code collided (retry with a new one) or a concurrent request took the key.
          if (idempotencyKey && (await tx.query('SELECT 1 FROM reports WHERE idempotency_key = $1', [idempotencyKey])).rows.length) {
            throw new ConcurrentReplay();
          }
        }
        throw new Error('could not allocate a unique tracking code');
      }).catch(async (error: unknown) => {
        if (error instanceof ConcurrentReplay && idempotencyKey) return undefined;
        throw error;
      });
      if (inserted) return { kind: 'created', receipt: toReceipt(inserted) };
      const existing = idempotencyKey ? await findByIdempotencyKey(idempotencyKey) : undefined;
      if (!existing) throw new Error('idempotent replay vanished');
      return existing.body_sha256 === bodyHash ? { kind: 'replayed', receipt: toReceipt(existing) } : { kind: 'conflict' };
    },

    async status(trackingCode: string): Promise<ReportStatus | undefined> {
      const { rows } = await sql.query<{ tracking_code: string; status: ReportStatus['status']; received_at: Date; updated_at: Date }>(
        'SELECT tracking_code, status, received_at, updated_at FROM reports WHERE tracking_code = $1',
        [trackingCode],
      );
      const row = rows[0];
      if (!row) return undefined;
      return {
        trackingCode: row.tracking_code,
        status: row.status,
        receivedAt: new Date(row.received_at).toISOString(),
        updatedAt: new Date(row.updated_at).toISOString(),
      };
    },
  };
}

class ConcurrentReplay extends Error {}

export type ReportStore = ReturnType<typeof createReportStore>;
