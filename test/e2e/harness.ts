import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.resolve(here, '..', '..');
// E2E_EXTENSION_DIR: run the browser tests against another build (e.g. an older one, to see a new test fail).
export const EXTENSION_DIR = process.env.E2E_EXTENSION_DIR ? path.resolve(process.env.E2E_EXTENSION_DIR) : path.join(projectRoot, '.output', 'chrome-mv3-e2e');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to drive, or undefined. Under CI=true a missing browser is an error, never a silent skip. */
export function findChromium(): string | undefined {
  const found = CANDIDATES.find((candidate): candidate is string => !!candidate && existsSync(candidate));
  if (!found) {
    const message = `\n\n!!! No Chromium found (looked in ${CANDIDATES.filter(Boolean).join(', ')}). The browser tests did NOT run. Install Debian's chromium or set CHROMIUM_PATH. !!!\n`;
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(message);
  }
  return found;
}

export interface FixtureRoute {
  status?: number;
  contentType: string;
  body: string;
}

/** HTTPS server that answers for every marketplace host name the browser maps to it. */
export async function startFixtureSite(routes: (url: URL) => FixtureRoute | undefined): Promise<{ port: number; server: Server; requests: string[] }> {
  const [key, cert] = await Promise.all([readFile(path.join(here, 'tls', 'marketplace-test.key')), readFile(path.join(here, 'tls', 'marketplace-test.crt'))]);
  const requests: string[] = [];
  const server = createServer({ key, cert }, (request, response) => {
    const url = new URL(request.url ?? '/', `https://${request.headers.host ?? 'localhost'}`);
    requests.push(url.href);
    const route = routes(url);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(route.status ?? 200, { 'content-type': route.contentType }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server, requests };
}

export const MAPPED_HOSTS = ['shop.example', 'shopee.vn', 'tiki.vn', 'www.lazada.vn', 'www.sendo.vn', 'www.chotot.com', 'shop.tiktok.com', 'www.facebook.com'];

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/** `extraHosts`: more host names to serve from the fixture site (e.g. `npm run capture` of a saved page elsewhere). */
export async function launchWithExtension(executablePath: string, fixturePort: number, locale = 'vi-VN', extraHosts: readonly string[] = []): Promise<LaunchedBrowser> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`built extension missing at ${EXTENSION_DIR}: run \`wxt build --mode e2e\` (npm run test:e2e does)`);
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'hotline389-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    locale,
    ignoreHTTPSErrors: true,
    // Chromium on Linux takes its UI language (what i18n.getUILanguage answers) from the environment.
    env: { ...process.env, LANGUAGE: locale.replace('-', '_'), LANG: `${locale.replace('-', '_')}.UTF-8` },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${[...new Set([...MAPPED_HOSTS, ...extraHosts])].map((host) => `MAP ${host} 127.0.0.1:${fixturePort}`).join(',')}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${locale}`,
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
