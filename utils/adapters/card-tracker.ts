// Incremental search-card tracking for infinite scroll: the content script calls scan(document)
// once, then scan(addedSubtree) for each MutationObserver addition. Only cards not seen before are
// returned, so each scroll step costs O(new cards), never a rescan of the whole document.
//
// A card is "seen" by element (WeakSet) and by listingKey. A known key shows up again only when its
// earlier element has left the document (virtualised grids re-render items into new elements, and
// the new element needs its badge). Create a new tracker after SPA navigation.
//
// Search pages also list their cards in the API responses they fetch (adapter.cardsFromResponses).
// A response often arrives after its cards were rendered and scanned, so join() fills in what the
// DOM card lacked (title, price, shop) from the response and returns the cards that gained facts,
// with their element, for assessment and badges. DOM facts win over response facts.
import type { PageContext, SearchCard, SiteAdapter } from './types';

export interface CardTracker {
  scan(root: ParentNode): SearchCard[];
  /** DOM cards that gained facts from the observed responses since the last call */
  join(): SearchCard[];
  /** number of distinct listing keys seen */
  readonly size: number;
}

const JOINED_FIELDS = ['title', 'price', 'shopId'] as const;

/** The DOM card with the gaps filled from the response card; undefined when nothing was added. */
function fillGaps(dom: SearchCard, fromResponse: SearchCard): SearchCard | undefined {
  let merged: SearchCard | undefined;
  for (const field of JOINED_FIELDS) {
    if (dom[field] === undefined && fromResponse[field] !== undefined) {
      merged ??= { ...dom };
      (merged as unknown as Record<string, unknown>)[field] = fromResponse[field];
    }
  }
  return merged;
}

export function createCardTracker(adapter: Pick<SiteAdapter, 'findCards' | 'cardsFromResponses'>, ctx: PageContext): CardTracker {
  const seenElements = new WeakSet<Element>();
  const byKey = new Map<string, { element: Element | null; card: SearchCard }>();
  return {
    scan(root: ParentNode): SearchCard[] {
      if (!adapter.findCards || !root) return [];
      let cards: SearchCard[];
      try {
        cards = adapter.findCards(root, ctx, (el) => seenElements.has(el));
      } catch {
        return [];
      }
      const fresh: SearchCard[] = [];
      for (const card of cards) {
        const el = card.element ?? null;
        if (el && seenElements.has(el)) continue;
        const prev = byKey.get(card.key)?.element;
        if (prev !== undefined && (prev === null || prev.isConnected || !el)) {
          if (el) seenElements.add(el);
          continue;
        }
        if (el) seenElements.add(el);
        byKey.set(card.key, { element: el, card });
        fresh.push(card);
      }
      return fresh;
    },
    join(): SearchCard[] {
      if (!adapter.cardsFromResponses) return [];
      let listed: SearchCard[];
      try {
        listed = adapter.cardsFromResponses(ctx);
      } catch {
        return [];
      }
      const gained: SearchCard[] = [];
      for (const fromResponse of listed) {
        const known = byKey.get(fromResponse.key);
        if (!known?.element?.isConnected) continue;
        const merged = fillGaps(known.card, fromResponse);
        if (!merged) continue;
        known.card = merged;
        gained.push(merged);
      }
      return gained;
    },
    get size() {
      return byKey.size;
    },
  };
}
