import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  ApiErrorSchema,
  ReceiptSchema,
  ReportSchema,
  ReportStatusSchema,
  RulePackSchema,
  type ReportInput,
} from '../../contract/index.ts';

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

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});

/** Generated from the contract schemas, so the document cannot drift from what the server validates. */
export function buildOpenApiDocument(backoffice: OpenAPIHono, serverUrl?: string) {
  const generated = backoffice.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'back office', version: '1.0.0' } });
  const document = reportingDocument(serverUrl);
  return {
    ...document,
    components: { ...generated.components, schemas: { ...generated.components?.schemas, ...document.components.schemas } },
    paths: { ...document.paths, ...generated.paths },
  };
}

/** Once per app: how back-office routes authenticate. */
export function registerSecuritySchemes(backoffice: OpenAPIHono) {
  backoffice.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', description: 'token from POST /v1/auth/login' });
  backoffice.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', { type: 'apiKey', in: 'cookie', name: 'hotline_session', description: 'set by POST /v1/auth/login (dashboard)' });
}

/** The reporting routes (to move to route modules with the one-source issue). */
function reportingDocument(serverUrl?: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hotline 389 API',
      version: '1.0.0',
      description: 'Receives evidence-backed reports of illicit marketplace listings, answers their status, and serves the back office where inspectors triage them into cases.',
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
    components: {
      schemas: {
        Report: jsonSchema(ReportSchema, 'input'),
        Receipt: jsonSchema(ReceiptSchema),
        ReportStatus: jsonSchema(ReportStatusSchema),
        ApiError: jsonSchema(ApiErrorSchema),
        RulePack: jsonSchema(RulePackSchema, 'input'),
      },
    },
    paths: {
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Liveness check',
          responses: { '200': { description: 'Server is up', content: { 'application/json': { schema: { type: 'object', properties: { ok: { const: true } } } } } } },
        },
      },
      '/v1/openapi.json': {
        get: { operationId: 'openapi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document' } } },
      },
      '/v1/reports': {
        post: {
          operationId: 'submitReport',
          summary: 'Submit a report',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: 'Client-chosen key (8–200 chars); a retry with the same key and body returns the first receipt with 200.',
              schema: { type: 'string', minLength: 8, maxLength: 200 },
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Report' }, example: EXAMPLE_REPORT } },
          },
          responses: {
            '201': { description: 'Stored', content: { 'application/json': { schema: { $ref: '#/components/schemas/Receipt' } } } },
            '200': { description: 'Replay of an earlier request with the same Idempotency-Key', content: { 'application/json': { schema: { $ref: '#/components/schemas/Receipt' } } } },
            '400': errorResponse('Invalid JSON or schema violation (issues name the field paths)'),
            '409': errorResponse('Idempotency-Key reused with a different body'),
            '413': errorResponse('Body too large'),
            '415': errorResponse('Content-Type is not application/json'),
          },
        },
      },
      '/v1/rule-pack': {
        get: {
          operationId: 'rulePack',
          summary: 'The risk rule pack extensions should use (ETag = pack id and version)',
          parameters: [{ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'Current pack', content: { 'application/json': { schema: { $ref: '#/components/schemas/RulePack' } } } },
            '304': { description: 'The client already has this pack' },
          },
        },
      },
      '/v1/reports/{trackingCode}/status': {
        get: {
          operationId: 'reportStatus',
          summary: 'Status of a report by its tracking code (nothing personal)',
          parameters: [{ name: 'trackingCode', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$' } }],
          responses: {
            '200': { description: 'Status', content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportStatus' } } } },
            '404': errorResponse('Unknown tracking code'),
          },
        },
      },
    },
  };
}
