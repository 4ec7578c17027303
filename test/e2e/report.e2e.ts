import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/src/server';
import { findChromium, launchWithExtension, startFixtureSite, type LaunchedBrowser } from './harness';

const chromiumPath = findChromium();
const pagesDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'pages');
const TIKI_PRODUCT_URL = 'https://tiki.vn/giay-the-thao-nam-sieu-cap-p271828.html?spid=314159&utm_source=e2e';

describe.skipIf(!chromiumPath)('extension in a real Chromium', () => {
  let hotline: RunningServer;
  let dataDir: string;
  let site: Awaited<ReturnType<typeof startFixtureSite>>;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hotline389-e2e-'));
    hotline = await startServer({ PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: dataDir, HOTLINE_BODY_LIMIT: 1024 * 1024 });
    const tikiProduct = await readFile(path.join(pagesDir, 'tiki-product.html'), 'utf8');
    site = await startFixtureSite((url) => {
      if (url.hostname === 'tiki.vn' && url.pathname === '/giay-the-thao-nam-sieu-cap-p271828.html') return { contentType: 'text/html; charset=utf-8', body: tikiProduct };
      return undefined;
    });
    browser = await launchWithExtension(chromiumPath!, site.port);
  });

  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    await hotline?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function setApiBaseUrl(value: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const field = page.getByLabel('Địa chỉ máy chủ đường dây nóng (API)');
    await field.fill(value);
    await page.getByRole('button', { name: 'Lưu' }).click();
    return page;
  }

  it('refuses an insecure API address on the options page and keeps the old one', async () => {
    const page = await setApiBaseUrl('http://hotline.example.org');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Địa chỉ không hợp lệ');
    const stored = await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('settings'));
    expect(stored.settings).toBeUndefined();
    await page.close();
  });

  it('reports a listing from a marketplace page to the hotline server', async () => {
    const options = await setApiBaseUrl(hotline.url);
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Đã lưu.');
    await options.close();

    const page = await browser.context.newPage();
    await page.goto(TIKI_PRODUCT_URL);
    await page.getByRole('button', { name: 'Báo cáo' }).click();
    await page.getByLabel('Loại vi phạm').selectOption('counterfeit');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const code = page.locator('.tracking-code');
    await code.waitFor({ timeout: 20_000 });
    const trackingCode = (await code.textContent())?.trim();
    expect(trackingCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const { rows } = await hotline.sql.query<{ category: string; listing_key: string; payload: { listing: { url: string; title: string; price: number } } }>(
      'SELECT category, listing_key, payload FROM reports WHERE tracking_code = $1',
      [trackingCode],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.category).toBe('counterfeit');
    expect(rows[0]?.listing_key).toContain('271828');
    expect(rows[0]?.payload.listing.title).toBe('Giày thể thao nam siêu cấp like auth fullbox');
    expect(rows[0]?.payload.listing.price).toBe(495000);
    expect(rows[0]?.payload.listing.url).not.toContain('utm_source');
    await page.close();
  });

  it('tells the user clearly when the hotline server cannot be reached', async () => {
    const options = await setApiBaseUrl('http://127.0.0.1:9'); // discard port: nothing listens
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Đã lưu.');
    await options.close();
    const page = await browser.context.newPage();
    await page.goto(TIKI_PRODUCT_URL);
    await page.getByRole('button', { name: 'Báo cáo' }).click();
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 }).toContain('không kết nối được');
    await page.close();
  });
});
