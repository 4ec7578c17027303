// Meta-test in a real Chromium: for every adapter that declares `observe`, one of its own fixture
// cases is served under the real host names; the page (drawn without any embedded data) fetches or
// XHRs the API the case's response came from — cross-origin when the site's API lives on another
// subdomain — and the test asserts the adapter received it: the title the response carries (set to
// a phrase the rule pack flags) shows up as a risk badge on the page's card or listing. Nothing is
// listed by hand: adapters, pages, API URLs and hosts all come from the registry and the cases.
import { readFile, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_ADAPTERS } from '../../utils/adapters/index';
import { loadCases, SITE_DIRS, type FixtureCase } from '../adapters/helpers';
import { findChromium, launchWithExtension, MAPPED_HOSTS, projectRoot, type LaunchedBrowser } from './harness';

const chromiumPath = findChromium();
const FLAGGED_TITLE = 'Bóng cười N2O bình 8 lít giao nhanh 2h';
const TITLE_KEYS = new Set(['name', 'title', 'subject']);

interface Probe {
  adapterId: string;
  kind: 'listing' | 'search';
  pageUrl: URL;
  apiUrl: URL;
  body: unknown;
  /** card links the search page draws before its API answers */
  cardUrls: string[];
  transport: 'fetch' | 'xhr';
}

/** Every title-like string in the response becomes the flagged phrase, so reception is visible as a badge. */
function withFlaggedTitles(value: unknown, depth = 0): unknown {
  if (depth > 30 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => withFlaggedTitles(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, TITLE_KEYS.has(k) && typeof v === 'string' ? FLAGGED_TITLE : withFlaggedTitles(v, depth + 1)]),
  );
}

/** One case per observing adapter: a search case from responses alone, else a listing case with responses. */
function probes(): Probe[] {
  const out: Probe[] = [];
  for (const adapter of SITE_ADAPTERS.filter((a) => a.observe)) {
    const dir = SITE_DIRS.find((d) => loadCases(d).adapter === adapter.id)!;
    const cases = loadCases(dir).cases.filter((c: FixtureCase) => c.responses?.length);
    const chosen = cases.find((c) => c.expect.kind === 'search' && !c.html) ?? cases.find((c) => c.expect.kind === 'listing');
    if (!chosen) throw new Error(`${adapter.id} observes responses but has no case with responses`);
    const response = JSON.parse(readFileSync(path.join(projectRoot, 'test/fixtures', dir, chosen.responses![0]!), 'utf8')) as { url: string; body: unknown };
    // the cards the response lists, as the adapter reads them (their links are what the page draws)
    const listed = adapter.cardsFromResponses?.({ url: new URL(chosen.url), document: undefined as never, responses: [response] }) ?? [];
    out.push({
      adapterId: adapter.id,
      kind: chosen.expect.kind === 'search' ? 'search' : 'listing',
      pageUrl: new URL(chosen.url),
      apiUrl: new URL(response.url),
      body: withFlaggedTitles(response.body),
      cardUrls: listed.map((c) => c.url),
      transport: out.length % 2 ? 'xhr' : 'fetch',
    });
  }
  return out;
}

/** A page with no data of its own: it draws untitled card links (search) and then calls the API. */
function pageHtml(p: Probe): string {
  const links = p.cardUrls.map((u) => `<li><a href="${u}"></a></li>`).join('');
  const call =
    p.transport === 'fetch'
      ? `fetch(${JSON.stringify(p.apiUrl.href)}).then((r) => r.json()).then(() => { document.body.dataset.called = '1'; });`
      : `const x = new XMLHttpRequest(); x.open('GET', ${JSON.stringify(p.apiUrl.href)}); x.onload = () => { document.body.dataset.called = '1'; }; x.send();`;
  // The API is called while the page loads, as client-rendered pages do: its answer usually arrives before the
  // isolated content script (document_idle) listens, so the main-world observer must replay it.
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>e2e</title></head><body><ul>${links}</ul><script>${call}</script></body></html>`;
}

describe.skipIf(!chromiumPath)('every adapter that observes page API responses receives them in a real browser', () => {
  const all = probes();
  let server: Server;
  let browser: LaunchedBrowser;
  const served: string[] = [];

  beforeAll(async () => {
    const tls = path.join(projectRoot, 'test/e2e/tls');
    const [key, cert] = await Promise.all(['marketplace-test.key', 'marketplace-test.crt'].map((f) => promisify(readFile)(path.join(tls, f))));
    server = createServer({ key, cert }, (request, response) => {
      const url = new URL(request.url ?? '/', `https://${request.headers.host ?? 'localhost'}`);
      served.push(url.href);
      const page = all.find((p) => p.pageUrl.host === url.host && p.pageUrl.pathname === url.pathname);
      const api = all.find((p) => p.apiUrl.host === url.host && p.apiUrl.pathname === url.pathname);
      // the page's own origin may read a cross-origin API answer (as the marketplaces' APIs allow)
      const cors = { 'access-control-allow-origin': request.headers.origin ?? '*' };
      if (api && (!page || url.search === api.apiUrl.search)) response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...cors }).end(JSON.stringify(api.body));
      else if (page) response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(page));
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // The pages' and APIs' real host names resolve to this server (API subdomains included).
    for (const p of all) for (const host of [p.pageUrl.hostname, p.apiUrl.hostname]) if (!MAPPED_HOSTS.includes(host)) MAPPED_HOSTS.push(host);
    browser = await launchWithExtension(chromiumPath!, (server.address() as { port: number }).port);
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('has a probe for every observing adapter', () => {
    expect(all.map((p) => p.adapterId).sort()).toEqual(SITE_ADAPTERS.filter((a) => a.observe).map((a) => a.id).sort());
  });

  for (const p of probes()) {
    it(`${p.adapterId}: ${p.kind} page ${p.pageUrl.host} → ${p.transport} ${p.apiUrl.host}${p.apiUrl.pathname}`, async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(p.pageUrl.href);
        await expect.poll(() => page.evaluate(() => document.body.dataset['called'] ?? ''), { timeout: 15_000 }).toBe('1');
        if (p.kind === 'search') {
          expect(p.cardUrls.length).toBeGreaterThan(0);
          // untitled card links get the response's (flagged) titles: a badge per card
          await expect.poll(() => page.locator('hotline389-card-badge').count(), { timeout: 15_000 }).toBe(p.cardUrls.length);
        } else {
          await expect.poll(() => page.locator('.risk-badge').textContent(), { timeout: 15_000 }).toMatch(/dấu hiệu vi phạm/);
        }
      } finally {
        await page.close();
      }
    });
  }
});
