import { createRoute } from '@hono/zod-openapi';
import { StatsQuerySchema, StatsSchema } from '../../../contract/backoffice.ts';
import { requireUser } from '../auth/session.ts';
import type { Accounts } from '../backoffice/accounts.ts';
import { computeStats, statsRange } from '../backoffice/stats.ts';
import type { Sql } from '../db.ts';
import { createRouter, ERRORS, ok, SECURED } from './router.ts';

const MAX_RANGE_DAYS = 366;

const stats = createRoute({
  method: 'get',
  path: '/v1/stats',
  tags: ['statistics'],
  summary: 'Reports and cases by category, site, status, organisation and day (Vietnam dates, default the last 30 days); median hours to triage and to close',
  security: SECURED,
  request: { query: StatsQuerySchema },
  responses: { 200: ok(StatsSchema, 'Statistics'), 400: ERRORS[400], 401: ERRORS[401], 500: ERRORS[500] },
});

export function statsRoutes(sql: Sql, accounts: Accounts, now: () => Date) {
  const router = createRouter();
  router.use('/v1/stats', requireUser(accounts));
  router.openapi(stats, async (c) => {
    const { from, to } = c.req.valid('query');
    const range = statsRange(from, to, now());
    const days = (range.end.getTime() - range.start.getTime()) / 86_400_000;
    if (days < 1 || days > MAX_RANGE_DAYS) {
      return c.json({ error: 'invalid_range', message: `from must not be after to, and the range at most ${MAX_RANGE_DAYS} days` }, 400);
    }
    return c.json(await computeStats(sql, range), 200);
  });
  return router;
}
