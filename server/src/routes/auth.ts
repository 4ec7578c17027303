import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { LoginRequestSchema, LoginResponseSchema, UserSchema, type User } from '../../../contract/backoffice.ts';
import { DeviceLoginRequestSchema, DeviceLoginResponseSchema, DeviceSessionSchema, type DeviceUser } from '../../../contract/device-token.ts';
import { clientAddress } from '../client-address.ts';
import { DEVICE_ROLES, type DeviceTokens } from '../auth/device-token.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import { requireUser, SESSION_COOKIE } from '../auth/session.ts';
import { SESSION_HOURS, type Accounts } from '../backoffice/accounts.ts';
import { createRouter, ERRORS, errorResponse, jsonBody, ok, SECURED } from './router.ts';

const login = createRoute({
  method: 'post',
  path: '/v1/auth/login',
  tags: ['auth'],
  summary: 'Sign in; answers a bearer token and sets the dashboard session cookie',
  request: { body: jsonBody(LoginRequestSchema) },
  responses: { 200: ok(LoginResponseSchema, 'Signed in'), 400: ERRORS[400], 401: ERRORS[401], 429: ERRORS[429], 500: ERRORS[500] },
});

const logout = createRoute({
  method: 'post',
  path: '/v1/auth/logout',
  tags: ['auth'],
  summary: 'End this session',
  security: SECURED,
  responses: { 204: { description: 'Signed out' }, 401: ERRORS[401], 500: ERRORS[500] },
});

const me = createRoute({
  method: 'get',
  path: '/v1/auth/me',
  tags: ['auth'],
  summary: 'The signed-in user',
  security: SECURED,
  responses: { 200: ok(z.object({ user: UserSchema }), 'The user'), 401: ERRORS[401], 500: ERRORS[500] },
});

const deviceLogin = createRoute({
  method: 'post',
  path: '/v1/auth/device',
  tags: ['auth'],
  summary: "Inspector sign-in from the extension: answers a device token that files reports under the user's account",
  description:
    'For inspectors, triagers and admins. The token is sent as `Authorization: Bearer` with POST /v1/reports; it opens nothing else. Failed attempts are throttled exactly as /v1/auth/login (shared counters).',
  request: { body: jsonBody(DeviceLoginRequestSchema) },
  responses: {
    201: ok(DeviceLoginResponseSchema, 'Signed in; the token is shown only this once'),
    400: ERRORS[400],
    401: ERRORS[401],
    403: errorResponse('The account’s role does not file inspector reports'),
    429: ERRORS[429],
    500: ERRORS[500],
  },
});

const DEVICE_SECURED: Record<string, string[]>[] = [{ bearerAuth: [] }];

const deviceWhoAmI = createRoute({
  method: 'get',
  path: '/v1/auth/device',
  tags: ['auth'],
  summary: 'The user and device behind a device token (the extension checks it is still valid)',
  security: DEVICE_SECURED,
  responses: { 200: ok(DeviceSessionSchema, 'Valid'), 401: errorResponse('No valid device token (unknown, revoked, or the account may no longer report)'), 500: ERRORS[500] },
});

const deviceLogout = createRoute({
  method: 'delete',
  path: '/v1/auth/device',
  tags: ['auth'],
  summary: 'Revoke the device token this request carries (the extension signs out)',
  security: DEVICE_SECURED,
  responses: { 204: { description: 'Revoked' }, 401: ERRORS[401], 500: ERRORS[500] },
});

const toDeviceUser = (user: User): DeviceUser => ({ email: user.email, name: user.name, role: user.role, org: { id: user.orgId, name: user.orgName } });

/** the bearer token of a request, if it has the Authorization header at all (`null`: present but malformed) */
export function bearerToken(header: string | undefined): string | null | undefined {
  if (header === undefined) return undefined;
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? null;
}

export function authRoutes(accounts: Accounts, throttle: LoginThrottle, trustProxyHops = 0, deviceTokens?: DeviceTokens) {
  const router = createRouter();
  router.use('/v1/auth/logout', requireUser(accounts));
  router.use('/v1/auth/me', requireUser(accounts));

  /** email + password, throttled per account and per address (shared by both sign-ins); a Response when refused */
  async function checkCredentials(c: Context, email: string, password: string): Promise<User | Response> {
    const keys = [`email:${email.trim().toLowerCase()}`, `ip:${clientAddress(c, trustProxyHops)}`];
    const waitMs = throttle.check(keys);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      c.header('Retry-After', String(seconds));
      return c.json({ error: 'too_many_attempts', message: `too many failed sign-ins; try again in ${seconds} s` }, 429);
    }
    const user = await accounts.authenticate(email, password);
    if (!user) {
      throttle.fail(keys);
      return c.json({ error: 'invalid_credentials', message: 'wrong email or password' }, 401);
    }
    throttle.succeed(keys);
    return user;
  }

  router.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    const user = await checkCredentials(c, email, password);
    if (user instanceof Response) return user as never;
    const session = await accounts.createSession(user.id);
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.json({ token: session.token, expiresAt: session.expiresAt, user }, 200);
  });

  router.openapi(logout, async (c) => {
    await accounts.endSession(c.get('sessionToken'));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  router.openapi(me, (c) => c.json({ user: c.get('user') }, 200));

  if (deviceTokens) {
    router.openapi(deviceLogin, async (c) => {
      const { email, password, label } = c.req.valid('json');
      const user = await checkCredentials(c, email, password);
      if (user instanceof Response) return user as never;
      if (!DEVICE_ROLES.includes(user.role)) {
        return c.json({ error: 'forbidden', message: `only ${DEVICE_ROLES.join(', ')} accounts sign in on a device; volunteers report anonymously` }, 403);
      }
      const { id, token } = await deviceTokens.issue(user.id, label);
      return c.json({ token, tokenId: id, user: toDeviceUser(user) }, 201);
    });

    const deviceAuth = async (c: Context) => {
      const token = bearerToken(c.req.header('authorization'));
      return token ? deviceTokens.authenticate(token) : undefined;
    };
    const unauthorized = { error: 'unauthorized', message: 'no valid device token; sign in again (POST /v1/auth/device)' };

    router.openapi(deviceWhoAmI, async (c) => {
      const found = await deviceAuth(c);
      if (!found) return c.json(unauthorized, 401);
      const label = (await deviceTokens.list(found.user.id)).find((info) => info.id === found.tokenId)?.label ?? '';
      return c.json({ tokenId: found.tokenId, label, user: toDeviceUser(found.user) }, 200);
    });

    router.openapi(deviceLogout, async (c) => {
      const found = await deviceAuth(c);
      if (!found) return c.json(unauthorized, 401);
      await deviceTokens.revoke(found.tokenId, found.user.id);
      return c.body(null, 204);
    });
  }
  return router;
}
