import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { LoginRequestSchema, LoginResponseSchema, UserSchema } from '../../../contract/backoffice.ts';
import { clientAddress } from '../client-address.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import { requireUser, SESSION_COOKIE } from '../auth/session.ts';
import { SESSION_HOURS, type Accounts } from '../backoffice/accounts.ts';
import { createRouter, ERRORS, jsonBody, ok, SECURED } from './router.ts';

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

export function authRoutes(accounts: Accounts, throttle: LoginThrottle, trustProxyHops = 0) {
  const router = createRouter();
  router.use('/v1/auth/logout', requireUser(accounts));
  router.use('/v1/auth/me', requireUser(accounts));

  router.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
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
  return router;
}
