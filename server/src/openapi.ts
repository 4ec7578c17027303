import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ReportInput } from '../../contract/index.ts';

/** A complete, valid report: the request example in the OpenAPI document and a fixture for tests. */
export const EXAMPLE_REPORT: ReportInput = {
  schemaVersion: 1,
  listing: {
    site: 'shopee.vn',
    listingKey: 'shopee.vn:34456910:15791396126',
    url: 'https://shopee.vn/product/34456910/15791396126',
    itemId: '15791396126',
    shopId: '34456910',
    title: 'Giày thể thao siêu cấp like auth 1:1 fullbox',
    price: 495000,
    currency: 'VND',
    images: ['https://down-vn.img.susercontent.com/file/vn-11134207-7qukw-example'],
    provenance: { title: { source: 'json_ld' }, price: { source: 'opengraph' } },
  },
  category: 'counterfeit',
  note: 'Giá quá thấp so với hàng chính hãng.',
  reporterRole: 'volunteer',
  capturedAt: '2026-11-29T08:00:00.000Z',
  client: { name: 'hotline389-extension', version: '0.1.0' },
};

const INFO = {
  title: 'Hotline 389 API',
  version: '1.0.0',
  description: 'Receives evidence-backed reports of illicit marketplace listings, answers their status, and serves the back office where inspectors triage them into cases.',
};

/** Generated from the route modules' definitions, so the document cannot drift from what the server validates. */
export function buildOpenApiDocument(app: OpenAPIHono, serverUrl?: string) {
  return app.getOpenAPI31Document({ openapi: '3.1.0', info: INFO, servers: serverUrl ? [{ url: serverUrl }] : [] });
}

/** Once per app: how back-office routes authenticate. */
export function registerSecuritySchemes(app: OpenAPIHono) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', description: 'token from POST /v1/auth/login' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', { type: 'apiKey', in: 'cookie', name: 'hotline_session', description: 'set by POST /v1/auth/login (dashboard)' });
}
