import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../contract/evidence-bundle';
import { ECDSA_P256, EVIDENCE_FORMAT, describePublicKey, serialiseManifest, sha256Hex, signDer, toBase64, utf8, type EvidenceManifest } from '../../contract/evidence';
import { uploadAll, type TestEvidence } from '../../server/test/evidence-helpers';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CASE_TRANSITIONS } from '../../contract/backoffice';
import type { Receipt, ReportInput } from '../../contract/index';
import { MESSAGES, type Lang } from '../../server/dashboard/src/i18n';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { startServer, type RunningServer } from '../../server/src/server';
import { findChromium, projectRoot } from './harness';

// The inspectors' dashboard, built (`npm run build:admin`) and served by a real hotline server, driven in Chromium
// the way an inspector uses it: sign in, find the case two reporters sent, triage, assign and close it.

const chromiumPath = findChromium();
const DASHBOARD_DIR = path.join(projectRoot, '.output', 'admin');
const SHOTS = path.join(projectRoot, 'test-results', 'screenshots', 'dashboard');
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const ADMIN = { email: 'admin@hotline389.test', password: 'e2e admin passphrase 2026' };
const ORG_NAME = 'Cục QLTT Hà Nội (e2e)';
const HOSTILE_TITLE = '<img src=x onerror="window.__xss=1">Ốp lưng <b>chính hãng</b>';
const vi = MESSAGES.vi;
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe.skipIf(!chromiumPath)('inspectors’ dashboard in a real Chromium', () => {
  let hotline: RunningServer;
  let dataDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const receipts: Receipt[] = [];
  let evidence: TestEvidence;
  let caseId = '';

  async function postReport(report: ReportInput): Promise<Receipt> {
    const response = await fetch(`${hotline.url}/v1/reports`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(report) });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as Receipt;
  }

  /** Evidence as the extension signs it: a real PNG screenshot (so the case page can show it) and the listing. */
  async function signedEvidence(screenshot: Uint8Array): Promise<TestEvidence> {
    const key = await crypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify']);
    const reporter = await describePublicKey(key.publicKey);
    const entries = [
      { name: 'screenshot.png', role: 'screenshot' as const, mediaType: 'image/png' as const, bytes: screenshot },
      { name: 'listing.json', role: 'listing' as const, mediaType: 'application/json' as const, bytes: utf8(JSON.stringify(EXAMPLE_REPORT.listing)) },
    ];
    const manifest: EvidenceManifest = {
      format: EVIDENCE_FORMAT,
      listingKey: EXAMPLE_REPORT.listing.listingKey,
      url: EXAMPLE_REPORT.listing.url,
      capturedAt: '2026-11-30T09:30:00.000Z',
      capture: { browser: 'Chromium 156', extension: { name: 'hotline389-extension', version: '0.1.0' }, methods: ['captureVisibleTab'], masked: 1 },
      reporterKey: { keyId: reporter.keyId, jwk: reporter.jwk },
      files: await Promise.all(entries.map(async ({ name, role, mediaType, bytes }) => ({ name, role, mediaType, size: bytes.length, sha256: await sha256Hex(bytes) }))),
    };
    const text = serialiseManifest(manifest);
    return { claim: { manifest: text, signature: toBase64(await signDer(key.privateKey, utf8(text))) }, manifest, manifestSha256: await sha256Hex(text), files: new Map(entries.map((entry) => [entry.name, entry.bytes])) };
  }

  beforeAll(async () => {
    if (!existsSync(path.join(DASHBOARD_DIR, 'index.html'))) {
      throw new Error(`built dashboard missing at ${DASHBOARD_DIR}: run \`npm run build:admin\` (npm run test:e2e does)`);
    }
    await mkdir(SHOTS, { recursive: true });
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hotline389-dashboard-e2e-'));
    hotline = await startServer(
      {
        PORT: 0,
        HOST: '127.0.0.1',
        HOTLINE_DATA_DIR: dataDir,
        HOTLINE_BODY_LIMIT: 1024 * 1024,
        HOTLINE_ADMIN_EMAIL: ADMIN.email,
        HOTLINE_ADMIN_PASSWORD: ADMIN.password,
      },
      // no dashboardDir: the server finds the build where npm start and npm run build:admin put it
      { inMemory: true },
    );
    browser = await chromium.launch({ executablePath: chromiumPath!, headless: true, args: LAUNCH_ARGS });
    // The second reporter's evidence: a real screenshot of a listing-like page, signed, uploaded and countersigned.
    const painter = await browser.newPage({ viewport: { width: 480, height: 300 } });
    await painter.setContent('<body style="margin:0;background:#fff4e5;font:20px system-ui"><h1 style="color:#82071e;padding:16px">Giày thể thao siêu cấp like auth 1:1</h1><p style="padding:0 16px">₫450.000</p></body>');
    evidence = await signedEvidence(new Uint8Array(await painter.screenshot({ type: 'png' })));
    await painter.close();
    // Two reporters, one listing: one case with two reports.
    receipts.push(await postReport({ ...EXAMPLE_REPORT, capturedAt: '2026-11-29T08:00:00.000Z' }));
    receipts.push(
      await postReport({
        ...EXAMPLE_REPORT,
        reporterRole: 'inspector',
        note: 'Người bán quảng cáo "like auth 1:1", giá bằng 1/5 hàng thật.',
        contact: { consent: true, name: 'Trần Thị Bình', phone: '0912 000 111' },
        capturedAt: '2026-11-30T09:30:00.000Z',
        evidence: evidence.claim,
      }),
    );
    const uploadToken = receipts[1]!.evidence!.uploadToken;
    const uploaded = await uploadAll((pathname, init) => fetch(`${hotline.url}${pathname}`, init), evidence, uploadToken);
    expect(uploaded.status).toBe(200);
    // A listing whose title is markup: it must show as text and never run.
    await postReport({
      ...EXAMPLE_REPORT,
      listing: { ...EXAMPLE_REPORT.listing, listingKey: 'shopee.vn:34456910:999', url: 'https://shopee.vn/product/34456910/999', itemId: '999', title: HOSTILE_TITLE },
      category: 'other',
    });
    context = await browser.newContext({ viewport: LAPTOP, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await hotline?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const shot = (target: Page, name: string) => target.screenshot({ path: path.join(SHOTS, `${name}.png`) });

  /** Visible without scrolling: the whole box inside the viewport while the page is at its top. */
  async function expectInViewport(target: Page, locator: Locator, what: string) {
    await expect.poll(() => locator.isVisible(), { message: `${what} visible` }).toBe(true);
    const scroll = await target.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
    const box = await locator.boundingBox();
    const viewport = target.viewportSize()!;
    expect(box, what).not.toBeNull();
    expect(scroll, `${what}: page scrolled`).toEqual({ x: 0, y: 0 });
    expect(box!.x, `${what} left edge`).toBeGreaterThanOrEqual(0);
    expect(box!.y, `${what} top edge`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${what} right edge`).toBeLessThanOrEqual(viewport.width);
    expect(box!.y + box!.height, `${what} bottom edge`).toBeLessThanOrEqual(viewport.height);
  }

  async function saveCase(expected: string) {
    await page.getByRole('button', { name: vi.save, exact: true }).click();
    await expect.poll(() => page.getByText(vi.saved).isVisible(), { message: `saved after ${expected}` }).toBe(true);
    await expect.poll(() => page.locator('.case-head').innerText()).toContain(expected);
  }

  it('has every message in both languages', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.vi).sort());
  });

  it('serves the dashboard under a strict CSP', async () => {
    const response = await fetch(`${hotline.url}/admin/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('signs in, finds the case with both reports, triages, assigns and closes it', async () => {
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(`${hotline.url}/admin/`);
    await expect.poll(() => page.getByRole('heading', { name: vi.loginTitle }).isVisible()).toBe(true);
    for (const control of [page.getByLabel(vi.email), page.getByLabel(vi.password), page.getByRole('button', { name: vi.loginButton })]) {
      await expectInViewport(page, control, 'login control');
    }

    // A wrong password is said so, in the live region, and the form stays usable.
    await page.getByLabel(vi.email).fill(ADMIN.email);
    await page.getByLabel(vi.password).fill('not the password at all');
    await page.getByRole('button', { name: vi.loginButton }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain(vi.loginInvalid);

    // Keyboard: Tab from the email field reaches the password field, and focus is drawn.
    await page.getByLabel(vi.email).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');

    await page.getByLabel(vi.password).fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: vi.inboxTitle }).isVisible()).toBe(true);
    expect(page.url()).toContain('#/cases');

    // Every role sees only its navigation: the admin has all three.
    const nav = page.getByRole('navigation', { name: vi.navMain });
    for (const name of [vi.navInbox, vi.navStats, vi.navAdmin]) expect(await nav.getByRole('link', { name }).count()).toBe(1);

    // The inbox: one case for the listing, two reports; the hostile title is text.
    const title = EXAMPLE_REPORT.listing.title!;
    const link = page.getByRole('link', { name: title });
    await expect.poll(() => link.count()).toBe(1);
    const row = page.getByRole('row').filter({ has: link });
    expect((await row.locator(`td[data-label="${vi.colReports}"]`).innerText()).trim()).toBe('2');
    expect(await row.innerText()).toContain(vi.status_received);
    expect(await page.getByRole('link', { name: HOSTILE_TITLE }).count()).toBe(1);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator('table.cases img').count()).toBe(0);
    await expectInViewport(page, link, 'first case link');
    await expectInViewport(page, page.getByLabel(vi.filterSearch), 'search box');
    await expectInViewport(page, page.getByLabel(vi.filterStatus), 'status filter');

    // Filters go through the API and into the export links.
    await page.getByLabel(vi.filterStatus).selectOption('received');
    await expect.poll(() => page.url()).toContain('status=received');
    const csv = await page.getByRole('link', { name: vi.exportCsv }).getAttribute('href');
    expect(csv).toBe('/v1/cases/export?format=csv&status=received');
    const exported = await page.evaluate(async (href) => (await fetch(href!, { credentials: 'same-origin' })).text(), csv);
    expect(exported).toContain(title);
    await page.getByLabel(vi.filterSearch).fill('like auth');
    await page.getByLabel(vi.filterSearch).press('Enter');
    await expect.poll(() => page.getByRole('link', { name: HOSTILE_TITLE }).count()).toBe(0);
    await expect.poll(() => link.count()).toBe(1); // the hostile row may go before the search's answer arrives
    await page.getByRole('button', { name: vi.reset }).click();
    await expect.poll(() => page.getByRole('link', { name: HOSTILE_TITLE }).count()).toBe(1);

    // An organisation to assign the case to, created on the Admin page.
    await nav.getByRole('link', { name: vi.navAdmin }).click();
    await expect.poll(() => page.getByRole('heading', { name: vi.adminTitle, level: 1 }).isVisible()).toBe(true);
    await page.getByLabel(vi.orgName).fill(ORG_NAME);
    await page.getByRole('button', { name: vi.createOrg }).click();
    await expect.poll(() => page.getByRole('rowheader', { name: ORG_NAME }).count()).toBe(1);

    // The case page.
    await nav.getByRole('link', { name: vi.navInbox }).click();
    await page.getByRole('link', { name: title }).click();
    await expect.poll(() => page.getByRole('heading', { name: title, level: 1 }).isVisible()).toBe(true);
    caseId = decodeURIComponent(page.url().split('#/cases/')[1] ?? '');
    expect(caseId).toMatch(/^\d+$/);
    expect(await page.getByRole('heading', { name: vi.reports.replace('{count}', '2') }).count()).toBe(1);
    expect(await page.locator('.report-card').count()).toBe(2);
    expect(await page.locator('.report-card').nth(1).innerText()).toContain('Trần Thị Bình');
    const listingLink = page.getByRole('link', { name: vi.openListing });
    expect(await listingLink.getAttribute('href')).toBe(EXAMPLE_REPORT.listing.url);
    expect(await listingLink.getAttribute('target')).toBe('_blank');
    expect(await listingLink.getAttribute('rel')).toBe('noopener noreferrer');
    const status = page.getByLabel(vi.newStatus, { exact: true });
    for (const [control, what] of [
      [page.getByRole('heading', { name: title, level: 1 }), 'case title'],
      [status, 'status select'],
      [page.getByLabel(vi.assignedOrg, { exact: true }), 'organisation select'],
      [page.getByLabel(vi.priority, { exact: true }), 'priority select'],
      [page.getByRole('button', { name: vi.save, exact: true }), 'save button'],
    ] as const) {
      await expectInViewport(page, control, what);
    }
    // Only the allowed transitions are offered.
    expect(await status.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual([
      'received',
      ...CASE_TRANSITIONS.received,
    ]);

    await status.selectOption('triaged');
    expect(await page.getByLabel(vi.reason).count()).toBe(0);
    await saveCase(vi.status_triaged);

    await page.getByLabel(vi.assignedOrg, { exact: true }).selectOption({ label: ORG_NAME });
    await page.getByLabel(vi.priority, { exact: true }).selectOption('high');
    await saveCase(ORG_NAME);

    await status.selectOption('closed');
    const reason = page.getByLabel(vi.reason);
    await expectInViewport(page, reason, 'reason field');
    // The browser will not send a close without a reason.
    await page.getByRole('button', { name: vi.save, exact: true }).click();
    expect(await reason.evaluate((element) => (element as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
    await reason.fill('Sàn đã gỡ tin đăng sau yêu cầu của Cục QLTT.');
    await saveCase(vi.status_closed);

    // History shows each step, in words.
    const history = page.locator('.history');
    await expect.poll(() => history.innerText()).toContain(`${vi.status_triaged} → ${vi.status_closed}`);
    expect(await history.innerText()).toContain(ORG_NAME);

    // A note.
    await page.getByLabel(vi.noteBody).fill('Đã liên hệ sàn, chờ phản hồi.');
    await page.getByRole('button', { name: vi.addNote }).click();
    await expect.poll(() => page.locator('.notes').innerText()).toContain('Đã liên hệ sàn, chờ phản hồi.');

    // Reporters see the outcome through their tracking codes.
    for (const receipt of receipts.slice(0, 2)) {
      const response = await fetch(`${hotline.url}/v1/reports/${receipt.trackingCode}/status`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { status: string }).status).toBe('closed');
    }
    expect(cspViolations).toEqual([]);
  });

  it('shows a report\'s evidence on the case page: the screenshot, each file, and a bundle that verifies', async () => {
    await page.goto(`${hotline.url}/admin/#/cases/${caseId}`);
    const section = page.locator('section.evidence');
    await expect.poll(() => section.count()).toBe(1); // only the second report carried evidence
    await section.scrollIntoViewIfNeeded();
    await expect.poll(() => section.locator('.evidence-complete').allTextContents()).toEqual([vi.evidenceComplete, vi.evidenceCountersigned]);
    // the screenshot really shows: decoded, at its own size, and on screen
    const preview = section.getByRole('img', { name: vi.evidenceScreenshot });
    await expect.poll(() => preview.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(480);
    // further down the case page than the controls: scrolled to, it is drawn whole inside the window
    const onScreen = async (locator: Locator, what: string) => {
      await locator.scrollIntoViewIfNeeded();
      const box = (await locator.boundingBox())!;
      expect(box.width * box.height, what).toBeGreaterThan(0);
      expect([box.x >= 0, box.y >= 0, box.x + box.width <= LAPTOP.width, box.y + box.height <= LAPTOP.height], what).toEqual([true, true, true, true]);
    };
    await onScreen(preview, 'evidence screenshot');
    expect(await section.getByRole('list', { name: vi.evidenceFiles }).getByRole('listitem').count()).toBe(2);
    await shot(page, 'vi-case-evidence');
    // the bundle downloads from the dashboard and verifies, countersignature included
    const link = section.getByRole('link', { name: vi.evidenceBundle });
    await onScreen(link, 'bundle download');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const zip = new Uint8Array(await readFile((await download.path())!));
    const verdict = await verifyBundle(zip, { requireReceipt: true });
    expect(verdict.ok ? verdict.summary.receipt?.trackingCode : verdict.failure).toBe(receipts[1]!.trackingCode);
    expect(verdict.ok && verdict.summary.manifestSha256).toBe(evidence.manifestSha256);
    // the case's history says who took the bundle, in words
    await page.reload();
    const bundleRow = page.locator('.history .audit-detail div').filter({ has: page.locator('dt', { hasText: vi.detail_what }) }).filter({ has: page.locator('dd', { hasText: vi.what_bundle }) });
    await expect.poll(() => bundleRow.count()).toBeGreaterThan(0);
    expect(await page.locator('.history').innerText()).toContain(vi.action_evidence_downloaded);
  });

  it('shows every page in Vietnamese and English at 1366×768, with headings and charts', async () => {
    const anonymous = await browser.newContext({ viewport: LAPTOP, locale: 'vi-VN' });
    const loginPage = await anonymous.newPage();
    for (const lang of ['vi', 'en'] as const satisfies readonly Lang[]) {
      const m = MESSAGES[lang];
      await page.evaluate((value) => localStorage.setItem('hotline389.dashboard.lang', value), lang);
      await loginPage.goto(`${hotline.url}/admin/`);
      await loginPage.evaluate((value) => localStorage.setItem('hotline389.dashboard.lang', value), lang);
      await loginPage.reload();
      await expect.poll(() => loginPage.getByRole('heading', { name: m.loginTitle }).isVisible()).toBe(true);
      expect(await loginPage.evaluate(() => document.documentElement.lang)).toBe(lang);
      await shot(loginPage, `${lang}-login`);

      await page.goto(`${hotline.url}/admin/#/cases`);
      await page.reload();
      await expect.poll(() => page.getByRole('heading', { name: m.inboxTitle }).isVisible()).toBe(true);
      await expect.poll(() => page.locator('table.cases tbody tr').count()).toBe(2);
      await shot(page, `${lang}-inbox`);

      await page.goto(`${hotline.url}/admin/#/cases/${caseId}`);
      await expect.poll(() => page.getByRole('heading', { name: EXAMPLE_REPORT.listing.title!, level: 1 }).isVisible()).toBe(true);
      await expect.poll(() => page.getByRole('heading', { name: m.history }).isVisible()).toBe(true);
      await shot(page, `${lang}-case`);
      await page.screenshot({ path: path.join(SHOTS, `${lang}-case-full.png`), fullPage: true });

      await page.goto(`${hotline.url}/admin/#/stats`);
      await expect.poll(() => page.getByRole('heading', { name: m.statsTitle, level: 1 }).isVisible()).toBe(true);
      await expect.poll(() => page.locator('.totals').isVisible()).toBe(true);
      const totals = await page.locator('.totals').innerText();
      expect(totals).toContain(m.totalReports);
      expect(totals).toMatch(/\b3\b/);
      expect(await page.locator('.chart svg[role="img"]').count()).toBeGreaterThanOrEqual(4);
      await shot(page, `${lang}-stats`);

      await page.goto(`${hotline.url}/admin/#/admin`);
      await expect.poll(() => page.getByRole('heading', { name: m.adminTitle, level: 1 }).isVisible()).toBe(true);
      await expect.poll(() => page.getByRole('rowheader', { name: ADMIN.email }).count()).toBe(1);
      await expect.poll(() => page.locator('table.audit tbody tr').count()).toBeGreaterThan(2);
      await shot(page, `${lang}-admin`);
    }
    // The language switch itself, as a user would use it.
    await page.getByRole('button', { name: MESSAGES.vi.langVi }).click();
    await expect.poll(() => page.getByRole('heading', { name: vi.adminTitle, level: 1 }).isVisible()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('hotline389.dashboard.lang'))).toBe('vi');
    await anonymous.close();
  });

  it('is usable 390 px wide', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize(PHONE);
    await phone.goto(`${hotline.url}/admin/#/cases`);
    await expect.poll(() => phone.getByRole('link', { name: EXAMPLE_REPORT.listing.title! }).isVisible()).toBe(true);
    const overflow = async () => phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(phone, 'vi-inbox-390px');
    await phone.goto(`${hotline.url}/admin/#/cases/${caseId}`);
    await expect.poll(() => phone.getByRole('button', { name: vi.save, exact: true }).isVisible()).toBe(true);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const save = await phone.getByRole('button', { name: vi.save, exact: true }).boundingBox();
    expect(save!.x + save!.width).toBeLessThanOrEqual(PHONE.width);
    await shot(phone, 'vi-case-390px');
    await phone.goto(`${hotline.url}/admin/#/stats`);
    await expect.poll(() => phone.locator('.totals').isVisible()).toBe(true);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(phone, 'vi-stats-390px');
    await phone.close();
  });

  it('sends an expired session back to the login page, and tells a locked-out user when to try again', async () => {
    await context.clearCookies();
    await page.goto(`${hotline.url}/admin/#/stats`);
    await page.evaluate(() => localStorage.setItem('hotline389.dashboard.lang', 'vi'));
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: vi.loginTitle }).isVisible()).toBe(true);

    // Signed in, then the session disappears: the next API call (401) shows the login page with a notice.
    await page.getByLabel(vi.email).fill(ADMIN.email);
    await page.getByLabel(vi.password).fill(ADMIN.password);
    await page.getByRole('button', { name: vi.loginButton }).click();
    await expect.poll(() => page.getByRole('heading', { name: vi.statsTitle, level: 1 }).isVisible()).toBe(true);
    await context.clearCookies();
    await page.getByRole('navigation', { name: vi.navMain }).getByRole('link', { name: vi.navAdmin }).click();
    await expect.poll(() => page.getByRole('heading', { name: vi.loginTitle }).isVisible()).toBe(true);
    expect(await page.getByText(vi.sessionExpired).isVisible()).toBe(true);

    // Five wrong passwords, then the server asks to wait (429 + Retry-After): the page says for how long.
    await page.getByLabel(vi.email).fill('nobody@hotline389.test');
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await page.getByLabel(vi.password).fill(`wrong password ${attempt}`);
      await expect.poll(() => page.getByRole('button', { name: vi.loginButton }).isEnabled()).toBe(true);
      // Wait for the server's answer itself: the alert of the previous attempt may still be on screen.
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/v1/auth/login')),
        page.getByRole('button', { name: vi.loginButton }).click(),
      ]);
      if (answer.status() === 429) break;
      expect(answer.status()).toBe(401);
    }
    await expect.poll(() => page.getByText(/Thử lại sau \d+ giây/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: vi.loginButton }).isDisabled()).toBe(true);
  });
});
