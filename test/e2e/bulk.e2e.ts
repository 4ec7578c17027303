// Inspector mode, bulk part (issue 10), in a real Chromium: on a Shopee search page an inspector selects every
// flagged card and one more, reports the 20 in one batch, and sees each card's tracking code; the local hotline has
// one case per listing, each report with a complete, countersigned evidence bundle that verifies. A shop-level report
// follows. A volunteer on the same page sees plain, non-clickable badges and no batch bar.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { verifyBundle } from '../../contract/evidence-bundle';
import { startServer, type RunningServer } from '../../server/src/server';
import { CARD_COUNT, CARDS, FLAGGED_COUNT, searchApi, searchPage, SHOP_ID } from './bulk-fixture';
import { findChromium, launchWithExtension, projectRoot, startFixtureSite, type LaunchedBrowser } from './harness';

const chromiumPath = findChromium();
const ADMIN = { HOTLINE_ADMIN_EMAIL: 'chief@hotline.test', HOTLINE_ADMIN_PASSWORD: 'e2e admin password' };
const SCREENSHOT_DIR = path.join(projectRoot, 'test-results', 'screenshots', 'bulk');
const AXE_SOURCE_PATH = path.join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js');
const SEARCH_URL = 'https://shopee.vn/search?keyword=hang';
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=', 'base64');

describe.skipIf(!chromiumPath)('inspector mode: batch and shop reports, in a real Chromium', () => {
  let hotline: RunningServer;
  let dataDir: string;
  let site: Awaited<ReturnType<typeof startFixtureSite>>;
  let browser: LaunchedBrowser;
  let axeSource: string;
  let adminToken: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hotline389-bulk-e2e-'));
    hotline = await startServer({ ...ADMIN, PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: dataDir, HOTLINE_BODY_LIMIT: 2 * 1024 * 1024 });
    axeSource = await readFile(AXE_SOURCE_PATH, 'utf8');
    const html = searchPage();
    site = await startFixtureSite((url) => {
      if (url.hostname !== 'shopee.vn') return undefined;
      if (url.pathname === '/search') return { contentType: 'text/html; charset=utf-8', body: html };
      if (url.pathname === '/api/v4/search/search_items') return { contentType: 'application/json', body: JSON.stringify(searchApi()) };
      if (url.pathname.startsWith('/img/')) return { contentType: 'image/png', body: PNG_1PX.toString('latin1') };
      return undefined;
    });
    browser = await launchWithExtension(chromiumPath!, site.port);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const login = await fetch(`${hotline.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.HOTLINE_ADMIN_EMAIL, password: ADMIN.HOTLINE_ADMIN_PASSWORD }) });
    adminToken = ((await login.json()) as { token: string }).token;
  });

  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    await hotline?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** The reporter's settings, written where the options page keeps them (storage.local `settings`). */
  async function settings(role: 'volunteer' | 'inspector') {
    await browser.serviceWorker.evaluate(
      async ([apiBaseUrl, reporterRole]) => {
        const chrome = (globalThis as unknown as { chrome: { storage: { local: { set(items: unknown): Promise<void> } } } }).chrome;
        await chrome.storage.local.set({ settings: { apiBaseUrl, language: 'vi', reporterRole, trainingMode: false } });
      },
      [hotline.url, role] as const,
    );
  }

  async function inViewport(page: Page, locator: Locator, what: string) {
    const box = await locator.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box, what).not.toBeNull();
    expect(box!.x, `${what} left`).toBeGreaterThanOrEqual(0);
    expect(box!.y, `${what} top`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${what} right`).toBeLessThanOrEqual(viewport.width + 0.5);
    expect(box!.y + box!.height, `${what} bottom`).toBeLessThanOrEqual(viewport.height + 0.5);
    return box!;
  }

  async function axe(page: Page, include: string[][]): Promise<string[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    return page.evaluate(async (targets) => {
      const axeApi = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const { violations } = await axeApi.run({ include: targets.map((target) => ({ fromShadowDom: target })) }, { resultTypes: ['violations'] });
      return violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
    }, include);
  }

  const api = async <T>(pathname: string): Promise<T> => (await fetch(`${hotline.url}${pathname}`, { headers: { authorization: `Bearer ${adminToken}` } })).json() as Promise<T>;

  /** Signs the inspector in as the options page does: a device token from the hotline, kept in storage.local. */
  async function signInInspector(): Promise<{ userId: string }> {
    const response = await fetch(`${hotline.url}/v1/auth/device`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.HOTLINE_ADMIN_EMAIL, password: ADMIN.HOTLINE_ADMIN_PASSWORD, label: 'Chromium — e2e' }),
    });
    expect(response.status).toBe(201);
    const device = (await response.json()) as { token: string; tokenId: string; user: unknown };
    await browser.serviceWorker.evaluate(
      async ([apiBaseUrl, token, tokenId, user]) => {
        const chrome = (globalThis as unknown as { chrome: { storage: { local: { set(items: unknown): Promise<void> } } } }).chrome;
        await chrome.storage.local.set({ inspectorAccount: { version: 1, apiBaseUrl, token, tokenId, label: 'Chromium — e2e', user, signedInAt: Date.now() } });
      },
      [hotline.url, device.token, device.tokenId, device.user] as const,
    );
    const { rows } = await hotline.sql.query<{ id: string }>('SELECT id::text AS id FROM users WHERE email = $1', [ADMIN.HOTLINE_ADMIN_EMAIL]);
    return { userId: rows[0]!.id };
  }

  it('an inspector selects all flagged cards and one more, reports the 20 in one batch within 12 s, each with its own verifiable evidence', async () => {
    await settings('inspector');
    const inspector = await signInInspector();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(SEARCH_URL);
    const pickers = page.locator('hotline389-card-badge button');
    await expect.poll(() => pickers.count(), { timeout: 20_000 }).toBe(FLAGGED_COUNT);
    const bar = page.locator('hotline389-widget .batch-bar');
    await bar.waitFor();
    await inViewport(page, bar, 'batch bar');

    // the badges are real buttons: focusable, aria-pressed, inside their cards
    const firstFlagged = CARDS.find((card) => card.flagged)!;
    const firstBadge = page.locator(`hotline389-card-badge button[data-key="shopee.vn:${SHOP_ID}:${firstFlagged.id}"]`);
    expect(await firstBadge.getAttribute('aria-pressed')).toBe('false');
    const cardBox = (await page.locator('li', { has: page.locator(`a[href$=".${firstFlagged.id}"]`) }).boundingBox())!;
    const badgeBox = await inViewport(page, firstBadge, 'first badge');
    expect(badgeBox.x).toBeGreaterThanOrEqual(cardBox.x);
    expect(badgeBox.x + badgeBox.width).toBeLessThanOrEqual(cardBox.x + cardBox.width + 0.5);
    expect(badgeBox.y).toBeGreaterThanOrEqual(cardBox.y);
    await firstBadge.focus();
    await page.keyboard.press('Enter');
    expect(await firstBadge.getAttribute('aria-pressed')).toBe('true');
    expect(page.url()).toBe(SEARCH_URL); // selecting never follows the card's link
    await page.keyboard.press('Space');
    expect(await firstBadge.getAttribute('aria-pressed')).toBe('false');

    // selection mode: unflagged cards get a "Chọn" chip
    await bar.getByRole('button', { name: 'Chọn tin' }).click();
    await expect.poll(() => page.locator('hotline389-card-badge button.chip').count()).toBe(CARD_COUNT - FLAGGED_COUNT);
    await bar.getByRole('button', { name: 'Chọn tất cả tin bị gắn cờ' }).click();
    const plainCard = CARDS.find((card) => !card.flagged)!;
    await page.locator(`hotline389-card-badge button[data-key="shopee.vn:${SHOP_ID}:${plainCard.id}"]`).click();
    await expect.poll(() => bar.locator('.count').textContent()).toBe(`Đã chọn ${FLAGGED_COUNT + 1} tin`);
    expect(await page.locator('hotline389-card-badge button[aria-pressed="true"]').count()).toBe(FLAGGED_COUNT + 1);
    await bar.getByLabel('Ghi chú (không bắt buộc)').fill('Kiểm tra định kỳ, lô 20 tin');
    expect(await bar.getByRole('button', { name: 'Báo cáo người bán' }).isVisible()).toBe(true);

    expect(await axe(page, [['hotline389-widget', '.batch-bar']])).toEqual([]);
    expect(await axe(page, [['hotline389-card-badge[data-h389-picker]', 'button']])).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'selected-1366x768.png') });

    const clicked = Date.now();
    await bar.getByRole('button', { name: `Báo cáo ${FLAGGED_COUNT + 1} tin` }).click();
    const codes = bar.locator('.batch-results .tracking-code');
    await expect.poll(() => codes.count(), { timeout: 30_000 }).toBe(FLAGGED_COUNT + 1);
    const elapsed = Date.now() - clicked;
    console.log(`[bulk] ${FLAGGED_COUNT + 1} listings, click → every tracking code in the page: ${elapsed} ms (background ${await bar.getAttribute('data-batch-ms')} ms)`);
    expect(elapsed).toBeLessThanOrEqual(12_000);
    await inViewport(page, bar, 'batch bar with results');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'reported-1366x768.png') });
    expect(await axe(page, [['hotline389-widget', '.batch-bar']])).toEqual([]);
    const trackingCodes = await codes.allTextContents();
    expect(new Set(trackingCodes).size).toBe(FLAGGED_COUNT + 1);
    // each reported card says so on the page, with its own code, and "all flagged" does not pick them again
    const reportedPickers = page.locator('hotline389-card-badge button[data-reported]');
    await expect.poll(() => reportedPickers.count()).toBe(FLAGGED_COUNT + 1);
    const cardCodes = await reportedPickers.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-reported')));
    expect(new Set(cardCodes)).toEqual(new Set(trackingCodes));
    await inViewport(page, reportedPickers.first().locator('.done'), 'first card\'s "reported" mark');
    await bar.getByRole('button', { name: 'Chọn tất cả tin bị gắn cờ' }).click();
    await expect.poll(() => bar.locator('.count').textContent()).toBe('Đã chọn 0 tin');
    // a later visit to the same results knows them too (from this install's outbox), with the same codes
    const revisit = await browser.context.newPage();
    await revisit.setViewportSize({ width: 1366, height: 768 });
    await revisit.goto(SEARCH_URL);
    const remembered = revisit.locator('hotline389-card-badge button[data-reported]');
    await expect.poll(() => remembered.count(), { timeout: 20_000 }).toBe(FLAGGED_COUNT + 1);
    expect(new Set(await remembered.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-reported'))))).toEqual(new Set(trackingCodes));
    const revisitBar = revisit.locator('hotline389-widget .batch-bar');
    await revisitBar.getByRole('button', { name: 'Chọn tất cả tin bị gắn cờ' }).click();
    await expect.poll(() => revisitBar.locator('.count').textContent()).toBe('Đã chọn 0 tin');
    await revisit.close();

    // The hotline: one case per listing, one report each, with its note and its own complete, countersigned evidence.
    const selectedKeys = [...CARDS.filter((card) => card.flagged), plainCard].map((card) => `shopee.vn:${SHOP_ID}:${card.id}`);
    const list = await api<{ items: { id: string; listingKey: string; reportCount: number }[] }>('/v1/cases?limit=200');
    const byKey = new Map(list.items.map((item) => [item.listingKey, item]));
    expect(selectedKeys.every((key) => byKey.get(key)?.reportCount === 1)).toBe(true);
    // signed in: every report is the inspector's, filed under their account (anonymous volunteers' never are)
    const filed = await hotline.sql.query<{ reporter_role: string; reported_by: string | null }>(
      `SELECT r.reporter_role, r.reported_by::text AS reported_by FROM reports r JOIN cases c ON c.id = r.case_id WHERE c.listing_key = ANY($1::text[])`,
      [selectedKeys],
    );
    expect(filed.rows.length).toBe(selectedKeys.length);
    expect(filed.rows.every((row) => row.reporter_role === 'inspector' && row.reported_by === inspector.userId)).toBe(true);
    expect(list.items.length).toBe(selectedKeys.length);
    const keys = ((await (await fetch(`${hotline.url}/v1/keys`)).json()) as { keys: { keyId: string }[] }).keys.map((key) => key.keyId);
    const screenshotHashes = new Set<string>();
    for (const key of selectedKeys) {
      const caseId = byKey.get(key)!.id;
      let detail: { reports: { note: string | null; listing: { title?: string; provenance: Record<string, { source: string }> }; evidence?: { manifestSha256: string; complete: boolean; countersigned: boolean } | null }[] } | undefined;
      await expect
        .poll(async () => {
          detail = await api(`/v1/cases/${caseId}`);
          return detail?.reports[0]?.evidence?.countersigned ?? false;
        }, { timeout: 60_000 })
        .toBe(true);
      const report = detail!.reports[0]!;
      expect(report.note).toBe('Kiểm tra định kỳ, lô 20 tin');
      const response = await fetch(`${hotline.url}/v1/evidence/${report.evidence!.manifestSha256}/bundle.zip`, { headers: { authorization: `Bearer ${adminToken}` } });
      expect(response.status).toBe(200);
      const zip = new Uint8Array(await response.arrayBuffer());
      const verdict = await verifyBundle(zip, { trustedHotlineKeyIds: keys, requireReceipt: true });
      expect(verdict.ok ? verdict.summary.listingKey : verdict.failure).toBe(key);
      const files = unzipSync(zip);
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { files: { name: string; sha256: string }[]; capture: { methods: string[] } };
      expect(manifest.files.map((file) => file.name).sort()).toEqual(['card.html', 'listing.json', 'readme.txt', 'responses.json', 'screenshot.png']);
      expect(manifest.capture.methods).toEqual(['captureVisibleTab', 'cardSnapshot', 'observedResponses']);
      screenshotHashes.add(manifest.files.find((file) => file.name === 'screenshot.png')!.sha256);
      const itemId = key.split(':')[2]!;
      const cardHtml = new TextDecoder().decode(files['card.html']);
      expect(cardHtml).toContain(CARDS.find((card) => String(card.id) === itemId)!.title);
      expect(cardHtml).not.toContain('hotline389-card-badge');
      const responses = JSON.parse(new TextDecoder().decode(files['responses.json'])) as { entries: { itemid: number }[] }[];
      expect(responses.flatMap((r) => r.entries.map((entry) => String(entry.itemid)))).toEqual([itemId]);
      expect(report.listing.provenance.title?.source).toBe('dom');
    }
    expect(screenshotHashes.size).toBe(1); // one screenshot of the search page, shared by every bundle

    // A shop-level report: every card is the same shop's.
    await bar.getByRole('button', { name: 'Báo cáo người bán' }).click();
    await expect.poll(() => bar.locator('.batch-status').textContent(), { timeout: 20_000 }).toMatch(/^Đã báo cáo người bán\. Mã theo dõi: [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const shopCases = await api<{ items: { id: string; listingKey: string }[] }>(`/v1/cases?q=${encodeURIComponent(`shopee.vn:shop:${SHOP_ID}`)}`);
    expect(shopCases.items).toHaveLength(1);
    const shopDetail = await api<{ shop: { shopId: string; listings: { listingKey: string; case: { id: string } | null }[] } }>(`/v1/cases/${shopCases.items[0]!.id}`);
    expect(shopDetail.shop.shopId).toBe(SHOP_ID);
    expect(shopDetail.shop.listings).toHaveLength(CARD_COUNT);
    expect(shopDetail.shop.listings.filter((item) => item.case).map((item) => item.listingKey).sort()).toEqual([...selectedKeys].sort());
    await page.close();
  }, 180_000);

  it('a volunteer sees the plain badges: not buttons, not clickable, and no batch bar', async () => {
    await settings('volunteer');
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(SEARCH_URL);
    const badges = page.locator('hotline389-card-badge');
    await expect.poll(() => badges.count(), { timeout: 20_000 }).toBe(FLAGGED_COUNT);
    expect(await page.locator('hotline389-card-badge button').count()).toBe(0);
    expect(await page.locator('hotline389-card-badge .card-badge[role="img"]').count()).toBe(FLAGGED_COUNT);
    expect(await badges.first().evaluate((host) => getComputedStyle(host).pointerEvents)).toBe('none');
    expect(await page.locator('hotline389-widget .batch-bar').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'volunteer-1366x768.png') });
    await page.close();
  }, 60_000);
});
