import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReportSchema, type Report } from '../../contract/index';
import { createAccounts } from '../../server/src/backoffice/accounts';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { startServer, type RunningServer } from '../../server/src/server';
import { authTokenFor, INSPECTOR_ACCOUNT_KEY, loadInspectorAccount, signInInspector, signOutInspector, type KeyValueArea } from '../../utils/inspector-account';
import { createIdbOutboxStore, openHotlineDb } from '../../utils/outbox/idb-store';
import { createOutbox } from '../../utils/outbox/outbox';
import { postReport } from '../../utils/report-client';

const PASSWORD = 'correct horse battery staple';
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: '', HOTLINE_BODY_LIMIT: 1024 * 1024 }, { inMemory: true });
  const accounts = createAccounts(server.sql, { passwordCost: { N: 2 ** 10, r: 8, p: 1 } });
  const org = await accounts.createOrg(null, { name: 'Cục QLTT Hà Nội' });
  await accounts.createUser(null, { email: 'tt@qltt.vn', name: 'Thanh tra', role: 'inspector', orgId: org.id, password: PASSWORD });
  await accounts.createUser(null, { email: 'an@qltt.vn', name: 'Phân tích', role: 'analyst', orgId: org.id, password: PASSWORD });
});
afterAll(() => server.stop());

/** browser.storage.local as the code sees it */
function memoryArea(): KeyValueArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items) => {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    remove: async (key) => void data.delete(key),
  };
}

let counter = 0;
function freshReport(role: Report['reporterRole'] = 'inspector'): Report {
  counter += 1;
  const base = ReportSchema.parse(EXAMPLE_REPORT);
  return { ...base, reporterRole: role, listing: { ...base.listing, listingKey: `${base.listing.listingKey}-insp${counter}` } };
}
const stored = async (id: string) =>
  (await server.sql.query<{ reporter_role: string; reported_by: string | null }>('SELECT reporter_role, reported_by FROM reports WHERE idempotency_key = $1', [id])).rows;

describe('inspector account in the extension', () => {
  it('signs in, keeps the device token in local storage only, and sends it only to the hotline that issued it', async () => {
    const area = memoryArea();
    const result = await signInInspector(area, { apiBaseUrl: server.url, email: ' TT@qltt.vn ', password: PASSWORD, label: 'Chrome — test' });
    expect(result).toMatchObject({ ok: true, account: { user: { email: 'tt@qltt.vn', role: 'inspector', org: { name: 'Cục QLTT Hà Nội' } } } });
    const account = await loadInspectorAccount(area);
    expect(account?.token).toMatch(/^hdt_/);
    expect(JSON.stringify([...area.data.values()])).not.toContain(PASSWORD);
    expect(await authTokenFor(area, server.url)).toBe(account?.token);
    expect(await authTokenFor(area, 'https://another-hotline.example')).toBeUndefined();
  });

  it('says why a sign-in failed and stores nothing', async () => {
    const area = memoryArea();
    expect(await signInInspector(area, { apiBaseUrl: server.url, email: 'tt@qltt.vn', password: 'wrong password', label: 'x' })).toMatchObject({ ok: false, reason: 'credentials' });
    expect(await signInInspector(area, { apiBaseUrl: server.url, email: 'an@qltt.vn', password: PASSWORD, label: 'x' })).toMatchObject({ ok: false, reason: 'role' });
    expect(await signInInspector(area, { apiBaseUrl: 'http://127.0.0.1:9', email: 'tt@qltt.vn', password: PASSWORD, label: 'x' })).toMatchObject({ ok: false, reason: 'network' });
    expect(area.data.has(INSPECTOR_ACCOUNT_KEY)).toBe(false);
  });

  it('sends the bearer token with reports when signed in, and none when not', async () => {
    const fetchImpl = vi.fn(fetch);
    const area = memoryArea();
    const post: typeof postReport = (report, options) => postReport(report, { ...options, fetchImpl });
    const outbox = createOutbox({
      store: createIdbOutboxStore(openHotlineDb('inspector-header-1')),
      apiBaseUrl: async () => server.url,
      authToken: () => authTokenFor(area, server.url),
      post,
    });
    const anonymous = await outbox.submit(freshReport());
    expect(new Headers(fetchImpl.mock.calls[0]![1]!.headers).get('authorization')).toBeNull();
    expect(await stored(anonymous.id)).toEqual([{ reporter_role: 'volunteer', reported_by: null }]); // the claim proved nothing

    await signInInspector(area, { apiBaseUrl: server.url, email: 'tt@qltt.vn', password: PASSWORD, label: 'x' });
    const signed = await outbox.submit(freshReport());
    const token = (await loadInspectorAccount(area))!.token;
    expect(new Headers(fetchImpl.mock.calls[1]![1]!.headers).get('authorization')).toBe(`Bearer ${token}`);
    expect(await stored(signed.id)).toMatchObject([{ reporter_role: 'inspector', reported_by: expect.any(String) }]);
  });

  it('keeps a report the hotline refuses for a revoked token (401), says to sign in again, and sends it once signed in again', async () => {
    const area = memoryArea();
    await signInInspector(area, { apiBaseUrl: server.url, email: 'tt@qltt.vn', password: PASSWORD, label: 'x' });
    const revokedToken = (await loadInspectorAccount(area))!.token;
    // revoked elsewhere (an admin, or the inspector on the dashboard): the extension still holds the token
    await fetch(`${server.url}/v1/auth/device`, { method: 'DELETE', headers: { authorization: `Bearer ${revokedToken}` } });
    let clock = 1_000_000;
    const outbox = createOutbox({
      store: createIdbOutboxStore(openHotlineDb('inspector-401-1')),
      apiBaseUrl: async () => server.url,
      authToken: () => authTokenFor(area, server.url),
      now: () => clock,
    });
    const entry = await outbox.submit(freshReport());
    expect(entry).toMatchObject({ state: 'pending', lastError: { code: 'rejected', status: 401 } });
    expect(await stored(entry.id)).toEqual([]);
    clock += 24 * 3600_000;
    await outbox.flush();
    expect((await outbox.recent(1))[0]).toMatchObject({ id: entry.id, state: 'pending' }); // never dropped

    await signInInspector(area, { apiBaseUrl: server.url, email: 'tt@qltt.vn', password: PASSWORD, label: 'x' });
    expect(await outbox.flush({ ignoreBackoff: true })).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(await stored(entry.id)).toMatchObject([{ reporter_role: 'inspector' }]);
  });

  it('signing out revokes the token at the hotline and forgets it here, even offline', async () => {
    const area = memoryArea();
    await signInInspector(area, { apiBaseUrl: server.url, email: 'tt@qltt.vn', password: PASSWORD, label: 'x' });
    const token = (await loadInspectorAccount(area))!.token;
    expect(await signOutInspector(area)).toEqual({ revoked: true });
    expect(area.data.has(INSPECTOR_ACCOUNT_KEY)).toBe(false);
    expect((await fetch(`${server.url}/v1/auth/device`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);

    await signInInspector(area, { apiBaseUrl: server.url, email: 'tt@qltt.vn', password: PASSWORD, label: 'x' });
    const offline = await signOutInspector(area, { fetchImpl: async () => Promise.reject(new TypeError('fetch failed')) });
    expect(offline).toEqual({ revoked: false });
    expect(area.data.has(INSPECTOR_ACCOUNT_KEY)).toBe(false);
  });
});
