import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReceiptSchema } from '../../contract/index.ts';
import { migrate, openEmbeddedDatabase, type Sql } from '../src/db.ts';
import { EXAMPLE_REPORT } from '../src/openapi.ts';
import { buildTestApp } from './test-app.ts';

// Seeded property tests across every route: whatever the body, query or header, the hotline never answers 5xx,
// a refused request stores nothing, and an accepted report can be found by its tracking code.
// FUZZ_RUNS scales the run (CI default: 10,000 requests in all); FUZZ_SEED replays a failure.

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 389);
const statusCounts = new Map<number, number>();
const tally = (status: number) => statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);

/** Strings a marketplace page or an attacker may produce: lone surrogates, NUL and control characters, markup. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\ud800', '\udc00', '\u0000', '\u0007', '\u202e', '\ufeff', 'đ', 'ạ', '"', '\\', '<', ' '), maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '<script>alert(1)</script>', "'; DROP TABLE reports; --", '=HYPERLINK("x")', 'x'.repeat(20_000)),
);

/** Any JSON-ish value, including deep nesting and huge numbers. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { maxDepth: 3 },
  nastyString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, 2 ** 63, -1, 0, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 1, max: 3000 }).map((depth) => JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`) as unknown),
);

const REPORT_PATHS = [
  'category',
  'note',
  'reporterRole',
  'capturedAt',
  'schemaVersion',
  'client',
  'client.name',
  'contact',
  'contact.phone',
  'contact.email',
  'assessment',
  'listing',
  'listing.site',
  'listing.listingKey',
  'listing.url',
  'listing.title',
  'listing.description',
  'listing.price',
  'listing.currency',
  'listing.images',
  'listing.seller',
  'listing.seller.name',
  'listing.attributes',
  'listing.categoryPath',
  'listing.provenance',
  'listing.provenance.title.alternatives',
  'listing.provenance.title.alternatives.0.value',
];

function setPath(target: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = /^\d+$/.test(key) ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
  return copy;
}

const BASE = { ...EXAMPLE_REPORT, listing: { ...EXAMPLE_REPORT.listing, provenance: { title: { source: 'json_ld', alternatives: [{ source: 'dom', value: 'x' }] } } } };

describe('fuzzing every route', () => {
  let sql: Sql;
  let app: Awaited<ReturnType<typeof buildTestApp>>['app'];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    sql = await openEmbeddedDatabase(undefined);
    await migrate(sql);
    let accounts;
    ({ app, accounts } = await buildTestApp(sql, { bodyLimitBytes: 256 * 1024 }));
    const org = await accounts.createOrg(null, { name: 'Fuzz org' });
    for (const role of ['admin', 'triager', 'inspector', 'analyst'] as const) {
      await accounts.createUser(null, { email: `${role}@fuzz.test`, name: role, role, orgId: org.id, password: 'fuzzing password 1' });
      tokens[role] = (await accounts.createSession((await accounts.authenticate(`${role}@fuzz.test`, 'fuzzing password 1'))!.id)).token;
    }
    const seeded = await app.request('/v1/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(EXAMPLE_REPORT) });
    expect(seeded.status).toBe(201);
  });
  afterAll(async () => {
    await sql.close();
    console.log(`fuzz: ${[...statusCounts.values()].reduce((a, b) => a + b, 0)} requests by status: ${JSON.stringify(Object.fromEntries([...statusCounts].sort()))}`);
  });

  const countRows = async () => {
    const { rows } = await sql.query<{ reports: number; cases: number; counted: number; daily: number }>(
      `SELECT (SELECT count(*)::int FROM reports) AS reports, (SELECT count(*)::int FROM cases) AS cases,
              (SELECT coalesce(sum(report_count), 0)::int FROM cases) AS counted, (SELECT coalesce(sum(reports), 0)::int FROM report_daily) AS daily`,
    );
    return rows[0]!;
  };

  it('POST /v1/reports: never 5xx; refused stores nothing; accepted is retrievable and counted once', async () => {
    const body = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...REPORT_PATHS), anyValue).map(([path, value]) => JSON.stringify(setPath(BASE, path, value))) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...REPORT_PATHS), nastyString).map(([path, value]) => JSON.stringify(setPath(BASE, path, value))) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
      { weight: 1, arbitrary: anyValue.map((value) => JSON.stringify(value) ?? 'undefined') },
    );
    const headers = fc.record({
      'content-type': fc.oneof({ weight: 8, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') }, { weight: 2, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', '') }),
      'idempotency-key': fc.option(fc.oneof(fc.string({ minLength: 8, maxLength: 20, unit: 'grapheme-ascii' }), fc.constantFrom('short', 'x'.repeat(300))), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(body, headers, async (text, header) => {
        const before = await countRows();
        const cleanHeaders = Object.fromEntries(Object.entries(header).filter(([, value]) => value !== undefined)) as Record<string, string>;
        const response = await app.request('/v1/reports', { method: 'POST', headers: cleanHeaders, body: text });
        tally(response.status);
        expect(response.status, text.slice(0, 300)).toBeLessThan(500);
        const after = await countRows();
        expect(after.counted).toBe(after.reports);
        expect(after.daily).toBe(after.reports);
        if (response.status === 201) {
          expect(after.reports).toBe(before.reports + 1);
          const { trackingCode } = ReceiptSchema.parse(await response.json());
          expect((await app.request(`/v1/reports/${trackingCode}/status`)).status).toBe(200);
        } else if (response.status !== 200) {
          expect(after).toEqual(before);
        }
      }),
      { numRuns: Math.round(RUNS * 0.5), seed: SEED },
    );
  }, 600_000);

  it('GET /v1/reports/{code}/status and unknown paths: never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (code) => {
        const response = await app.request(`/v1/reports/${encodeURIComponent(code)}/status`);
        tally(response.status);
        expect([200, 404]).toContain(response.status);
      }),
      { numRuns: Math.round(RUNS * 0.1), seed: SEED },
    );
  }, 600_000);

  it('back office: never 5xx for any role, query or body; refused changes write no audit entry', async () => {
    const route = fc.constantFrom(
      ['GET', '/v1/cases'],
      ['GET', '/v1/cases/1'],
      ['GET', '/v1/cases/999999999999999999'],
      ['PATCH', '/v1/cases/1'],
      ['POST', '/v1/cases/1/notes'],
      ['GET', '/v1/cases/export'],
      ['GET', '/v1/stats'],
      ['GET', '/v1/orgs'],
      ['GET', '/v1/admin/users'],
      ['POST', '/v1/admin/users'],
      ['PATCH', '/v1/admin/users/00000000-0000-4000-8000-000000000000'],
      ['POST', '/v1/admin/orgs'],
      ['GET', '/v1/admin/audit'],
      ['POST', '/v1/auth/login'],
      ['GET', '/v1/auth/me'],
    );
    const queryKey = fc.constantFrom('status', 'category', 'site', 'org', 'q', 'sort', 'cursor', 'limit', 'from', 'to', 'format');
    const query = fc.dictionary(queryKey, nastyString, { maxKeys: 3 });
    const jsonBody = fc.oneof(
      fc.record(
        {
          status: fc.oneof(fc.constantFrom('received', 'triaged', 'investigating', 'closed', 'rejected'), nastyString),
          assignedOrg: fc.oneof(fc.constant(null), nastyString, fc.uuid()),
          priority: fc.oneof(fc.constantFrom('low', 'urgent'), nastyString),
          reason: nastyString,
          body: nastyString,
          email: nastyString,
          password: nastyString,
          name: nastyString,
          role: fc.oneof(fc.constantFrom('admin', 'inspector'), nastyString),
          orgId: fc.oneof(fc.uuid(), nastyString),
          active: fc.oneof(fc.boolean(), nastyString),
        },
        { requiredKeys: [] },
      ),
      anyValue,
    );
    const who = fc.constantFrom('admin', 'triager', 'inspector', 'analyst', 'none', 'garbage');
    await fc.assert(
      fc.asyncProperty(route, query, jsonBody, who, async ([method, path], params, body, role) => {
        const search = new URLSearchParams(params as Record<string, string>).toString();
        const auditBefore = (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
        const authorization = role === 'none' ? {} : { authorization: `Bearer ${role === 'garbage' ? 'not-a-token-not-a-token' : tokens[role]}` };
        const response = await app.request(`${path}${search ? `?${search}` : ''}`, {
          method,
          headers: { 'content-type': 'application/json', ...authorization },
          body: method === 'GET' ? undefined : JSON.stringify(body) ?? 'null',
        });
        tally(response.status);
        await response.arrayBuffer();
        expect(response.status, `${method} ${path}?${search} ${JSON.stringify(body)?.slice(0, 200)}`).toBeLessThan(500);
        const auditAfter = (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
        if (response.status >= 400) expect(auditAfter).toBe(auditBefore);
      }),
      { numRuns: Math.round(RUNS * 0.4), seed: SEED },
    );
  }, 600_000);
});
