import { DeviceLoginRequestSchema } from '../../contract/device-token.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReceiptSchema, ReportSchema, ReportStatusSchema } from '../../contract/index.ts';
import {
  CasePatchSchema,
  CreateNoteSchema,
  CreateOrgSchema,
  CreateUserSchema,
  LoginRequestSchema,
  UpdateUserSchema,
} from '../../contract/backoffice.ts';
import type { HotlineApp } from '../src/app.ts';
import { migrate, type Sql } from '../src/db.ts';
import { EXAMPLE_REPORT } from '../src/openapi.ts';
import { DATABASES } from './databases.ts';
import { buildTestApp } from './test-app.ts';

describe.each(DATABASES)('hotline API on $name', (database) => {

let sql: Sql;
let app: HotlineApp;
const BODY_LIMIT = 64 * 1024;

beforeAll(async () => {
  sql = await database.open();
  await migrate(sql);
  ({ app } = await buildTestApp(sql, { bodyLimitBytes: BODY_LIMIT }));
});
afterAll(() => sql.close());
beforeEach(async () => {
  await sql.exec('TRUNCATE reports, report_daily, cases, case_notes, audit_log RESTART IDENTITY CASCADE;');
});

const countReports = async () => Number((await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM reports')).rows[0]?.n);

function post(body: unknown, headers: Record<string, string> = {}) {
  return app.request('/v1/reports', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('POST /v1/reports', () => {
  it('stores a valid report and answers a receipt', async () => {
    const response = await post(EXAMPLE_REPORT);
    expect(response.status).toBe(201);
    const receipt = ReceiptSchema.parse(await response.json());
    const { rows } = await sql.query<{ tracking_code: string; category: string; payload: { listing: { listingKey: string } } }>(
      'SELECT tracking_code, category, payload FROM reports WHERE id = $1',
      [receipt.reportId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tracking_code).toBe(receipt.trackingCode);
    expect(rows[0]?.category).toBe('counterfeit');
    expect(rows[0]?.payload.listing.listingKey).toBe('shopee.vn:34456910:15791396126');
    const listing = await sql.query<{ report_count: number }>('SELECT report_count FROM cases WHERE listing_key = $1', ['shopee.vn:34456910:15791396126']);
    expect(listing.rows[0]?.report_count).toBe(1);
  });

  it('counts every report of the same listing in its aggregate', async () => {
    await post(EXAMPLE_REPORT);
    await post({ ...EXAMPLE_REPORT, note: 'second reporter' });
    const listing = await sql.query<{ report_count: number }>('SELECT report_count FROM cases');
    expect(listing.rows).toEqual([{ report_count: 2 }]);
  });

  it('replays the same receipt for a repeated Idempotency-Key and stores nothing new', async () => {
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const first = await post(EXAMPLE_REPORT, headers);
    const second = await post(EXAMPLE_REPORT, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(await first.json());
    expect(await countReports()).toBe(1);
  });

  it('stores one report when retries with the same key race each other', async () => {
    const headers = { 'idempotency-key': 'racing-key-0001' };
    const responses = await Promise.all(Array.from({ length: 6 }, () => post(EXAMPLE_REPORT, headers)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const receipts = await Promise.all(responses.map((r) => r.json()));
    expect(new Set(receipts.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await countReports()).toBe(1);
    const listing = await sql.query<{ report_count: number }>('SELECT report_count FROM cases');
    expect(listing.rows).toEqual([{ report_count: 1 }]);
  });

  it('refuses an Idempotency-Key reused with a different body', async () => {
    const headers = { 'idempotency-key': 'retry-key-0002' };
    await post(EXAMPLE_REPORT, headers);
    const response = await post({ ...EXAMPLE_REPORT, note: 'changed' }, headers);
    expect(response.status).toBe(409);
    expect(await countReports()).toBe(1);
  });

  it('answers 400 for invalid JSON', async () => {
    const response = await post('{"schemaVersion": 1,');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_json' });
    expect(await countReports()).toBe(0);
  });

  it('answers 400 naming the offending field paths', async () => {
    const response = await post({ ...EXAMPLE_REPORT, category: 'nonsense', listing: { ...EXAMPLE_REPORT.listing, url: 'javascript:alert(1)' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issues: { path: string }[] };
    expect(body.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['category', 'listing.url']));
    expect(await countReports()).toBe(0);
  });

  it('answers 413 for a body over the limit and stores nothing', async () => {
    const response = await post({ ...EXAMPLE_REPORT, note: 'x'.repeat(BODY_LIMIT + 10) });
    expect(response.status).toBe(413);
    expect(await countReports()).toBe(0);
  });

  it('answers 415 for a body that is not JSON by content type', async () => {
    const response = await post(JSON.stringify(EXAMPLE_REPORT), { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(await countReports()).toBe(0);
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const response = await post(EXAMPLE_REPORT, { 'idempotency-key': 'short' });
    expect(response.status).toBe(400);
  });
});

describe('GET /v1/reports/{trackingCode}/status', () => {
  it('answers the status and receipt time, and nothing personal', async () => {
    const withContact = { ...EXAMPLE_REPORT, contact: { consent: true, name: 'Nguyễn Văn A', phone: '0912345678' } };
    const receipt = ReceiptSchema.parse(await (await post(withContact)).json());
    const response = await app.request(`/v1/reports/${receipt.trackingCode}/status`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(ReportStatusSchema.parse(body)).toEqual({
      trackingCode: receipt.trackingCode,
      status: 'received',
      receivedAt: receipt.receivedAt,
      updatedAt: receipt.receivedAt,
    });
    expect(Object.keys(body as object).sort()).toEqual(['receivedAt', 'status', 'trackingCode', 'updatedAt']);
    expect(JSON.stringify(body)).not.toContain('0912345678');
  });

  it('answers 404 for an unknown or malformed code', async () => {
    expect((await app.request('/v1/reports/ABCD-EFGH-JKMN/status')).status).toBe(404);
    expect((await app.request('/v1/reports/..%2F..%2Fetc/status')).status).toBe(404);
  });
});

describe('GET /healthz and the OpenAPI document', () => {
  it('answers ok, to the extension’s origin too', async () => {
    const response = await app.request('/healthz', { headers: { origin: 'chrome-extension://abcdefghijklmnop' } });
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop');
  });

  it('lets the extension’s origin post reports (CORS preflight)', async () => {
    const response = await app.request('/v1/reports', {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abcdefghijklmnop', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
  });

  it('publishes the rule pack with a content hash as ETag, and answers 304 when the client has it', async () => {
    const response = await app.request('/v1/rule-pack');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { packId: string }).packId).toBeTruthy();
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"sha256-[0-9a-f]{64}"$/);
    const again = await app.request('/v1/rule-pack', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('documents every route the app serves', async () => {
    const doc = (await (await app.request('/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const served = app.routes
      .filter((route) => route.method !== 'ALL' && !route.path.startsWith('/admin'))
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThanOrEqual(4);
    for (const route of served) {
      const [method, path] = route.split(' ') as [string, string];
      expect(doc.paths[path]?.[method], route).toBeDefined();
    }
  });

  it('gives every request body an example that passes its own schema', async () => {
    const doc = (await (await app.request('/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string }; example?: unknown }> } }>>;
      components: { schemas: Record<string, { example?: unknown }> };
    };
    const schemas: Record<string, { safeParse(value: unknown): { success: boolean } }> = {
      Report: ReportSchema,
      LoginRequest: LoginRequestSchema,
      CreateOrg: CreateOrgSchema,
      CreateUser: CreateUserSchema,
      UpdateUser: UpdateUserSchema,
      CasePatch: CasePatchSchema,
      CreateNote: CreateNoteSchema,
      DeviceLoginRequest: DeviceLoginRequestSchema,
    };
    const checked: string[] = [];
    for (const operations of Object.values(doc.paths)) {
      for (const operation of Object.values(operations)) {
        for (const media of Object.values(operation.requestBody?.content ?? {})) {
          const name = media.schema.$ref.replace('#/components/schemas/', '');
          const schema = schemas[name];
          expect(schema, name).toBeDefined();
          const example = media.example ?? doc.components.schemas[name]?.example;
          expect(example, `${name} has an example`).toBeDefined();
          expect(schema!.safeParse(example).success, name).toBe(true);
          checked.push(name);
        }
      }
    }
    expect(new Set(checked)).toEqual(new Set(Object.keys(schemas)));
  });

  it('states the rules the server enforces: listing.url, Idempotency-Key, Retry-After, and a 500 for every operation', async () => {
    type Operation = { parameters?: { name: string; in: string; schema: { pattern?: string } }[]; responses: Record<string, { headers?: Record<string, unknown> }> };
    const doc = (await (await app.request('/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: { Report: { properties: { listing: { properties: { url: { pattern?: string; format?: string } } } } } } };
    };
    const url = doc.components.schemas.Report.properties.listing.properties.url;
    expect(url.pattern ?? url.format, 'listing.url states its rule').toBeDefined();
    const urlRule = new RegExp(url.pattern!);
    for (const accepted of ['https://shopee.vn/x', 'HTTP://tiki.vn/y']) expect(urlRule.test(accepted), accepted).toBe(true);
    for (const refused of ['javascript:alert(1)', 'ftp://x', 'data:text/html,x']) expect(urlRule.test(refused), refused).toBe(false);

    const submit = doc.paths['/v1/reports']!.post!;
    const key = submit.parameters?.find((parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key');
    expect(key?.schema.pattern).toBe('^[\\x21-\\x7e]{8,200}$');
    expect(submit.responses['429']?.headers?.['Retry-After']).toBeDefined();
    // the documented pattern is the one the server applies
    expect((await post(EXAMPLE_REPORT, { 'idempotency-key': 'has space inside' })).status).toBe(400);
    expect(new RegExp(key!.schema.pattern!).test('has space inside')).toBe(false);

    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ route: `${method} ${path}`, operation })));
    expect(operations.length).toBeGreaterThanOrEqual(20);
    for (const { route, operation } of operations) expect(operation.responses['500'], route).toBeDefined();
  });
});
});
