import { randomBytes, randomUUID } from 'node:crypto';
import type { User, UserRole } from '../../../contract/backoffice.ts';
import { tokenHash, type Accounts } from '../backoffice/accounts.ts';
import type { Sql } from '../db.ts';

// Device tokens: what an inspector's extension holds after signing in with their hotline account. A token files
// reports under its user (reporterRole inspector, their organisation); it opens nothing else (not the dashboard:
// sessions live in their own table). Only the SHA-256 is stored; revoked tokens stay listed, for the audit.

/** roles whose reports are filed as an inspector's: the field (inspector) and the hotline's own staff */
export const DEVICE_ROLES: readonly UserRole[] = ['inspector', 'triager', 'admin'];

/** `hdt_` and 32 random bytes (base64url): recognisable in a leak report, never a session token */
const TOKEN_PATTERN = /^hdt_[A-Za-z0-9_-]{43}$/;

export interface DeviceTokenInfo {
  id: string;
  userId: string;
  email: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface TokenRow {
  id: string;
  user_id: string;
  email: string;
  label: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toInfo = (row: TokenRow): DeviceTokenInfo => ({
  id: row.id,
  userId: row.user_id,
  email: row.email,
  label: row.label,
  createdAt: new Date(row.created_at).toISOString(),
  lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
  revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
});

/** `last_used_at` is written at most this often per token: one report in a burst pays for it, not each */
const TOUCH_INTERVAL_MS = 60_000;

export function createDeviceTokens(sql: Sql, accounts: Accounts, now: () => Date = () => new Date()) {
  return {
    /** a new token for this user's device; answered once, stored only as its hash */
    async issue(userId: string, label: string): Promise<{ id: string; token: string }> {
      const token = `hdt_${randomBytes(32).toString('base64url')}`;
      const id = randomUUID();
      await sql.query('INSERT INTO device_tokens (id, user_id, token_sha256, label, created_at) VALUES ($1, $2, $3, $4, $5)', [id, userId, tokenHash(token), label, now()]);
      return { id, token };
    },

    /**
     * The active user behind a token that is not revoked, whose role may file inspector reports; undefined
     * otherwise (unknown, revoked, deactivated user, or a role that no longer may).
     */
    async authenticate(token: string): Promise<{ user: User; tokenId: string } | undefined> {
      if (!TOKEN_PATTERN.test(token)) return undefined;
      const { rows } = await sql.query<{ id: string; user_id: string; last_used_at: Date | null }>(
        'SELECT id, user_id, last_used_at FROM device_tokens WHERE token_sha256 = $1 AND revoked_at IS NULL',
        [tokenHash(token)],
      );
      const row = rows[0];
      if (!row) return undefined;
      const user = await accounts.userById(row.user_id);
      if (!user || !user.active || !DEVICE_ROLES.includes(user.role)) return undefined;
      const at = now();
      if (!row.last_used_at || at.getTime() - new Date(row.last_used_at).getTime() > TOUCH_INTERVAL_MS) {
        await sql.query('UPDATE device_tokens SET last_used_at = $2 WHERE id = $1', [row.id, at]);
      }
      return { user, tokenId: row.id };
    },

    /** revokes one token; `userId` limits it to that user's own tokens. Answers whether one was revoked. */
    async revoke(id: string, userId?: string): Promise<boolean> {
      const { rows } = await sql.query<{ id: string }>(
        'UPDATE device_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR user_id = $3) RETURNING id',
        [id, now(), userId ?? null],
      );
      return rows.length > 0;
    },

    /** every device token (admins), newest first, or one user's */
    async list(userId?: string): Promise<DeviceTokenInfo[]> {
      const { rows } = await sql.query<TokenRow>(
        `SELECT t.id, t.user_id, u.email, t.label, t.created_at, t.last_used_at, t.revoked_at
           FROM device_tokens t JOIN users u ON u.id = t.user_id
          WHERE $1::uuid IS NULL OR t.user_id = $1 ORDER BY t.created_at DESC LIMIT 1000`,
        [userId ?? null],
      );
      return rows.map(toInfo);
    },
  };
}
export type DeviceTokens = ReturnType<typeof createDeviceTokens>;
