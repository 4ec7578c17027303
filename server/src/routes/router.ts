import { OpenAPIHono } from '@hono/zod-openapi';
import { ApiErrorSchema } from '../../../contract/index.ts';
import type { BackofficeEnv } from '../auth/session.ts';

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

export const ERRORS = {
  400: json(ApiErrorSchema, 'Invalid request (issues name the field paths)'),
  401: json(ApiErrorSchema, 'No valid session'),
  403: json(ApiErrorSchema, 'The role may not do this'),
  404: json(ApiErrorSchema, 'Not found'),
  409: json(ApiErrorSchema, 'Conflicts with the current state'),
  429: json(ApiErrorSchema, 'Too many attempts; see Retry-After'),
} as const;

export const SECURED: Record<string, string[]>[] = [{ bearerAuth: [] }, { sessionCookie: [] }];
