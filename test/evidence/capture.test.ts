import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ReportSchema } from '../../contract/index';
import { checkSignedManifest, fromBase64, utf8 } from '../../contract/evidence';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { browserNameFrom, CAPTURE_INTERVAL_MS, createEvidenceCapturer, replaceAddress, type CaptureBrowser } from '../../utils/evidence/capture';
import { createReporterKeyStore } from '../../utils/evidence/keys';
import type { StitchPlan } from '../../utils/evidence/stitch';
import { createBackgroundHandlers } from '../../utils/background/handlers';
import type { RiskService } from '../../utils/background/risk-service';
import type { Outbox } from '../../utils/outbox/outbox';
import type { EvidencePrepared, EvidenceTabRequest } from '../../utils/messaging/protocol';

vi.mock('wxt/browser', () => ({ browser: { runtime: { getManifest: () => ({ version: '9.9.9' }), getURL: (path: string) => `chrome-extension://own${path}` } } }));

const listing = ReportSchema.parse(EXAMPLE_REPORT).listing;
/** A PNG's signature and IHDR (1280×600) and a little more: what the capture reads of a tile's size. */
function pngHead(width: number, height: number): string {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return String.fromCharCode(...bytes);
}
const PNG_DATA_URL = `data:image/png;base64,${btoa(pngHead(1280, 600))}`;
const tab = { id: 7, windowId: 1, url: `${listing.url}?utm_source=x` };

function fakeBrowser({ screenshots = true, mhtml = false, shown = true, pageHeight = 1800, stitch = true, maskLostAfter = Infinity } = {}) {
  const sent: EvidenceTabRequest[] = [];
  const stitched: { tiles: number; plan: StitchPlan; afterRestore: boolean }[] = [];
  let clock = 0;
  const captures: number[] = [];
  const browser: CaptureBrowser = {
    async sendToTab(_tabId, request) {
      sent.push(request);
      if (request.evidence === 'prepare') {
        const prepared: EvidencePrepared = {
          masked: 2,
          maskedRects: [],
          viewport: { width: 1280, height: 600 },
          devicePixelRatio: 1,
          scroll: { x: 0, y: 0 },
          pageHeight,
          responses: [{ url: 'https://shopee.vn/api/v4/pdp/get_pc?item_id=1', body: { data: { item: { title: 'x' } }, buyer: { name: 'Buyersecret' }, email: 'b@x.vn' } }],
          ...(request.snapshot && { snapshot: '<!DOCTYPE html><html><body><h1>Listing</h1></body></html>' }),
        };
        return prepared;
      }
      if (request.evidence === 'scroll') {
        const scrolls = sent.filter((r) => r.evidence === 'scroll').length;
        return { y: Math.min(request.y, pageHeight - 600), height: pageHeight, active: scrolls <= maskLostAfter };
      }
      return { ok: true };
    },
    isShown: async () => shown,
    async captureVisibleTab() {
      if (!screenshots) throw new Error('Either the <all_urls> or activeTab permission is required.');
      captures.push(clock);
      return PNG_DATA_URL;
    },
    saveAsMhtml: async () => (mhtml ? utf8(`Snapshot-Content-Location: ${tab.url}\r\n\r\n<html></html>`) : undefined),
    canSaveMhtml: async () => mhtml,
  };
  const capturer = createEvidenceCapturer({
    browser,
    keys: createReporterKeyStore(`capture-${crypto.randomUUID()}`),
    extension: { name: 'hotline389-extension', version: '9.9.9' },
    browserName: () => 'Chromium 156',
    clock: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    ...(stitch && {
      stitch: async (tiles: readonly Uint8Array[], plan: StitchPlan) => {
        stitched.push({ tiles: tiles.length, plan, afterRestore: sent.at(-1)?.evidence === 'restore' });
        return utf8('stitched png');
      },
    }),
  });
  return { capturer, sent, captures, stitched };
}

describe('evidence capture', () => {
  it('volunteer without a screenshot grant: DOM snapshot, listing, sanitised responses and readme, signed; the page is restored', async () => {
    const { capturer, sent } = fakeBrowser({ screenshots: false });
    const evidence = await capturer.capture({ tab, listing, role: 'volunteer' });
    expect(evidence.manifest.files.map((file) => file.name)).toEqual(['page.html', 'listing.json', 'responses.json', 'readme.txt']);
    expect(evidence.manifest.capture).toMatchObject({ browser: 'Chromium 156', methods: ['domSnapshot', 'observedResponses'], masked: 2, viewport: { width: 1280, height: 600 } });
    expect(evidence.manifest.url).toBe(listing.url);
    const responses = new TextDecoder().decode(evidence.files.find((file) => file.name === 'responses.json')!.bytes);
    expect(responses).toContain('"title": "x"');
    expect(responses).not.toContain('Buyersecret');
    expect(responses).not.toContain('b@x.vn');
    expect(sent.map((request) => request.evidence)).toEqual(['prepare', 'restore']);
    expect((await checkSignedManifest(evidence.claim.manifest, fromBase64(evidence.claim.signature))).ok).toBe(true);
  });

  it('with the grant and pageCapture: screenshot and MHTML under the canonical address', async () => {
    const { capturer } = fakeBrowser({ mhtml: true });
    const evidence = await capturer.capture({ tab, listing, role: 'volunteer' });
    expect(evidence.manifest.files.map((file) => file.name)).toEqual(['screenshot.png', 'page.mhtml', 'listing.json', 'responses.json', 'readme.txt']);
    expect(evidence.manifest.capture.methods).toEqual(['captureVisibleTab', 'pageCapture', 'observedResponses']);
    const mhtml = new TextDecoder().decode(evidence.files.find((file) => file.name === 'page.mhtml')!.bytes);
    expect(mhtml).toContain(`Snapshot-Content-Location: ${listing.url}\r\n`);
    expect(mhtml).not.toContain('utm_source');
  });

  it('never captures another tab than the reporting one', async () => {
    const { capturer, captures } = fakeBrowser({ shown: false });
    const evidence = await capturer.capture({ tab, listing, role: 'inspector' });
    expect(captures).toEqual([]);
    expect(evidence.manifest.files.some((file) => file.role === 'screenshot' || file.role === 'fullpage')).toBe(false);
  });

  it('inspector: the full page scrolled within two captures a second, stitched into one fullpage.png once the page is back', async () => {
    const { capturer, captures, sent, stitched } = fakeBrowser({ pageHeight: 1564 });
    const evidence = await capturer.capture({ tab, listing, role: 'inspector' });
    expect(evidence.manifest.files.filter((file) => file.role === 'fullpage').map((file) => file.name)).toEqual(['fullpage.png']);
    expect(new TextDecoder().decode(evidence.files.find((file) => file.name === 'fullpage.png')!.bytes)).toBe('stitched png');
    expect(evidence.manifest.capture.methods).toEqual(['captureVisibleTab', 'domSnapshot', 'fullPage', 'observedResponses']);
    for (let i = 1; i < captures.length; i++) expect(captures[i]! - captures[i - 1]!).toBeGreaterThanOrEqual(CAPTURE_INTERVAL_MS);
    // the first tile as the page is, the next ones with fixed and sticky elements out of the way
    expect(sent.filter((request) => request.evidence === 'scroll')).toEqual([{ evidence: 'scroll', y: 0 }, { evidence: 'scroll', y: 600, hideFixed: true }, { evidence: 'scroll', y: 1200, hideFixed: true }]);
    expect(sent.at(-1)?.evidence).toBe('restore');
    // the tiles at the offsets the page answered (the last one clamped to 1564 - 600), stitched after the restore
    expect(stitched).toEqual([
      {
        tiles: 3,
        afterRestore: true,
        plan: { width: 1280, height: 1564, cut: false, draws: [{ tile: 0, sy: 0, dy: 0, height: 600 }, { tile: 1, sy: 0, dy: 600, height: 600 }, { tile: 2, sy: 236, dy: 1200, height: 364 }] },
      },
    ]);
  });

  it('inspector, where the browser cannot stitch (no OffscreenCanvas): the tiles fullpage-01.png… as they are', async () => {
    const { capturer } = fakeBrowser({ pageHeight: 1800, stitch: false });
    const evidence = await capturer.capture({ tab, listing, role: 'inspector' });
    expect(evidence.manifest.files.filter((file) => file.role === 'fullpage').map((file) => file.name)).toEqual(['fullpage-01.png', 'fullpage-02.png', 'fullpage-03.png']);
    expect(evidence.manifest.capture.methods).toEqual(expect.arrayContaining(['fullPage', 'fullPageTiles']));
    expect(evidence.manifest.capture.methods).not.toContain('fullPageCut');
  });

  it('inspector, a page longer than eight viewports: eight tiles, and the manifest says the picture was cut', async () => {
    const { capturer, captures, stitched } = fakeBrowser({ pageHeight: 20_000 });
    const evidence = await capturer.capture({ tab, listing, role: 'inspector' });
    expect(captures).toHaveLength(1 + 8);
    expect(stitched[0]!.plan).toMatchObject({ height: 8 * 600, cut: true });
    expect(evidence.manifest.capture.methods).toEqual(expect.arrayContaining(['fullPage', 'fullPageCut']));
  });

  it('inspector: stops capturing when the page says it is no longer masked (its safety restore)', async () => {
    const { capturer, captures, stitched } = fakeBrowser({ pageHeight: 3000, maskLostAfter: 2 });
    const evidence = await capturer.capture({ tab, listing, role: 'inspector' });
    expect(captures).toHaveLength(1 + 2);
    expect(stitched[0]!.tiles).toBe(2);
    expect(evidence.manifest.capture.methods).toEqual(expect.arrayContaining(['fullPage', 'fullPageCut']));
  });

  it('without a content script answering: the listing alone, still signed', async () => {
    const broken = createEvidenceCapturer({
      browser: { sendToTab: async () => Promise.reject(new Error('no receiver')), isShown: async () => true, captureVisibleTab: async () => PNG_DATA_URL, saveAsMhtml: async () => undefined, canSaveMhtml: async () => false },
      keys: createReporterKeyStore(`capture-${crypto.randomUUID()}`),
      extension: { name: 'hotline389-extension', version: '9.9.9' },
      browserName: () => 'Chromium 156',
    });
    const evidence = await broken.capture({ tab, listing, role: 'volunteer' });
    expect(evidence.manifest.files.map((file) => file.name)).toEqual(['listing.json', 'readme.txt']);
    expect(evidence.manifest.capture.masked).toBe(0);
  });
});

describe('small parts', () => {
  it('names the browser by name and major version only', () => {
    expect(browserNameFrom({ userAgentData: { brands: [{ brand: 'Not)A;Brand', version: '8' }, { brand: 'Chromium', version: '156.0.1.2' }] } })).toBe('Chromium 156');
    expect(browserNameFrom({ userAgentData: { brands: [{ brand: 'Chromium', version: '156' }, { brand: 'Google Chrome', version: '156' }] } })).toBe('Google Chrome 156');
    expect(browserNameFrom({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' })).toBe('Firefox 128');
  });

  it('replaces the tab address in MHTML bytes and leaves other bytes alone', () => {
    const bytes = new Uint8Array([...utf8('Content-Location: https://a.vn/x?t=1\r\n'), 0xff, 0x00]);
    const out = replaceAddress(bytes, 'https://a.vn/x?t=1', 'https://a.vn/x');
    expect(new TextDecoder('latin1').decode(out.subarray(0, out.length - 2))).toBe('Content-Location: https://a.vn/x\r\n');
    expect([...out.subarray(-2)]).toEqual([0xff, 0x00]);
  });
});

describe('submitReport with evidence', () => {
  it('captures from the sender tab and hands the report with its claim and the files to the outbox', async () => {
    const submitted: { report: unknown; evidence: unknown }[] = [];
    const outbox = {
      submit: async (report: unknown, evidence: unknown) => {
        submitted.push({ report, evidence });
        return { id: 'e1', state: 'sent', receipt: { reportId: 'r', trackingCode: 'AAAA-BBBB-CCCC', receivedAt: new Date().toISOString() } };
      },
    } as unknown as Outbox;
    const { capturer } = fakeBrowser({ screenshots: false });
    const handlers = createBackgroundHandlers({
      outbox,
      risk: { assessListing: async () => undefined } as unknown as RiskService,
      reporterSettings: async () => ({ reporterRole: 'volunteer', trainingMode: false }),
      evidence: { capturer, read: async () => undefined, access: async () => ({ screenshots: false, mhtml: false }) },
    });
    const response = await handlers.submitReport({ listing, category: 'counterfeit' }, { id: 'own', tab: { ...tab, index: 0, highlighted: true, active: true, pinned: false, incognito: false } } as never);
    expect(response.ok).toBe(true);
    const [{ report, evidence }] = submitted as [{ report: { evidence?: { manifest: string } }; evidence: { claim: { manifest: string } } }];
    expect(report.evidence?.manifest).toBe(evidence.claim.manifest);
    // no tab (an extension page): no capture, the report goes as before
    submitted.length = 0;
    await handlers.submitReport({ listing, category: 'counterfeit' }, { id: 'own' });
    expect(submitted[0]!.evidence).toBeUndefined();
    await expect(handlers.exportEvidence({ entryId: 'e1' }, { id: 'own', url: 'https://shopee.vn/' })).rejects.toThrow(/extension pages/);
  });
});
