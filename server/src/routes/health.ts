import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, ERRORS, ok } from './router.ts';

const health = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['reporting'],
  operationId: 'health',
  summary: 'Liveness check',
  responses: { 200: ok(z.object({ ok: z.literal(true) }), 'Server is up'), 500: ERRORS[500] },
});

export function healthRoutes() {
  const router = createRouter();
  router.openapi(health, (c) => c.json({ ok: true as const }, 200));
  return router;
}
