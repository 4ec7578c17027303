import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, connect, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/src/server';
import { findChromium, launchWithExtension, projectRoot, startFixtureSite, type LaunchedBrowser } from './harness';

// Issue 11: the widget on long real product pages. Everything here measures without scrolling: boundingBox()
// against window.innerWidth/innerHeight, clicks through element.click() or the keyboard (Playwright's own click
// scrolls its target into view first, which once hid a button lying at the end of the page).

const chromiumPath = findChromium();
const pagesDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'pages');
const SCREENSHOT_DIR = path.join(projectRoot, 'test-results', 'screenshots', 'extension');
const AXE_SOURCE_PATH = path.join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js');
const LONG_PAGE = 'https://tiki.vn/giay-the-thao-phien-ban-gioi-han-p424242.html?spid=424243';
const LONG_TITLE_START = 'Giày thể thao nam siêu cấp like auth fullbox phiên bản giới hạn';
const VIEWPORTS = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;

type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`no box for ${String(locator)}`);
  return found;
}

async function viewport(page: Page) {
  return page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight, scrollY: window.scrollY, scrollHeight: document.documentElement.scrollHeight }));
}

/** The box lies wholly inside the visible viewport (no scrolling needed to see it). */
async function expectInViewport(page: Page, locator: Locator, what: string) {
  const b = await box(locator);
  const v = await viewport(page);
  expect({ what, left: b.x >= 0, top: b.y >= 0, right: b.x + b.width <= v.width + 0.5, bottom: b.y + b.height <= v.height + 0.5 }).toEqual({
    what,
    left: true,
    top: true,
    right: true,
    bottom: true,
  });
  return b;
}

/** Deep focus: the element focused inside the widget's shadow root, described by its class. */
function focusedClass(page: Page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.className ?? active?.tagName ?? '';
  });
}

/** Two animation frames: the widget re-places itself once per frame after scroll and resize. */
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** A port nothing listens on now, that a later server can take. */
async function reservePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The hotline "comes back" on `port`: a TCP relay to the real test server. */
async function relay(port: number, targetPort: number): Promise<Server> {
  const server = createServer((socket) => {
    const upstream = connect(targetPort, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

describe.skipIf(!chromiumPath)('in-page widget on a long product page (real Chromium)', () => {
  let hotline: RunningServer;
  let dataDir: string;
  let site: Awaited<ReturnType<typeof startFixtureSite>>;
  let browser: LaunchedBrowser;
  let axeSource: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hotline389-layout-'));
    hotline = await startServer({ PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: dataDir, HOTLINE_BODY_LIMIT: 1024 * 1024 });
    const longPage = await readFile(path.join(pagesDir, 'tiki-long.html'), 'utf8');
    axeSource = await readFile(AXE_SOURCE_PATH, 'utf8');
    site = await startFixtureSite((url) =>
      url.hostname === 'tiki.vn' && url.pathname === '/giay-the-thao-phien-ban-gioi-han-p424242.html' ? { contentType: 'text/html; charset=utf-8', body: longPage } : undefined,
    );
    browser = await launchWithExtension(chromiumPath!, site.port);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await useApi(hotline.url);
  });

  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    await hotline?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function optionsPage(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.locator('#api-base-url').waitFor();
    return page;
  }

  async function useApi(url: string, language?: 'vi' | 'en') {
    const page = await optionsPage();
    await page.locator('#api-base-url').fill(url);
    if (language) await page.locator('#language').selectOption(language);
    // the settings form (the page has more forms: the inspector account)
    await page.locator('form').first().locator('button[type=submit]').click();
    await page.waitForFunction(() => /^(Đã lưu\.|Saved\.)$/.test(document.querySelector('form [role=status]')?.textContent ?? ''));
    await page.close();
  }

  function storageGet(key: string) {
    return browser.serviceWorker.evaluate(
      async (name) => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(name))[name],
      key,
    );
  }

  async function openLongPage(size: { width: number; height: number } = VIEWPORTS.desktop): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize(size);
    await page.goto(LONG_PAGE);
    await page.locator('.report-button').waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('.risk-badge').waitFor({ state: 'visible', timeout: 15_000 });
    await settle(page);
    return page;
  }

  /** Button and badge: in the viewport, in its bottom-right quarter, clear of the page's buy bar. */
  async function expectBottomRightClearOfBuyBar(page: Page, when: string) {
    const v = await viewport(page);
    const button = await expectInViewport(page, page.locator('.report-button'), `report button ${when}`);
    const badge = await expectInViewport(page, page.locator('.risk-badge'), `risk badge ${when}`);
    for (const [name, b] of [['button', button], ['badge', badge]] as const) {
      expect(b.x + b.width / 2, `${name} ${when}: right half`).toBeGreaterThan(v.width / 2);
      expect(b.y + b.height / 2, `${name} ${when}: bottom half`).toBeGreaterThan(v.height / 2);
    }
    // right edge within 40 px of the viewport's; bottom within 40 px of the buy bar's top
    const bar = await box(page.locator('.buy-bar'));
    expect(v.width - (button.x + button.width), `button ${when}: near the right edge`).toBeLessThanOrEqual(40);
    expect(bar.y - (button.y + button.height), `button ${when}: just above the buy bar`).toBeLessThanOrEqual(40);
    const buyNow = await box(page.locator('#buy-now'));
    for (const [name, b] of [['button', button], ['badge', badge]] as const) {
      expect(overlaps(b, buyNow), `${name} ${when} covers "Mua ngay"`).toBe(false);
      expect(overlaps(b, bar), `${name} ${when} covers the sticky buy bar`).toBe(false);
    }
  }

  for (const [name, size] of Object.entries(VIEWPORTS)) {
    it(`keeps the button and badge in the bottom-right corner of a ${size.width}×${size.height} viewport, above the page's sticky buy bar, while scrolling and with the panel or form open`, async () => {
      const page = await openLongPage(size);
      const v = await viewport(page);
      expect(v.scrollHeight, `${name}: the page is at least three viewports tall`).toBeGreaterThanOrEqual(3 * v.height);
      expect(v.scrollY).toBe(0);
      await expectBottomRightClearOfBuyBar(page, 'at the top of the page');

      for (const [where, to] of [['in the middle', 0.5], ['at the end', 1]] as const) {
        await page.evaluate((share) => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * share), to);
        await settle(page);
        expect((await viewport(page)).scrollY).toBeGreaterThan(0);
        await expectBottomRightClearOfBuyBar(page, `scrolled ${where}`);
      }

      // Open the panel without any scrolling: element.click(), as assistive technology would.
      await page.locator('.risk-badge').evaluate((badge: HTMLElement) => badge.click());
      const panel = page.locator('#h389-risk-panel');
      await panel.waitFor({ state: 'visible' });
      await settle(page);
      await expectInViewport(page, panel, 'risk panel');
      await expectBottomRightClearOfBuyBar(page, 'with the panel open');
      // the toggle and the disclaimer are always visible: outside the part that scrolls
      const panelBox = await box(panel);
      for (const selector of ['.highlight-toggle', '.disclaimer', '.panel-title']) {
        const inner = await expectInViewport(page, panel.locator(selector), selector);
        expect(inner.y >= panelBox.y - 0.5 && inner.y + inner.height <= panelBox.y + panelBox.height + 0.5, `${selector} inside the panel's box`).toBe(true);
      }

      await page.locator('.report-button').evaluate((button: HTMLElement) => button.click());
      const form = page.locator('#h389-report-form');
      await form.waitFor({ state: 'visible' });
      await settle(page);
      expect(await panel.isHidden(), 'the form replaces the panel').toBe(true);
      await expectInViewport(page, form, 'report form');
      await expectInViewport(page, form.locator('.send-button'), 'send button');
      await expectBottomRightClearOfBuyBar(page, 'with the form open');
      await page.close();
    });
  }

  it('lets the user drag the widget to another corner, or move it with the arrow keys, and remembers the corner', async () => {
    const page = await openLongPage();
    const handle = page.locator('.move-handle');
    const start = await expectInViewport(page, handle, 'move handle');
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(200, 150, { steps: 8 });
    await page.mouse.move(60, 60, { steps: 8 });
    await page.mouse.up();
    await settle(page);
    const moved = await expectInViewport(page, page.locator('.report-button'), 'button after the drag');
    expect(moved.x + moved.width).toBeLessThan(400);
    expect(moved.y).toBeLessThan(100);
    await expect.poll(() => storageGet('widgetCorner')).toBe('top-left');

    await page.reload();
    await page.locator('.report-button').waitFor({ state: 'visible', timeout: 15_000 });
    await settle(page);
    const reloaded = await expectInViewport(page, page.locator('.report-button'), 'button after reload');
    expect(reloaded.x + reloaded.width).toBeLessThan(400);
    expect(reloaded.y).toBeLessThan(100);

    // keyboard: arrows on the focused move control
    await handle.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await settle(page);
    expect(await focusedClass(page)).toBe('move-handle'); // focus stays on the control as the widget moves
    await expectBottomRightClearOfBuyBar(page, 'after moving back with the keyboard');
    await expect.poll(() => storageGet('widgetCorner')).toBe('bottom-right');
    await page.close();
  });

  it('is usable with the keyboard alone: Tab reaches the button, Enter opens the form, Escape closes it and returns focus, focus is visible', async () => {
    const page = await openLongPage();
    await page.locator('#buy-now').focus();
    let found = false;
    for (let i = 0; i < 20 && !found; i += 1) {
      await page.keyboard.press('Tab');
      found = (await focusedClass(page)) === 'report-button';
    }
    expect(found, 'Tab reaches the report button').toBe(true);
    const outline = await page.locator('.report-button').evaluate((button) => {
      const style = getComputedStyle(button);
      return { focusVisible: button.matches(':focus-visible'), style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline).toMatchObject({ focusVisible: true, style: 'solid' });
    expect(outline.width).toBeGreaterThanOrEqual(2);
    expect((await viewport(page)).scrollY, 'focusing the widget does not scroll the page').toBe(0);

    await page.keyboard.press('Enter');
    await page.locator('#h389-report-form').waitFor({ state: 'visible' });
    expect(await focusedClass(page)).toBe(''); // the category <select> (no class)
    expect(await page.locator('#h389-category').evaluate((select) => select.matches(':focus'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('#h389-report-form').waitFor({ state: 'hidden' });
    expect(await focusedClass(page)).toBe('report-button');

    // the risk panel too: Shift+Tab to the badge, Enter opens, Escape closes and returns focus
    await page.keyboard.press('Shift+Tab');
    expect(await focusedClass(page)).toBe('risk-badge');
    await page.keyboard.press('Enter');
    await page.locator('#h389-risk-panel').waitFor({ state: 'visible' });
    expect(await focusedClass(page), 'focus moves into the opened panel').toBe('panel-body');
    await page.keyboard.press('Escape');
    await page.locator('#h389-risk-panel').waitFor({ state: 'hidden' });
    expect(await focusedClass(page)).toBe('risk-badge');
    await page.close();
  });

  it('queues one report per click while the hotline is down, asks before reporting the listing again, and shows the tracking code once the queued report is delivered', async () => {
    const port = await reservePort();
    await useApi(`http://127.0.0.1:${port}`);
    // Only the prompt retry may deliver: the periodic alarm is out of the way.
    await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { clear(name: string): Promise<boolean> } } }).chrome.alarms.clear('outbox-flush'));
    const page = await openLongPage();
    const send = page.locator('.send-button');
    const status = page.locator('.widget > .status');
    await page.locator('.report-button').evaluate((button: HTMLElement) => button.click());
    await send.evaluate((button: HTMLElement) => {
      button.click();
      button.click(); // a double click files one report
    });
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('không kết nối được');
    expect(await status.textContent()).not.toMatch(/fetch/i);
    // the form now says the listing was reported and wants confirmation before another report
    const prior = page.locator('.prior');
    await prior.waitFor({ state: 'visible' });
    expect(await prior.textContent()).toContain('Bạn đã báo cáo tin đăng này');
    await send.evaluate((button: HTMLElement) => button.click());
    await expect.poll(() => status.textContent()).toBe('Hãy đánh dấu xác nhận nếu bạn muốn gửi thêm một báo cáo.');

    // the popup explains the wait in words, never the browser's "Failed to fetch"
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const pending = popup.locator('.reports li[data-state="pending"]');
    await pending.first().waitFor();
    expect(await pending.count(), 'one queued report, not two').toBe(1);
    expect(await pending.first().locator('.error').textContent()).toContain('Không kết nối được tới máy chủ đường dây nóng');
    expect(await popup.locator('body').textContent()).not.toMatch(/Failed to fetch/i);
    await popup.close();

    // The hotline comes back on the same address: the page learns of the delivery by itself.
    const back = await relay(port, Number(new URL(hotline.url).port));
    try {
      const code = status.locator('.tracking-code');
      await code.waitFor({ timeout: 30_000 });
      const trackingCode = (await code.textContent())?.trim() ?? '';
      expect(trackingCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(await status.textContent()).toBe(`Đã gửi. Mã theo dõi: ${trackingCode}`);
      expect(await page.locator('#h389-report-form').isHidden(), 'the form closed on delivery').toBe(true);
      const { rows } = await hotline.sql.query<{ tracking_code: string }>("SELECT tracking_code FROM reports WHERE listing_key LIKE '%424242%'");
      expect(rows.map((row) => row.tracking_code)).toEqual([trackingCode]);

      // opening the form again names the earlier report and its tracking code
      await page.locator('.report-button').evaluate((button: HTMLElement) => button.click());
      await expect.poll(() => prior.locator('.prior-text').textContent()).toBe(`Bạn đã báo cáo tin đăng này. Mã theo dõi: ${trackingCode}`);
    } finally {
      back.close();
    }
    await useApi(hotline.url);
    await page.close();
  });

  it('fits every card of the popup in its list: long titles wrap between words, nothing overflows sideways', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize(VIEWPORTS.phone);
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const title = popup.locator('.reports li .title', { hasText: LONG_TITLE_START }).first();
    await title.waitFor();
    const sizes = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('html, body, .reports, .reports li, .reports li > *')].map((element, i) => ({
        selector: `${element.tagName.toLowerCase()}.${element.className}#${i}`,
        scrollWidth: element.scrollWidth,
        clientWidth: element.clientWidth,
      })),
    );
    for (const { selector, scrollWidth, clientWidth } of sizes) expect(scrollWidth, `${selector} overflows sideways`).toBeLessThanOrEqual(clientWidth);
    // every card's right border is inside the list
    const list = await box(popup.locator('.reports'));
    for (const card of await popup.locator('.reports li').all()) {
      const b = await box(card);
      expect(b.x + b.width).toBeLessThanOrEqual(list.x + list.width + 0.5);
    }
    // the long title wraps (more than one line) instead of being cut on one line
    const lines = await title.evaluate((element) => Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)));
    expect(lines).toBeGreaterThanOrEqual(2);
    await popup.close();
  });

  /** axe-core on the page; `shadowHost`: only the widget's shadow content. Serious and critical violations. */
  async function axe(page: Page, shadowHost?: string): Promise<string[]> {
    // evaluate, not addScriptTag: extension pages' CSP refuses inline scripts
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    return page.evaluate(async (host) => {
      const axeApi = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const context = host ? { include: [{ fromShadowDom: [host, '.widget'] }] } : document;
      const { violations } = await axeApi.run(context, { resultTypes: ['violations'] });
      return violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
    }, shadowHost);
  }

  it('passes axe-core (no serious or critical violations) and leaves screenshots of every view in Vietnamese and English at 1366×768 and 390×844', async () => {
    const problems: string[] = [];
    const shots: string[] = [];
    for (const language of ['vi', 'en'] as const) {
      await useApi(hotline.url, language);
      for (const size of Object.values(VIEWPORTS)) {
        const tag = `${language}-${size.width}x${size.height}`;
        const shoot = async (page: Page, view: string) => {
          const file = path.join(SCREENSHOT_DIR, `${view}-${tag}.png`);
          await page.screenshot({ path: file });
          shots.push(file);
        };
        const check = async (page: Page, view: string, host?: string) => {
          for (const violation of await axe(page, host)) problems.push(`${view} ${tag}: ${violation}`);
        };

        const page = await openLongPage(size);
        expect(await page.locator('.report-button').textContent()).toBe(language === 'vi' ? 'Báo cáo' : 'Report');
        await shoot(page, 'widget');
        await check(page, 'widget', 'hotline389-widget');
        await page.locator('.risk-badge').evaluate((badge: HTMLElement) => badge.click());
        await page.locator('#h389-risk-panel').waitFor({ state: 'visible' });
        await settle(page);
        await shoot(page, 'panel');
        await check(page, 'panel', 'hotline389-widget');
        await page.locator('.report-button').evaluate((button: HTMLElement) => button.click());
        await page.locator('#h389-report-form').waitFor({ state: 'visible' });
        await page.locator('.contact summary').evaluate((summary: HTMLElement) => summary.click());
        await settle(page);
        await shoot(page, 'form');
        await check(page, 'form', 'hotline389-widget');
        await page.close();

        const popup = await browser.context.newPage();
        await popup.setViewportSize(size);
        await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
        await popup.locator('.reports li').first().waitFor();
        await expect.poll(() => popup.locator('h1').textContent()).toBe(language === 'vi' ? 'Báo cáo của bạn' : 'Your reports');
        await shoot(popup, 'popup');
        await check(popup, 'popup');
        await popup.close();

        const options = await optionsPage();
        await options.setViewportSize(size);
        await shoot(options, 'options');
        await check(options, 'options');
        await options.close();
      }
    }
    await useApi(hotline.url, 'vi');
    expect(problems).toEqual([]);
    expect(shots).toHaveLength(20);
  });
});
