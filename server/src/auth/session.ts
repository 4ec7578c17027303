import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { User, UserRole } from '../../../contract/backoffice.ts';
import type { Accounts } from '../backoffice/accounts.ts';

export const SESSION_COOKIE = 'hotline_session';

export interface BackofficeEnv {
  Variables: { user: User; sessionToken: string };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The bearer token, else the dashboard's HttpOnly session cookie; `viaCookie` tells which. */
export function sessionToken(c: Context): { token: string; viaCookie: boolean } | undefined {
  const header = c.req.header('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? { token: match[1]!, viaCookie: false } : undefined;
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? { token: cookie, viaCookie: true } : undefined;
}

/**
 * 401 without a valid session, 403 when the user's role is not among `roles`. A cookie only authenticates
 * state-changing requests from the dashboard's own origin (the cookie is SameSite=Strict too): no CSRF.
 */
export function requireUser(accounts: Accounts, roles?: readonly UserRole[]): MiddlewareHandler<BackofficeEnv> {
  return async (c, next) => {
    const found = sessionToken(c);
    const user = found ? await accounts.userForToken(found.token) : undefined;
    if (!found || !user) return c.json({ error: 'unauthorized', message: 'sign in first (POST /v1/auth/login)' }, 401);
    if (found.viaCookie && !SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin !== undefined && origin !== new URL(c.req.url).origin) {
        return c.json({ error: 'forbidden', message: 'cross-site request refused' }, 403);
      }
    }
    if (roles && !roles.includes(user.role)) {
      return c.json({ error: 'forbidden', message: `this needs one of the roles: ${roles.join(', ')}` }, 403);
    }
    c.set('user', user);
    c.set('sessionToken', found.token);
    await next();
  };
}
