import { OpenAPIHono } from '@hono/zod-openapi';
import { ApiErrorSchema } from '../../../contract/index.ts';
import type { Context } from 'hono';
import type { BackofficeEnv } from '../auth/session.ts';
import type { Logger } from '../logger.ts';

/** Every route module's router: a request that fails its zod schema gets the API's usual 400 naming the paths. */
export function createRouter() {
  return new OpenAPIHono<BackofficeEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json(
          {
            error: 'validation_failed',
            message: 'request does not match the schema',
            issues: result.error.issues.slice(0, 50).map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
          },
          400,
        );
      }
    },
  });
}

const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const jsonBody = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
export const ok = json;

/** Every error answer has this shape; named once so the document refers to it. */
const ApiError = ApiErrorSchema.meta({ id: 'ApiError' });
export const errorResponse = (description: string) => json(ApiError, description);

export const ERRORS = {
  400: errorResponse('Invalid request (issues name the field paths)'),
  401: errorResponse('No valid session'),
  403: errorResponse('The role may not do this'),
  404: errorResponse('Not found'),
  409: errorResponse('Conflicts with the current state'),
  429: {
    ...errorResponse('Too many attempts; see Retry-After'),
    headers: { 'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer' as const, minimum: 1 } } },
  },
  // app.onError answers this for any route when something unexpected fails
  500: errorResponse('Internal error; nothing was stored or changed'),
} as const;

export const SECURED: Record<string, string[]>[] = [{ bearerAuth: [] }, { sessionCookie: [] }];

/** The per-address limits' one answer: 429 with Retry-After in whole seconds (at least 1), logged without the body. */
export function rateLimited(c: Context, logger: Logger, retryAfterMs: number, what: string) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  c.header('Retry-After', String(seconds));
  logger.warn('rate_limited', { requestId: c.get('requestId'), retryAfter: seconds });
  return c.json({ error: 'rate_limited', message: `${what}; try again in ${seconds} s` }, 429);
}
