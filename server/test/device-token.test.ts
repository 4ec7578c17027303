import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseListSchema, type Org, type User } from '../../contract/backoffice.ts';
import { DeviceLoginResponseSchema, DeviceSessionSchema } from '../../contract/device-token.ts';
import { ReceiptSchema, type ReportInput } from '../../contract/index.ts';
import type { HotlineApp } from '../src/app.ts';
import type { Accounts } from '../src/backoffice/accounts.ts';
import { migrate, type Sql } from '../src/db.ts';
import { DATABASES } from './databases.ts';
import { createOrgs, listingReports, PASSWORD } from './people.ts';
import { buildTestApp } from './test-app.ts';

const reportOn = listingReports('77');

describe.each(DATABASES)('inspector sign-in on a device ($name)', (database) => {
  let sql: Sql;
  let app: HotlineApp;
  let accounts: Accounts;
  const clock = { now: new Date('2026-12-01T02:00:00Z') };
  let hanoi: Org;
  let customs: Org;
  let inspector: User;
  let customsInspector: User;
  let admin: User;
  let adminSession: string;

  beforeAll(async () => {
    sql = await database.open();
    await migrate(sql);
    ({ app, accounts } = await buildTestApp(sql, { clock }));
    let bcd: Org;
    ({ bcd, hanoi, customs } = await createOrgs(accounts));
    admin = await accounts.createUser(null, { email: 'admin@x.vn', name: 'A', role: 'admin', orgId: bcd.id, password: PASSWORD });
    inspector = await accounts.createUser(null, { email: 'tt@qltt.vn', name: 'Thanh tra', role: 'inspector', orgId: hanoi.id, password: PASSWORD });
    customsInspector = await accounts.createUser(null, { email: 'hq@customs.vn', name: 'Hải quan', role: 'inspector', orgId: customs.id, password: PASSWORD });
    await accounts.createUser(null, { email: 'an@x.vn', name: 'An', role: 'analyst', orgId: bcd.id, password: PASSWORD });
    adminSession = (await accounts.createSession(admin.id)).token;
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
  const deviceLogin = (email: string, password = PASSWORD, label = 'Chrome — laptop') => request('/v1/auth/device', undefined, { method: 'POST', body: { email, password, label } });
  const signIn = async (email: string) => DeviceLoginResponseSchema.parse(await (await deviceLogin(email)).json());
  let keyCounter = 0;
  const postReport = (report: ReportInput, token?: string) =>
    request('/v1/reports', token, { method: 'POST', body: report, headers: { 'idempotency-key': `device-test-${(keyCounter += 1)}` } });
  const storedReport = async (trackingCode: string) =>
    (await sql.query<{ reporter_role: string; reported_by: string | null; payload: { reporterRole: string }; assigned_org: string | null }>(
      'SELECT r.reporter_role, r.reported_by, r.payload, c.assigned_org FROM reports r JOIN cases c ON c.id = r.case_id WHERE r.tracking_code = $1',
      [trackingCode],
    )).rows[0]!;

  it('signs an inspector in with their hotline account and answers a device token with who they are', async () => {
    const response = await deviceLogin('TT@qltt.vn');
    expect(response.status).toBe(201);
    const body = DeviceLoginResponseSchema.parse(await response.json());
    expect(body.user).toEqual({ email: 'tt@qltt.vn', name: 'Thanh tra', role: 'inspector', org: { id: hanoi.id, name: 'Cục QLTT Hà Nội' } });
    const stored = await sql.query<{ token_sha256: string; label: string }>('SELECT token_sha256, label FROM device_tokens WHERE id = $1', [body.tokenId]);
    expect(stored.rows[0]?.label).toBe('Chrome — laptop');
    expect(stored.rows[0]?.token_sha256).not.toContain(body.token); // only the hash
    const me = await request('/v1/auth/device', body.token);
    expect(me.status).toBe(200);
    expect(DeviceSessionSchema.parse(await me.json())).toMatchObject({ tokenId: body.tokenId, label: 'Chrome — laptop', user: { email: 'tt@qltt.vn' } });
    // a device token opens no dashboard
    expect((await request('/v1/cases', body.token)).status).toBe(401);
  });

  it('refuses wrong passwords (401) and accounts that do not report as inspectors (403)', async () => {
    expect((await deviceLogin('tt@qltt.vn', 'wrong password!')).status).toBe(401);
    expect((await deviceLogin('an@x.vn')).status).toBe(403);
    expect((await deviceLogin('admin@x.vn')).status).toBe(201);
  });

  it('throttles guessing exactly as the dashboard sign-in does (shared counters)', async () => {
    for (let i = 0; i < 5; i += 1) expect((await deviceLogin('hq@customs.vn', `wrong ${i} password`)).status).toBe(401);
    const throttled = await deviceLogin('hq@customs.vn');
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    // the dashboard's login shares the counter for this account
    expect((await request('/v1/auth/login', undefined, { method: 'POST', body: { email: 'hq@customs.vn', password: PASSWORD } })).status).toBe(429);
    clock.now = new Date(clock.now.getTime() + 16 * 60_000);
  });

  it("files a report sent with the token under the inspector, and brings an unassigned case into their organisation's view", async () => {
    const { token } = await signIn('tt@qltt.vn');
    const report = reportOn({ reporterRole: 'volunteer' });
    const response = await postReport(report, token);
    expect(response.status).toBe(201);
    const receipt = ReceiptSchema.parse(await response.json());
    expect(await storedReport(receipt.trackingCode)).toMatchObject({ reporter_role: 'inspector', reported_by: inspector.id, payload: { reporterRole: 'inspector' }, assigned_org: hanoi.id });
    const inspectorSession = (await accounts.createSession(inspector.id)).token;
    const cases = CaseListSchema.parse(await (await request('/v1/cases', inspectorSession)).json());
    expect(cases.items.map((item) => item.url)).toContain(report.listing.url);
  });

  it('leaves a case another organisation already has where it is', async () => {
    const report = reportOn();
    const { token: customsToken } = await signIn('hq@customs.vn');
    const first = ReceiptSchema.parse(await (await postReport(report, customsToken)).json());
    expect((await storedReport(first.trackingCode)).assigned_org).toBe(customs.id);
    const { token } = await signIn('tt@qltt.vn');
    const second = ReceiptSchema.parse(await (await postReport(report, token)).json());
    expect(await storedReport(second.trackingCode)).toMatchObject({ reported_by: inspector.id, assigned_org: customs.id });
    expect(customsInspector.orgId).toBe(customs.id);
  });

  it('files an anonymous report that claims to be an inspector as a volunteer: a claim without a token proves nothing', async () => {
    const response = await postReport(reportOn({ reporterRole: 'inspector' }));
    expect(response.status).toBe(201);
    const receipt = ReceiptSchema.parse(await response.json());
    expect(await storedReport(receipt.trackingCode)).toMatchObject({ reporter_role: 'volunteer', reported_by: null, payload: { reporterRole: 'volunteer' }, assigned_org: null });
  });

  it('answers 401 to a revoked, unknown or malformed token and stores nothing; signing out revokes', async () => {
    const { token, tokenId } = await signIn('tt@qltt.vn');
    const before = (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM reports')).rows[0]!.n;
    expect((await request('/v1/auth/device', token, { method: 'DELETE' })).status).toBe(204);
    expect((await postReport(reportOn(), token)).status).toBe(401);
    expect((await postReport(reportOn(), `hdt_${'A'.repeat(43)}`)).status).toBe(401);
    expect((await postReport(reportOn(), undefined)).status).toBe(201);
    expect((await request('/v1/reports', undefined, { method: 'POST', body: reportOn(), headers: { authorization: 'Basic abc', 'idempotency-key': 'device-test-basic' } })).status).toBe(401);
    expect((await request('/v1/auth/device', token)).status).toBe(401);
    expect((await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM reports')).rows[0]!.n).toBe(before + 1);
    const revoked = await sql.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM device_tokens WHERE id = $1', [tokenId]);
    expect(revoked.rows[0]?.revoked_at).not.toBeNull();
  });

  it('stops a token when its account is deactivated or no longer in a reporting role', async () => {
    const { token } = await signIn('hq@customs.vn');
    expect((await postReport(reportOn(), token)).status).toBe(201);
    await accounts.updateUser(admin.id, customsInspector.id, { role: 'analyst' });
    expect((await postReport(reportOn(), token)).status).toBe(401);
    await accounts.updateUser(admin.id, customsInspector.id, { role: 'inspector', active: false });
    expect((await postReport(reportOn(), token)).status).toBe(401);
    await accounts.updateUser(admin.id, customsInspector.id, { active: true });
    expect((await postReport(reportOn(), token)).status).toBe(201);
  });

  it('ends every device token of an account whose password changed', async () => {
    const first = await signIn('hq@customs.vn');
    const second = await signIn('hq@customs.vn');
    expect((await postReport(reportOn(), first.token)).status).toBe(201);
    await accounts.updateUser(admin.id, customsInspector.id, { name: 'Hải quan 2' });
    expect((await postReport(reportOn(), first.token)).status).toBe(201); // other changes leave devices signed in
    await accounts.updateUser(admin.id, customsInspector.id, { password: 'a brand new password 389' });
    expect((await postReport(reportOn(), first.token)).status).toBe(401);
    expect((await postReport(reportOn(), second.token)).status).toBe(401);
    await accounts.updateUser(admin.id, customsInspector.id, { password: PASSWORD });
  });

  it('lets an admin list device tokens and revoke one (audited)', async () => {
    const { tokenId, token } = await signIn('tt@qltt.vn');
    const list = await request(`/v1/admin/device-tokens?userId=${inspector.id}`, adminSession);
    expect(list.status).toBe(200);
    const items = ((await list.json()) as { items: { id: string; email: string; lastUsedAt: string | null }[] }).items;
    expect(items.find((item) => item.id === tokenId)).toMatchObject({ email: 'tt@qltt.vn' });
    expect((await request(`/v1/admin/device-tokens/${tokenId}`, (await accounts.createSession(inspector.id)).token, { method: 'DELETE' })).status).toBe(403);
    expect((await request(`/v1/admin/device-tokens/${tokenId}`, adminSession, { method: 'DELETE' })).status).toBe(204);
    expect((await request(`/v1/admin/device-tokens/${tokenId}`, adminSession, { method: 'DELETE' })).status).toBe(404);
    expect((await postReport(reportOn(), token)).status).toBe(401);
    const audit = await sql.query<{ action: string }>("SELECT action FROM audit_log WHERE action = 'device_token_revoked'");
    expect(audit.rows).toHaveLength(1);
  });

  it('lets the extension send the token across origins (CORS allows Authorization)', async () => {
    const preflight = await app.request('/v1/reports', {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const device = await app.request('/v1/auth/device', {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'access-control-request-method': 'DELETE' },
    });
    expect(device.headers.get('access-control-allow-methods')).toContain('DELETE');
  });
});
