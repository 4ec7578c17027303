import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/src/server';
import { findChromium, launchWithExtension, startFixtureSite, type LaunchedBrowser } from './harness';

const chromiumPath = findChromium();
const pagesDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'pages');
const SHOPEE_ITEMS: Record<string, { title: string; description: string; price: number }> = {
  '222': { title: 'Bóng cười N2O bình 8 lít giao nhanh 2h', description: 'Khí cười chính hãng, inbox zalo 0912 345 678 để đặt.', price: 35000000000 },
  '333': { title: 'Bình giữ nhiệt inox 500ml giữ nóng 12 giờ', description: 'Inox 304, bảo hành 12 tháng.', price: 15900000000 },
};
const BUYER_ADDRESS = '12 Ngõ Buyer Riêng Tư, Hà Nội';

/** get_pc in Shopee's shape, including the signed-in buyer's own data that must never be kept. */
function shopeeGetPc(url: URL) {
  const itemId = url.searchParams.get('item_id') ?? '';
  const item = SHOPEE_ITEMS[itemId];
  return {
    error: null,
    data: {
      item: item && { item_id: Number(itemId), shop_id: 111, title: item.title, description: item.description, currency: 'VND', price: item.price, brand: 'No brand' },
      shop_detailed: { shopid: 111, name: 'Shop E2E', is_official_shop: false },
      product_price: item && { price: { single_value: item.price } },
      account: { username: 'buyer_private', default_address: { address: BUYER_ADDRESS, phone: '0987000111' }, birth_date: '1990-01-01' },
    },
  };
}

const INSPECTOR_ADMIN = { HOTLINE_ADMIN_EMAIL: 'chief@hotline.test', HOTLINE_ADMIN_PASSWORD: 'e2e admin password' };

const TIKI_PRODUCT_URL = 'https://tiki.vn/giay-the-thao-nam-sieu-cap-p271828.html?spid=314159&utm_source=e2e';

describe.skipIf(!chromiumPath)('extension in a real Chromium', () => {
  let hotline: RunningServer;
  let dataDir: string;
  let site: Awaited<ReturnType<typeof startFixtureSite>>;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hotline389-e2e-'));
    hotline = await startServer({ ...INSPECTOR_ADMIN, PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: dataDir, HOTLINE_BODY_LIMIT: 1024 * 1024 });
    const page = (name: string) => readFile(path.join(pagesDir, name), 'utf8');
    const [tikiProduct, shopeeSpa, shopeeSearch, genericShop] = await Promise.all([
      page('tiki-product.html'),
      page('shopee-spa.html'),
      page('shopee-search.html'),
      page('generic-shop.html'),
    ]);
    const html = (body: string) => ({ contentType: 'text/html; charset=utf-8', body });
    site = await startFixtureSite((url) => {
      if (url.hostname === 'tiki.vn' && url.pathname === '/giay-the-thao-nam-sieu-cap-p271828.html') return html(tikiProduct);
      if (url.hostname === 'shop.example' && url.pathname === '/products/ro-10') return html(genericShop);
      if (url.hostname !== 'shopee.vn') return undefined;
      if (url.pathname === '/search') return html(shopeeSearch);
      if (url.pathname === '/api/v4/pdp/get_pc') return { contentType: 'application/json', body: JSON.stringify(shopeeGetPc(url)) };
      if (/-i\.\d+\.\d+$/.test(url.pathname)) return html(shopeeSpa);
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

  /** Points the extension at `url` through its options page, as a user would. */
  async function useApi(url: string): Promise<void> {
    const options = await setApiBaseUrl(url);
    await expect.poll(() => options.locator('form').first().getByRole('status').textContent()).toBe('Đã lưu.');
    await options.close();
  }

  /**
   * Opens the report form on `page`, picks the category (or keeps the preselected one) and sends it; a listing
   * reported before asks for confirmation first, which this gives.
   */
  async function sendReport(page: Page, category?: string): Promise<void> {
    await page.getByRole('button', { name: 'Báo cáo', exact: true }).click();
    if (category) await page.getByLabel('Loại vi phạm').selectOption(category);
    await page.locator('#h389-report-form[data-prior-checked]').waitFor(); // asked the background whether it was reported before
    if (await page.locator('.prior').isVisible()) await page.getByLabel('Tôi vẫn muốn gửi thêm một báo cáo về tin đăng này').check();
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  }

  /** The tracking code shown in the page, and the row the server stored under it. */
  async function receiptAndRow<Row>(page: Page, columns: string): Promise<{ trackingCode: string; row: Row | undefined }> {
    const code = page.locator('.widget > .status .tracking-code');
    await code.waitFor({ timeout: 20_000 });
    const trackingCode = (await code.textContent())?.trim() ?? '';
    const { rows } = await hotline.sql.query<Row>(`SELECT ${columns} FROM reports WHERE tracking_code = $1`, [trackingCode]);
    expect(rows.length).toBeLessThanOrEqual(1);
    return { trackingCode, row: rows[0] };
  }

  it('refuses an insecure API address on the options page and keeps the old one', async () => {
    const page = await setApiBaseUrl('http://hotline.example.org');
    await expect.poll(() => page.locator('form').first().getByRole('status').textContent()).toContain('Địa chỉ không hợp lệ');
    const stored = await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('settings'));
    expect(stored.settings).toBeUndefined();
    await page.getByLabel('Địa chỉ máy chủ đường dây nóng (API)').fill(hotline.url);
    await page.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
    await expect.poll(() => page.locator('form').first().getByRole('status').textContent()).toBe('Máy chủ đường dây nóng trả lời bình thường.');
    await page.close();
  });

  it('reports a listing from a marketplace page to the hotline server', async () => {
    await useApi(hotline.url);
    const page = await browser.context.newPage();
    await page.goto(TIKI_PRODUCT_URL);
    await sendReport(page, 'counterfeit');
    const { trackingCode, row } = await receiptAndRow<{ category: string; listing_key: string; payload: { listing: { url: string; title: string; price: number } } }>(
      page,
      'category, listing_key, payload',
    );
    expect(trackingCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(row?.category).toBe('counterfeit');
    expect(row?.listing_key).toContain('271828');
    expect(row?.payload.listing.title).toBe('Giày thể thao nam siêu cấp like auth fullbox');
    expect(row?.payload.listing.price).toBe(495000);
    expect(row?.payload.listing.url).not.toContain('utm_source');
    await page.close();
  });

  it('tells the user clearly when the hotline server cannot be reached', async () => {
    await useApi('http://127.0.0.1:9'); // discard port: nothing listens
    const page = await browser.context.newPage();
    await page.goto(TIKI_PRODUCT_URL);
    await sendReport(page, 'smuggled');
    const status = page.locator('.widget > .status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('không kết nối được');
    expect(await status.textContent()).toContain('sẽ tự gửi lại'); // kept in the outbox, not lost
    await page.close();
  });

  it('shows a risk badge with reasons, legal basis and an in-page highlight', async () => {
    const page = await browser.context.newPage();
    await page.goto(TIKI_PRODUCT_URL);
    const badge = page.locator('.risk-badge');
    await expect.poll(() => badge.textContent(), { timeout: 15_000 }).toMatch(/dấu hiệu vi phạm · \d+ lý do/);
    await badge.click();
    const reasons = page.locator('.risk-reason');
    expect(await reasons.count()).toBeGreaterThan(0);
    expect(await page.locator('#h389-risk-panel').textContent()).toContain('Hàng giả, hàng nhái');
    expect(await page.locator('#h389-risk-panel .legal').first().textContent()).toMatch(/^Căn cứ: /);
    await page.getByLabel('Tô sáng cụm từ trên trang').check();
    await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('hotline389-risk')?.size ?? 0)).toBeGreaterThan(0);
    await page.getByLabel('Tô sáng cụm từ trên trang').uncheck();
    await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('hotline389-risk'))).toBe(false);
    await page.close();
  });

  it('reads a client-rendered Shopee item from its own API response, follows SPA navigation, and keeps the buyer out of the report', async () => {
    await useApi(hotline.url);
    const page = await browser.context.newPage();
    await page.goto('https://shopee.vn/Bong-cuoi-N2O-i.111.222?sp_atk=tracking-token');
    await expect.poll(() => page.locator('.risk-badge').getAttribute('data-level'), { timeout: 15_000 }).toBe('high');
    await page.evaluate(() => (window as unknown as { goToItem(path: string): void }).goToItem('/Binh-giu-nhiet-i.111.333'));
    // The banned-goods hint of the previous item must not survive the navigation.
    await expect.poll(() => page.locator('.risk-badge').isHidden(), { timeout: 15_000 }).toBe(true);
    await sendReport(page);
    const { row } = await receiptAndRow<{ listing_key: string; payload: unknown }>(page, 'listing_key, payload');
    expect(row?.listing_key).toBe('shopee.vn:111:333');
    const payload = JSON.stringify(row?.payload);
    expect(payload).toContain('Bình giữ nhiệt inox 500ml');
    expect(payload).not.toContain('sp_atk');
    for (const secret of [BUYER_ADDRESS, 'buyer_private', '0987000111', '1990-01-01']) expect(payload).not.toContain(secret);
    await page.close();
  });

  it('badges flagged search results, including cards added by infinite scroll', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://shopee.vn/search?keyword=hang');
    const badges = page.locator('hotline389-card-badge');
    await expect.poll(() => badges.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const flaggedTitles = async () =>
      page.evaluate(() => [...document.querySelectorAll('hotline389-card-badge')].map((badge) => badge.parentElement?.querySelector('[data-sqe="name"]')?.textContent));
    const first = await flaggedTitles();
    expect(first).toContain('Bóng cười N2O bình 8 lít giao nhanh');
    expect(first).not.toContain('Áo thun cotton nam cổ tròn basic');
    expect(first).not.toContain('Bình giữ nhiệt inox 500ml');
    await page.evaluate(() => (window as unknown as { appendCards(n: number): void }).appendCards(20));
    await expect.poll(() => badges.count(), { timeout: 15_000 }).toBeGreaterThan(first.length);
    const cardsWithTwoBadges = await page.evaluate(() => [...document.querySelectorAll('li')].filter((li) => li.querySelectorAll('hotline389-card-badge').length > 1).length);
    expect(cardsWithTwoBadges).toBe(0);
    await page.close();
  });

  it('runs on a shop the user enabled, reading its schema.org data with the generic adapter', async () => {
    await useApi(hotline.url);
    const page = await browser.context.newPage();
    await page.goto('https://shop.example/products/ro-10?utm_campaign=e2e');
    await sendReport(page, 'missing_vn_label');
    const { row } = await receiptAndRow<{ payload: { listing: { site: string; price: number; url: string } } }>(page, 'payload');
    expect(row?.payload.listing).toMatchObject({ site: 'generic', price: 5490000, url: 'https://shop.example/products/ro-10' });
    await page.close();
  });

  it('delivers the report queued while offline once the hotline answers again, and lists every report with its status', async () => {
    const offlineQueued = async () => (await hotline.sql.query("SELECT 1 FROM reports WHERE category = 'smuggled'")).rows.length;
    // The hotline has answered the reports sent since: the queued one went out then, without waiting for an alarm.
    await browser.serviceWorker.evaluate(() => self.dispatchEvent(new Event('online')));
    await expect.poll(offlineQueued, { timeout: 15_000 }).toBe(1);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const first = popup.locator('.reports li').first();
    await expect.poll(() => first.locator('.server-status').textContent(), { timeout: 15_000 }).toBe('Đã tiếp nhận');
    expect(await first.locator('.tracking-code').textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await popup.locator('.reports li[data-state="pending"]').count()).toBe(0);
    expect(await popup.locator('.reports li[data-state="sent"]').count()).toBe(4);
    await popup.close();
  });

  it('shows reporters in the popup the status an inspector set in the back office', async () => {
    const api = (path: string, init: RequestInit = {}, token?: string) =>
      fetch(`${hotline.url}${path}`, {
        ...init,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    const login = await api('/v1/auth/login', { method: 'POST', body: JSON.stringify({ email: INSPECTOR_ADMIN.HOTLINE_ADMIN_EMAIL, password: INSPECTOR_ADMIN.HOTLINE_ADMIN_PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const { items } = (await (await api('/v1/cases', {}, token)).json()) as { items: { id: string }[] };
    expect(items.length).toBeGreaterThan(0);
    for (const { id } of items) expect((await api(`/v1/cases/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'triaged' }) }, token)).status).toBe(200);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const statuses = popup.locator('.reports li .server-status');
    await expect.poll(async () => [...new Set(await statuses.allTextContents())], { timeout: 15_000 }).toEqual(['Đã phân loại']);
    await popup.close();
  });
});
