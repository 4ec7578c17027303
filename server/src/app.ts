import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { describeError, silentLogger, type Logger } from './logger.ts';
import type { ByteQuota, RateLimiter } from './rate-limit.ts';
import type { ApiError } from '../../contract/index.ts';
import { buildOpenApiDocument, registerSecuritySchemes } from './openapi.ts';
import type { ReportStore } from './report-store.ts';
import type { PublishedRulePack } from './rule-pack.ts';
import type { Sql } from './db.ts';
import { createLoginThrottle, type LoginThrottle } from './auth/login-throttle.ts';
import { createDeviceTokens } from './auth/device-token.ts';
import type { Accounts } from './backoffice/accounts.ts';
import type { CaseStore } from './backoffice/cases.ts';
import { adminRoutes } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { caseRoutes } from './routes/cases.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import type { EvidenceService } from './evidence/service.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { keyRoutes } from './routes/keys.ts';
import { documentRoutes } from './routes/document.ts';
import { healthRoutes } from './routes/health.ts';
import { reportRoutes } from './routes/reports.ts';
import { rulePackRoutes } from './routes/rule-pack.ts';
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
  /** signed evidence: manifests with reports, chunked uploads, countersigned receipts (absent: reports with evidence get 503) */
  evidence?: EvidenceService;
  /** per-client token buckets on evidence chunk uploads */
  uploadRateLimit?: RateLimiter;
  /** per-client daily allowance of evidence bytes */
  uploadByteQuota?: ByteQuota;
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9-]{1,64}$/;

const fail = (c: Context, status: 400 | 404 | 500, body: ApiError) => c.json(body, status);

/** Builds the API from injected dependencies; index.ts serves it, tests call app.request(). */
export function createApp({ reports, bodyLimitBytes, rulePack, sql, accounts, cases, throttle = createLoginThrottle(), now = () => new Date(), dashboardDir, logger = silentLogger, publicUrl, corsOrigins = [], reportRateLimit, trustProxyHops = 0, evidence, uploadRateLimit, uploadByteQuota }: AppDeps) {
  const app = new OpenAPIHono();
  const deviceTokens = createDeviceTokens(sql, accounts, now);

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
  // Authorization: an inspector's device token on reports (and the extension's sign-in and sign-out at /v1/auth/device).
  const apiCors = cors({ origin: allowOrigin, allowHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization'], allowMethods: ['GET', 'HEAD', 'POST', 'DELETE'], exposeHeaders: ['Retry-After'], maxAge: 600 });
  app.use('/v1/reports', apiCors);
  app.use('/v1/reports/*', apiCors);
  app.use('/healthz', apiCors);
  app.use('/v1/auth/device', apiCors);
  // Evidence uploads come from the extension with the upload token; the back office is same-origin.
  const evidenceCors = cors({ origin: allowOrigin, allowMethods: ['GET', 'PUT'], allowHeaders: ['Authorization', 'Content-Type', 'Content-Range'], exposeHeaders: ['Retry-After'], maxAge: 600 });
  app.use('/v1/evidence/*', evidenceCors);
  app.use('/v1/keys', evidenceCors);
  // The extension reads the pack's version from the ETag header.
  app.use('/v1/rule-pack', cors({ origin: allowOrigin, exposeHeaders: ['ETag'], maxAge: 600 }));

  // Route modules defined with @hono/zod-openapi: the document is generated from the definitions that serve.
  app.route('/', healthRoutes());
  app.route('/', documentRoutes(() => buildOpenApiDocument(app, publicUrl)));
  app.route('/', rulePackRoutes(rulePack));
  app.route('/', reportRoutes({ reports, bodyLimitBytes, reportRateLimit, trustProxyHops, logger, evidence, deviceTokens }));
  app.route('/', evidenceRoutes({ evidence, accounts, uploadRateLimit, uploadByteQuota, trustProxyHops, logger }));
  app.route('/', keyRoutes(evidence));
  app.route('/', authRoutes(accounts, throttle, trustProxyHops, deviceTokens));
  app.route('/', adminRoutes(sql, accounts, deviceTokens));
  app.route('/', caseRoutes(accounts, cases));
  app.route('/', statsRoutes(sql, accounts, now));
  registerSecuritySchemes(app);
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
