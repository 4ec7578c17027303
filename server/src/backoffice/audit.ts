import type { AuditEntry } from '../../../contract/backoffice.ts';
import type { Sql } from '../db.ts';

type Query = Pick<Sql, 'query'>;

export interface AuditEvent {
  actorId: string | null;
  action: string;
  caseId?: string | null;
  targetId?: string | null;
  /** never report bodies, contacts or passwords: what changed, from what, to what */
  detail?: Record<string, unknown>;
}

export async function writeAudit(db: Query, event: AuditEvent, at: Date): Promise<void> {
  await db.query('INSERT INTO audit_log (at, actor_id, action, case_id, target_id, detail) VALUES ($1, $2, $3, $4, $5, $6)', [
    at,
    event.actorId,
    event.action,
    event.caseId ?? null,
    event.targetId ?? null,
    JSON.stringify(event.detail ?? {}),
  ]);
}

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  action: string;
  case_id: string | null;
  target_id: string | null;
  detail: Record<string, unknown>;
}

const AUDIT_SELECT = `SELECT a.id::text, a.at, a.actor_id, u.name AS actor_name, u.email AS actor_email, a.action, a.case_id::text, a.target_id, a.detail
  FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id`;

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '', email: row.actor_email ?? '' } : null,
    action: row.action,
    caseId: row.case_id,
    targetId: row.target_id,
    detail: row.detail ?? {},
  };
}

export async function caseHistory(db: Query, caseId: string): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditRow>(`${AUDIT_SELECT} WHERE a.case_id = $1 ORDER BY a.id`, [caseId]);
  return rows.map(toEntry);
}

/** Newest first, keyset-paginated by id. */
export async function auditPage(db: Query, before: string | undefined, limit: number): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const { rows } = await db.query<AuditRow>(
    `${AUDIT_SELECT} WHERE ($1::bigint IS NULL OR a.id < $1::bigint) ORDER BY a.id DESC LIMIT $2`,
    [before ?? null, limit + 1],
  );
  const items = rows.slice(0, limit).map(toEntry);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
