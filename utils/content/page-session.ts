import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Listing } from '../../contract/listing';
import { createCardTracker, pickAdapter, sanitizeObservedResponse } from '../adapters/index';
import type { ObservedResponse, PageContext, SearchCard, SiteAdapter } from '../adapters/types';
import { createObservedBuffer } from './observed-buffer';
import { OBSERVER_REPLAY_REQUEST } from './response-observer';

export interface PageSessionView {
  showListing(listing: Listing | undefined): void;
  showCards(cards: SearchCard[], reset: boolean): void;
}

const SETTLE_MS = 250;

/**
 * Follows one tab's page: picks the adapter for the current URL, extracts the listing (again after SPA
 * navigation, late rendering or a new observed API response) and tracks search cards incrementally.
 */
export function startPageSession(ctx: ContentScriptContext, view: PageSessionView, resolveAdapter: (url: URL) => SiteAdapter | undefined = pickAdapter) {
  let adapter: SiteAdapter | undefined;
  let href = '';
  let tracker: ReturnType<typeof createCardTracker> | undefined;
  let pending: number | undefined;
  let joinedNewest: unknown; // the newest observed response the card tracker has joined

  const observed = createObservedBuffer(
    (url) => adapter?.observeResponse?.(url) ?? false,
    sanitizeObservedResponse,
  );
  const pageContext = (): PageContext => ({ url: new URL(location.href), document, responses: observed.responses });

  function refresh() {
    pending = undefined;
    const context = pageContext();
    const navigated = context.url.href !== href;
    if (navigated) {
      href = context.url.href;
      adapter = resolveAdapter(context.url);
      tracker = undefined;
      view.showListing(undefined); // never show the previous item's data on the new URL
      view.showCards([], true);
    }
    if (!adapter) return;
    const kind = adapter.detect(context);
    if (kind === 'listing') {
      view.showListing(adapter.extract(context));
    } else if (kind === 'search') {
      if (!tracker) {
        // One full scan when the results page appears; after that only added subtrees are scanned.
        tracker = createCardTracker(adapter, context);
        joinedNewest = undefined;
        const cards = tracker.scan(document);
        if (cards.length) view.showCards(cards, false);
      }
      // The page's search API responses list the cards' titles and prices, often after the cards were drawn.
      const newest = observed.responses.at(-1);
      if (newest !== joinedNewest) {
        joinedNewest = newest;
        const gained = tracker.join();
        if (gained.length) view.showCards(gained, false);
      }
    }
  }

  const schedule = () => {
    if (pending === undefined) pending = ctx.setTimeout(refresh, SETTLE_MS);
  };

  ctx.addEventListener(window, 'wxt:locationchange', () => refresh());
  ctx.addEventListener(window, 'popstate', () => refresh());
  ctx.addEventListener(window, 'message', (event) => {
    if (observed.receive(event, window)) schedule();
  });
  // Responses the page fetched before this script started listening (it runs at document_idle) come again.
  window.postMessage({ source: OBSERVER_REPLAY_REQUEST }, location.origin);

  // Client-rendered pages fill in after document_idle; infinite scroll appends cards.
  const mutations = new MutationObserver((records) => {
    if (tracker && adapter) {
      const added: SearchCard[] = [];
      for (const record of records) {
        for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) added.push(...tracker.scan(node as Element));
      }
      if (added.length) view.showCards(added, false);
    }
    schedule();
  });
  mutations.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => mutations.disconnect());

  refresh();
  return {
    refresh,
    /** the adapter reading the current page (evidence capture: its buyer-chrome selectors) */
    get adapterId(): string | undefined {
      return adapter?.id;
    },
    /** the page's API responses kept for the adapter, already without buyer data (evidence: responses.json) */
    get responses(): readonly ObservedResponse[] {
      return observed.responses;
    },
  };
}
