import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { verifyBundle } from '../../contract/evidence-bundle';
import { EvidenceManifestSchema, fromBase64, sha256Hex, type EvidenceManifest } from '../../contract/evidence';
import { startServer, type RunningServer } from '../../server/src/server';
import { findChromium, launchWithExtension, startFixtureSite, type LaunchedBrowser } from './harness';

const chromiumPath = findChromium();
const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/**
 * The downloaded bundle as an agency would check it: `npm run verify` (exit 0, then 1 after one changed byte), and with
 * no project code at all: Python's zip module unpacks it, sha256sum and the openssl commands its readme.txt gives.
 */
async function checkWithoutThisSoftware(bundle: Uint8Array, altered: Uint8Array, manifestSha256: string): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hotline389-bundle-'));
  try {
    await writeFile(path.join(dir, 'bundle.zip'), bundle);
    await writeFile(path.join(dir, 'altered.zip'), altered);
    const verify = (file: string) => spawnSync('npm', ['run', '--silent', 'verify', '--', path.join(dir, file), '--require-receipt'], { cwd: projectRoot, encoding: 'utf8' });
    const pass = verify('bundle.zip');
    expect(pass.status, pass.stderr).toBe(0);
    expect(verify('altered.zip').status).toBe(1);

    const out = path.join(dir, 'files');
    const unzip = spawnSync('python3', ['-m', 'zipfile', '-e', path.join(dir, 'bundle.zip'), out], { encoding: 'utf8' });
    expect(unzip.status, unzip.stderr).toBe(0);
    const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: out, encoding: 'utf8' });
    const readme = await readFile(path.join(out, 'readme.txt'), 'utf8');
    const manifestCheck = 'openssl dgst -sha256 -verify reporter-key.pem -signature manifest.sig manifest.json';
    const receiptCheck = 'openssl dgst -sha256 -verify hotline-key.pem -signature receipt.sig receipt.json';
    for (const command of [manifestCheck, receiptCheck]) {
      expect(readme).toContain(command);
      const [binary, ...args] = command.split(' ');
      const result = run(binary!, args);
      expect(result.stdout.trim(), result.stderr).toBe('Verified OK');
    }
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as EvidenceManifest;
    const sums = run('sha256sum', ['manifest.json', ...manifest.files.map((file) => file.name)]).stdout.trim().split('\n');
    expect(sums.map((line) => line.split(/\s+/)[0])).toEqual([manifestSha256, ...manifest.files.map((file) => file.sha256)]);
    const receipt = JSON.parse(await readFile(path.join(out, 'receipt.json'), 'utf8')) as { manifestSha256: string };
    expect(receipt.manifestSha256).toBe(manifestSha256);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const pagesDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'pages');
export const SIGNED_IN_URL = 'https://tiki.vn/dong-ho-nam-rolex-p161803.html?spid=99&utm_source=e2e';
/** What identifies the signed-in buyer on the fixture page (header, avatar alt, app state, embedded JSON). */
const BUYER_SECRETS = ['Buyersecret', 'buyersecret@example.vn', '0909888777', '90210'];
const MASK = [0x80, 0x80, 0x80];
const ADMIN = { HOTLINE_ADMIN_EMAIL: 'chief@hotline.test', HOTLINE_ADMIN_PASSWORD: 'e2e admin password' };

/** MHTML bodies are quoted-printable: soft line breaks and =XX escapes undone, as text. */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}/.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i) & 0xff);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

describe.skipIf(!chromiumPath)('evidence captured with a report, in a real Chromium', () => {
  let hotline: RunningServer;
  let dataDir: string;
  let site: Awaited<ReturnType<typeof startFixtureSite>>;
  let browser: LaunchedBrowser;
  let extensionPage: Page;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hotline389-evidence-e2e-'));
    hotline = await startServer({ ...ADMIN, PORT: 0, HOST: '127.0.0.1', HOTLINE_DATA_DIR: dataDir, HOTLINE_BODY_LIMIT: 2 * 1024 * 1024 });
    const signedIn = await readFile(path.join(pagesDir, 'tiki-signed-in.html'), 'utf8');
    site = await startFixtureSite((url) => {
      if (url.hostname === 'tiki.vn' && url.pathname === '/dong-ho-nam-rolex-p161803.html') return { contentType: 'text/html; charset=utf-8', body: signedIn };
      if (url.hostname === 'tiki.vn' && url.pathname === '/assets/site.css') return { contentType: 'text/css', body: '.desc { color: #333; border-left: 4px solid #1a94ff; }' };
      return undefined;
    });
    browser = await launchWithExtension(chromiumPath!, site.port);
    extensionPage = await browser.context.newPage();
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await extensionPage.getByLabel('Địa chỉ máy chủ đường dây nóng (API)').fill(hotline.url);
    await extensionPage.getByRole('button', { name: 'Lưu' }).click();
    await extensionPage.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    await hotline?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** A message to the background from an extension page, as the popup sends it. */
  function ask<T>(type: string, payload: unknown): Promise<T> {
    return extensionPage.evaluate(([t, p]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const) as Promise<T>;
  }

  async function setRole(role: 'volunteer' | 'inspector') {
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await extensionPage.locator('#reporter-role').selectOption(role);
    await extensionPage.getByRole('button', { name: 'Lưu' }).click();
    await extensionPage.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
  }

  /** Reports the fixture listing from its page and answers the tracking code and the exported bundle. */
  async function reportAndExport(page: Page) {
    await page.bringToFront(); // captureVisibleTab takes the tab the window shows
    await page.getByRole('button', { name: 'Báo cáo', exact: true }).click();
    await page.locator('#h389-report-form[data-prior-checked]').waitFor();
    if (await page.locator('.prior').isVisible()) await page.getByLabel('Tôi vẫn muốn gửi thêm một báo cáo về tin đăng này').check();
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const code = page.locator('.widget > .status .tracking-code');
    await code.waitFor({ timeout: 20_000 });
    const elapsed = Date.now() - clicked;
    const trackingCode = (await code.textContent())?.trim() ?? '';
    const reports = await ask<{ id: string; trackingCode?: string }[]>('listReports', { refreshStatus: false });
    const entry = reports.find((report) => report.trackingCode === trackingCode);
    expect(entry).toBeDefined();
    const exported = await ask<{ ok: boolean; zipBase64: string; fileName: string }>('exportEvidence', { entryId: entry!.id });
    expect(exported.ok).toBe(true);
    const zip = fromBase64(exported.zipBase64);
    const files = unzipSync(zip);
    const manifest: EvidenceManifest = EvidenceManifestSchema.parse(JSON.parse(new TextDecoder().decode(files['manifest.json'])));
    return { trackingCode, zip, files, manifest, elapsed, fileName: exported.fileName };
  }

  /** RGB of every pixel of `rect` (CSS px, DPR 1) in a PNG, decoded by the browser itself. */
  async function pixels(png: Uint8Array, rect: { x: number; y: number; width: number; height: number }): Promise<number[][]> {
    return extensionPage.evaluate(
      async ([base64, r]) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const data = context.getImageData(Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)).data;
        const out: number[][] = [];
        for (let i = 0; i < data.length; i += 4) out.push([data[i]!, data[i + 1]!, data[i + 2]!]);
        return out;
      },
      [Buffer.from(png).toString('base64'), rect] as const,
    );
  }

  it('captures screenshot, MHTML, listing and README, signed; the buyer is masked in the picture and absent from every file', async () => {
    await setRole('volunteer');
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(SIGNED_IN_URL);
    await page.getByRole('button', { name: 'Báo cáo', exact: true }).waitFor();
    const rects = await page.evaluate(() =>
      ['[data-view-id="header_header_account_container"]', '[data-view-id="header_header_cart"]', '.account-greeting'].map((selector) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    const { zip, files, manifest, fileName } = await reportAndExport(page);

    const verdict = await verifyBundle(zip);
    expect(verdict.ok ? verdict.summary : verdict.failure).toMatchObject({ listingKey: manifest.listingKey });
    // the install-signed copy is named by its manifest hash, the hotline's countersigned one by the tracking code
    expect(fileName).toMatch(/^hotline389-evidence-\d{4}-\d{2}-\d{2}-([0-9a-f]{12}|[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\.zip$/);
    expect(manifest.files.map((file) => file.name).sort()).toEqual(['listing.json', 'page.mhtml', 'readme.txt', 'screenshot.png']);
    expect(manifest.capture.methods).toEqual(expect.arrayContaining(['captureVisibleTab', 'pageCapture']));
    expect(manifest.capture.masked).toBe(3);
    expect(manifest.capture.browser).toMatch(/^[A-Za-z ]+ \d+$/);
    expect(manifest.url).toBe('https://tiki.vn/dong-ho-nam-rolex-p161803.html?spid=99');
    expect(JSON.parse(new TextDecoder().decode(files['listing.json'])).title).toBe('Đồng hồ nam Rolex Submariner super fake 1:1');

    // The archive: MHTML of the listing, without the buyer anywhere — neither the header nor the page's app state.
    const mhtml = decodeQuotedPrintable(new TextDecoder('latin1').decode(files['page.mhtml']));
    expect(mhtml).toContain('Submariner super fake');
    expect(mhtml).not.toContain('utm_source'); // the tab's tracking parameters replaced by the canonical address
    expect(mhtml).not.toContain('__INITIAL_STATE__'); // Chromium's MHTML serializer drops <script> elements, JSON ones too
    for (const name of Object.keys(files)) {
      if (name.endsWith('.png') || name === 'manifest.sig') continue;
      const text = name === 'page.mhtml' ? mhtml : new TextDecoder().decode(files[name]);
      for (const secret of BUYER_SECRETS) expect(text, `${secret} in ${name}`).not.toContain(secret);
    }

    // The screenshot: every buyer widget is flat grey, and the rest of the header is the page's own.
    const screenshot = files['screenshot.png']!;
    for (const rect of rects) {
      const inner = { x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2 };
      const colours = await pixels(screenshot, inner);
      expect(colours.length).toBeGreaterThan(100);
      expect(colours.filter((rgb) => rgb.some((v, i) => Math.abs(v - MASK[i]!) > 2)).length).toBe(0);
    }
    const logo = await pixels(screenshot, { x: 2, y: 2, width: 8, height: 8 });
    expect(logo[0]).toEqual([0x1a, 0x94, 0xff]);

    // The hotline's copy: once the outbox uploaded every file, its countersigned bundle.zip verifies, and fails after one changed byte.
    const login = await fetch(`${hotline.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.HOTLINE_ADMIN_EMAIL, password: ADMIN.HOTLINE_ADMIN_PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const manifestSha256 = await sha256Hex(files['manifest.json']!);
    const keys = ((await (await fetch(`${hotline.url}/v1/keys`)).json()) as { keys: { keyId: string }[] }).keys.map((key) => key.keyId);
    let served: Uint8Array | undefined;
    await expect
      .poll(async () => {
        const response = await fetch(`${hotline.url}/v1/evidence/${manifestSha256}/bundle.zip`, { headers: { authorization: `Bearer ${token}` } });
        if (response.status === 200) served = new Uint8Array(await response.arrayBuffer());
        return response.status;
      }, { timeout: 20_000 })
      .toBe(200);
    const countersigned = await verifyBundle(served!, { trustedHotlineKeyIds: keys, requireReceipt: true });
    expect(countersigned.ok ? countersigned.summary.manifestSha256 : countersigned.failure).toBe(manifestSha256);
    const altered = served!.slice();
    altered[Math.floor(altered.length / 2)]! ^= 0x01;
    expect((await verifyBundle(altered, { trustedHotlineKeyIds: keys, requireReceipt: true })).ok).toBe(false);
    await checkWithoutThisSoftware(served!, altered, manifestSha256);

    // Right after the capture the page is as it was: the buyer sees their header again, the widget shows the code.
    await expect.poll(() => page.locator('[data-view-id="header_header_account_container"]').textContent()).toContain('Buyersecret');
    expect(await page.locator('[data-hotline389-masked]').count()).toBe(0);
    await page.close();
  });

  it('makes a DOM snapshot without scripts or the buyer when MHTML is not available', async () => {
    const page = await browser.context.newPage();
    await page.goto(SIGNED_IN_URL);
    await page.getByRole('button', { name: 'Báo cáo', exact: true }).waitFor();
    await page.bringToFront();
    const snapshot = await browser.serviceWorker.evaluate(async (url) => {
      const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: unknown): Promise<{ id: number; url: string }[]>; sendMessage(id: number, m: unknown, o: unknown): Promise<unknown> } } }).chrome;
      const [tab] = (await chrome.tabs.query({})).filter((t) => t.url === url);
      const prepared = (await chrome.tabs.sendMessage(tab!.id, { evidence: 'prepare', snapshot: true }, { frameId: 0 })) as { snapshot: string; masked: number };
      await chrome.tabs.sendMessage(tab!.id, { evidence: 'restore' }, { frameId: 0 });
      return prepared;
    }, SIGNED_IN_URL);
    expect(snapshot.masked).toBe(3);
    expect(snapshot.snapshot).toContain('Submariner super fake');
    expect(snapshot.snapshot).toContain('border-left: 4px solid'); // the same-origin stylesheet, inlined
    expect(snapshot.snapshot).not.toMatch(/<script|onclick|hotline389-widget/i);
    for (const secret of BUYER_SECRETS) expect(snapshot.snapshot).not.toContain(secret);
    expect(await page.locator('.account-greeting').textContent()).toContain('Buyersecret');
    await page.close();
  });

  it('gives inspectors the full page as one stitched picture: every band at its page y, the buyer grey, fixed and sticky bars once', async () => {
    await setRole('inspector');
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1024, height: 600 });
    await page.goto(SIGNED_IN_URL);
    await page.getByRole('button', { name: 'Báo cáo', exact: true }).waitFor();
    // ≈ 1570 px tall (not a multiple of the viewport: the last tile overlaps the one before), coloured bands at known
    // page y, a sticky bar (would stick on top of every tile) and a fixed bar (would sit at the bottom of every tile)
    const BANDS = [
      { y: 150, rgb: [0x00, 0xc0, 0xc0] },
      { y: 700, rgb: [0xc0, 0x00, 0xc0] },
      { y: 1190, rgb: [0x20, 0x60, 0x20] },
      { y: 1300, rgb: [0xc0, 0x60, 0x00] },
      { y: 1540, rgb: [0x40, 0x00, 0x80] },
    ];
    const STICKY = [0xff, 0xa5, 0x00];
    const FIXED = [0xff, 0x00, 0xff];
    const layout = await page.evaluate((bands) => {
      document.head.insertAdjacentHTML('beforeend', '<style>main { height: 1500px; box-sizing: border-box } .spec { height: 300px }</style>');
      const rgb = (c: number[]) => `rgb(${c.join(',')})`;
      for (const band of bands) document.body.insertAdjacentHTML('beforeend', `<div class="band" style="position:absolute;left:600px;top:${band.y}px;width:200px;height:10px;background:${rgb(band.rgb)}"></div>`);
      document.querySelector('main')!.insertAdjacentHTML('afterbegin', '<div id="sticky" style="position:sticky;top:0;margin-left:820px;width:150px;height:16px;background:rgb(255,165,0)"></div>');
      document.body.insertAdjacentHTML('beforeend', '<div id="fixed" style="position:fixed;left:0;bottom:0;width:300px;height:20px;background:rgb(255,0,255)"></div>');
      const box = (selector: string) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return { x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height };
      };
      return {
        scrollHeight: document.documentElement.scrollHeight,
        innerWidth: window.innerWidth,
        dpr: window.devicePixelRatio,
        sticky: box('#sticky'),
        styles: [document.getElementById('fixed')!.style.cssText, document.getElementById('sticky')!.style.cssText],
        masked: ['[data-view-id="header_header_account_container"]', '[data-view-id="header_header_cart"]', '.account-greeting'].map(box),
      };
    }, BANDS);
    const last = layout.scrollHeight - 600; // the third tile's offset: the page scrolls no further
    expect(last).toBeGreaterThan(900);
    expect(last).toBeLessThan(1000);
    await page.evaluate(() => window.scrollTo(0, 300));
    const started = Date.now();
    const { zip, manifest, files, elapsed } = await reportAndExport(page);
    console.log(`[e2e] inspector report of a ${(layout.scrollHeight / 600).toFixed(1)}-viewport page: click → tracking code ${elapsed} ms, with export ${Date.now() - started} ms`);
    expect((await verifyBundle(zip)).ok).toBe(true);
    expect(manifest.files.filter((file) => file.role === 'fullpage').map((file) => file.name)).toEqual(['fullpage.png']);
    expect(manifest.capture.methods).toContain('fullPage');
    expect(manifest.capture.methods).not.toContain('fullPageTiles');
    expect(manifest.capture.methods).not.toContain('fullPageCut');
    expect(await page.evaluate(() => window.scrollY)).toBe(300); // scrolled back where the reporter was
    // the fixed and sticky bars are as the page had them
    expect(await page.evaluate(() => [document.getElementById('fixed')!.style.cssText, document.getElementById('sticky')!.style.cssText])).toEqual(layout.styles);

    // one picture: the page's full height and the viewport's width, in device pixels
    const png = files['fullpage.png']!;
    const size = await extensionPage.evaluate(async (base64) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      return { width: bitmap.width, height: bitmap.height };
    }, Buffer.from(png).toString('base64'));
    expect(size).toEqual({ width: Math.round(layout.innerWidth * layout.dpr), height: Math.round(layout.scrollHeight * layout.dpr) });
    const at = (r: { x: number; y: number; width: number; height: number }) => pixels(png, { x: r.x * layout.dpr, y: r.y * layout.dpr, width: r.width * layout.dpr, height: r.height * layout.dpr });
    const all = (colours: number[][], rgb: number[]) => colours.length > 0 && colours.every((c) => c.every((v, i) => Math.abs(v - rgb[i]!) <= 2));
    const none = (colours: number[][], rgb: number[]) => colours.every((c) => c.some((v, i) => Math.abs(v - rgb[i]!) > 2));
    // every band exactly at its page y: its first and last rows are the band, the rows just outside are not
    for (const band of BANDS) {
      expect(all(await at({ x: 610, y: band.y, width: 180, height: 1 }), band.rgb), `band at ${band.y}, first row`).toBe(true);
      expect(all(await at({ x: 610, y: band.y + 9, width: 180, height: 1 }), band.rgb), `band at ${band.y}, last row`).toBe(true);
      expect(none(await at({ x: 610, y: band.y - 1, width: 180, height: 1 }), band.rgb), `band at ${band.y}, row above`).toBe(true);
      expect(none(await at({ x: 610, y: band.y + 10, width: 180, height: 1 }), band.rgb), `band at ${band.y}, row below`).toBe(true);
    }
    // the buyer's header widgets are flat grey in the picture too
    for (const rect of layout.masked) expect(all(await at({ x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2 }), MASK)).toBe(true);
    // the sticky bar once, where it sits in the page, not on top of the second and third tiles (page y 600 and `last`)
    expect(all(await at({ x: layout.sticky.x + 2, y: layout.sticky.y + 2, width: 100, height: 10 }), STICKY)).toBe(true);
    for (const y of [602, last + 2]) expect(none(await at({ x: layout.sticky.x + 2, y, width: 100, height: 10 }), STICKY), `sticky bar at ${y}`).toBe(true);
    // the fixed bar once, at the bottom of the first viewport, not at the bottom of the later tiles
    expect(all(await at({ x: 2, y: 582, width: 290, height: 16 }), FIXED)).toBe(true);
    for (const y of [1182, layout.scrollHeight - 18]) expect(none(await at({ x: 2, y, width: 290, height: 16 }), FIXED), `fixed bar at ${y}`).toBe(true);
    await setRole('volunteer');
    await page.close();
  });

  it('lets the reporter download the bundle from the popup history', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const button = popup.getByRole('button', { name: 'Tải gói bằng chứng (.zip)' }).first();
    await button.waitFor();
    // the report's two actions read as two: apart on one line, or on lines of their own (they once ran together)
    const remove = popup.getByRole('button', { name: 'Xoá khỏi lịch sử' }).first();
    const [removeBox, downloadBox] = [(await remove.boundingBox())!, (await button.boundingBox())!];
    const sameLine = Math.abs(removeBox.y - downloadBox.y) < removeBox.height / 2;
    if (sameLine) expect(downloadBox.x - (removeBox.x + removeBox.width)).toBeGreaterThanOrEqual(8);
    else expect(downloadBox.y).toBeGreaterThanOrEqual(removeBox.y + removeBox.height);
    const [download] = await Promise.all([popup.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^hotline389-evidence-.*\.zip$/);
    const saved = await readFile((await download.path())!);
    const verdict = await verifyBundle(new Uint8Array(saved));
    expect(verdict.ok).toBe(true);
    // the popup says which copy it was: the hotline's countersigned one exactly when the zip holds the receipt
    const which = await popup.locator('.evidence-which').first().textContent();
    expect(which).toBe(verdict.ok && verdict.summary.receipt ? 'Đã tải bản có chữ ký đối ứng của đường dây nóng.' : 'Đã tải bản do tiện ích ký (đường dây nóng chưa ký đối ứng hoặc không liên lạc được).');
    await popup.close();
  });
});
