import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/server';
import { findChromium, launchWithExtension, startFixtureSite, type LaunchedBrowser } from './harness';

// Inspector sign-in in the options page: the hotline account once, a device token in storage.local, reports filed
// under the inspector, and signing out revokes the token at the hotline.

const chromiumPath = findChromium();
const pagesDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'pages');
const ADMIN = { HOTLINE_ADMIN_EMAIL: 'chief@hotline.test', HOTLINE_ADMIN_PASSWORD: 'e2e admin password' };
const TIKI_PRODUCT_URL = 'https://tiki.vn/giay-the-thao-nam-sieu-cap-p271828.html?spid=314159&utm_source=e2e';

describe.skipIf(!chromiumPath)('inspector account in a real Chromium', () => {
  let hotline: RunningServer;
  let dataDir: string;
  let site: Awaited<ReturnType<typeof startFixtureSite>>;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hotline389-e2e-inspector-'));
    hotline = await startServer({ ...ADMIN, PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: dataDir, HOTLINE_BODY_LIMIT: 1024 * 1024 });
    const tiki = await readFile(path.join(pagesDir, 'tiki-product.html'), 'utf8');
    site = await startFixtureSite((url) =>
      url.hostname === 'tiki.vn' && url.pathname === '/giay-the-thao-nam-sieu-cap-p271828.html' ? { contentType: 'text/html; charset=utf-8', body: tiki } : undefined,
    );
    browser = await launchWithExtension(chromiumPath!, site.port);
  });

  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    await hotline?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('signs in from the options page, files the report under the inspector, and signing out revokes the token', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Địa chỉ máy chủ đường dây nóng (API)').fill(hotline.url);
    await options.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => options.locator('form').first().getByRole('status').textContent()).toBe('Đã lưu.');

    await options.getByRole('heading', { name: 'Tài khoản thanh tra' }).waitFor();
    await options.getByLabel('Email').fill(ADMIN.HOTLINE_ADMIN_EMAIL);
    await options.getByLabel('Mật khẩu').fill('not the password');
    await options.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => options.locator('.inspector-account [role=status]').textContent()).toBe('Không đăng nhập được: sai email hoặc mật khẩu');

    await options.getByLabel('Mật khẩu').fill(ADMIN.HOTLINE_ADMIN_PASSWORD);
    await options.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => options.getByTestId('inspector-signed-in').textContent()).toContain('chief@hotline.test');
    const stored = await options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> }; sync: { get(): Promise<Record<string, unknown>> } } } }).chrome;
      return { local: await api.storage.local.get('inspectorAccount'), sync: await api.storage.sync.get() };
    });
    const token = (stored.local.inspectorAccount as { token: string }).token;
    expect(token).toMatch(/^hdt_/);
    expect(JSON.stringify(stored.sync)).not.toContain(token); // never synced to the user's other browsers
    expect(JSON.stringify(stored.local)).not.toContain(ADMIN.HOTLINE_ADMIN_PASSWORD);

    const page = await browser.context.newPage();
    await page.goto(TIKI_PRODUCT_URL);
    await page.getByRole('button', { name: 'Báo cáo', exact: true }).click();
    await page.getByLabel('Loại vi phạm').selectOption('counterfeit');
    await page.locator('#h389-report-form[data-prior-checked]').waitFor();
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const code = page.locator('.widget > .status .tracking-code');
    await code.waitFor({ timeout: 20_000 });
    const { rows } = await hotline.sql.query<{ reporter_role: string; email: string }>(
      'SELECT r.reporter_role, u.email FROM reports r JOIN users u ON u.id = r.reported_by WHERE r.tracking_code = $1',
      [(await code.textContent())?.trim()],
    );
    expect(rows).toEqual([{ reporter_role: 'inspector', email: 'chief@hotline.test' }]);
    await page.close();

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('popup-inspector').textContent()).toContain('chief@hotline.test');
    await popup.close();

    await options.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect.poll(() => options.locator('.inspector-account [role=status]').textContent()).toBe('Đã đăng xuất.');
    const revoked = await hotline.sql.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM device_tokens');
    expect(revoked.rows).toHaveLength(1);
    expect(revoked.rows[0]?.revoked_at).not.toBeNull();
    await options.close();
  });
});
