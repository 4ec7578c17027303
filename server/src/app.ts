import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { ReportSchema, TrackingCodeSchema, type ApiError } from '../../contract/index.ts';
import { buildOpenApiDocument, registerSecuritySchemes } from './openapi.ts';
import type { ReportStore } from './report-store.ts';
import type { PublishedRulePack } from './rule-pack.ts';
import type { Sql } from './db.ts';
import { createLoginThrottle, type LoginThrottle } from './auth/login-throttle.ts';
import type { Accounts } from './backoffice/accounts.ts';
import type { CaseStore } from './backoffice/cases.ts';
import { adminRoutes } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { caseRoutes } from './routes/cases.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { statsRoutes } from './routes/stats.ts';

export interface AppDeps {
  reports: ReportStore;
  bodyLimitBytes: number;
  rulePack: PublishedRulePack;
  /** the back office: accounts, cases, statistics (same database) */
  sql: Sql;
  accounts: Accounts;
  cases: CaseStore;
  throttle?: LoginThrottle;
  now?: () => Date;
  /** folder of the built dashboard (default .output/admin) */
  dashboardDir?: string;
}

const fail = (c: Context, status: 400 | 404 | 409 | 413 | 415 | 500, body: ApiError) => c.json(body, status);

/** Builds the API from injected dependencies; index.ts serves it, tests call app.request(). */
export function createApp({ reports, bodyLimitBytes, rulePack, sql, accounts, cases, throttle = createLoginThrottle(), now = () => new Date(), dashboardDir }: AppDeps) {
  const app = new OpenAPIHono();

  app.use('*', secureHeaders());
  // Any origin: the API uses no cookies, and the extension calls it (and its health check) from its own origin.
  const apiCors = cors({ origin: '*', allowHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization'], maxAge: 600 });
  app.use('/v1/*', apiCors);
  app.use('/healthz', apiCors);
  // The extension reads the pack's version from the ETag header.
  app.use('/v1/rule-pack', cors({ origin: '*', exposeHeaders: ['ETag'], maxAge: 600 }));

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/v1/openapi.json', (c) => c.json(buildOpenApiDocument(backoffice, new URL(c.req.url).origin)));

  // Extensions poll this: ETag + If-None-Match make an unchanged pack cost one tiny 304.
  app.get('/v1/rule-pack', (c) => {
    c.header('ETag', rulePack.etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === rulePack.etag) return c.body(null, 304);
    return c.json(rulePack.json as object);
  });

  app.post(
    '/v1/reports',
    bodyLimit({
      maxSize: bodyLimitBytes,
      onError: (c) => fail(c, 413, { error: 'payload_too_large', message: `body exceeds ${bodyLimitBytes} bytes` }),
    }),
    async (c) => {
      const contentType = c.req.header('content-type') ?? '';
      if (!/^application\/json\s*(;|$)/i.test(contentType)) {
        return fail(c, 415, { error: 'unsupported_media_type', message: 'send the report as application/json' });
      }
      const idempotencyKey = c.req.header('idempotency-key');
      if (idempotencyKey !== undefined && !/^[\x21-\x7e]{8,200}$/.test(idempotencyKey)) {
        return fail(c, 400, { error: 'invalid_idempotency_key', message: 'Idempotency-Key must be 8–200 visible ASCII characters' });
      }
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return fail(c, 400, { error: 'invalid_json', message: 'body is not valid JSON' });
      }
      const parsed = ReportSchema.safeParse(body);
      if (!parsed.success) {
        return fail(c, 400, {
          error: 'validation_failed',
          message: 'report does not match the schema',
          issues: parsed.error.issues.slice(0, 50).map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
        });
      }
      const outcome = await reports.save(parsed.data, idempotencyKey);
      if (outcome.kind === 'conflict') {
        return fail(c, 409, { error: 'idempotency_conflict', message: 'this Idempotency-Key was used with a different report' });
      }
      return c.json(outcome.receipt, outcome.kind === 'created' ? 201 : 200);
    },
  );

  app.get('/v1/reports/:trackingCode/status', async (c) => {
    const code = TrackingCodeSchema.safeParse(c.req.param('trackingCode').toUpperCase());
    const status = code.success ? await reports.status(code.data) : undefined;
    if (!status) return fail(c, 404, { error: 'not_found', message: 'no report with this tracking code' });
    return c.json(status);
  });

  // The back office: route modules per resource, defined with @hono/zod-openapi so the document is generated from them.
  const backoffice = new OpenAPIHono();
  backoffice.route('/', authRoutes(accounts, throttle));
  backoffice.route('/', adminRoutes(sql, accounts));
  backoffice.route('/', caseRoutes(accounts, cases));
  backoffice.route('/', statsRoutes(sql, accounts, now));
  registerSecuritySchemes(backoffice);
  app.route('/', backoffice);
  app.route('/', dashboardRoutes(dashboardDir));

  app.notFound((c) => fail(c, 404, { error: 'not_found', message: `no route for ${c.req.method} ${new URL(c.req.url).pathname}` }));
  app.onError((error, c) => {
    console.error('[hotline] unhandled error', error);
    return fail(c, 500, { error: 'internal', message: 'internal error; the report was not stored' });
  });
  return app;
}

export type HotlineApp = ReturnType<typeof createApp>;
