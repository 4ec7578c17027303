import { createRoute } from '@hono/zod-openapi';
import { HotlineKeysSchema } from '../../../contract/evidence.ts';
import type { EvidenceService } from '../evidence/service.ts';
import { createRouter, ERRORS, errorResponse, ok } from './router.ts';

const HotlineKeys = HotlineKeysSchema.meta({ id: 'HotlineKeys' });

const listKeys = createRoute({
  method: 'get',
  path: '/v1/keys',
  tags: ['evidence'],
  operationId: 'hotlineKeys',
  summary: 'The hotline’s public keys that countersign evidence (current first; rotated keys stay listed so old receipts verify)',
  responses: { 200: ok(HotlineKeys, 'The keys; keyId is the SHA-256 of the SPKI encoding'), 503: errorResponse('This server does not take evidence'), 500: ERRORS[500] },
});

export function keyRoutes(evidence: EvidenceService | undefined) {
  const router = createRouter();
  router.openapi(listKeys, async (c) => {
    if (!evidence) return c.json({ error: 'evidence_unavailable', message: 'this server does not take evidence' }, 503);
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ keys: await evidence.keys() }, 200);
  });
  return router;
}
