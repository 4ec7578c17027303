import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseQuerySchema, type CaseQuery } from '../../contract/backoffice.ts';
import { buildCaseListQuery } from '../src/backoffice/cases.ts';
import { migrate, type Sql } from '../src/db.ts';
import { DATABASES } from './databases.ts';

// The inbox must stay fast at 1,000,000 reports: every filter and sort is answered from an index, never by reading
// the whole cases table. The planner's choice is checked on a table large enough for it to prefer indexes.
const CASES = 40_000;
const ORG_IDS = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];

describe.each(DATABASES)('case inbox query plans on $name', (database) => {
  let sql: Sql;

  beforeAll(async () => {
    sql = await database.open();
    await migrate(sql);
    for (const [index, id] of ORG_IDS.entries()) await sql.query('INSERT INTO orgs (id, name, created_at) VALUES ($1, $2, now())', [id, `Org ${index}`]);
    await sql.query(
      `INSERT INTO cases (listing_key, site, url, title, seller_key, categories, risk_rank, report_count, first_reported_at, last_reported_at,
                          status, assigned_org, status_changed_at)
       SELECT 'shopee.vn:' || (g % 5000) || ':' || g,
              (ARRAY['shopee.vn','lazada.vn','tiki.vn','sendo.vn','chotot.com','shop.tiktok.com','generic'])[1 + g % 7],
              'https://shopee.vn/product/' || g,
              'Sản phẩm số ' || g || (CASE WHEN g % 97 = 0 THEN ' giày siêu cấp' ELSE ' áo thun' END),
              'shopee.vn:' || (g % 5000),
              ARRAY[(ARRAY['counterfeit','smuggled','banned_goods','ip_infringement','off_platform','false_advertising'])[1 + g % 6]],
              g % 4, 1 + g % 9,
              timestamptz '2026-01-01' + g * interval '7 minutes', timestamptz '2026-01-01' + g * interval '9 minutes',
              (ARRAY['received','triaged','investigating','closed','rejected'])[1 + g % 5],
              CASE WHEN g % 4 = 0 THEN NULL ELSE ($1::uuid[])[1 + g % 3] END,
              timestamptz '2026-01-01'
         FROM generate_series(1, ${CASES}) AS g`,
      [ORG_IDS],
    );
    await sql.exec('ANALYZE cases');
  }, 180_000);
  afterAll(() => sql.close());

  async function plan(query: Partial<CaseQuery>, scope: { orgId?: string } = {}): Promise<string> {
    const { text, params } = buildCaseListQuery(CaseQuerySchema.parse(query), scope);
    const { rows } = await sql.query<Record<string, string>>(`EXPLAIN ${text}`, params);
    return rows.map((row) => Object.values(row)[0]).join('\n');
  }

  const cursorAfter = (sortKey: string, id: string) => Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');

  it.each<[string, Partial<CaseQuery>, { orgId?: string }?]>([
    ['the first page of the inbox', {}],
    ['a later page (keyset cursor)', { cursor: cursorAfter('2026-03-01 00:00:00+00', '20000') }],
    ['a status filter', { status: 'received' }],
    ['a category filter', { category: 'banned_goods' }],
    ['a site filter', { site: 'tiki.vn' }],
    ['an organisation filter', { org: ORG_IDS[1] }],
    ['unassigned cases', { org: 'none' }],
    ['an inspector’s organisation scope', {}, { orgId: ORG_IDS[2] }],
    ['search words', { q: 'giay sieu' }],
    ['a pasted listing key', { q: 'shopee.vn:12:12' }],
    ['a pasted listing address', { q: 'https://shopee.vn/product/12' }],
    ['sorted by report count', { sort: 'report_count' }],
    ['sorted by risk', { sort: 'risk', status: 'received' }],
    ['sorted by first report, with a status', { sort: 'first_reported', status: 'triaged' }],
  ])('answers %s from an index', async (_name, query, scope) => {
    const text = await plan(query, scope);
    expect(text).toMatch(/Index|Bitmap/);
    expect(text).not.toMatch(/Seq Scan on cases/);
  });
});
