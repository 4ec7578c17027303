import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReceiptSchema, type ReportInput } from '../../contract/index.ts';
import type { AppDeps } from '../src/app.ts';
import { createAccounts } from '../src/backoffice/accounts.ts';
import { migrate, openEmbeddedDatabase, type Sql } from '../src/db.ts';
import { createLogger } from '../src/logger.ts';
import { EXAMPLE_REPORT } from '../src/openapi.ts';
import { createRateLimiter } from '../src/rate-limit.ts';
import { createReportStore } from '../src/report-store.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { buildTestApp, TEST_PASSWORD_COST } from './test-app.ts';

// The faults an attacker and a careless operator found (issue: hotline hardening), each pinned by a test.

const withListing = (listing: Partial<ReportInput['listing']>, extra: Partial<ReportInput> = {}): ReportInput => ({
  ...EXAMPLE_REPORT,
  ...extra,
  listing: { ...EXAMPLE_REPORT.listing, ...listing },
});

describe('hostile request bodies', () => {
  let sql: Sql;
  let app: Awaited<ReturnType<typeof buildTestApp>>['app'];
  beforeAll(async () => {
    sql = await openEmbeddedDatabase(undefined);
    await migrate(sql);
    ({ app } = await buildTestApp(sql));
  });
  afterAll(() => sql.close());
  beforeEach(() => sql.exec('TRUNCATE reports, report_daily, cases, case_notes, audit_log RESTART IDENTITY CASCADE;'));

  const post = (body: unknown) =>
    app.request('/v1/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const count = async () => Number((await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM reports')).rows[0]!.n);

  it('stores page text with lone surrogates and control characters, cleaned as the extension cleans it', async () => {
    const response = await post(
      withListing(
        { title: 'Giày \ud800 siêu cấp a\u0000b\u0007', description: 'x\udc00y\r\nz\tw', seller: { name: 'Shop\u0000' } },
        { note: 'ghi chú \ud83d' },
      ),
    );
    expect(response.status).toBe(201);
    const { reportId } = ReceiptSchema.parse(await response.json());
    const { rows } = await sql.query<{ payload: ReportInput }>('SELECT payload FROM reports WHERE id = $1', [reportId]);
    expect(rows[0]!.payload.listing.title).toBe('Giày \ufffd siêu cấp ab');
    expect(rows[0]!.payload.listing.description).toBe('x\ufffdy\nz\tw');
    expect(rows[0]!.payload.listing.seller?.name).toBe('Shop');
    expect(rows[0]!.payload.note).toBe('ghi chú \ufffd');
    const { rows: cases } = await sql.query<{ title: string }>('SELECT title FROM cases');
    expect(cases[0]!.title).toBe('Giày \ufffd siêu cấp ab');
  });

  it('answers 400 naming the path for JSON nested thousands of levels deep, and stores nothing', async () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const body = JSON.stringify(withListing({ provenance: { title: { source: 'dom', alternatives: [{ source: 'json_ld', value: '__DEEP__' }] } } })).replace('"__DEEP__"', deep);
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('listing.provenance.title.alternatives.0.value');
    const extreme = await post(`${'['.repeat(30_000)}1${']'.repeat(30_000)}`);
    expect(extreme.status).toBe(400);
    expect(await count()).toBe(0);
  });

  it('refuses an alternative value past its documented bound (it was unbounded: 1 MB stored)', async () => {
    const response = await post(withListing({ provenance: { title: { source: 'dom', alternatives: [{ source: 'json_ld', value: 'x'.repeat(50_000) }] } } }));
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('listing.provenance.title.alternatives.0.value');
    expect(await count()).toBe(0);
  });

  it('never answers 500 for text a database cannot hold in back-office inputs', async () => {
    const accounts = createAccounts(sql, { passwordCost: TEST_PASSWORD_COST });
    await sql.exec('TRUNCATE sessions, users, orgs CASCADE');
    const org = await accounts.createOrg(null, { name: 'Org' });
    await accounts.createUser(null, { email: 't@hotline.test', name: 'T', role: 'triager', orgId: org.id, password: 'a long enough password' });
    const login = await app.request('/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 't@hotline.test', password: 'a long enough password' }) });
    const { token } = (await login.json()) as { token: string };
    await post(EXAMPLE_REPORT);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const probes = [
      app.request('/v1/cases?q=a%00b', { headers: auth }),
      app.request('/v1/cases?site=a%00b', { headers: auth }),
      app.request('/v1/cases?q=shopee.vn:%00', { headers: auth }),
      app.request('/v1/cases/export?site=%00&format=csv', { headers: auth }), // found by the fuzz suite: the stream broke mid-response
      app.request('/v1/cases/1/notes', { method: 'POST', headers: auth, body: JSON.stringify({ body: 'a\u0000b \ud800' }) }),
      app.request('/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a\u0000@b', password: 'x' }) }),
    ];
    for (const response of await Promise.all(probes)) {
      expect(response.status).toBeLessThan(500);
      await expect(response.text()).resolves.toBeTypeOf('string'); // the whole body arrives
    }
  });
});

describe('logs', () => {
  it('write one JSON line per request with a request id, and never a body, contact or note, even when storing fails', async () => {
    const sql = await openEmbeddedDatabase(undefined);
    await migrate(sql);
    const lines: string[] = [];
    const store = createReportStore(sql);
    const failing = {
      ...store,
      save: async (report: ReportInput) => {
        // A database error that quotes its input, as PostgreSQL's do.
        throw Object.assign(new Error(`invalid input syntax: ${JSON.stringify(report)}`), { code: 'XX000' });
      },
    } as typeof store;
    const { app } = await buildTestApp(sql, { bodyLimitBytes: 1 << 20, overrides: { reports: failing, logger: createLogger('info', (line) => lines.push(line)) } });
    const secretReport = withListing({}, { note: 'SECRET-NOTE', contact: { consent: true, phone: '0912345678', email: 'reporter@example.vn' } });
    const response = await app.request('/v1/reports?token=SECRET-QUERY', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(secretReport) });
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain('SECRET');
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[\w-]{8,}$/);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map((entry) => entry.event)).toEqual(['unhandled_error', 'request']);
    expect(entries.every((entry) => entry.requestId === requestId)).toBe(true);
    expect(entries[0]).toMatchObject({ level: 'error', errorClass: 'Error', errorCode: 'XX000', path: '/v1/reports' });
    expect(entries[1]).toMatchObject({ level: 'info', method: 'POST', path: '/v1/reports', status: 500 });
    const all = lines.join('\n');
    for (const secret of ['SECRET', '0912345678', 'reporter@example.vn', 'siêu cấp', 'Giày']) expect(all).not.toContain(secret);
    await sql.close();
  });
});

describe('browsers and floods', () => {
  let sql: Sql;
  beforeAll(async () => {
    sql = await openEmbeddedDatabase(undefined);
    await migrate(sql);
  });
  afterAll(() => sql.close());

  const appWith = async (overrides: Partial<AppDeps>) => (await buildTestApp(sql, { bodyLimitBytes: 1 << 20, overrides })).app;

  it('lets only the extension (and configured origins) call the API from a browser', async () => {
    const app = await appWith({ corsOrigins: ['https://partner.example.gov.vn'] });
    const preflight = (origin: string) =>
      app.request('/v1/reports', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight('null')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight('moz-extension://4b1d2c3e-aaaa-bbbb-cccc-123456789abc')).headers.get('access-control-allow-origin')).toBe('moz-extension://4b1d2c3e-aaaa-bbbb-cccc-123456789abc');
    expect((await preflight('https://partner.example.gov.vn')).headers.get('access-control-allow-origin')).toBe('https://partner.example.gov.vn');
    const evilPost = await app.request('/v1/reports', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: JSON.stringify(EXAMPLE_REPORT) });
    expect(evilPost.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('publishes the configured public address in the OpenAPI document, never the Host header', async () => {
    const app = await appWith({ publicUrl: 'https://hotline.example.gov.vn' });
    const doc = (await (await app.request('http://evil.example/v1/openapi.json', { headers: { host: 'evil.example' } })).json()) as { servers: { url: string }[] };
    expect(doc.servers).toEqual([{ url: 'https://hotline.example.gov.vn' }]);
    const unconfigured = (await (await (await appWith({})).request('http://evil.example/v1/openapi.json')).json()) as { servers: unknown[] };
    expect(JSON.stringify(unconfigured)).not.toContain('evil.example');
  });

  it('limits report submissions per client address with 429 and Retry-After, refilling over time', async () => {
    const clock = { now: 1_000_000 };
    const app = await appWith({ reportRateLimit: createRateLimiter({ perMinute: 3, perDay: 5 }, () => clock.now), trustProxyHops: 1 });
    const post = (ip: string) =>
      app.request('/v1/reports', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `6.6.6.6, ${ip}` }, body: JSON.stringify(EXAMPLE_REPORT) });
    expect([(await post('1.1.1.1')).status, (await post('1.1.1.1')).status, (await post('1.1.1.1')).status]).toEqual([201, 201, 201]);
    const limited = await post('1.1.1.1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('20');
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' });
    expect((await post('2.2.2.2')).status).toBe(201); // another client is not affected
    clock.now += 20_000;
    expect((await post('1.1.1.1')).status).toBe(201);
    clock.now += 60_000;
    expect((await post('1.1.1.1')).status).toBe(201);
    const daily = await post('1.1.1.1'); // the sixth of the day
    expect(daily.status).toBe(429);
    expect(Number(daily.headers.get('retry-after'))).toBeGreaterThan(3600);
  });
});

describe('the server process', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: '', HOTLINE_BODY_LIMIT: 4096, HOTLINE_BODY_TIMEOUT: 1500 }, { inMemory: true });
  });
  afterAll(() => server.stop());

  /** Sends raw bytes, returns everything the server answered until it closed or `waitMs` passed. */
  function raw(chunks: (string | number)[], waitMs = 4000): Promise<string> {
    return new Promise((resolve) => {
      const socket = connect(server.port, '127.0.0.1');
      let answer = '';
      socket.on('data', (data) => (answer += data.toString()));
      socket.on('error', () => resolve(answer || 'RESET'));
      socket.on('close', () => resolve(answer));
      setTimeout(() => {
        socket.destroy();
        resolve(answer);
      }, waitMs);
      void (async () => {
        for (const chunk of chunks) {
          if (typeof chunk === 'number') await new Promise((r) => setTimeout(r, chunk));
          else if (!socket.destroyed) socket.write(chunk);
        }
      })();
    });
  }

  it('refuses an announced over-limit body with 413 before the client sends it (Expect: 100-continue)', async () => {
    const answer = await raw(['POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n'], 1500);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).not.toContain('100 Continue');
  });

  it('answers 413 to a chunked body that grows past the limit', async () => {
    const chunk = `1000\r\n${'x'.repeat(0x1000)}\r\n`;
    const answer = await raw(['POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n', chunk, chunk, chunk, '0\r\n\r\n'], 2000);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
  });

  it('cuts a body that trickles slower than the timeout', async () => {
    const started = Date.now();
    const answer = await raw(['POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{"a":', 1000, '1', 1000, '2', 1000, '3', 1000, '4'], 8000);
    expect(Date.now() - started).toBeLessThan(7000);
    expect(answer).toMatch(/^HTTP\/1\.1 408|^$/);
    expect((await server.sql.query('SELECT 1 FROM reports')).rows).toHaveLength(0);
  });
});
