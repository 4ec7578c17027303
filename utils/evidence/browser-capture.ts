// The capture's browser calls, in the service worker (WebExtension API; pageCapture is Chrome's own).
import { browser } from 'wxt/browser';
import type { EvidenceAccess, EvidenceTabRequest } from '../messaging/protocol';
import { browserNameFrom, createEvidenceCapturer, type CaptureBrowser } from './capture';
import { createReporterKeyStore, type ReporterKeyStore } from './keys';
import { canStitch, stitchPng } from './stitch';

export { EVIDENCE_OPTIONAL_PERMISSIONS } from './permissions';

interface ChromePageCapture {
  saveAsMHTML(details: { tabId: number }): Promise<Blob | undefined>;
}

function pageCapture(): ChromePageCapture | undefined {
  return (globalThis as { chrome?: { pageCapture?: ChromePageCapture } }).chrome?.pageCapture;
}

export const chromeCaptureBrowser: CaptureBrowser = {
  async sendToTab(tabId: number, request: EvidenceTabRequest) {
    return browser.tabs.sendMessage(tabId, request, { frameId: 0 });
  },
  async isShown(tab) {
    const current = await browser.tabs.get(tab.id).catch(() => undefined);
    return !!current?.active && current.windowId === tab.windowId;
  },
  captureVisibleTab(windowId) {
    return browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  },
  async saveAsMhtml(tabId) {
    const api = pageCapture();
    if (!api) return undefined;
    // In the service worker blob.text() fails (NotFoundError); a Response reads it — but now and then that read fails
    // too ("Failed to fetch": the blob's backing file went early). A second capture has always read fine here.
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const blob = await api.saveAsMHTML({ tabId });
        return blob ? new Uint8Array(await new Response(blob).arrayBuffer()) : undefined;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  },
  async canSaveMhtml() {
    return !!pageCapture() && (await browser.permissions.contains({ permissions: ['pageCapture'] }));
  },
};

export async function evidenceAccess(): Promise<EvidenceAccess> {
  const [screenshots, mhtml] = await Promise.all([
    browser.permissions.contains({ origins: ['<all_urls>'] }).catch(() => false),
    chromeCaptureBrowser.canSaveMhtml().catch(() => false),
  ]);
  return { screenshots, mhtml };
}

export function createBrowserEvidenceCapturer(keys: ReporterKeyStore = createReporterKeyStore()) {
  const manifest = browser.runtime.getManifest();
  return createEvidenceCapturer({
    browser: chromeCaptureBrowser,
    keys,
    extension: { name: 'hotline389-extension', version: manifest.version },
    browserName: () => browserNameFrom(navigator as Navigator & { userAgentData?: { brands?: { brand: string; version: string }[] } }),
    // Chrome's service worker draws the full page as one PNG; without OffscreenCanvas the tiles go as they are
    ...(canStitch() && { stitch: stitchPng }),
  });
}
