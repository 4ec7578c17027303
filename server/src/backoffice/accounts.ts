import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Org, User, UserRole } from '../../../contract/backoffice.ts';
import { DEFAULT_PASSWORD_COST, hashPassword, verifyPassword, type PasswordCost } from '../auth/password.ts';
import type { Sql } from '../db.ts';
import { writeAudit } from './audit.ts';

export const SESSION_HOURS = 12;
export const BOOTSTRAP_ORG_NAME = 'BCĐ 389';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  org_id: string;
  org_name: string;
  active: boolean;
  created_at: Date;
  password_hash: string;
}

const USER_SELECT = `SELECT u.id, u.email, u.name, u.role, u.org_id, o.name AS org_name, u.active, u.created_at, u.password_hash
  FROM users u JOIN orgs o ON o.id = u.org_id`;

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  orgId: row.org_id,
  orgName: row.org_name,
  active: row.active,
  createdAt: new Date(row.created_at).toISOString(),
});

const toOrg = (row: { id: string; name: string; kind: string | null; created_at: Date }): Org => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Bearer tokens (sessions, devices) are stored only as this hash: a database leak hands out no working token. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export class AccountError extends Error {
  constructor(
    readonly code: 'email_taken' | 'org_taken' | 'unknown_org' | 'not_found' | 'self_change',
    message: string,
  ) {
    super(message);
  }
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505';

export interface AccountsOptions {
  now?: () => Date;
  passwordCost?: PasswordCost;
}

export function createAccounts(sql: Sql, { now = () => new Date(), passwordCost = DEFAULT_PASSWORD_COST }: AccountsOptions = {}) {
  // Compared against when the email is unknown, so a miss costs as much time as a wrong password.
  const decoyHash = hashPassword(randomBytes(16).toString('hex'), passwordCost);

  async function userById(id: string): Promise<User | undefined> {
    const { rows } = await sql.query<UserRow>(`${USER_SELECT} WHERE u.id = $1`, [id]);
    return rows[0] && toUser(rows[0]);
  }

  async function orgExists(id: string): Promise<boolean> {
    return (await sql.query('SELECT 1 FROM orgs WHERE id = $1', [id])).rows.length > 0;
  }

  return {
    userById,

    async listOrgs(): Promise<Org[]> {
      const { rows } = await sql.query<{ id: string; name: string; kind: string | null; created_at: Date }>('SELECT id, name, kind, created_at FROM orgs ORDER BY name');
      return rows.map(toOrg);
    },

    async createOrg(actorId: string | null, input: { name: string; kind?: string }): Promise<Org> {
      try {
        return await sql.transaction(async (tx) => {
          const at = now();
          const { rows } = await tx.query<{ id: string; name: string; kind: string | null; created_at: Date }>(
            'INSERT INTO orgs (id, name, kind, created_at) VALUES ($1, $2, $3, $4) RETURNING id, name, kind, created_at',
            [randomUUID(), input.name, input.kind ?? null, at],
          );
          const org = toOrg(rows[0]!);
          await writeAudit(tx, { actorId, action: 'org_created', targetId: org.id, detail: { name: org.name, kind: org.kind } }, at);
          return org;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AccountError('org_taken', `an organisation named ${input.name} exists`);
        throw error;
      }
    },

    async listUsers(): Promise<User[]> {
      const { rows } = await sql.query<UserRow>(`${USER_SELECT} ORDER BY o.name, u.name`);
      return rows.map(toUser);
    },

    async createUser(actorId: string | null, input: { email: string; name: string; role: UserRole; orgId: string; password: string }): Promise<User> {
      if (!(await orgExists(input.orgId))) throw new AccountError('unknown_org', 'no organisation with this id');
      const passwordHash = await hashPassword(input.password, passwordCost);
      const id = randomUUID();
      try {
        await sql.transaction(async (tx) => {
          const at = now();
          await tx.query('INSERT INTO users (id, email, name, role, org_id, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
            id,
            input.email.toLowerCase(),
            input.name,
            input.role,
            input.orgId,
            passwordHash,
            at,
          ]);
          await writeAudit(tx, { actorId, action: 'user_created', targetId: id, detail: { email: input.email.toLowerCase(), role: input.role, orgId: input.orgId } }, at);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AccountError('email_taken', 'a user with this email exists');
        throw error;
      }
      return (await userById(id))!;
    },

    async updateUser(
      actorId: string,
      id: string,
      change: { name?: string; role?: UserRole; orgId?: string; active?: boolean; password?: string },
    ): Promise<User> {
      const before = await userById(id);
      if (!before) throw new AccountError('not_found', 'no user with this id');
      // An admin cannot lock themselves out (demote or deactivate their own account).
      if (id === actorId && ((change.role && change.role !== before.role) || change.active === false)) {
        throw new AccountError('self_change', 'you cannot change your own role or deactivate yourself');
      }
      if (change.orgId && !(await orgExists(change.orgId))) throw new AccountError('unknown_org', 'no organisation with this id');
      const passwordHash = change.password ? await hashPassword(change.password, passwordCost) : null;
      await sql.transaction(async (tx) => {
        const at = now();
        await tx.query(
          `UPDATE users SET name = COALESCE($2, name), role = COALESCE($3, role), org_id = COALESCE($4, org_id),
             active = COALESCE($5, active), password_hash = COALESCE($6, password_hash) WHERE id = $1`,
          [id, change.name ?? null, change.role ?? null, change.orgId ?? null, change.active ?? null, passwordHash],
        );
        // A deactivated account, or one whose password or role changed, must sign in again.
        if (change.active === false || passwordHash || change.role || change.orgId) await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
        // A new password also ends the devices signed in with the old one (a lost laptop is why passwords change).
        if (passwordHash) await tx.query('UPDATE device_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [id, at]);
        const detail: Record<string, unknown> = {};
        for (const key of ['name', 'role', 'orgId', 'active'] as const) {
          if (change[key] !== undefined && change[key] !== before[key]) detail[key] = { from: before[key], to: change[key] };
        }
        if (passwordHash) detail.password = 'changed';
        await writeAudit(tx, { actorId, action: 'user_updated', targetId: id, detail }, at);
      });
      return (await userById(id))!;
    },

    /** The user for these credentials, or undefined; always spends one password derivation. */
    async authenticate(email: string, password: string): Promise<User | undefined> {
      const { rows } = await sql.query<UserRow>(`${USER_SELECT} WHERE u.email = $1`, [email.trim().toLowerCase()]);
      const row = rows[0];
      const valid = await verifyPassword(password, row?.password_hash ?? (await decoyHash));
      return row && valid && row.active ? toUser(row) : undefined;
    },

    async createSession(userId: string): Promise<{ token: string; expiresAt: string }> {
      const token = randomBytes(32).toString('base64url');
      const created = now();
      const expires = new Date(created.getTime() + SESSION_HOURS * 3_600_000);
      await sql.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at < $2', [userId, created]);
      await sql.query('INSERT INTO sessions (token_sha256, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [tokenHash(token), userId, created, expires]);
      return { token, expiresAt: expires.toISOString() };
    },

    /** The active user behind a session token, or undefined when unknown, expired or deactivated. */
    async userForToken(token: string): Promise<User | undefined> {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
      const { rows } = await sql.query<UserRow>(
        `${USER_SELECT} JOIN sessions s ON s.user_id = u.id WHERE s.token_sha256 = $1 AND s.expires_at > $2 AND u.active`,
        [tokenHash(token), now()],
      );
      return rows[0] && toUser(rows[0]);
    },

    async endSession(token: string): Promise<void> {
      await sql.query('DELETE FROM sessions WHERE token_sha256 = $1', [tokenHash(token)]);
    },

    /** First start: with no user at all, create the configured admin in the organisation "BCĐ 389". */
    async bootstrapAdmin(email: string, password: string): Promise<User | undefined> {
      const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
      if ((rows[0]?.n ?? 0) > 0) return undefined;
      const existing = await sql.query<{ id: string }>('SELECT id FROM orgs WHERE name = $1', [BOOTSTRAP_ORG_NAME]);
      const orgId = existing.rows[0]?.id ?? (await this.createOrg(null, { name: BOOTSTRAP_ORG_NAME, kind: 'steering_committee' })).id;
      return this.createUser(null, { email, name: 'Quản trị viên', role: 'admin', orgId, password });
    },
  };
}
export type Accounts = ReturnType<typeof createAccounts>;
