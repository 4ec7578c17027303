import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, ERRORS, ok } from './router.ts';

const document = createRoute({
  method: 'get',
  path: '/v1/openapi.json',
  tags: ['reporting'],
  operationId: 'openapi',
  summary: 'This document',
  responses: { 200: ok(z.record(z.string(), z.unknown()), 'OpenAPI 3.1 document'), 500: ERRORS[500] },
});

/** `build` is called once, on the first request: by then every route module has been mounted. */
export function documentRoutes(build: () => object) {
  const router = createRouter();
  let built: object | undefined;
  router.openapi(document, (c) => c.json((built ??= build()) as Record<string, unknown>, 200));
  return router;
}
