import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/src/server';
import { findChromium, launchWithExtension, projectRoot, startFixtureSite, type LaunchedBrowser } from './harness';

// Training mode as a trainer uses it in class: the gallery of demo listings (one per category, marked DEMO / MẪU),
// a demo opened in its own tab with every hit explained step by step, and the quiz scored against the pack.

const chromiumPath = findChromium();
const SHOTS = path.join(projectRoot, 'test-results', 'screenshots', 'training');
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Through the debugger, not a <script>: extension pages forbid inline scripts (CSP), as they should.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}

describe.skipIf(!chromiumPath)('training mode in a real Chromium', () => {
  let browser: LaunchedBrowser;
  let site: Awaited<ReturnType<typeof startFixtureSite>>;
  let hotline: RunningServer;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    hotline = await startServer({ PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: '', HOTLINE_BODY_LIMIT: 1024 * 1024 }, { inMemory: true });
    site = await startFixtureSite(() => undefined);
    browser = await launchWithExtension(chromiumPath!, site.port);
    // A volunteer's settings pointing at this hotline: a demo report must still be kept apart as training.
    const settings = { version: 2, apiBaseUrl: hotline.url, language: 'vi', reporterRole: 'volunteer', trainingMode: false };
    await browser.serviceWorker.evaluate(
      (value) => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ settings: value }),
      settings,
    );
  });
  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    await hotline?.stop();
  });

  it('ships the enterprise policy schema Chrome needs before it reads storage.managed', async () => {
    const manifest = (await browser.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { getManifest(): { storage?: { managed_schema?: string } } } } }).chrome.runtime.getManifest(),
    )) as { storage?: { managed_schema?: string } };
    expect(manifest.storage?.managed_schema).toBe('managed_schema.json');
    const schema = (await (await browser.context.newPage()).goto(`chrome-extension://${browser.extensionId}/managed_schema.json`))!;
    expect(Object.keys(((await schema.json()) as { properties: object }).properties).sort()).toEqual(['apiBaseUrl', 'language', 'reporterRole', 'trainingMode']);
  });

  const trainingUrl = (hash = '') => `chrome-extension://${browser.extensionId}/training.html${hash}`;

  it('shows one demo listing per violation category, each marked as a demo', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(trainingUrl());
    const cards = page.locator('.gallery li');
    await expect.poll(() => cards.count()).toBe(9);
    expect(await page.locator('.demo-mark').first().textContent()).toBe('MẪU / DEMO');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'vi-gallery.png') });

    // "Open in a new tab": the demo runs in a tab of its own.
    const [demo] = await Promise.all([browser.context.waitForEvent('page'), cards.first().getByRole('link').click()]);
    await demo.waitForLoadState();
    expect(demo.url()).toMatch(/training\.html#demo\//);
    await demo.setViewportSize({ width: 1366, height: 768 });
    const hits = demo.locator('.hit');
    await expect.poll(() => hits.count()).toBeGreaterThan(0);
    const firstHit = await hits.first().innerText();
    for (const step of ['Cụm từ tìm thấy', 'Sau khi chuẩn hoá', 'Quy tắc', 'Căn cứ pháp lý', 'Không bị đánh dấu']) expect(firstHit).toContain(step);
    expect(await demo.locator('.mock-listing .demo-mark').isVisible()).toBe(true);
    expect(await seriousAxeViolations(demo)).toEqual([]);
    await demo.screenshot({ path: path.join(SHOTS, 'vi-demo.png'), fullPage: true });

    // The Báo cáo button and risk badge, as on a marketplace page, in the viewport's bottom-right corner.
    const button = demo.getByRole('button', { name: 'Báo cáo', exact: true });
    await button.waitFor();
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeGreaterThan(1366 - 80);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await demo.evaluate(() => window.scrollY)).toBe(0);
    await button.click();
    await demo.locator('#h389-report-form[data-prior-checked]').waitFor();
    await demo.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const code = demo.locator('.widget > .status .tracking-code');
    await code.waitFor({ timeout: 20_000 });
    const trackingCode = (await code.textContent())!.trim();
    const { rows } = await hotline.sql.query<{ training: boolean; listing_key: string }>(
      'SELECT c.training, c.listing_key FROM reports r JOIN cases c ON c.id = r.case_id WHERE r.tracking_code = $1',
      [trackingCode],
    );
    expect(rows).toEqual([{ training: true, listing_key: expect.stringMatching(/^demo:/) }]);
    await demo.close();
    await page.close();
  });

  it('scores a quiz against the pack: answering "ordinary" to everything gets exactly the ordinary half right', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(trainingUrl('#quiz'));
    const items = page.locator('.quiz-item');
    await expect.poll(() => items.count()).toBe(8);
    for (const item of await items.all()) await item.getByLabel('Không vi phạm').check();
    await page.getByRole('button', { name: 'Chấm điểm' }).click();
    await expect.poll(() => page.locator('.score').textContent()).toBe('Đúng 4/8; đúng cả loại vi phạm: 4/8.');
    expect(await page.locator('.quiz-item[data-result="right"]').count()).toBe(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'vi-quiz-390px.png'), fullPage: true });
    await page.close();
  });
});
