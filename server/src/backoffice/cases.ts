import {
  CASE_TRANSITIONS,
  STATUSES_NEEDING_REASON,
  type CaseDetail,
  type CaseQuery,
  type CaseStatus,
  type CaseSummary,
  type User,
} from '../../../contract/backoffice.ts';
import { MAX_SHOP_LISTING_KEYS, RiskLevelSchema, stripDiacritics, type Assessment, type Report } from '../../../contract/index.ts';
import type { Sql } from '../db.ts';
import { caseHistory, writeAudit } from './audit.ts';
import { evidenceSummaries } from '../evidence/service.ts';


export class CaseError extends Error {
  constructor(
    readonly code: 'not_found' | 'forbidden' | 'invalid_transition' | 'reason_required' | 'unknown_org' | 'invalid_cursor',
    message: string,
  ) {
    super(message);
  }
}

interface CaseRow {
  id: string;
  listing_key: string;
  site: string;
  url: string;
  title: string | null;
  seller_key: string | null;
  seller_name: string | null;
  categories: string[];
  risk_rank: number;
  report_count: number;
  first_reported_at: Date;
  last_reported_at: Date;
  status: CaseStatus;
  priority: CaseSummary['priority'];
  assigned_org: string | null;
  org_name: string | null;
  training: boolean;
  sort_key: string;
}

const SORT_COLUMNS: Record<CaseQuery['sort'], { column: string; type: string }> = {
  last_reported: { column: 'c.last_reported_at', type: 'timestamptz' },
  first_reported: { column: 'c.first_reported_at', type: 'timestamptz' },
  report_count: { column: 'c.report_count', type: 'integer' },
  risk: { column: 'c.risk_rank', type: 'smallint' },
};

const caseSelect = (sortColumn = 'c.last_reported_at') => `SELECT c.id::text, c.listing_key, c.site, c.url, c.title, c.seller_key, c.seller_name,
    c.categories, c.risk_rank, c.report_count, c.first_reported_at, c.last_reported_at, c.status, c.priority,
    c.assigned_org, o.name AS org_name, c.training, ${sortColumn}::text AS sort_key
  FROM cases c LEFT JOIN orgs o ON o.id = c.assigned_org`;

export function toSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    listingKey: row.listing_key,
    site: row.site,
    title: row.title,
    url: row.url,
    seller: { key: row.seller_key, name: row.seller_name },
    categories: row.categories as CaseSummary['categories'],
    riskLevel: RiskLevelSchema.options[row.risk_rank] ?? 'none',
    reportCount: row.report_count,
    firstReportedAt: new Date(row.first_reported_at).toISOString(),
    lastReportedAt: new Date(row.last_reported_at).toISOString(),
    status: row.status,
    priority: row.priority,
    assignedOrg: row.assigned_org ? { id: row.assigned_org, name: row.org_name ?? '' } : null,
    training: row.training,
  };
}

/** Same folding as the database's fold_vi(): no diacritics, đ → d, lower case. */
export function foldVietnamese(text: string): string {
  return stripDiacritics(text).toLowerCase();
}

/** Words of a search box as a prefix tsquery ("giay sieu" → "giay:* & sieu:*"); only [a-z0-9] reach the parser. */
export function searchQuery(q: string): string | undefined {
  const words = foldVietnamese(q).split(/[^a-z0-9]+/).filter(Boolean).slice(0, 8);
  return words.length ? words.map((word) => `${word}:*`).join(' & ') : undefined;
}

const encodeCursor = (sortKey: string, id: string) => Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && /^\d{1,18}$/.test(value[1])) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through
  }
  throw new CaseError('invalid_cursor', 'cursor is not one this server issued');
}

export interface CaseScope {
  /** only this organisation's cases */
  orgId?: string;
  /** training cases (true), real ones (false), or either (undefined: admins) */
  training?: boolean;
}

/**
 * Which cases a user may see: triagers and admins the shared inbox, inspectors their organisation's, trainers the
 * training cases only. Training cases never reach anyone else.
 */
function scopeOf(user: User): CaseScope | 'none' {
  if (user.role === 'admin') return {};
  if (user.role === 'triager') return { training: false };
  if (user.role === 'inspector') return { orgId: user.orgId, training: false };
  if (user.role === 'trainer') return { training: true };
  return 'none';
}

export function mayWork(user: User, row: { assigned_org: string | null; training: boolean }): boolean {
  const scope = scopeOf(user);
  return (
    scope !== 'none' && (scope.orgId === undefined || scope.orgId === row.assigned_org) && (scope.training === undefined || scope.training === row.training)
  );
}

/** The query behind the inbox and the export; exported for the EXPLAIN test. */
export function buildCaseListQuery(query: CaseQuery, scope: CaseScope): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (scope.orgId) where.push(`c.assigned_org = ${param(scope.orgId)}`);
  // Admins see real cases unless they ask for training ones; the scope decides for everyone else.
  const training = scope.training ?? query.training ?? false;
  where.push(training ? 'c.training' : 'NOT c.training');
  if (query.status) where.push(`c.status = ${param(query.status)}`);
  if (query.category) where.push(`c.categories @> ARRAY[${param(query.category)}]::text[]`);
  if (query.site) where.push(`c.site = ${param(query.site)}`);
  if (query.org === 'none') where.push('c.assigned_org IS NULL');
  else if (query.org) where.push(`c.assigned_org = ${param(query.org)}`);
  if (query.q) {
    // A pasted address or listing key finds its case exactly; words search title and seller name.
    if (/^https?:\/\//i.test(query.q)) where.push(`c.url = ${param(query.q)}`);
    else if (/^[\w.-]+:\S+$/.test(query.q)) where.push(`c.listing_key = ${param(query.q)}`);
    else {
      const tsquery = searchQuery(query.q);
      if (tsquery) where.push(`c.search @@ to_tsquery('simple', ${param(tsquery)})`);
    }
  }
  const sort = SORT_COLUMNS[query.sort];
  if (query.cursor) {
    const [sortKey, id] = decodeCursor(query.cursor);
    where.push(`(${sort.column}, c.id) < (${param(sortKey)}::${sort.type}, ${param(id)}::bigint)`);
  }
  const text = `${caseSelect(sort.column)} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${sort.column} DESC, c.id DESC LIMIT ${param(query.limit + 1)}`;
  return { text, params };
}

export function createCaseStore(sql: Sql, now: () => Date = () => new Date()) {
  async function caseRow(id: string, db: Pick<Sql, 'query'> = sql, lock = false): Promise<CaseRow | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const { rows } = await db.query<CaseRow>(`${caseSelect()} WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`, [id]);
    return rows[0];
  }

  async function list(user: User, query: CaseQuery): Promise<{ items: CaseSummary[]; nextCursor: string | null }> {
    const scope = scopeOf(user);
    if (scope === 'none') throw new CaseError('forbidden', 'your role cannot open the case inbox');
    const { text, params } = buildCaseListQuery(query, scope);
    const { rows } = await sql.query<CaseRow>(text, params);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: page.map(toSummary), nextCursor: rows.length > query.limit && last ? encodeCursor(last.sort_key, last.id) : null };
  }

  /**
   * A shop-level case: the shop as its latest report names it and the union of the listing keys its reports named
   * (newest report first, at most MAX_SHOP_LISTING_KEYS), each with its case when one exists and the user may see it.
   */
  async function shopListings(user: User, payloads: readonly Report[]): Promise<CaseDetail['shop']> {
    const shopReports = payloads.filter((payload) => payload.subject === 'shop' && payload.shop);
    const latestShop = shopReports[0]?.shop;
    if (!latestShop) return null;
    const keys = [...new Set(shopReports.flatMap((payload) => payload.shop?.listingKeys ?? []))].slice(0, MAX_SHOP_LISTING_KEYS);
    const training = payloads[0]?.training === true;
    const { rows } = keys.length
      ? await sql.query<CaseRow>(`${caseSelect()} WHERE c.listing_key = ANY($1::text[]) AND c.training = $2`, [keys, training])
      : { rows: [] as CaseRow[] };
    const byKey = new Map(rows.filter((candidate) => mayWork(user, candidate)).map((candidate) => [candidate.listing_key, toSummary(candidate)]));
    return {
      shopId: latestShop.shopId,
      name: latestShop.name ?? null,
      url: latestShop.url,
      listings: keys.map((listingKey) => ({ listingKey, case: byKey.get(listingKey) ?? null })),
    };
  }

  return {
    list,

    /** Every matching case, a page at a time (keyset), so an export never holds them all. Analysts may export. */
    async *iterate(user: User, query: Omit<CaseQuery, 'cursor' | 'limit'>, batch = 500): AsyncGenerator<CaseSummary[]> {
      // Analysts export what triagers see: real cases only.
      const exporter = user.role === 'analyst' ? { ...user, role: 'triager' as const } : user;
      let cursor: string | undefined;
      do {
        const page = await list(exporter, { ...query, cursor, limit: batch });
        if (page.items.length) yield page.items;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },

    async detail(user: User, id: string): Promise<CaseDetail> {
      const row = await caseRow(id);
      if (!row) throw new CaseError('not_found', 'no case with this id');
      if (!mayWork(user, row)) throw new CaseError('forbidden', 'this case belongs to another organisation');
      const [reports, notes, sellerCases, history, evidence] = await Promise.all([
        sql.query<{ id: string; received_at: Date; category: string; reporter_role: string; payload: Report; server_assessment: Assessment | null }>(
          `SELECT id, received_at, category, reporter_role, payload, server_assessment FROM reports WHERE case_id = $1 ORDER BY received_at DESC, id LIMIT 200`,
          [id],
        ),
        sql.query<{ id: string; body: string; created_at: Date; author_id: string; author_name: string; org_name: string }>(
          `SELECT n.id::text, n.body, n.created_at, n.author_id, u.name AS author_name, o.name AS org_name
             FROM case_notes n JOIN users u ON u.id = n.author_id JOIN orgs o ON o.id = u.org_id WHERE n.case_id = $1 ORDER BY n.id`,
          [id],
        ),
        row.seller_key
          ? sql.query<CaseRow>(`${caseSelect()} WHERE c.seller_key = $1 AND c.id <> $2 ORDER BY c.last_reported_at DESC, c.id DESC LIMIT 50`, [row.seller_key, id])
          : Promise.resolve({ rows: [] as CaseRow[] }),
        caseHistory(sql, id),
        evidenceSummaries(sql, id),
      ]);
      const shop = await shopListings(user, reports.rows.map((report) => report.payload));
      return {
        case: toSummary(row),
        shop,
        reports: reports.rows.map((report) => ({
          id: report.id,
          receivedAt: new Date(report.received_at).toISOString(),
          category: report.category as Report['category'],
          reporterRole: report.reporter_role as Report['reporterRole'],
          listing: report.payload.listing,
          note: report.payload.note ?? null,
          assessment: report.server_assessment,
          contact: report.payload.contact ? { name: report.payload.contact.name, phone: report.payload.contact.phone, email: report.payload.contact.email } : null,
          capturedAt: report.payload.capturedAt,
          evidence: evidence.get(report.id) ?? null,
        })),
        notes: notes.rows.map((note) => ({
          id: note.id,
          body: note.body,
          author: { id: note.author_id, name: note.author_name, orgName: note.org_name },
          createdAt: new Date(note.created_at).toISOString(),
        })),
        sellerCases: sellerCases.rows.map(toSummary),
        history,
      };
    },

    async update(
      user: User,
      id: string,
      change: { status?: CaseStatus; assignedOrg?: string | null; priority?: CaseSummary['priority']; reason?: string },
    ): Promise<CaseSummary> {
      await sql.transaction(async (tx) => {
        const row = await caseRow(id, tx, true);
        if (!row) throw new CaseError('not_found', 'no case with this id');
        if (!mayWork(user, row)) throw new CaseError('forbidden', 'this case belongs to another organisation');
        const at = now();
        if (change.assignedOrg !== undefined && change.assignedOrg !== row.assigned_org) {
          if (user.role === 'inspector') throw new CaseError('forbidden', 'only triagers assign cases to organisations');
          if (change.assignedOrg && !(await tx.query('SELECT 1 FROM orgs WHERE id = $1', [change.assignedOrg])).rows.length) {
            throw new CaseError('unknown_org', 'no organisation with this id');
          }
          await tx.query('UPDATE cases SET assigned_org = $2 WHERE id = $1', [id, change.assignedOrg]);
          await writeAudit(tx, { actorId: user.id, action: 'case_assigned', caseId: id, detail: { from: row.assigned_org, to: change.assignedOrg } }, at);
        }
        if (change.status !== undefined && change.status !== row.status) {
          if (!CASE_TRANSITIONS[row.status].includes(change.status)) {
            throw new CaseError('invalid_transition', `a ${row.status} case cannot become ${change.status}; allowed: ${CASE_TRANSITIONS[row.status].join(', ')}`);
          }
          const reopening = row.status === 'closed' || row.status === 'rejected';
          if ((STATUSES_NEEDING_REASON.includes(change.status) || reopening) && !change.reason) {
            throw new CaseError('reason_required', `a reason is required to ${reopening ? 'reopen' : `mark a case ${change.status}`}`);
          }
          await tx.query(
            `UPDATE cases SET status = $2, status_changed_at = $3,
               triaged_at = CASE WHEN triaged_at IS NULL AND $2 <> 'received' THEN $3 ELSE triaged_at END,
               closed_at = CASE WHEN $2 IN ('closed', 'rejected') THEN $3 ELSE NULL END
             WHERE id = $1`,
            [id, change.status, at],
          );
          await writeAudit(tx, { actorId: user.id, action: 'case_status_changed', caseId: id, detail: { from: row.status, to: change.status, reason: change.reason ?? null } }, at);
        }
        if (change.priority !== undefined && change.priority !== row.priority) {
          await tx.query('UPDATE cases SET priority = $2 WHERE id = $1', [id, change.priority]);
          await writeAudit(tx, { actorId: user.id, action: 'case_priority_changed', caseId: id, detail: { from: row.priority, to: change.priority } }, at);
        }
      });
      return toSummary((await caseRow(id))!);
    },

    async addNote(user: User, id: string, body: string) {
      return sql.transaction(async (tx) => {
        const row = await caseRow(id, tx);
        if (!row) throw new CaseError('not_found', 'no case with this id');
        if (!mayWork(user, row)) throw new CaseError('forbidden', 'this case belongs to another organisation');
        const at = now();
        const { rows } = await tx.query<{ id: string }>('INSERT INTO case_notes (case_id, author_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id::text', [id, user.id, body, at]);
        const noteId = rows[0]!.id;
        // The note's text stays in case_notes: the audit log records that a note was added, not what it says.
        await writeAudit(tx, { actorId: user.id, action: 'note_added', caseId: id, targetId: noteId }, at);
        return { id: noteId, body, author: { id: user.id, name: user.name, orgName: user.orgName }, createdAt: at.toISOString() };
      });
    },
  };
}
export type CaseStore = ReturnType<typeof createCaseStore>;
