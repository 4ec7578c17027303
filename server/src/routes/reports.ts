import { createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cleanStrings, findTooDeep, ReceiptSchema, ReportSchema, ReportStatusSchema, TrackingCodeSchema, type ApiError } from '../../../contract/index.ts';
import { clientAddress, rateLimitKey } from '../client-address.ts';
import type { Logger } from '../logger.ts';
import { EXAMPLE_REPORT } from '../openapi.ts';
import type { RateLimiter } from '../rate-limit.ts';
import type { ReportStore } from '../report-store.ts';
import type { DeviceTokens } from '../auth/device-token.ts';
import { bearerToken } from './auth.ts';
import { EvidenceError, type EvidenceService } from '../evidence/service.ts';
import { createRouter, ERRORS, errorResponse, ok, rateLimited } from './router.ts';

/** A report nests 6 levels at most (listing.provenance.title.alternatives[0].value[…]); anything deeper is hostile. */
const MAX_REPORT_DEPTH = 10;

const Report = ReportSchema.meta({ id: 'Report', example: EXAMPLE_REPORT });
const Receipt = ReceiptSchema.meta({ id: 'Receipt' });
const ReportStatus = ReportStatusSchema.meta({ id: 'ReportStatus' });

const IdempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{8,200}$/)
  .optional()
  .meta({ description: 'Client-chosen key, 8–200 visible ASCII characters; a retry with the same key and body returns the first receipt with 200.' });

/** Codes are read aloud and typed from paper: any letter case finds the report. */
const TrackingCodeParam = z
  .string()
  .meta({ description: 'the tracking code on the receipt, in any letter case', example: '7KQ2-M9XD-4TPA', pattern: '^[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}$' })
  .transform((code) => code.toUpperCase())
  .pipe(TrackingCodeSchema);

const submitReport = createRoute({
  method: 'post',
  path: '/v1/reports',
  tags: ['reporting'],
  operationId: 'submitReport',
  summary: 'Submit a report',
  // anonymous, or an inspector's device token (POST /v1/auth/device)
  security: [{}, { bearerAuth: [] }],
  request: {
    headers: z.object({ 'Idempotency-Key': IdempotencyKeySchema }),
    body: { required: true, content: { 'application/json': { schema: Report } } },
  },
  responses: {
    201: ok(Receipt, 'Stored'),
    200: ok(Receipt, 'Replay of an earlier request with the same Idempotency-Key'),
    400: errorResponse('Invalid JSON, JSON nested too deep, a malformed Idempotency-Key, a schema violation (issues name the field paths), or evidence whose signature does not verify or whose manifest is for another listing (error invalid_evidence)'),
    503: errorResponse('The report carries evidence and this server does not take evidence'),
    401: errorResponse('An Authorization header whose device token is not valid (revoked, unknown, or its account may no longer report)'),
    409: errorResponse('Idempotency-Key reused with a different body'),
    413: errorResponse('Body too large'),
    415: errorResponse('Content-Type is not application/json'),
    429: { ...ERRORS[429], description: 'Too many reports from this address; see Retry-After' },
    500: ERRORS[500],
  },
});

const reportStatus = createRoute({
  method: 'get',
  path: '/v1/reports/{trackingCode}/status',
  tags: ['reporting'],
  operationId: 'reportStatus',
  summary: 'Status of a report by its tracking code (nothing personal)',
  request: { params: z.object({ trackingCode: TrackingCodeParam }) },
  responses: { 200: ok(ReportStatus, 'Status'), 404: errorResponse('Unknown or malformed tracking code'), 500: ERRORS[500] },
});

export interface ReportRouteDeps {
  reports: ReportStore;
  bodyLimitBytes: number;
  /** per-client token buckets on report submission */
  reportRateLimit?: RateLimiter;
  trustProxyHops: number;
  logger: Logger;
  /** checks and stores the signed evidence manifest a report may carry */
  evidence?: EvidenceService;
  /** inspectors' device tokens: a report with `Authorization: Bearer <token>` is filed under its user */
  deviceTokens?: DeviceTokens;
}

const fail = (c: Context, status: 400 | 404 | 409 | 413 | 415 | 429 | 503, body: ApiError) => c.json(body, status);

export function reportRoutes({ reports, bodyLimitBytes, reportRateLimit, trustProxyHops, logger, evidence, deviceTokens }: ReportRouteDeps) {
  const router = createRouter();

  // The reporter a request's device token names (authenticated once, before the rate limit), by request.
  const reporters = new WeakMap<Request, Awaited<ReturnType<DeviceTokens['authenticate']>>>();
  const limitRate: MiddlewareHandler = async (c, next) => {
    // An inspector's valid device token makes the report accountable: it is not subject to the anonymous
    // per-address limit (a batch of 40 from one office is normal). A bad token is limited like anonymous traffic.
    const token = bearerToken(c.req.header('authorization'));
    if (token && deviceTokens) {
      const reporter = await deviceTokens.authenticate(token);
      reporters.set(c.req.raw, reporter);
      if (reporter) return next();
    }
    // Before the body is read: a flood costs one map lookup per request.
    const verdict = reportRateLimit?.take(rateLimitKey(clientAddress(c, trustProxyHops)));
    if (verdict && !verdict.ok) return rateLimited(c, logger, verdict.retryAfterMs, 'too many reports from this address');
    await next();
  };
  const limitBody = bodyLimit({
    maxSize: bodyLimitBytes,
    onError: (c) => fail(c, 413, { error: 'payload_too_large', message: `body exceeds ${bodyLimitBytes} bytes` }),
  });

  // The body is read by our own code (depth bound, then text cleaning, then the schema) with our own answers, so the
  // route is documented from its definition but not given the generated validators.
  router.openAPIRegistry.registerPath(submitReport);
  router.on(submitReport.method, submitReport.getRoutingPath(), limitRate, limitBody, async (c) => {
    const contentType = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      return fail(c, 415, { error: 'unsupported_media_type', message: 'send the report as application/json' });
    }
    // An inspector's device token files the report under their account; a token that is not (any more) valid is
    // refused outright (the extension keeps the report and asks them to sign in again), never stored as anonymous.
    const token = bearerToken(c.req.header('authorization'));
    const reporter = token === undefined ? undefined : token && deviceTokens ? (reporters.has(c.req.raw) ? reporters.get(c.req.raw) : await deviceTokens.authenticate(token)) : undefined;
    if (token !== undefined && !reporter) {
      return c.json({ error: 'unauthorized', message: 'the device token is not valid (revoked, expired or unknown); sign in again or send without it' }, 401);
    }
    const idempotencyKey = IdempotencyKeySchema.safeParse(c.req.header('idempotency-key'));
    if (!idempotencyKey.success) {
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
    // Evidence is checked before anything is stored: a bad signature or another listing's manifest stores nothing.
    const claim = parsed.data.evidence;
    let checked: Awaited<ReturnType<EvidenceService['check']>> | undefined;
    if (claim) {
      if (!evidence) return fail(c, 503, { error: 'evidence_unavailable', message: 'this server does not take evidence; send the report without it' });
      try {
        checked = await evidence.check(claim, parsed.data.listing.listingKey);
      } catch (error) {
        if (!(error instanceof EvidenceError)) throw error;
        return fail(c, 400, { error: error.code, message: error.message });
      }
    }
    const outcome = await reports.save(parsed.data, idempotencyKey.data, reporter && { userId: reporter.user.id, orgId: reporter.user.orgId });
    if (outcome.kind === 'conflict') {
      return fail(c, 409, { error: 'idempotency_conflict', message: 'this Idempotency-Key was used with a different report' });
    }
    // Registered on replays too (idempotent), so a crash between the two statements heals on the client's retry.
    const receipt = claim && checked && evidence ? { ...outcome.receipt, evidence: await evidence.register(checked, claim, outcome.receipt.reportId) } : outcome.receipt;
    return c.json(receipt, outcome.kind === 'created' ? 201 : 200);
  });

  router.openapi(
    reportStatus,
    async (c) => {
      const status = await reports.status(c.req.valid('param').trackingCode);
      if (!status) return c.json({ error: 'not_found', message: 'no report with this tracking code' }, 404);
      return c.json(status, 200);
    },
    // a malformed code is answered like an unknown one
    (result, c) => (result.success ? undefined : c.json({ error: 'not_found', message: 'no report with this tracking code' }, 404)),
  );
  return router;
}
