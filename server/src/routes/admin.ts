import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AuditEntrySchema, CreateOrgSchema, CreateUserSchema, OrgSchema, UpdateUserSchema, UserSchema } from '../../../contract/backoffice.ts';
import { requireUser, type BackofficeEnv } from '../auth/session.ts';
import { AccountError, type Accounts } from '../backoffice/accounts.ts';
import { auditPage, writeAudit } from '../backoffice/audit.ts';
import { DeviceTokenInfoSchema } from '../../../contract/device-token.ts';
import type { DeviceTokens } from '../auth/device-token.ts';
import type { Sql } from '../db.ts';
import { createRouter, ERRORS, jsonBody, ok, SECURED } from './router.ts';

const idParam = z.object({ id: z.uuid() });

const listOrgs = createRoute({
  method: 'get',
  path: '/v1/orgs',
  tags: ['organisations'],
  summary: 'Every organisation (for assignment and filters)',
  security: SECURED,
  responses: { 200: ok(z.object({ items: z.array(OrgSchema) }), 'Organisations'), 401: ERRORS[401], 500: ERRORS[500] },
});

const createOrg = createRoute({
  method: 'post',
  path: '/v1/admin/orgs',
  tags: ['admin'],
  summary: 'Create an organisation (an enforcement force or provincial team)',
  security: SECURED,
  request: { body: jsonBody(CreateOrgSchema) },
  responses: { 201: ok(OrgSchema, 'Created'), 400: ERRORS[400], 401: ERRORS[401], 403: ERRORS[403], 409: ERRORS[409], 500: ERRORS[500] },
});

const listUsers = createRoute({
  method: 'get',
  path: '/v1/admin/users',
  tags: ['admin'],
  summary: 'Every user',
  security: SECURED,
  responses: { 200: ok(z.object({ items: z.array(UserSchema) }), 'Users'), 401: ERRORS[401], 403: ERRORS[403], 500: ERRORS[500] },
});

const createUser = createRoute({
  method: 'post',
  path: '/v1/admin/users',
  tags: ['admin'],
  summary: 'Create a user in an organisation with a role',
  security: SECURED,
  request: { body: jsonBody(CreateUserSchema) },
  responses: { 201: ok(UserSchema, 'Created'), 400: ERRORS[400], 401: ERRORS[401], 403: ERRORS[403], 409: ERRORS[409], 500: ERRORS[500] },
});

const updateUser = createRoute({
  method: 'patch',
  path: '/v1/admin/users/{id}',
  tags: ['admin'],
  summary: "Change a user's name, role, organisation, password or deactivate them (their sessions end)",
  security: SECURED,
  request: { params: idParam, body: jsonBody(UpdateUserSchema) },
  responses: { 200: ok(UserSchema, 'Updated'), 400: ERRORS[400], 401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404], 409: ERRORS[409], 500: ERRORS[500] },
});

const audit = createRoute({
  method: 'get',
  path: '/v1/admin/audit',
  tags: ['admin'],
  summary: 'The append-only audit log, newest first',
  security: SECURED,
  request: { query: z.object({ cursor: z.string().regex(/^\d{1,18}$/).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { 200: ok(z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }), 'Entries'), 401: ERRORS[401], 403: ERRORS[403], 500: ERRORS[500] },
});

const listDeviceTokens = createRoute({
  method: 'get',
  path: '/v1/admin/device-tokens',
  tags: ['admin'],
  summary: 'Every device token inspectors signed in with from the extension (revoked ones too), newest first',
  security: SECURED,
  request: { query: z.object({ userId: z.uuid().optional() }) },
  responses: { 200: ok(z.object({ items: z.array(DeviceTokenInfoSchema) }), 'Device tokens'), 401: ERRORS[401], 403: ERRORS[403], 500: ERRORS[500] },
});

const revokeDeviceToken = createRoute({
  method: 'delete',
  path: '/v1/admin/device-tokens/{id}',
  tags: ['admin'],
  summary: "Revoke a device token (a lost laptop): that extension's next report is answered 401 and kept until its user signs in again",
  security: SECURED,
  request: { params: idParam },
  responses: { 204: { description: 'Revoked' }, 401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404], 500: ERRORS[500] },
});

function accountFailure(c: Context<BackofficeEnv>, error: unknown) {
  if (!(error instanceof AccountError)) throw error;
  const status = error.code === 'not_found' ? 404 : error.code === 'unknown_org' ? 400 : error.code === 'self_change' ? 403 : 409;
  return c.json({ error: error.code, message: error.message }, status);
}

export function adminRoutes(sql: Sql, accounts: Accounts, deviceTokens?: DeviceTokens) {
  const router = createRouter();
  router.use('/v1/orgs', requireUser(accounts));
  router.use('/v1/admin/*', requireUser(accounts, ['admin']));

  router.openapi(listOrgs, async (c) => c.json({ items: await accounts.listOrgs() }, 200));
  router.openapi(createOrg, async (c) => {
    try {
      return c.json(await accounts.createOrg(c.get('user').id, c.req.valid('json')), 201);
    } catch (error) {
      return accountFailure(c, error) as never;
    }
  });
  router.openapi(listUsers, async (c) => c.json({ items: await accounts.listUsers() }, 200));
  router.openapi(createUser, async (c) => {
    try {
      return c.json(await accounts.createUser(c.get('user').id, c.req.valid('json')), 201);
    } catch (error) {
      return accountFailure(c, error) as never;
    }
  });
  router.openapi(updateUser, async (c) => {
    try {
      return c.json(await accounts.updateUser(c.get('user').id, c.req.valid('param').id, c.req.valid('json')), 200);
    } catch (error) {
      return accountFailure(c, error) as never;
    }
  });
  router.openapi(audit, async (c) => {
    const { cursor, limit } = c.req.valid('query');
    return c.json(await auditPage(sql, cursor, limit), 200);
  });
  if (deviceTokens) {
    router.openapi(listDeviceTokens, async (c) => c.json({ items: await deviceTokens.list(c.req.valid('query').userId) }, 200));
    router.openapi(revokeDeviceToken, async (c) => {
      const id = c.req.valid('param').id;
      if (!(await deviceTokens.revoke(id))) return c.json({ error: 'not_found', message: 'no active device token with this id' }, 404);
      await writeAudit(sql, { actorId: c.get('user').id, action: 'device_token_revoked', targetId: id, detail: {} }, new Date());
      return c.body(null, 204);
    });
  }
  return router;
}
