import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { clientAddress, rateLimitKey } from './client-address.ts';
import { describeError, silentLogger, type Logger } from './logger.ts';
import type { RateLimiter } from './rate-limit.ts';
import { cleanStrings, findTooDeep, ReportSchema, TrackingCodeSchema, type ApiError } from '../../contract/index.ts';
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
  logger?: Logger;
  /** the address this API is published at (OpenAPI `servers`); never taken from the request's Host header */
  publicUrl?: string;
  /** origins besides the extension's own (chrome-extension://, moz-extension://) that browsers may call from */
  corsOrigins?: readonly string[];
  /** per-client token buckets on report submission */
  reportRateLimit?: RateLimiter;
  /** reverse proxies in front of the server whose X-Forwarded-For is trusted */
  trustProxyHops?: number;
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9-]{1,64}$/;

/** A report nests 6 levels at most (listing.provenance.title.alternatives[0].value[…]); anything deeper is hostile. */
const MAX_REPORT_DEPTH = 10;

const fail = (c: Context, status: 400 | 404 | 409 | 413 | 415 | 429 | 500, body: ApiError) => c.json(body, status);

/** Builds the API from injected dependencies; index.ts serves it, tests call app.request(). */
export function createApp({ reports, bodyLimitBytes, rulePack, sql, accounts, cases, throttle = createLoginThrottle(), now = () => new Date(), dashboardDir, logger = silentLogger, publicUrl, corsOrigins = [], reportRateLimit, trustProxyHops = 0 }: AppDeps) {
  const app = new OpenAPIHono();

  app.use('*', requestId({ limitLength: 64 }));
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', { requestId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) });
  });
  app.use('*', secureHeaders());
  // Browsers may call the API from the extension (and configured origins) only: a web page cannot make its visitors'
  // browsers post reports. The dashboard is same-origin and needs no CORS.
  const allowOrigin = (origin: string) => (EXTENSION_ORIGIN.test(origin) || corsOrigins.includes(origin) ? origin : null);
  const apiCors = cors({ origin: allowOrigin, allowHeaders: ['Content-Type', 'Idempotency-Key'], exposeHeaders: ['Retry-After'], maxAge: 600 });
  app.use('/v1/reports', apiCors);
  app.use('/v1/reports/*', apiCors);
  app.use('/healthz', apiCors);
  // The extension reads the pack's version from the ETag header.
  app.use('/v1/rule-pack', cors({ origin: allowOrigin, exposeHeaders: ['ETag'], maxAge: 600 }));

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/v1/openapi.json', (c) => c.json(buildOpenApiDocument(backoffice, publicUrl)));

  // Extensions poll this: ETag + If-None-Match make an unchanged pack cost one tiny 304.
  app.get('/v1/rule-pack', (c) => {
    c.header('ETag', rulePack.etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === rulePack.etag) return c.body(null, 304);
    return c.json(rulePack.json as object);
  });

  app.post(
    '/v1/reports',
    async (c, next) => {
      // Before the body is read: a flood costs one map lookup per request.
      const verdict = reportRateLimit?.take(rateLimitKey(clientAddress(c, trustProxyHops)));
      if (verdict && !verdict.ok) {
        const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
        c.header('Retry-After', String(seconds));
        logger.warn('rate_limited', { requestId: c.get('requestId'), retryAfter: seconds });
        return fail(c, 429, { error: 'rate_limited', message: `too many reports from this address; try again in ${seconds} s` });
      }
      await next();
    },
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
      const tooDeep = findTooDeep(body, MAX_REPORT_DEPTH);
      if (tooDeep) {
        return fail(c, 400, { error: 'validation_failed', message: `JSON nests deeper than ${MAX_REPORT_DEPTH} levels`, issues: [{ path: tooDeep, message: 'too deep' }] });
      }
      // Page text is cleaned exactly as the extension cleans it before queueing (lone surrogates, control characters).
      const parsed = ReportSchema.safeParse(cleanStrings(body));
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
  backoffice.route('/', authRoutes(accounts, throttle, trustProxyHops));
  backoffice.route('/', adminRoutes(sql, accounts));
  backoffice.route('/', caseRoutes(accounts, cases));
  backoffice.route('/', statsRoutes(sql, accounts, now));
  registerSecuritySchemes(backoffice);
  app.route('/', backoffice);
  app.route('/', dashboardRoutes(dashboardDir));

  app.notFound((c) => fail(c, 404, { error: 'not_found', message: `no route for ${c.req.method} ${new URL(c.req.url).pathname}` }));
  app.onError((error, c) => {
    // PostgreSQL "data exception" (class 22: a NUL byte, an out-of-range number, a malformed value) is bad input.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('22')) {
      return fail(c, 400, { error: 'invalid_input', message: 'a value in the request cannot be stored; nothing was changed' });
    }
    logger.error('unhandled_error', { requestId: c.get('requestId'), method: c.req.method, path: c.req.path, ...describeError(error) });
    return fail(c, 500, { error: 'internal', message: 'internal error; nothing was stored' });
  });
  return app;
}

export type HotlineApp = ReturnType<typeof createApp>;
