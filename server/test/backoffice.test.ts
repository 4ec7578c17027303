import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditEntrySchema,
  CaseDetailSchema,
  CaseListSchema,
  CaseSummarySchema,
  LoginResponseSchema,
  StatsSchema,
  type CaseSummary,
  type Org,
  type User,
  type UserRole,
} from '../../contract/backoffice.ts';
import { ReceiptSchema, ReportStatusSchema, type ReportInput } from '../../contract/index.ts';
import type { HotlineApp } from '../src/app.ts';
import type { Accounts } from '../src/backoffice/accounts.ts';
import { migrate, type Sql } from '../src/db.ts';
import { EXAMPLE_REPORT } from '../src/openapi.ts';
import { DATABASES } from './databases.ts';
import { buildTestApp } from './test-app.ts';

const PASSWORD = 'correct horse battery staple';

/** A report on another listing (and optionally another shop) of the example's marketplace. */
function reportOn(itemId: string, overrides: Partial<ReportInput['listing']> = {}, extra: Partial<ReportInput> = {}): ReportInput {
  const shopId = overrides.shopId ?? '34456910';
  return {
    ...EXAMPLE_REPORT,
    ...extra,
    listing: {
      ...EXAMPLE_REPORT.listing,
      itemId,
      shopId,
      listingKey: `shopee.vn:${shopId}:${itemId}`,
      url: `https://shopee.vn/product/${shopId}/${itemId}`,
      ...overrides,
    },
  };
}

describe.each(DATABASES)('hotline back office on $name', (database) => {
  let sql: Sql;
  let app: HotlineApp;
  let accounts: Accounts;
  const clock = { now: new Date('2026-12-01T02:00:00Z') };
  let bcd: Org;
  let hanoi: Org;
  let customs: Org;
  const users: Partial<Record<'admin' | 'triager' | 'inspector' | 'customsInspector' | 'analyst' | 'trainer', { user: User; token: string }>> = {};

  beforeAll(async () => {
    sql = await database.open();
    await migrate(sql);
    ({ app, accounts } = await buildTestApp(sql, { clock }));
  });
  afterAll(() => sql.close());

  const request = (path: string, token: string | undefined, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    app.request(path, {
      method: init.method ?? 'GET',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  const login = (email: string, password = PASSWORD) => request('/v1/auth/login', undefined, { method: 'POST', body: { email, password } });

  async function signIn(email: string): Promise<string> {
    const response = await login(email);
    expect(response.status).toBe(200);
    return LoginResponseSchema.parse(await response.json()).token;
  }

  async function addUser(key: keyof typeof users, role: UserRole, org: Org) {
    const user = await accounts.createUser(null, { email: `${key}@hotline.test`, name: `User ${key}`, role, orgId: org.id, password: PASSWORD });
    users[key] = { user, token: await signIn(user.email) };
  }
  const token = (key: keyof typeof users) => users[key]!.token;

  async function submit(report: ReportInput): Promise<{ trackingCode: string }> {
    const response = await request('/v1/reports', undefined, { method: 'POST', body: report });
    expect(response.status).toBe(201);
    return ReceiptSchema.parse(await response.json());
  }

  async function caseFor(listingKey: string): Promise<CaseSummary> {
    const response = await request(`/v1/cases?q=${encodeURIComponent(listingKey)}`, token('triager'));
    const { items } = CaseListSchema.parse(await response.json());
    expect(items).toHaveLength(1);
    return items[0]!;
  }

  const patch = (id: string, body: unknown, who: keyof typeof users = 'triager') => request(`/v1/cases/${id}`, token(who), { method: 'PATCH', body });

  beforeEach(async () => {
    await sql.exec('TRUNCATE reports, report_daily, cases, case_notes, audit_log, sessions, users, orgs RESTART IDENTITY CASCADE;');
    clock.now = new Date('2026-12-01T02:00:00Z');
    bcd = await accounts.createOrg(null, { name: 'BCĐ 389' });
    hanoi = await accounts.createOrg(null, { name: 'Cục QLTT Hà Nội', kind: 'market_surveillance' });
    customs = await accounts.createOrg(null, { name: 'Tổng cục Hải quan', kind: 'customs' });
    await addUser('admin', 'admin', bcd);
    await addUser('triager', 'triager', bcd);
    await addUser('inspector', 'inspector', hanoi);
    await addUser('customsInspector', 'inspector', customs);
    await addUser('analyst', 'analyst', bcd);
    await addUser('trainer', 'trainer', bcd);
  });

  describe('accounts and sign-in', () => {
    it('signs in with a bearer token and an HttpOnly, SameSite=Strict session cookie', async () => {
      const response = await login('triager@hotline.test');
      expect(response.status).toBe(200);
      const body = LoginResponseSchema.parse(await response.json());
      expect(body.user).toMatchObject({ email: 'triager@hotline.test', role: 'triager', orgName: 'BCĐ 389' });
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/hotline_session=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      const me = await app.request('/v1/auth/me', { headers: { cookie: cookie.split(';')[0]! } });
      expect(((await me.json()) as { user: User }).user.email).toBe('triager@hotline.test');
      // Only a hash of the token is stored.
      const stored = await sql.query<{ token_sha256: string }>('SELECT token_sha256 FROM sessions');
      expect(stored.rows.map((row) => row.token_sha256)).not.toContain(body.token);
    });

    it('answers 401 alike for a wrong password and an unknown email', async () => {
      const wrong = await login('triager@hotline.test', 'not the password at all');
      const unknown = await login('nobody@hotline.test');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(await wrong.json()).toEqual(await unknown.json());
    });

    it('slows down repeated failures: 429 with Retry-After, even for the right password, until the delay passes', async () => {
      for (let attempt = 0; attempt < 5; attempt += 1) expect((await login('analyst@hotline.test', 'guess number ' + attempt)).status).toBe(401);
      const blocked = await login('analyst@hotline.test');
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      clock.now = new Date(clock.now.getTime() + 2_000);
      expect((await login('analyst@hotline.test')).status).toBe(200);
    });

    it('ends a session on logout and when the user is deactivated', async () => {
      const first = await signIn('inspector@hotline.test');
      expect((await request('/v1/auth/logout', first, { method: 'POST' })).status).toBe(204);
      expect((await request('/v1/auth/me', first)).status).toBe(401);
      const second = await signIn('inspector@hotline.test');
      const deactivated = await request(`/v1/admin/users/${users.inspector!.user.id}`, token('admin'), { method: 'PATCH', body: { active: false } });
      expect(deactivated.status).toBe(200);
      expect((await request('/v1/auth/me', second)).status).toBe(401);
      expect((await login('inspector@hotline.test')).status).toBe(401);
    });

    it('expires sessions after 12 hours', async () => {
      const session = await signIn('analyst@hotline.test');
      clock.now = new Date(clock.now.getTime() + 12 * 3_600_000 + 1);
      expect((await request('/v1/auth/me', session)).status).toBe(401);
    });

    it('creates the bootstrap admin only while no user exists', async () => {
      expect(await accounts.bootstrapAdmin('first@hotline.test', PASSWORD)).toBeUndefined();
      await sql.exec('TRUNCATE sessions, audit_log, users, orgs CASCADE;');
      const admin = await accounts.bootstrapAdmin('First@Hotline.test', PASSWORD);
      expect(admin).toMatchObject({ email: 'first@hotline.test', role: 'admin', orgName: 'BCĐ 389' });
      expect((await login('first@hotline.test')).status).toBe(200);
    });

    it('lets admins manage organisations and users, refuses duplicates and self-demotion, and audits it all', async () => {
      const org = await request('/v1/admin/orgs', token('admin'), { method: 'POST', body: { name: 'Công an TP.HCM', kind: 'police' } });
      expect(org.status).toBe(201);
      const orgId = ((await org.json()) as Org).id;
      expect((await request('/v1/admin/orgs', token('admin'), { method: 'POST', body: { name: 'Công an TP.HCM' } })).status).toBe(409);
      const created = await request('/v1/admin/users', token('admin'), {
        method: 'POST',
        body: { email: 'police@hotline.test', name: 'Trần Thị B', role: 'inspector', orgId, password: 'short' },
      });
      expect(created.status).toBe(400);
      const ok = await request('/v1/admin/users', token('admin'), {
        method: 'POST',
        body: { email: 'police@hotline.test', name: 'Trần Thị B', role: 'inspector', orgId, password: PASSWORD },
      });
      expect(ok.status).toBe(201);
      expect((await login('police@hotline.test')).status).toBe(200);
      const self = await request(`/v1/admin/users/${users.admin!.user.id}`, token('admin'), { method: 'PATCH', body: { role: 'analyst' } });
      expect(self.status).toBe(403);
      const audit = await request('/v1/admin/audit', token('admin'));
      const entries = ((await audit.json()) as { items: unknown[] }).items.map((entry) => AuditEntrySchema.parse(entry));
      expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['org_created', 'user_created']));
      expect(JSON.stringify(entries)).not.toContain(PASSWORD);
    });
  });

  describe('who may do what', () => {
    const backOfficeRoutes: [string, string][] = [
      ['GET', '/v1/auth/me'],
      ['GET', '/v1/orgs'],
      ['GET', '/v1/cases'],
      ['GET', '/v1/cases/1'],
      ['PATCH', '/v1/cases/1'],
      ['POST', '/v1/cases/1/notes'],
      ['GET', '/v1/cases/export'],
      ['GET', '/v1/stats'],
      ['GET', '/v1/admin/users'],
      ['POST', '/v1/admin/users'],
      ['PATCH', '/v1/admin/users/00000000-0000-4000-8000-000000000000'],
      ['POST', '/v1/admin/orgs'],
      ['GET', '/v1/admin/audit'],
    ];

    it('answers 401 on every back-office route without a valid token', async () => {
      for (const [method, path] of backOfficeRoutes) {
        expect((await request(path, undefined, { method, body: method === 'GET' ? undefined : {} })).status, `${method} ${path}`).toBe(401);
        expect((await request(path, 'forged-token-forged-token-forged', { method, body: method === 'GET' ? undefined : {} })).status, `${method} ${path}`).toBe(401);
      }
    });

    it('answers 403 to roles that may not', async () => {
      const refused: [keyof typeof users, string, string][] = [
        ['analyst', 'GET', '/v1/cases'],
        ['analyst', 'PATCH', '/v1/cases/1'],
        ['analyst', 'GET', '/v1/admin/users'],
        ['triager', 'GET', '/v1/admin/users'],
        ['triager', 'GET', '/v1/admin/audit'],
        ['inspector', 'POST', '/v1/admin/orgs'],
      ];
      for (const [who, method, path] of refused) {
        expect((await request(path, token(who), { method, body: method === 'GET' ? undefined : { status: 'triaged' } })).status, `${who} ${method} ${path}`).toBe(403);
      }
    });

    it('refuses a cookie-authenticated change from another origin', async () => {
      const cookie = ((await login('triager@hotline.test')).headers.get('set-cookie') ?? '').split(';')[0]!;
      await submit(EXAMPLE_REPORT);
      const { id } = await caseFor(EXAMPLE_REPORT.listing.listingKey);
      const crossSite = await app.request(`http://localhost/v1/cases/${id}`, {
        method: 'PATCH',
        headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'triaged' }),
      });
      expect(crossSite.status).toBe(403);
      const sameSite = await app.request(`http://localhost/v1/cases/${id}`, {
        method: 'PATCH',
        headers: { cookie, origin: 'http://localhost', 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'triaged' }),
      });
      expect(sameSite.status).toBe(200);
    });
  });

  describe('cases', () => {
    it('joins reports on the same listing into one case and links the seller’s other cases', async () => {
      await submit(EXAMPLE_REPORT);
      clock.now = new Date(clock.now.getTime() + 60_000);
      await submit({ ...EXAMPLE_REPORT, note: 'second reporter', category: 'ip_infringement' });
      await submit(reportOn('999', { title: 'Túi xách hàng hiệu' }));
      await submit(reportOn('555', { shopId: '777', title: 'Another shop' }));
      const first = await caseFor(EXAMPLE_REPORT.listing.listingKey);
      expect(first).toMatchObject({ reportCount: 2, categories: ['counterfeit', 'ip_infringement'], seller: { key: 'shopee.vn:34456910' } });
      expect(first.lastReportedAt > first.firstReportedAt).toBe(true);
      const detail = CaseDetailSchema.parse(await (await request(`/v1/cases/${first.id}`, token('triager'))).json());
      expect(detail.reports.map((report) => report.note).sort()).toEqual(['Giá quá thấp so với hàng chính hãng.', 'second reporter']);
      expect(detail.sellerCases.map((other) => other.listingKey)).toEqual(['shopee.vn:34456910:999']);
    });

    it('keeps the address and title the first reporter saw; a later report never rewrites them', async () => {
      await submit(EXAMPLE_REPORT);
      await submit({ ...EXAMPLE_REPORT, listing: { ...EXAMPLE_REPORT.listing, url: 'https://shopee.vn/rewritten-by-later-report', title: 'Rewritten title' } });
      const found = await caseFor(EXAMPLE_REPORT.listing.listingKey);
      expect(found.url).toBe(EXAMPLE_REPORT.listing.url);
      expect(found.title).toBe(EXAMPLE_REPORT.listing.title);
      const detail = CaseDetailSchema.parse(await (await request(`/v1/cases/${found.id}`, token('triager'))).json());
      expect(detail.reports.map((report) => report.listing.url).sort()).toEqual([EXAMPLE_REPORT.listing.url, 'https://shopee.vn/rewritten-by-later-report']);
    });

    it('rates risk with the server’s own rule pack, never the assessment a page sent', async () => {
      const claimedHigh = { level: 'high' as const, score: 99, categories: ['banned_goods' as const], hits: [] };
      await submit(reportOn('1', { title: 'Áo thun cotton trơn basic' }, { assessment: claimedHigh }));
      await submit(reportOn('2', { title: 'Giày sneaker siêu cấp rep 1:1 like auth' }, { assessment: { level: 'none', score: 0, categories: [], hits: [] } }));
      expect((await caseFor('shopee.vn:34456910:1')).riskLevel).toBe('none');
      const fake = await caseFor('shopee.vn:34456910:2');
      expect(['medium', 'high']).toContain(fake.riskLevel);
      const detail = CaseDetailSchema.parse(await (await request(`/v1/cases/${fake.id}`, token('triager'))).json());
      expect(detail.reports[0]!.assessment?.hits.length).toBeGreaterThan(0);
    });

    it('filters by status, category, site, organisation and Vietnamese search with or without diacritics', async () => {
      await submit(reportOn('1', { title: 'Giày thể thao nữ' }));
      await submit(reportOn('2', { title: 'Đồng hồ Rolex giá rẻ' }, { category: 'smuggled' }));
      await submit({ ...reportOn('3', { title: 'Sữa bột Nhật' }), listing: { ...reportOn('3').listing, site: 'tiki.vn', listingKey: 'tiki.vn:3', title: 'Sữa bột Nhật' } });
      const rolex = await caseFor('shopee.vn:34456910:2');
      await patch(rolex.id, { status: 'triaged', assignedOrg: customs.id });
      const keys = async (query: string) =>
        CaseListSchema.parse(await (await request(`/v1/cases?${query}`, token('triager'))).json()).items.map((item) => item.listingKey).sort();
      expect(await keys('q=giay')).toEqual(['shopee.vn:34456910:1']);
      expect(await keys('q=GIÀY%20th')).toEqual(['shopee.vn:34456910:1']);
      expect(await keys('q=dong%20ho')).toEqual(['shopee.vn:34456910:2']);
      expect(await keys('category=smuggled')).toEqual(['shopee.vn:34456910:2']);
      expect(await keys('status=triaged')).toEqual(['shopee.vn:34456910:2']);
      expect(await keys('status=received&site=shopee.vn')).toEqual(['shopee.vn:34456910:1']);
      expect(await keys(`org=${customs.id}`)).toEqual(['shopee.vn:34456910:2']);
      expect(await keys('org=none')).toEqual(['shopee.vn:34456910:1', 'tiki.vn:3']);
      expect(await keys('q=%27%3B%20DROP%20TABLE%20cases%3B%20--')).toEqual([]);
      expect((await request('/v1/cases?status=nonsense', token('triager'))).status).toBe(400);
    });

    it('pages through every case exactly once in order with keyset cursors, for every sort', async () => {
      for (let index = 0; index < 7; index += 1) {
        clock.now = new Date(clock.now.getTime() + 1000);
        const report = reportOn(String(100 + index));
        for (let copy = 0; copy <= index % 3; copy += 1) await submit(report);
      }
      for (const sort of ['last_reported', 'first_reported', 'report_count', 'risk']) {
        const seen: CaseSummary[] = [];
        let cursor: string | null = null;
        do {
          const response = await request(`/v1/cases?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, token('triager'));
          const page = CaseListSchema.parse(await response.json());
          seen.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen, sort).toHaveLength(7);
        expect(new Set(seen.map((item) => item.id)).size).toBe(7);
        if (sort === 'report_count') expect(seen.map((item) => item.reportCount)).toEqual([...seen.map((item) => item.reportCount)].sort((a, b) => b - a));
        if (sort === 'last_reported') expect(seen.map((item) => item.lastReportedAt)).toEqual([...seen.map((item) => item.lastReportedAt)].sort().reverse());
      }
      expect((await request('/v1/cases?cursor=not-a-cursor', token('triager'))).status).toBe(400);
    });

    it('lets inspectors see and work only their organisation’s cases, and never reassign them', async () => {
      await submit(reportOn('1'));
      await submit(reportOn('2'));
      const mine = await caseFor('shopee.vn:34456910:1');
      const other = await caseFor('shopee.vn:34456910:2');
      await patch(mine.id, { status: 'triaged', assignedOrg: hanoi.id });
      await patch(other.id, { status: 'triaged', assignedOrg: customs.id });
      const inbox = CaseListSchema.parse(await (await request('/v1/cases', token('inspector'))).json());
      expect(inbox.items.map((item) => item.id)).toEqual([mine.id]);
      expect((await request(`/v1/cases/${other.id}`, token('inspector'))).status).toBe(403);
      expect((await patch(other.id, { status: 'investigating' }, 'inspector')).status).toBe(403);
      expect((await patch(mine.id, { assignedOrg: customs.id }, 'inspector')).status).toBe(403);
      expect((await patch(mine.id, { status: 'investigating', priority: 'high' }, 'inspector')).status).toBe(200);
      expect((await request(`/v1/cases/${mine.id}/notes`, token('customsInspector'), { method: 'POST', body: { body: 'x' } })).status).toBe(403);
    });

    it('moves through received → triaged → investigating → closed; reporters see each status at once and nothing else', async () => {
      const receipt = await submit({ ...EXAMPLE_REPORT, contact: { consent: true, phone: '0912345678' } });
      const second = await submit({ ...EXAMPLE_REPORT, note: 'another reporter' });
      const { id } = await caseFor(EXAMPLE_REPORT.listing.listingKey);
      const status = async (code: string) => ReportStatusSchema.parse(await (await app.request(`/v1/reports/${code}/status`)).json());

      expect((await patch(id, { status: 'closed', reason: 'too early' })).status).toBe(409);
      clock.now = new Date(clock.now.getTime() + 3_600_000);
      expect((await patch(id, { status: 'triaged', assignedOrg: hanoi.id, priority: 'urgent' })).status).toBe(200);
      expect(await status(receipt.trackingCode)).toMatchObject({ status: 'triaged', updatedAt: clock.now.toISOString() });
      expect((await request(`/v1/cases/${id}/notes`, token('inspector'), { method: 'POST', body: { body: 'Đã liên hệ sàn — secret note' } })).status).toBe(201);
      expect((await patch(id, { status: 'investigating' }, 'inspector')).status).toBe(200);
      const withoutReason = await patch(id, { status: 'closed' }, 'inspector');
      expect(withoutReason.status).toBe(400);
      expect(await withoutReason.json()).toMatchObject({ error: 'reason_required' });
      clock.now = new Date(clock.now.getTime() + 3_600_000);
      const closed = await patch(id, { status: 'closed', reason: 'Sàn đã gỡ tin.' }, 'inspector');
      expect(closed.status).toBe(200);
      expect(CaseSummarySchema.parse(await closed.json())).toMatchObject({ status: 'closed', priority: 'urgent', assignedOrg: { id: hanoi.id } });

      for (const code of [receipt.trackingCode, second.trackingCode]) {
        const body = await status(code);
        expect(body).toMatchObject({ status: 'closed', updatedAt: clock.now.toISOString() });
        const text = JSON.stringify(body);
        for (const secret of ['secret note', 'Sàn đã gỡ', 'Hà Nội', 'inspector', '0912345678', 'another reporter']) expect(text).not.toContain(secret);
      }
      expect((await patch(id, { status: 'triaged' })).status).toBe(400);
      expect((await patch(id, { status: 'triaged', reason: 'listing is back' })).status).toBe(200);

      const detail = CaseDetailSchema.parse(await (await request(`/v1/cases/${id}`, token('triager'))).json());
      expect(detail.notes.map((note) => note.body)).toEqual(['Đã liên hệ sàn — secret note']);
      expect(detail.history.map((entry) => [entry.action, entry.actor?.email])).toEqual([
        ['case_assigned', 'triager@hotline.test'],
        ['case_status_changed', 'triager@hotline.test'],
        ['case_priority_changed', 'triager@hotline.test'],
        ['note_added', 'inspector@hotline.test'],
        ['case_status_changed', 'inspector@hotline.test'],
        ['case_status_changed', 'inspector@hotline.test'],
        ['case_status_changed', 'triager@hotline.test'],
      ]);
      // The log records that a note was added, never what it says.
      expect(JSON.stringify(detail.history)).not.toContain('secret note');
    });

    it('keeps the audit log append-only in the database itself', async () => {
      await submit(EXAMPLE_REPORT);
      const { id } = await caseFor(EXAMPLE_REPORT.listing.listingKey);
      await patch(id, { status: 'triaged' });
      await expect(sql.query("UPDATE audit_log SET action = 'forged'")).rejects.toThrow(/append-only/);
      await expect(sql.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    });
  });

  describe('statistics and export', () => {
    it('counts reports and cases by category, site, status, organisation and Vietnam day, with median hours to triage and close', async () => {
      clock.now = new Date('2026-11-30T16:30:00Z'); // 23:30 on 30 Nov in Vietnam
      await submit(reportOn('1'));
      clock.now = new Date('2026-11-30T17:30:00Z'); // 00:30 on 1 Dec in Vietnam
      await submit(reportOn('1'));
      await submit(reportOn('2', {}, { category: 'smuggled' }));
      await submit({ ...reportOn('3'), listing: { ...reportOn('3').listing, site: 'tiki.vn', listingKey: 'tiki.vn:3' } });
      const one = await caseFor('shopee.vn:34456910:1');
      const two = await caseFor('shopee.vn:34456910:2');
      clock.now = new Date('2026-11-30T18:30:00Z');
      await patch(one.id, { status: 'triaged', assignedOrg: hanoi.id }); // 2 h after first report
      await patch(two.id, { status: 'triaged', assignedOrg: hanoi.id }); // 1 h
      clock.now = new Date('2026-11-30T21:30:00Z');
      await patch(two.id, { status: 'rejected', reason: 'duplicate' }); // 4 h
      const response = await request('/v1/stats?from=2026-11-30&to=2026-12-01', token('analyst'));
      expect(response.status).toBe(200);
      const stats = StatsSchema.parse(await response.json());
      expect(stats.reports).toEqual({
        total: 4,
        byCategory: { counterfeit: 3, smuggled: 1 },
        bySite: { 'shopee.vn': 3, 'tiki.vn': 1 },
        byDay: [
          { day: '2026-11-30', count: 1 },
          { day: '2026-12-01', count: 3 },
        ],
      });
      expect(stats.cases.total).toBe(3);
      expect(stats.cases.byStatus).toEqual({ triaged: 1, rejected: 1, received: 1 });
      expect(stats.cases.byCategory).toEqual({ counterfeit: 2, smuggled: 1 });
      expect(Object.fromEntries(stats.cases.byOrg.map(({ name, count }) => [name ?? '(unassigned)', count]))).toEqual({ 'Cục QLTT Hà Nội': 2, '(unassigned)': 1 });
      expect(stats.medianHoursToTriage).toBe(1.5);
      expect(stats.medianHoursToClose).toBe(4);
      expect((await request('/v1/stats?from=2026-12-05&to=2026-12-01', token('analyst'))).status).toBe(400);
    });

    it('exports the filtered cases as Excel-ready CSV (BOM, Vietnamese intact, formulas neutralised) and as JSON', async () => {
      await submit(reportOn('1', { title: '=HYPERLINK("https://evil.example","Giày thể thao")' }));
      await submit(reportOn('2', { title: 'Đồng hồ, "chính hãng"' }, { category: 'smuggled' }));
      const csvResponse = await request('/v1/cases/export?format=csv', token('analyst'));
      expect(csvResponse.status).toBe(200);
      expect(csvResponse.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(csvResponse.headers.get('content-disposition')).toMatch(/attachment; filename="hotline389-cases-.*\.csv"/);
      const bytes = new Uint8Array(await csvResponse.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = new TextDecoder().decode(bytes.slice(3));
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]).toMatch(/^id,listingKey,site,title,url,/);
      expect(lines).toHaveLength(3);
      expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""Giày thể thao"")"`);
      expect(csv).toContain('"Đồng hồ, ""chính hãng"""');
      const json = await (await request('/v1/cases/export?format=json&category=smuggled', token('analyst'))).json();
      expect((json as CaseSummary[]).map((item) => CaseSummarySchema.parse(item).listingKey)).toEqual(['shopee.vn:34456910:2']);
    });

    it('exports only an inspector’s own organisation’s cases', async () => {
      await submit(reportOn('1'));
      await submit(reportOn('2'));
      await patch((await caseFor('shopee.vn:34456910:1')).id, { status: 'triaged', assignedOrg: hanoi.id });
      const json = (await (await request('/v1/cases/export?format=json', token('inspector'))).json()) as CaseSummary[];
      expect(json.map((item) => item.listingKey)).toEqual(['shopee.vn:34456910:1']);
    });
  });

  describe('training reports', () => {
    it('keep apart from real ones: their own cases, seen by trainers (and admins who ask), never in the inbox, statistics or exports', async () => {
      const real = await submit(EXAMPLE_REPORT);
      const practice = await submit({ ...EXAMPLE_REPORT, reporterRole: 'trainer', training: true, note: 'lớp học' });
      await submit({ ...reportOn('77'), training: true });
      const keys = async (who: keyof typeof users, query = '') =>
        CaseListSchema.parse(await (await request(`/v1/cases${query}`, token(who))).json()).items.map((item) => `${item.listingKey}${item.training ? ' (training)' : ''}`).sort();
      expect(await keys('triager')).toEqual([EXAMPLE_REPORT.listing.listingKey]);
      expect(await keys('admin')).toEqual([EXAMPLE_REPORT.listing.listingKey]);
      expect(await keys('admin', '?training=true')).toEqual([`${EXAMPLE_REPORT.listing.listingKey} (training)`, 'shopee.vn:34456910:77 (training)']);
      expect(await keys('trainer')).toEqual([`${EXAMPLE_REPORT.listing.listingKey} (training)`, 'shopee.vn:34456910:77 (training)']);
      expect(await keys('trainer', '?training=false')).toEqual(await keys('trainer'));
      const realCase = await caseFor(EXAMPLE_REPORT.listing.listingKey);
      expect(realCase.reportCount).toBe(1);
      expect((await request(`/v1/cases/${realCase.id}`, token('trainer'))).status).toBe(403);
      const trainingCase = CaseListSchema.parse(await (await request('/v1/cases?q=shopee.vn:34456910:77', token('trainer'))).json()).items[0]!;
      expect((await request(`/v1/cases/${trainingCase.id}`, token('triager'))).status).toBe(403);
      // A class practises the whole flow: the trainer triages, and the learner's tracking code shows it.
      const practiceCase = CaseListSchema.parse(await (await request(`/v1/cases?q=${EXAMPLE_REPORT.listing.listingKey}`, token('trainer'))).json()).items[0]!;
      expect((await patch(practiceCase.id, { status: 'triaged' }, 'trainer')).status).toBe(200);
      expect(ReportStatusSchema.parse(await (await app.request(`/v1/reports/${practice.trackingCode}/status`)).json()).status).toBe('triaged');
      expect(ReportStatusSchema.parse(await (await app.request(`/v1/reports/${real.trackingCode}/status`)).json()).status).toBe('received');
      const stats = StatsSchema.parse(await (await request('/v1/stats', token('analyst'))).json());
      expect(stats.reports.total).toBe(1);
      expect(stats.cases.total).toBe(1);
      const exported = (await (await request('/v1/cases/export?format=json', token('analyst'))).json()) as CaseSummary[];
      expect(exported.map((item) => item.training)).toEqual([false]);
    });
  });
});
