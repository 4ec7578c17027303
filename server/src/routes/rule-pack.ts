import { createRoute, z } from '@hono/zod-openapi';
import { RulePackSchema, type RulePackInput } from '../../../contract/index.ts';
import type { PublishedRulePack } from '../rule-pack.ts';
import { createRouter, ERRORS, ok } from './router.ts';

/** The pack as published: its JSON as written, defaults not filled in. */
const RulePack = RulePackSchema.meta({ id: 'RulePack' });

const rulePackRoute = createRoute({
  method: 'get',
  path: '/v1/rule-pack',
  tags: ['reporting'],
  operationId: 'rulePack',
  summary: 'The risk rule pack extensions should use (ETag = SHA-256 of the pack\'s content)',
  request: { headers: z.object({ 'If-None-Match': z.string().optional().meta({ description: 'the ETag of the pack the client has' }) }) },
  responses: {
    200: { ...ok(RulePack, 'Current pack'), headers: { ETag: { description: '"sha256-<hex>": SHA-256 of the canonical JSON of the validated pack; changes whenever the content does', schema: { type: 'string' as const } } } },
    304: { description: 'The client already has this pack' },
    500: ERRORS[500],
  },
});

export function rulePackRoutes(rulePack: PublishedRulePack) {
  const router = createRouter();
  // Extensions poll this: ETag + If-None-Match make an unchanged pack cost one tiny 304.
  router.openapi(rulePackRoute, (c) => {
    c.header('ETag', rulePack.etag);
    c.header('Cache-Control', 'no-cache');
    const known = c.req.valid('header')['If-None-Match'];
    if (known !== undefined && known.split(',').some((tag) => tag.trim() === rulePack.etag || tag.trim() === '*')) return c.body(null, 304);
    return c.json(rulePack.json as RulePackInput, 200);
  });
  return router;
}
