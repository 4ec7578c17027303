import { createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { EVIDENCE_LIMITS, EvidenceFileNameSchema, EvidenceStatusSchema, Sha256HexSchema, SignedEvidenceReceiptSchema } from '../../../contract/evidence.ts';
import type { User } from '../../../contract/backoffice.ts';
import { sessionToken, type BackofficeEnv } from '../auth/session.ts';
import type { Accounts } from '../backoffice/accounts.ts';
import { mayWork } from '../backoffice/cases.ts';
import { clientAddress, rateLimitKey } from '../client-address.ts';
import type { Logger } from '../logger.ts';
import type { ByteQuota, RateLimiter } from '../rate-limit.ts';
import { EvidenceError, parseContentRange, type EvidenceService } from '../evidence/service.ts';
import { createRouter, ERRORS, errorResponse, ok, rateLimited, SECURED } from './router.ts';

const EvidenceStatus = EvidenceStatusSchema.meta({ id: 'EvidenceStatus' });
const SignedEvidenceReceipt = SignedEvidenceReceiptSchema.meta({ id: 'SignedEvidenceReceipt' });
const OffsetMismatch = z
  .object({ error: z.literal('offset_mismatch'), message: z.string(), received: z.number().int().meta({ description: 'bytes of this file received so far: resume here' }) })
  .meta({ id: 'OffsetMismatch' });

const shaParam = Sha256HexSchema.meta({ description: 'SHA-256 of the manifest, from the receipt (evidence.manifestSha256)' });
const nameParam = z.string().meta({ description: 'a file name from the manifest', example: 'screenshot.png' });
const ABANDONED = errorResponse('The upload did not complete within the retention period (HOTLINE_EVIDENCE_INCOMPLETE_DAYS): its bytes were deleted (error evidence_abandoned)');
const UPLOAD_TOKEN: Record<string, string[]>[] = [{ uploadToken: [] }];
const UPLOAD_OR_SESSION: Record<string, string[]>[] = [{ uploadToken: [] }, ...SECURED];
const SESSION = SECURED;

const putChunk = createRoute({
  method: 'put',
  path: '/v1/evidence/{manifestSha256}/files/{name}',
  tags: ['evidence'],
  operationId: 'uploadEvidenceChunk',
  summary: 'Upload one chunk (≤ 1 MiB) of an evidence file; accepted only where the last accepted chunk ended',
  description:
    'Body: the chunk’s raw bytes as application/octet-stream, at most 1 MiB. Content-Range: bytes <start>-<end>/<size> (end inclusive, size as in the manifest). A zero-size file is completed with "bytes */0" and no body. When a file is whole its SHA-256 is checked against the manifest; when every file is, the hotline countersigns.',
  security: UPLOAD_TOKEN,
  request: {
    params: z.object({ manifestSha256: shaParam, name: nameParam }),
    // The body (the chunk's raw bytes, Content-Type application/octet-stream) is stated in the description: the
    // document's request bodies are all JSON schemas with examples.
    headers: z.object({ 'Content-Range': z.string().meta({ example: 'bytes 0-1048575/5242880' }) }),
  },
  responses: {
    200: ok(EvidenceStatus, 'Accepted; the upload progress of every file'),
    400: errorResponse('Malformed Content-Range, a size other than the manifest’s, a chunk past the end of the file, or a body of another length'),
    401: errorResponse('No valid upload token for this evidence'),
    404: errorResponse('No such evidence, or no such file in its manifest'),
    409: { description: 'The chunk does not start where the upload stands: resume at `received`', content: { 'application/json': { schema: OffsetMismatch } } },
    413: errorResponse(`Chunk larger than ${EVIDENCE_LIMITS.chunkBytes} bytes`),
    415: errorResponse('Content-Type is not application/octet-stream'),
    410: ABANDONED,
    422: errorResponse('The whole file’s SHA-256 differs from the manifest: its bytes were discarded (error hash_mismatch), upload it again from 0'),
    429: { ...ERRORS[429], description: 'Too many uploads, or too many bytes today, from this address; see Retry-After' },
    500: ERRORS[500],
  },
});

const getStatus = createRoute({
  method: 'get',
  path: '/v1/evidence/{manifestSha256}',
  tags: ['evidence'],
  operationId: 'evidenceStatus',
  summary: 'Upload progress of every file of the evidence',
  security: UPLOAD_TOKEN,
  request: { params: z.object({ manifestSha256: shaParam }) },
  responses: { 200: ok(EvidenceStatus, 'Progress'), 401: ERRORS[401], 404: ERRORS[404], 410: ABANDONED, 500: ERRORS[500] },
});

const getReceipt = createRoute({
  method: 'get',
  path: '/v1/evidence/{manifestSha256}/receipt',
  tags: ['evidence'],
  operationId: 'evidenceReceipt',
  summary: 'The hotline’s countersignature over the manifest, once every file arrived intact',
  security: UPLOAD_TOKEN,
  request: { params: z.object({ manifestSha256: shaParam }) },
  responses: { 200: ok(SignedEvidenceReceipt, 'receipt.json and its signature'), 401: ERRORS[401], 404: ERRORS[404], 409: errorResponse('Files are still missing'), 410: ABANDONED, 500: ERRORS[500] },
});

const getBundle = createRoute({
  method: 'get',
  path: '/v1/evidence/{manifestSha256}/bundle.zip',
  tags: ['evidence'],
  operationId: 'evidenceBundle',
  summary: 'The canonical evidence bundle (zip) with the countersignature; check it with `npm run verify`',
  description: 'For the reporter (upload token) and for back-office users who may see the report’s case.',
  security: UPLOAD_OR_SESSION,
  request: { params: z.object({ manifestSha256: shaParam }) },
  responses: {
    200: { description: 'The bundle', content: { 'application/zip': { schema: z.string().meta({ format: 'binary' }) } } },
    401: ERRORS[401],
    403: ERRORS[403],
    404: ERRORS[404],
    409: errorResponse('Files are still missing'),
    410: ABANDONED,
    500: ERRORS[500],
  },
});

const getFile = createRoute({
  method: 'get',
  path: '/v1/evidence/{manifestSha256}/files/{name}',
  tags: ['evidence'],
  operationId: 'evidenceFile',
  summary: 'One evidence file for the back office: images inline (sandboxed), anything else as a download',
  security: SESSION,
  request: { params: z.object({ manifestSha256: shaParam, name: nameParam }) },
  responses: {
    200: { description: 'The file', content: { 'image/png': { schema: z.string().meta({ format: 'binary' }) }, 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } },
    401: ERRORS[401],
    403: ERRORS[403],
    404: ERRORS[404],
    409: errorResponse('The file has not fully arrived'),
    410: ABANDONED,
    500: ERRORS[500],
  },
});

export interface EvidenceRouteDeps {
  evidence: EvidenceService | undefined;
  accounts: Accounts;
  uploadRateLimit?: RateLimiter;
  /** evidence bytes per client address per day */
  uploadByteQuota?: ByteQuota;
  trustProxyHops: number;
  logger: Logger;
}

const INLINE_MEDIA = new Set(['image/png', 'image/jpeg']);

function refuse(c: Context, error: unknown) {
  if (!(error instanceof EvidenceError)) throw error;
  return c.json({ error: error.code, message: error.message, ...error.extra }, error.status);
}

export function evidenceRoutes({ evidence, accounts, uploadRateLimit, uploadByteQuota, trustProxyHops, logger }: EvidenceRouteDeps) {
  const router = createRouter();
  router.openAPIRegistry.registerComponent('securitySchemes', 'uploadToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'the upload token from the report’s receipt (evidence.uploadToken); good for that evidence only',
  });

  /** The evidence service and a well-formed manifest hash, or the answer. */
  const target = (c: Context): { service: EvidenceService; sha: string } | Response => {
    if (!evidence) return c.json({ error: 'evidence_unavailable', message: 'this server does not take evidence' }, 503);
    const sha = c.req.param('manifestSha256') ?? '';
    if (!Sha256HexSchema.safeParse(sha).success) return c.json({ error: 'not_found', message: 'no evidence with this manifest hash' }, 404);
    return { service: evidence, sha };
  };
  const fileName = (c: Context): string | undefined => {
    const name = c.req.param('name') ?? '';
    return EvidenceFileNameSchema.safeParse(name).success ? name : undefined;
  };
  const uploadToken = (c: Context) => {
    const found = sessionToken(c);
    return found && !found.viaCookie ? found.token : undefined;
  };
  const requireUploadToken = (c: Context, service: EvidenceService, sha: string) =>
    service.tokens.verify(sha, uploadToken(c))
      ? undefined
      : c.json({ error: 'unauthorized', message: 'a valid upload token is needed: Authorization: Bearer <evidence.uploadToken from the receipt>' }, 401);

  /** The reporter (upload token), or a back-office user who may see the evidence's case; else the refusal. */
  async function viewer(c: Context, service: EvidenceService, sha: string, allowReporter: boolean): Promise<'reporter' | User | Response> {
    const found = sessionToken(c);
    if (allowReporter && found && !found.viaCookie && service.tokens.verify(sha, found.token)) return 'reporter';
    const user = found ? await accounts.userForToken(found.token) : undefined;
    if (!user) return c.json({ error: 'unauthorized', message: allowReporter ? 'sign in, or present the upload token' : 'sign in first (POST /v1/auth/login)' }, 401);
    const owner = await service.caseOf(sha);
    if (!owner) return c.json({ error: 'not_found', message: 'no evidence with this manifest hash' }, 404);
    if (!mayWork(user, owner)) return c.json({ error: 'forbidden', message: 'this evidence belongs to a case your role or organisation may not see' }, 403);
    return user;
  }

  const tooMany = (c: Context, retryAfterMs: number, what: string) => rateLimited(c, logger, retryAfterMs, what);
  const limitRate: MiddlewareHandler = async (c, next) => {
    const verdict = uploadRateLimit?.take(rateLimitKey(clientAddress(c, trustProxyHops)));
    if (verdict && !verdict.ok) return tooMany(c, verdict.retryAfterMs, 'too many uploads from this address');
    await next();
  };
  /**
   * The day's byte allowance, charged with the chunk's announced length (Content-Range, else Content-Length; at most
   * one chunk) before its body is read: a chunk that would go over is refused whole and nothing is taken.
   */
  const chargeBytes = (c: Context): Response | undefined => {
    if (!uploadByteQuota) return undefined;
    const range = parseContentRange(c.req.header('content-range'));
    const announced = range?.start !== undefined ? range.end - range.start + 1 : Number(c.req.header('content-length') ?? 0);
    const bytes = Math.min(EVIDENCE_LIMITS.chunkBytes, Number.isSafeInteger(announced) && announced > 0 ? announced : 0);
    if (bytes === 0) return undefined;
    const verdict = uploadByteQuota.take(rateLimitKey(clientAddress(c, trustProxyHops)), bytes);
    return verdict.ok ? undefined : tooMany(c, verdict.retryAfterMs, 'this address sent its day’s allowance of evidence bytes');
  };
  const limitBody = bodyLimit({
    maxSize: EVIDENCE_LIMITS.chunkBytes,
    onError: (c) => c.json({ error: 'payload_too_large', message: `a chunk is at most ${EVIDENCE_LIMITS.chunkBytes} bytes` }, 413),
  });

  router.openAPIRegistry.registerPath(putChunk);
  router.on(putChunk.method, putChunk.getRoutingPath(), limitRate, async (c, next) => {
    // Who and what before the body is read: a wrong token or name costs no upload.
    const found = target(c);
    if (found instanceof Response) return found;
    const denied = requireUploadToken(c, found.service, found.sha);
    if (denied) return denied;
    if (!fileName(c)) return c.json({ error: 'not_found', message: 'no file with this name in the manifest' }, 404);
    if (!/^application\/octet-stream\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
      if (!(c.req.header('content-range') ?? '').startsWith('bytes */')) {
        return c.json({ error: 'unsupported_media_type', message: 'send chunks as application/octet-stream' }, 415);
      }
    }
    const overQuota = chargeBytes(c);
    if (overQuota) return overQuota;
    await next();
  }, limitBody, async (c) => {
    const { service, sha } = target(c) as { service: EvidenceService; sha: string };
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    try {
      return c.json(await service.putChunk(sha, fileName(c)!, parseContentRange(c.req.header('content-range')), bytes), 200);
    } catch (error) {
      return refuse(c, error);
    }
  });

  router.openAPIRegistry.registerPath(getStatus);
  router.on(getStatus.method, getStatus.getRoutingPath(), async (c) => {
    const found = target(c);
    if (found instanceof Response) return found;
    const denied = requireUploadToken(c, found.service, found.sha);
    if (denied) return denied;
    try {
      return c.json(await found.service.status(found.sha), 200);
    } catch (error) {
      return refuse(c, error);
    }
  });

  router.openAPIRegistry.registerPath(getReceipt);
  router.on(getReceipt.method, getReceipt.getRoutingPath(), async (c) => {
    const found = target(c);
    if (found instanceof Response) return found;
    const denied = requireUploadToken(c, found.service, found.sha);
    if (denied) return denied;
    try {
      return c.json(await found.service.receipt(found.sha), 200);
    } catch (error) {
      return refuse(c, error);
    }
  });

  router.openAPIRegistry.registerPath(getBundle);
  router.on(getBundle.method, getBundle.getRoutingPath(), async (c) => {
    const found = target(c);
    if (found instanceof Response) return found;
    const who = await viewer(c, found.service, found.sha, true);
    if (who instanceof Response) return who;
    try {
      const { zip, trackingCode } = await found.service.bundle(found.sha);
      if (who !== 'reporter') {
        await found.service.recordAccess(found.sha, who.id, { what: 'bundle' });
        logger.info('evidence_downloaded', { requestId: c.get('requestId'), userId: who.id, manifestSha256: found.sha });
      }
      c.header('Content-Type', 'application/zip');
      c.header('Content-Disposition', `attachment; filename="hotline389-evidence-${trackingCode}.zip"`);
      c.header('Cache-Control', 'private, no-store');
      c.header('Content-Security-Policy', 'sandbox');
      return c.body(zip as Uint8Array<ArrayBuffer>, 200);
    } catch (error) {
      return refuse(c, error);
    }
  });

  router.openAPIRegistry.registerPath(getFile);
  router.on(getFile.method, getFile.getRoutingPath(), async (c) => {
    const found = target(c);
    if (found instanceof Response) return found;
    const who = await viewer(c, found.service, found.sha, false);
    if (who instanceof Response) return who;
    const name = fileName(c);
    if (!name) return c.json({ error: 'not_found', message: 'no file with this name in the manifest' }, 404);
    try {
      const { bytes, mediaType } = await found.service.readFile(found.sha, name);
      await found.service.recordAccess(found.sha, (who as User).id, { what: 'file', name });
      // Marketplace pages are hostile: only images show inline, and nothing from the file ever runs as this origin.
      const inline = INLINE_MEDIA.has(mediaType);
      c.header('Content-Type', inline ? mediaType : 'application/octet-stream');
      c.header('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}"`);
      c.header('Content-Security-Policy', 'sandbox');
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Cache-Control', 'private, no-store');
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
    } catch (error) {
      return refuse(c, error);
    }
  });
  return router;
}

export type { BackofficeEnv };
