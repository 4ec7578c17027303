// Inspector mode (issue 10): the selected search cards reported in one batch, each listing with its own evidence,
// and the shop-level report. The page is captured once (buyer masked, one screenshot when the grant allows), then
// every card gets its own signed bundle: listing.json, card.html (the card's own DOM), responses.json (the observed
// API response entries for that card) and the shared screenshot, hashed per bundle.
import { ListingSchema, shopListingKey, utf8, type Listing } from '../../contract/index';
import type { ObservedResponse } from '../adapters/types';
import type { PageCapture, CaptureTab, EvidenceCapturer } from '../evidence/capture';
import type { EvidenceFileInput } from '../evidence/manifest';
import type { CapturedEvidence } from '../evidence/types';
import type { BatchCard, BatchCardResult, ReportShopRequest, SubmitBatchRequest, SubmitBatchResponse, SubmitReportResponse } from '../messaging/protocol';
import type { Outbox } from '../outbox/outbox';
import type { Settings } from '../settings';
import { assessSafely, buildReport, queueReport, type QueueHooks } from './report-builder';
import type { RiskService } from './risk-service';

/** Cards assessed, signed and queued at once; the outbox sends each as it is queued. */
export const BATCH_CONCURRENCY = 4;
/** How long a batch waits for the page capture before its reports go with their card's own files only. */
export const PAGE_CAPTURE_TIMEOUT_MS = 8_000;
const MAX_ENTRIES_PER_RESPONSE = 5;
const MAX_WALK_DEPTH = 12;

export interface BatchDeps {
  outbox: Pick<Outbox, 'submit'>;
  risk: Pick<RiskService, 'assessListing'>;
  reporterSettings: () => Promise<Pick<Settings, 'reporterRole' | 'trainingMode'>>;
  evidence?: {
    capturer: Partial<Pick<EvidenceCapturer, 'capturePage' | 'sign'>>;
    enabled?(): Promise<boolean>;
  };
  client: { name: string; version: string };
  hooks?: QueueHooks;
  clock?: () => number;
}

/**
 * The entries of the observed responses that describe one item: the outermost objects holding a property whose value
 * is the item id (Shopee's `items[i].item_basic` with `itemid`, Lazada's `listItems[i]` with `itemId`…).
 */
export function responseEntriesFor(responses: readonly ObservedResponse[], itemId: string): { url: string; entries: unknown[] }[] {
  const out: { url: string; entries: unknown[] }[] = [];
  for (const response of responses) {
    const entries: unknown[] = [];
    const walk = (node: unknown, depth: number) => {
      if (entries.length >= MAX_ENTRIES_PER_RESPONSE || depth > MAX_WALK_DEPTH || !node || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        for (const child of node) walk(child, depth + 1);
        return;
      }
      const values = Object.values(node as Record<string, unknown>);
      if (values.some((value) => (typeof value === 'string' || typeof value === 'number') && String(value) === itemId)) {
        entries.push(node);
        return;
      }
      for (const value of values) walk(value, depth + 1);
    };
    walk(response.body, 0);
    if (entries.length) out.push({ url: response.url, entries });
  }
  return out;
}

/** A contract Listing from a search card: facts the card's DOM shows are `dom`, the rest came from the page's API. */
export function listingFromCard(site: string, card: BatchCard, fromResponses: boolean): Listing {
  const shown = (value: string | number | undefined) => value !== undefined && !!card.html && card.html.includes(typeof value === 'number' ? String(value) : escapeHtmlText(value));
  const source = (value: string | number | undefined) => ({ source: !shown(value) && fromResponses ? ('api_response' as const) : ('dom' as const) });
  return ListingSchema.parse({
    site,
    listingKey: card.key,
    url: card.url,
    itemId: card.itemId,
    ...(card.shopId && { shopId: card.shopId, seller: { id: card.shopId } }),
    ...(card.title !== undefined && { title: card.title }),
    ...(card.price !== undefined && { price: card.price, currency: 'VND' }),
    images: card.image ? [card.image] : [],
    provenance: {
      itemId: { source: 'url' },
      ...(card.shopId && { shopId: { source: 'url' } }),
      ...(card.title !== undefined && { title: { ...source(card.title), detail: 'search card' } }),
      ...(card.price !== undefined && { price: { ...source(card.price), detail: 'search card' } }),
      ...(card.image && { images: { source: 'dom', detail: 'search card' } }),
    },
  });
}

function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function pool<T, R>(items: readonly T[], concurrency: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await run(items[index]!, index);
      }
    }),
  );
  return results;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([promise.catch(() => undefined), new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]).finally(() => clearTimeout(timer));
}

export function createBatchHandlers({ outbox, risk, reporterSettings, evidence, client, hooks = {}, clock = () => Date.now() }: BatchDeps) {
  async function reporter(): Promise<Pick<Settings, 'reporterRole' | 'trainingMode'>> {
    const settings = await reporterSettings();
    // Volunteers report one listing at a time from its page; batches are inspectors' and trainers' tools.
    if (settings.reporterRole === 'volunteer') throw new Error('batch and shop reports are for inspectors and trainers');
    return settings;
  }

  async function pageCapture(tab: CaptureTab | undefined): Promise<PageCapture | undefined> {
    if (!tab || !evidence?.capturer.capturePage || !evidence.capturer.sign) return undefined;
    if (evidence.enabled && !(await evidence.enabled().catch(() => true))) return undefined;
    return withTimeout(evidence.capturer.capturePage(tab), PAGE_CAPTURE_TIMEOUT_MS);
  }

  async function sign(listing: Listing, page: PageCapture | undefined, files: EvidenceFileInput[], methods: string[]): Promise<CapturedEvidence | undefined> {
    if (!page || !evidence?.capturer.sign) return undefined;
    const all: EvidenceFileInput[] = [];
    if (page.screenshot) all.push({ name: 'screenshot.png', role: 'screenshot', mediaType: 'image/png', bytes: page.screenshot });
    all.push(...files, { name: 'listing.json', role: 'listing', mediaType: 'application/json', bytes: utf8(`${JSON.stringify(listing, null, 2)}\n`) });
    try {
      return await evidence.capturer.sign(
        {
          listingKey: listing.listingKey,
          url: listing.url,
          capturedAt: page.capturedAt,
          capture: { methods: [...(page.screenshot ? ['captureVisibleTab'] : []), ...methods], masked: page.masked, ...(page.viewport && { viewport: page.viewport }) },
        },
        all,
      );
    } catch (error) {
      console.warn('[hotline389] batch evidence could not be signed', error);
      return undefined;
    }
  }

  const tabOf = (sender: { tab?: { id?: number; windowId?: number; url?: string } }): CaptureTab | undefined => {
    const tab = sender.tab;
    return tab?.id !== undefined && tab.windowId !== undefined && /^https?:/.test(tab.url ?? '') ? { id: tab.id, windowId: tab.windowId, url: tab.url } : undefined;
  };

  return {
    async submitBatch({ site, cards, note }: SubmitBatchRequest, sender: { tab?: { id?: number; windowId?: number; url?: string } }): Promise<SubmitBatchResponse> {
      const started = clock();
      const settings = await reporter();
      // The page as the inspector sees it, once for the whole batch, while nothing else has changed yet.
      const page = await pageCapture(tabOf(sender));
      const capturedAt = page?.capturedAt ?? new Date().toISOString();
      const unique = [...new Map(cards.map((card) => [card.key, card])).values()];
      const results = await pool(unique, BATCH_CONCURRENCY, async (card): Promise<BatchCardResult> => {
        try {
          if (!card.key.startsWith(`${site}:`)) throw new Error('the card is not from this site');
          const entries = page ? responseEntriesFor(page.responses, card.itemId) : [];
          const listing = listingFromCard(site, card, entries.length > 0);
          // the background's own assessment, never the page's
          const assessment = await assessSafely(risk, listing);
          const files: EvidenceFileInput[] = [];
          const methods: string[] = [];
          if (card.html) {
            files.push({ name: 'card.html', role: 'archive', mediaType: 'text/html', bytes: utf8(card.html) });
            methods.push('cardSnapshot');
          }
          if (entries.length) {
            files.push({ name: 'responses.json', role: 'responses', mediaType: 'application/json', bytes: utf8(`${JSON.stringify(entries, null, 2)}\n`) });
            methods.push('observedResponses');
          }
          const report = buildReport({ listing, category: card.category, note: note || undefined, assessment, capturedAt }, settings, client);
          const captured = await sign(listing, page, files, methods);
          const answer = await queueReport(outbox, hooks, report, captured);
          return answer.ok ? { key: card.key, ok: true, trackingCode: answer.receipt.trackingCode, entryId: answer.entryId } : { key: card.key, ...answer };
        } catch (error) {
          return { key: card.key, ok: false, error: { code: 'internal', message: String(error) } };
        }
      });
      return { results, elapsedMs: clock() - started };
    },

    async reportShop({ site, shop, listingKeys, category, note }: ReportShopRequest, sender: { tab?: { id?: number; windowId?: number; url?: string } }): Promise<SubmitReportResponse> {
      const settings = await reporter();
      const page = await pageCapture(tabOf(sender));
      const listing = ListingSchema.parse({
        site,
        listingKey: shopListingKey(site, shop.shopId),
        url: shop.url,
        shopId: shop.shopId,
        ...(shop.name && { title: shop.name }),
        seller: { id: shop.shopId, ...(shop.name && { name: shop.name }), url: shop.url },
        images: [],
        provenance: { shopId: { source: 'dom', detail: 'search cards' }, ...(shop.name && { seller: { source: 'dom' } }) },
      });
      const assessment = await assessSafely(risk, listing);
      const keys = [...new Set(listingKeys)];
      const report = buildReport(
        {
          listing,
          category,
          note: note || undefined,
          assessment,
          capturedAt: page?.capturedAt ?? new Date().toISOString(),
          shop: { subject: 'shop', shop: { shopId: shop.shopId, ...(shop.name && { name: shop.name }), url: shop.url, listingKeys: keys } },
        },
        settings,
        client,
      );
      const files: EvidenceFileInput[] = [];
      const methods: string[] = [];
      if (page?.responses.length) {
        files.push({ name: 'responses.json', role: 'responses', mediaType: 'application/json', bytes: utf8(`${JSON.stringify(page.responses, null, 2)}\n`) });
        methods.push('observedResponses');
      }
      return queueReport(outbox, hooks, report, await sign(listing, page, files, methods));
    },
  };
}
