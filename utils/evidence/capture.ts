// Background side of an evidence capture, for one report from one tab:
//   1. the tab masks the buyer's header and hides the extension's UI (and serialises its DOM when no MHTML is possible);
//   2. a screenshot of the visible listing (captureVisibleTab, PNG) when the extension may take one (<all_urls> granted,
//      or activeTab after the toolbar button, the keyboard command or the context menu) and the tab is the one shown;
//   3. the page archive: MHTML (pageCapture, where granted) or the DOM snapshot;
//   4. for inspectors, the full page: scrolled one viewport at a time (within Chrome's two captures a second, at most
//      MAX_FULLPAGE_VIEWPORTS), fixed and sticky elements out of the way after the first viewport;
//   5. the tab puts everything back; the tiles become one fullpage.png (stitch.ts; the tiles themselves where the
//      browser cannot draw), listing.json, responses.json and readme.txt are added; the manifest is signed.
// Every step is optional but the listing: a report never waits on, or fails because of, its evidence.
import { sanitizeObservedResponse } from '../adapters/sanitize';
import type { ObservedResponse } from '../adapters/types';
import { EVIDENCE_LIMITS, fromBase64, utf8, type EvidenceManifest } from '../../contract/evidence';
import type { Listing } from '../../contract/listing';
import type { Settings } from '../settings';
import type { EvidencePrepared, EvidenceTabRequest } from '../messaging/protocol';
import type { ReporterKeyStore } from './keys';
import { buildCapturedEvidence, type EvidenceFileInput, type ManifestFacts } from './manifest';
import { MAX_FULLPAGE_VIEWPORTS, maxStitchHeight, planStitch, pngSize, type Stitcher } from './stitch';
import type { CapturedEvidence } from './types';

export const MAX_FULLPAGE_TILES = MAX_FULLPAGE_VIEWPORTS;
/** Chrome allows two captureVisibleTab calls a second per extension; a little margin over 500 ms. */
export const CAPTURE_INTERVAL_MS = 520;

export interface CaptureTab {
  id: number;
  windowId: number;
  url?: string;
}

export interface CaptureBrowser {
  sendToTab(tabId: number, request: EvidenceTabRequest): Promise<unknown>;
  /** whether the tab is the one its window shows now (captureVisibleTab takes whatever is shown) */
  isShown(tab: CaptureTab): Promise<boolean>;
  /** PNG as a data: URL; throws without <all_urls> or an activeTab grant */
  captureVisibleTab(windowId: number): Promise<string>;
  /** MHTML bytes, or undefined without the pageCapture permission (or in a browser without it) */
  saveAsMhtml(tabId: number): Promise<Uint8Array | undefined>;
  canSaveMhtml(): Promise<boolean>;
}

export interface CaptureRequest {
  tab: CaptureTab;
  listing: Listing;
  role: Settings['reporterRole'];
}

/** What a batch's cards share: the search page as captured once. */
export interface PageCapture {
  capturedAt: string;
  screenshot?: Uint8Array;
  /** the page's observed API responses, buyer data removed */
  responses: ObservedResponse[];
  masked: number;
  viewport?: { width: number; height: number };
}

export interface CaptureDeps {
  browser: CaptureBrowser;
  keys: ReporterKeyStore;
  extension: { name: string; version: string };
  browserName: () => string;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
  /** draws the full-page tiles as one PNG; without it (no OffscreenCanvas) the tiles go as they are */
  stitch?: Stitcher;
}

/** One full-page tile: the PNG and the scroll offset (CSS px) the page answered for it. */
interface FullPageTile {
  bytes: Uint8Array;
  y: number;
}

interface FullPageTiles {
  tiles: FullPageTile[];
  viewportHeight: number;
  /** the page's scroll height, the latest the page answered (lazy pages grow while scrolled) */
  pageHeight: number;
}

function dataUrlBytes(dataUrl: string): Uint8Array {
  return fromBase64(dataUrl.slice(dataUrl.indexOf(',') + 1));
}

/**
 * MHTML names the page by its address in its headers; the tab's address may carry tracking parameters (a per-user
 * token, say). The canonical listing address replaces it wherever it appears verbatim (the MHTML headers are ASCII).
 */
export function replaceAddress(mhtml: Uint8Array, from: string, to: string): Uint8Array {
  if (!from || from === to) return mhtml;
  let text = '';
  for (let i = 0; i < mhtml.length; i += 0x8000) text += String.fromCharCode(...mhtml.subarray(i, i + 0x8000));
  if (!text.includes(from)) return mhtml;
  const replaced = text.split(from).join(to);
  const out = new Uint8Array(replaced.length);
  for (let i = 0; i < replaced.length; i++) out[i] = replaced.charCodeAt(i) & 0xff;
  return out;
}

/** "Chromium 156", "Google Chrome 156", "Firefox 128": name and major version only. */
export function browserNameFrom(navigatorLike: { userAgent?: string; userAgentData?: { brands?: { brand: string; version: string }[] } }): string {
  const brands = (navigatorLike.userAgentData?.brands ?? []).filter((brand) => !/not.?a.?brand/i.test(brand.brand));
  const preferred = brands.find((brand) => brand.brand !== 'Chromium') ?? brands[0];
  if (preferred) return `${preferred.brand} ${preferred.version.split('.')[0]}`.slice(0, 100);
  const ua = navigatorLike.userAgent ?? '';
  for (const [pattern, name] of [
    [/Firefox\/(\d+)/, 'Firefox'],
    [/Edg\/(\d+)/, 'Microsoft Edge'],
    [/Chrome\/(\d+)/, 'Chromium'],
  ] as const) {
    const match = pattern.exec(ua);
    if (match) return `${name} ${match[1]}`;
  }
  return 'unknown';
}

export function createEvidenceCapturer(deps: CaptureDeps) {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clock = deps.clock ?? (() => Date.now());
  let lastCaptureAt = -Infinity;
  /** one capture at a time: masks, scrolling and the capture rate are per browser */
  let queue: Promise<unknown> = Promise.resolve();

  async function screenshot(tab: CaptureTab): Promise<Uint8Array | undefined> {
    const wait = lastCaptureAt + CAPTURE_INTERVAL_MS - clock();
    if (wait > 0) await sleep(wait);
    if (!(await deps.browser.isShown(tab))) return undefined; // another tab is in front: never capture it
    try {
      lastCaptureAt = clock();
      const bytes = dataUrlBytes(await deps.browser.captureVisibleTab(tab.windowId));
      // the tab must still be the one shown once the capture returned
      return (await deps.browser.isShown(tab)) ? bytes : undefined;
    } catch {
      return undefined; // no <all_urls> and no activeTab grant: the report goes without a screenshot
    }
  }

  async function run({ tab, listing, role }: CaptureRequest): Promise<CapturedEvidence> {
    const started = now();
    const files: EvidenceFileInput[] = [];
    const methods: string[] = [];
    const keyPromise = deps.keys.get(); // the key loads while the page is captured
    const mhtmlAllowed = await deps.browser.canSaveMhtml().catch(() => false);
    let prepared: EvidencePrepared | undefined;
    let fullPageTiles: FullPageTiles | undefined;
    try {
      prepared = (await deps.browser.sendToTab(tab.id, { evidence: 'prepare', snapshot: !mhtmlAllowed })) as EvidencePrepared | undefined;
    } catch {
      prepared = undefined; // no content script answered: listing only
    }
    try {
      if (prepared) {
        const [shot, mhtml] = await Promise.all([
          screenshot(tab),
          mhtmlAllowed
            ? deps.browser.saveAsMhtml(tab.id).catch((error: unknown) => {
                console.warn('[hotline389] MHTML capture failed; the DOM snapshot stands in', error);
                return undefined;
              })
            : Promise.resolve(undefined),
        ]);
        if (shot) {
          files.push({ name: 'screenshot.png', role: 'screenshot', mediaType: 'image/png', bytes: shot });
          methods.push('captureVisibleTab');
        }
        if (mhtml) {
          files.push({ name: 'page.mhtml', role: 'archive', mediaType: 'multipart/related', bytes: tab.url ? replaceAddress(mhtml, tab.url, listing.url) : mhtml });
          methods.push('pageCapture');
        } else {
          const snapshot = prepared.snapshot ?? ((await deps.browser.sendToTab(tab.id, { evidence: 'snapshot' }).catch(() => undefined)) as { snapshot?: string } | undefined)?.snapshot;
          if (typeof snapshot === 'string') {
            files.push({ name: 'page.html', role: 'archive', mediaType: 'text/html', bytes: utf8(snapshot) });
            methods.push('domSnapshot');
          }
        }
        if (shot && role === 'inspector') fullPageTiles = await scrollAndCapture(tab, prepared);
      }
    } finally {
      if (prepared) await deps.browser.sendToTab(tab.id, { evidence: 'restore' }).catch(() => undefined);
    }
    // the page is back as the reporter left it; the tiles are drawn into one picture now
    if (fullPageTiles?.tiles.length) {
      const fullPage = await fullPageFiles(fullPageTiles);
      methods.push(...fullPage.methods);
      files.push(...fullPage.files);
    }

    files.push({ name: 'listing.json', role: 'listing', mediaType: 'application/json', bytes: utf8(`${JSON.stringify(listing, null, 2)}\n`) });
    const responses = (prepared?.responses ?? []).flatMap((response) => sanitizeObservedResponse(response) ?? []);
    if (responses.length) {
      files.push({ name: 'responses.json', role: 'responses', mediaType: 'application/json', bytes: utf8(`${JSON.stringify(responses, null, 2)}\n`) });
      methods.push('observedResponses');
    }
    const capture: EvidenceManifest['capture'] = {
      browser: deps.browserName(),
      extension: deps.extension,
      methods,
      masked: Math.min(prepared?.masked ?? 0, 10_000),
      ...(prepared && { viewport: { width: Math.round(prepared.viewport.width), height: Math.round(prepared.viewport.height) } }),
    };
    return buildCapturedEvidence({ listingKey: listing.listingKey, url: listing.url, capturedAt: started.toISOString(), capture }, files, await keyPromise);
  }

  /**
   * Scrolls the masked page one viewport at a time from the top and captures each (from the second on, the page hides
   * its fixed elements and un-sticks sticky ones, which would otherwise repeat on every tile). Stops at the page's
   * end, at MAX_FULLPAGE_VIEWPORTS or the stitched picture's height cap, or when the page's mask is gone.
   */
  async function scrollAndCapture(tab: CaptureTab, prepared: EvidencePrepared): Promise<FullPageTiles> {
    const step = Math.max(1, prepared.viewport.height);
    const dpr = prepared.devicePixelRatio > 0 ? prepared.devicePixelRatio : 1;
    const capCss = Math.min(MAX_FULLPAGE_VIEWPORTS * step, Math.floor(maxStitchHeight(prepared.viewport.width * dpr) / dpr));
    const count = Math.min(MAX_FULLPAGE_VIEWPORTS, Math.max(1, Math.ceil(Math.min(prepared.pageHeight, capCss) / step)));
    const tiles: FullPageTile[] = [];
    let pageHeight = prepared.pageHeight;
    let previousY = -1;
    for (let index = 0; index < count; index++) {
      const request: EvidenceTabRequest = { evidence: 'scroll', y: index * step, ...(index > 0 && { hideFixed: true }) };
      const answer = (await deps.browser.sendToTab(tab.id, request).catch(() => undefined)) as { y?: number; height?: number; active?: boolean } | undefined;
      // no answer, or the page put itself back (its safety restore): nothing more is captured unmasked
      if (typeof answer?.y !== 'number' || answer.active === false) break;
      if (answer.y === previousY) break; // the page ended earlier than it said
      previousY = answer.y;
      if (typeof answer.height === 'number' && answer.height > 0) pageHeight = answer.height;
      const shot = await screenshot(tab);
      if (!shot) break;
      tiles.push({ bytes: shot, y: answer.y });
    }
    return { tiles, viewportHeight: step, pageHeight };
  }

  /** fullpage.png (stitched), or the tiles fullpage-01.png… when they cannot be stitched here. */
  async function fullPageFiles({ tiles, viewportHeight, pageHeight }: FullPageTiles): Promise<{ files: EvidenceFileInput[]; methods: string[] }> {
    const last = tiles.at(-1)!;
    let cut = last.y + viewportHeight < pageHeight - 1; // the page went on below the last tile
    const size = pngSize(tiles[0]!.bytes);
    const sameSize = tiles.every((tile) => {
      const other = pngSize(tile.bytes);
      return other?.width === size?.width && other?.height === size?.height;
    });
    if (deps.stitch && size && sameSize) {
      const plan = planStitch({ tileWidth: size.width, tileHeight: size.height, viewportHeight, offsets: tiles.map((tile) => tile.y), pageHeight });
      const stitched = await deps.stitch(tiles.map((tile) => tile.bytes), plan).catch((error: unknown) => {
        console.warn('[hotline389] stitching the full page failed; the tiles go as they are', error);
        return undefined;
      });
      if (stitched && stitched.length <= EVIDENCE_LIMITS.fileBytes) {
        return {
          files: [{ name: 'fullpage.png', role: 'fullpage', mediaType: 'image/png', bytes: stitched }],
          methods: ['fullPage', ...(plan.cut || cut ? ['fullPageCut'] : [])],
        };
      }
      cut ||= plan.cut;
    }
    return {
      files: tiles.map((tile, index) => ({ name: `fullpage-${String(index + 1).padStart(2, '0')}.png`, role: 'fullpage' as const, mediaType: 'image/png' as const, bytes: tile.bytes })),
      methods: ['fullPage', 'fullPageTiles', ...(cut ? ['fullPageCut'] : [])],
    };
  }

  /** A search page, once for a batch: the buyer masked, one screenshot (when allowed), the observed responses. */
  async function runPage(tab: CaptureTab): Promise<PageCapture> {
    let prepared: EvidencePrepared | undefined;
    try {
      prepared = (await deps.browser.sendToTab(tab.id, { evidence: 'prepare', snapshot: false })) as EvidencePrepared | undefined;
    } catch {
      prepared = undefined;
    }
    let shot: Uint8Array | undefined;
    try {
      if (prepared) shot = await screenshot(tab);
    } finally {
      if (prepared) await deps.browser.sendToTab(tab.id, { evidence: 'restore' }).catch(() => undefined);
    }
    return {
      capturedAt: now().toISOString(),
      ...(shot && { screenshot: shot }),
      responses: (prepared?.responses ?? []).flatMap((response) => sanitizeObservedResponse(response) ?? []),
      masked: Math.min(prepared?.masked ?? 0, 10_000),
      ...(prepared && { viewport: { width: Math.round(prepared.viewport.width), height: Math.round(prepared.viewport.height) } }),
    };
  }

  return {
    /** Batch reports: the page's shared part of every card's evidence (one screenshot for all). */
    capturePage(tab: CaptureTab): Promise<PageCapture> {
      const result = queue.then(() => runPage(tab));
      queue = result.catch(() => undefined);
      return result;
    },
    /** Hashes and signs one bundle of files already made (a batch card's), with the manifest's capture facts. */
    async sign(facts: Omit<ManifestFacts, 'capture'> & { capture: Omit<EvidenceManifest['capture'], 'browser' | 'extension'> }, files: readonly EvidenceFileInput[]): Promise<CapturedEvidence> {
      return buildCapturedEvidence({ ...facts, capture: { browser: deps.browserName(), extension: deps.extension, ...facts.capture } }, files, await deps.keys.get());
    },
    /** Captures, masks, hashes and signs; rejects only when not even the listing could be signed. */
    capture(request: CaptureRequest): Promise<CapturedEvidence> {
      const result = queue.then(() => run(request));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

export type EvidenceCapturer = ReturnType<typeof createEvidenceCapturer>;
