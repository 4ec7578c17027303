import { createHash, randomUUID } from 'node:crypto';
import { RiskLevelSchema, type Assessment, type Listing, type Receipt, type Report, type ReportStatus } from '../../contract/index.ts';
import { vietnamDay } from './backoffice/stats.ts';
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

/**
 * One statement stores the report, joins it to the case of its listing (one case per listingKey, created on the first
 * report), counts it in the daily rollup and, when an inspector's report takes an unassigned (or new) case into their
 * organisation, writes that to the case's audit log: atomic without a transaction, and one round trip. The case keeps the
 * address, title and seller the first reporter saw; later reports add counts, categories and risk only. A unique
 * violation (tracking code or idempotency key) fails the whole statement, so nothing is counted twice.
 */
const INSERT_REPORT = `
  WITH prior AS (
    -- the case as it stood before this statement (a data-modifying CTE's effects are not visible to its siblings)
    SELECT assigned_org FROM cases WHERE training = $18::boolean AND listing_key = $5
  ), joined AS (
    INSERT INTO cases (listing_key, site, url, title, seller_key, seller_name, categories, risk_rank, report_count,
                       first_reported_at, last_reported_at, status_changed_at, training, assigned_org)
    VALUES ($5, $11, $13, $14, $15, $16, ARRAY[$6]::text[], $17, 1, $9, $9, $9, $18, $20::uuid)
    ON CONFLICT (training, listing_key) DO UPDATE SET
      report_count = cases.report_count + 1,
      last_reported_at = GREATEST(cases.last_reported_at, EXCLUDED.last_reported_at),
      categories = CASE WHEN EXCLUDED.categories <@ cases.categories THEN cases.categories
                        ELSE ARRAY(SELECT DISTINCT unnest(cases.categories || EXCLUDED.categories) ORDER BY 1) END,
      risk_rank = GREATEST(cases.risk_rank, EXCLUDED.risk_rank),
      title = COALESCE(cases.title, EXCLUDED.title),
      seller_key = COALESCE(cases.seller_key, EXCLUDED.seller_key),
      seller_name = COALESCE(cases.seller_name, EXCLUDED.seller_name),
      -- an inspector's report brings an unassigned case into their organisation's view; an assigned one stays
      assigned_org = COALESCE(cases.assigned_org, EXCLUDED.assigned_org)
    RETURNING id, assigned_org
  ), counted AS (
    -- statistics count reports per Vietnam day (UTC+7 all year) from this rollup; training reports never count
    INSERT INTO report_daily (day, site, category, reports) SELECT $10::date, $11, $6, 1 WHERE NOT $18::boolean
    ON CONFLICT (day, site, category) DO UPDATE SET reports = report_daily.reports + 1
  ), audited AS (
    -- why the case is in the inspector's organisation: their report brought it there (not a triager's assignment)
    INSERT INTO audit_log (at, actor_id, action, case_id, target_id, detail)
    SELECT $9, $19::uuid, 'case_assigned_by_report', joined.id, $1::uuid::text, jsonb_build_object('orgId', $20::uuid)
      FROM joined
     WHERE $20::uuid IS NOT NULL AND joined.assigned_org = $20::uuid
       AND NOT EXISTS (SELECT 1 FROM prior WHERE prior.assigned_org IS NOT NULL)
  )
  INSERT INTO reports (id, tracking_code, idempotency_key, body_sha256, listing_key, category, reporter_role, payload,
                       received_at, updated_at, case_id, site, server_assessment, reported_by)
  SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $9, joined.id, $11, $12, $19::uuid FROM joined
  RETURNING id, tracking_code, received_at, body_sha256`;

const isUniqueViolation = (error: unknown) => (error as { code?: string } | undefined)?.code === '23505';

export interface ReportStoreOptions {
  now?: () => Date;
  /** assesses the listing with the server's rule pack; its level becomes the case's risk */
  assessListing?: (listing: Listing) => Assessment;
}

export function createReportStore(sql: Sql, { now = () => new Date(), assessListing }: ReportStoreOptions = {}) {
  async function findByIdempotencyKey(key: string): Promise<ReceiptRow | undefined> {
    const { rows } = await sql.query<ReceiptRow>(
      'SELECT id, tracking_code, received_at, body_sha256 FROM reports WHERE idempotency_key = $1',
      [key],
    );
    return rows[0];
  }

  return {
    /** Stores a validated report once per idempotency key; a replay with the same body returns the first receipt. */
    /**
     * `reporter`: the inspector whose device token came with the report. Without one, a report that claims the
     * inspector role is filed as a volunteer's (a claim proves nothing). The idempotency hash is of the body as sent,
     * so a retry after signing out still finds the first receipt.
     */
    async save(report: Report, idempotencyKey: string | undefined, reporter?: { userId: string; orgId: string }): Promise<SaveOutcome> {
      const bodyHash = createHash('sha256').update(canonicalJson(report)).digest('hex');
      const reporterRole = reporter ? 'inspector' : report.reporterRole === 'inspector' ? 'volunteer' : report.reporterRole;
      const stored: Report = { ...report, reporterRole };
      if (idempotencyKey) {
        const existing = await findByIdempotencyKey(idempotencyKey);
        if (existing) return existing.body_sha256 === bodyHash ? { kind: 'replayed', receipt: toReceipt(existing) } : { kind: 'conflict' };
      }
      const receivedAt = now();
      const id = randomUUID();
      // The server's own reading of the listing: the assessment a page sent is never trusted for triage.
      const assessment = assessListing?.(report.listing);
      const { listing } = report;
      const shopId = listing.shopId ?? listing.seller?.id;
      let inserted: ReceiptRow | undefined;
      for (let attempt = 0; attempt < 5 && !inserted; attempt += 1) {
        try {
          const { rows } = await sql.query<ReceiptRow>(INSERT_REPORT, [
            id,
            newTrackingCode(),
            idempotencyKey ?? null,
            bodyHash,
            listing.listingKey,
            report.category,
            reporterRole,
            JSON.stringify(stored),
            receivedAt,
            vietnamDay(receivedAt),
            listing.site,
            assessment ? JSON.stringify(assessment) : null,
            listing.url,
            listing.title?.normalize('NFC') ?? null,
            shopId ? `${listing.site}:${shopId}` : null,
            listing.seller?.name?.normalize('NFC') ?? null,
            // cases.risk_rank is the level's position: none 0, low 1, medium 2, high 3
            RiskLevelSchema.options.indexOf(assessment?.level ?? 'none'),
            report.training === true,
            reporter?.userId ?? null,
            reporter && report.training !== true ? reporter.orgId : null,
          ]);
          inserted = rows[0];
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          // A concurrent request took the idempotency key (answer as a replay), or the tracking code collided (retry).
          if (idempotencyKey && (await findByIdempotencyKey(idempotencyKey))) break;
        }
      }
      if (!inserted && !idempotencyKey) throw new Error('could not allocate a unique tracking code');
      if (inserted) return { kind: 'created', receipt: toReceipt(inserted) };
      const existing = idempotencyKey ? await findByIdempotencyKey(idempotencyKey) : undefined;
      if (!existing) throw new Error('idempotent replay vanished');
      return existing.body_sha256 === bodyHash ? { kind: 'replayed', receipt: toReceipt(existing) } : { kind: 'conflict' };
    },

    async status(trackingCode: string): Promise<ReportStatus | undefined> {
      const { rows } = await sql.query<{ tracking_code: string; status: ReportStatus['status']; received_at: Date; updated_at: Date }>(
        // A report's status is its case's: a triager's change shows at once to every reporter, with nothing else of the case.
        `SELECT r.tracking_code, c.status, r.received_at, GREATEST(r.received_at, c.status_changed_at) AS updated_at
           FROM reports r JOIN cases c ON c.id = r.case_id WHERE r.tracking_code = $1`,
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


export type ReportStore = ReturnType<typeof createReportStore>;
