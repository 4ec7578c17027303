// `npm run capture -- --url <page url> --html <saved page> --out <bundle.zip> [--role inspector]`
// Serves a saved page under its real address (local HTTPS, --host-resolver-rules), opens it in headless Chromium with
// the built e2e extension, reports it exactly as a reporter would (the in-page Báo cáo button → the background's
// capture → outbox → a local hotline), then exports that report's evidence bundle as the popup does and checks it
// with verifyBundle. For trainers (demo bundles) and tests. Needs `npx wxt build --mode e2e` first.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { verifyBundle, type BundleVerdict } from '../contract/evidence-bundle';
import { fromBase64 } from '../contract/evidence';
import { startServer, type RunningServer } from '../server/src/server';
import { findChromium, launchWithExtension, startFixtureSite, type LaunchedBrowser } from '../test/e2e/harness';

export interface CaptureSession {
  browser: LaunchedBrowser;
  hotline: RunningServer;
  /** an extension page, to message the background as the popup does */
  extensionPage: Page;
  close(): Promise<void>;
}

/** A local hotline, a fixture site serving `pages` (by full URL) and Chromium with the extension pointed at it. */
export async function openCaptureSession(pages: ReadonlyMap<string, string>, { role = 'volunteer' as 'volunteer' | 'inspector' } = {}): Promise<CaptureSession> {
  const chromium = findChromium();
  if (!chromium) throw new Error('no Chromium found (set CHROMIUM_PATH)');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hotline389-capture-'));
  const hotline = await startServer({ PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: dataDir, HOTLINE_BODY_LIMIT: 2 * 1024 * 1024 });
  const byUrl = new Map([...pages].map(([url, html]) => [new URL(url).origin + new URL(url).pathname, html]));
  const site = await startFixtureSite((url) => {
    const html = byUrl.get(url.origin + url.pathname);
    return html === undefined ? undefined : { contentType: 'text/html; charset=utf-8', body: html };
  });
  const hosts = [...new Set([...pages.keys()].map((url) => new URL(url).hostname))];
  const browser = await launchWithExtension(chromium, site.port, 'vi-VN', hosts);
  const extensionPage = await browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await extensionPage.getByLabel('Địa chỉ máy chủ đường dây nóng (API)').fill(hotline.url);
  await extensionPage.locator('#reporter-role').selectOption(role);
  await extensionPage.getByRole('button', { name: 'Lưu' }).click();
  await extensionPage.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
  return {
    browser,
    hotline,
    extensionPage,
    async close() {
      await browser.close();
      site.server.close();
      await hotline.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function askBackground<T>(session: CaptureSession, type: string, payload: unknown): Promise<T> {
  return session.extensionPage.evaluate(
    ([t, p]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: t, payload: p }),
    [type, payload] as const,
  ) as Promise<T>;
}

/** Clicks Báo cáo and Gửi báo cáo on `page` (confirming a repeat report) and waits for the tracking code; answers ms from the click. */
export async function reportFromPage(page: Page): Promise<{ trackingCode: string; ms: number }> {
  await page.bringToFront(); // captureVisibleTab takes the tab the window shows
  const button = page.getByRole('button', { name: 'Báo cáo', exact: true });
  await button.waitFor({ timeout: 20_000 });
  await button.click();
  await page.locator('#h389-report-form[data-prior-checked]').waitFor();
  if (await page.locator('.prior').isVisible()) await page.getByLabel('Tôi vẫn muốn gửi thêm một báo cáo về tin đăng này').check();
  const start = performance.now();
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  const code = page.locator('.widget > .status .tracking-code');
  await code.waitFor({ timeout: 30_000 });
  const ms = performance.now() - start;
  return { trackingCode: (await code.textContent())?.trim() ?? '', ms };
}

/** The report's evidence bundle as the popup downloads it. */
export async function exportBundle(session: CaptureSession, trackingCode: string): Promise<Uint8Array> {
  const reports = await askBackground<{ id: string; trackingCode?: string }[]>(session, 'listReports', { refreshStatus: false });
  const entry = reports.find((report) => report.trackingCode === trackingCode);
  if (!entry) throw new Error(`no report with tracking code ${trackingCode}`);
  const exported = await askBackground<{ ok: boolean; zipBase64?: string; reason?: string }>(session, 'exportEvidence', { entryId: entry.id });
  if (!exported.ok || !exported.zipBase64) throw new Error(`the report has no evidence (${exported.reason ?? '?'})`);
  return fromBase64(exported.zipBase64);
}

async function main() {
  const { values } = parseArgs({ options: { url: { type: 'string' }, html: { type: 'string' }, out: { type: 'string' }, role: { type: 'string', default: 'volunteer' } } });
  if (!values.url || !values.html || !values.out || !['volunteer', 'inspector'].includes(values.role ?? '')) {
    console.error('usage: npm run capture -- --url <page url> --html <saved page.html> --out <bundle.zip> [--role volunteer|inspector]');
    process.exit(2);
  }
  const html = await readFile(values.html, 'utf8');
  const session = await openCaptureSession(new Map([[values.url, html]]), { role: values.role as 'volunteer' | 'inspector' });
  let verdict: BundleVerdict;
  try {
    const page = await session.browser.context.newPage();
    await page.goto(values.url);
    const { trackingCode } = await reportFromPage(page);
    const zip = await exportBundle(session, trackingCode);
    await writeFile(values.out, zip);
    verdict = await verifyBundle(zip);
  } finally {
    await session.close();
  }
  if (!verdict.ok) {
    console.error(`bundle written to ${values.out} but it does not verify: ${verdict.failure}`);
    process.exit(1);
  }
  const { summary } = verdict;
  console.log(`${values.out}: ${summary.listingKey}, ${summary.files.length} files (${summary.files.map((file) => file.name).join(', ')}), ${summary.bytes} bytes, verifies (manifest ${summary.manifestSha256.slice(0, 16)}…)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
