import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDetailSchema, type Org, type User } from '../../contract/backoffice.ts';
import { DeviceLoginResponseSchema } from '../../contract/device-token.ts';
import { ReceiptSchema, shopListingKey, type ReportInput } from '../../contract/index.ts';
import type { HotlineApp } from '../src/app.ts';
import type { Accounts } from '../src/backoffice/accounts.ts';
import { migrate, type Sql } from '../src/db.ts';
import { EXAMPLE_REPORT } from '../src/openapi.ts';
import { createRateLimiter } from '../src/rate-limit.ts';
import { DATABASES } from './databases.ts';
import { listingReports, PASSWORD, SHOP_ID } from './people.ts';
import { buildTestApp } from './test-app.ts';

// Inspector mode, bulk part (issue 10): shop-level reports and batches of accountable reports.

const SHOP = SHOP_ID;
const listingReport = listingReports('99');

function shopReport(listingKeys: string[], extra: Partial<ReportInput> = {}): ReportInput {
  return {
    ...EXAMPLE_REPORT,
    subject: 'shop',
    shop: { shopId: SHOP, name: 'Shop Hàng Hiệu Giá Rẻ', url: `https://shopee.vn/shop/${SHOP}`, listingKeys },
    listing: {
      site: 'shopee.vn',
      listingKey: shopListingKey('shopee.vn', SHOP),
      url: `https://shopee.vn/shop/${SHOP}`,
      shopId: SHOP,
      title: 'Shop Hàng Hiệu Giá Rẻ',
      seller: { id: SHOP, name: 'Shop Hàng Hiệu Giá Rẻ', url: `https://shopee.vn/shop/${SHOP}` },
      provenance: { shopId: { source: 'dom' } },
    },
    ...extra,
  };
}

describe.each(DATABASES)('batch and shop reports ($name)', (database) => {
  let sql: Sql;
  let app: HotlineApp;
  let accounts: Accounts;
  let org: Org;
  let inspector: User;
  const clock = { now: new Date('2026-12-02T02:00:00Z') };
  let limiterNow = 5_000_000;

  beforeAll(async () => {
    sql = await database.open();
    await migrate(sql);
    ({ app, accounts } = await buildTestApp(sql, {
      clock,
      overrides: { reportRateLimit: createRateLimiter({ perMinute: 30, perDay: 500 }, () => limiterNow), trustProxyHops: 1 },
    }));
    org = await accounts.createOrg(null, { name: 'Cục QLTT Hà Nội' });
    inspector = await accounts.createUser(null, { email: 'tt@qltt.vn', name: 'Thanh tra', role: 'inspector', orgId: org.id, password: PASSWORD });
  });
  afterAll(() => sql.close());

  let keyCounter = 0;
  const request = (path: string, init: { method?: string; body?: unknown; token?: string; ip?: string } = {}) =>
    app.request(path, {
      method: init.method ?? 'GET',
      headers: {
        'x-forwarded-for': init.ip ?? '10.0.0.1',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json', 'idempotency-key': `bulk-test-${(keyCounter += 1)}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  const post = (report: ReportInput, token?: string, ip?: string) => request('/v1/reports', { method: 'POST', body: report, token, ip });
  const deviceToken = async () =>
    DeviceLoginResponseSchema.parse(await (await request('/v1/auth/device', { method: 'POST', body: { email: 'tt@qltt.vn', password: PASSWORD, label: 'bulk' } })).json()).token;

  it("exempts an inspector's batch from the anonymous per-address limit; anonymous reports get 429 after it", async () => {
    const token = await deviceToken();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await post(listingReport({ reporterRole: 'inspector' }), token, '10.1.1.1')).status);
    expect(statuses.every((status) => status === 201)).toBe(true);
    // the same address without a token is limited as before: 30 a minute
    limiterNow += 1;
    const anonymous: number[] = [];
    for (let i = 0; i < 31; i += 1) anonymous.push((await post(listingReport(), undefined, '10.1.1.1')).status);
    expect(anonymous.slice(0, 30).every((status) => status === 201)).toBe(true);
    expect(anonymous[30]).toBe(429);
    // a forged or revoked token is no way round the limit: limited first (429), never stored
    const forged = await post(listingReport(), 'hdt_' + 'x'.repeat(43), '10.1.1.1');
    expect(forged.status).toBe(429);
    // and, under the limit, refused as before
    expect((await post(listingReport(), 'hdt_' + 'x'.repeat(43), '10.9.9.9')).status).toBe(401);
    // the inspector still reports from the limited address
    expect((await post(listingReport({ reporterRole: 'inspector' }), token, '10.1.1.1')).status).toBe(201);
  });

  it("stores a shop report in the shop's case, which lists the shop's listing keys and links the cases that exist", async () => {
    limiterNow += 3_600_000;
    const token = await deviceToken();
    const reported = listingReport({ reporterRole: 'inspector' });
    const listingReceipt = ReceiptSchema.parse(await (await post(reported, token)).json());
    const unreported = `shopee.vn:${SHOP}:999999`;
    const response = await post(shopReport([reported.listing.listingKey, unreported], { reporterRole: 'inspector', note: 'Cả cửa hàng bán hàng giả' }), token);
    expect(response.status).toBe(201);
    const receipt = ReceiptSchema.parse(await response.json());
    const { rows } = await sql.query<{ case_id: string; listing_key: string; seller_key: string | null }>(
      'SELECT r.case_id::text, c.listing_key, c.seller_key FROM reports r JOIN cases c ON c.id = r.case_id WHERE r.tracking_code = $1',
      [receipt.trackingCode],
    );
    expect(rows[0]).toMatchObject({ listing_key: `shopee.vn:shop:${SHOP}`, seller_key: `shopee.vn:${SHOP}` });
    // a second shop report joins the same case
    const again = ReceiptSchema.parse(await (await post(shopReport([`shopee.vn:${SHOP}:777`]), token)).json());
    const second = await sql.query<{ case_id: string }>('SELECT case_id::text FROM reports WHERE tracking_code = $1', [again.trackingCode]);
    expect(second.rows[0]?.case_id).toBe(rows[0]!.case_id);

    const session = (await accounts.createSession(inspector.id)).token;
    const detailResponse = await app.request(`/v1/cases/${rows[0]!.case_id}`, { headers: { authorization: `Bearer ${session}` } });
    expect(detailResponse.status).toBe(200);
    const detail = CaseDetailSchema.parse(await detailResponse.json());
    expect(detail.shop).toMatchObject({ shopId: SHOP, name: 'Shop Hàng Hiệu Giá Rẻ', url: `https://shopee.vn/shop/${SHOP}` });
    const listed = new Map(detail.shop!.listings.map((item) => [item.listingKey, item.case]));
    expect([...listed.keys()].sort()).toEqual([reported.listing.listingKey, unreported, `shopee.vn:${SHOP}:777`].sort());
    expect(listed.get(unreported)).toBeNull();
    const linked = listed.get(reported.listing.listingKey);
    expect(linked?.listingKey).toBe(reported.listing.listingKey);
    const listingCase = await sql.query<{ case_id: string }>('SELECT case_id::text FROM reports WHERE tracking_code = $1', [listingReceipt.trackingCode]);
    expect(linked?.id).toBe(listingCase.rows[0]!.case_id);
    // the listing's case shows the shop's case among the seller's cases (same seller key)
    const listingDetail = CaseDetailSchema.parse(await (await app.request(`/v1/cases/${linked!.id}`, { headers: { authorization: `Bearer ${session}` } })).json());
    expect(listingDetail.sellerCases.map((item) => item.listingKey)).toContain(`shopee.vn:shop:${SHOP}`);
    expect(listingDetail.shop ?? null).toBeNull();
  });

  it('refuses malformed shop reports with 400 naming the field', async () => {
    limiterNow += 3_600_000;
    const cases: [ReportInput, string][] = [
      [{ ...shopReport([]), shop: undefined }, 'shop'],
      [shopReport(Array.from({ length: 201 }, (_, i) => `shopee.vn:${SHOP}:${i}`)), 'shop.listingKeys'],
      [{ ...shopReport([]), listing: { ...shopReport([]).listing, listingKey: `shopee.vn:${SHOP}:1` } }, 'listing.listingKey'],
      [{ ...listingReport(), shop: shopReport([]).shop }, 'shop'],
      [shopReport([''], {}), 'shop.listingKeys.0'],
      [{ ...shopReport([]), shop: { ...shopReport([]).shop!, url: 'javascript:alert(1)' } }, 'shop.url'],
      [{ ...shopReport([]), subject: 'seller' as never }, 'subject'],
    ];
    for (const [body, path] of cases) {
      const response = await post(body);
      expect(response.status, path).toBe(400);
      const answer = (await response.json()) as { issues?: { path: string }[] };
      expect(answer.issues?.map((issue) => issue.path), path).toContain(path);
    }
  });
});
