// Incremental search-card tracking for infinite scroll: the content script calls scan(document)
// once, then scan(addedSubtree) for each MutationObserver addition. Only cards not seen before are
// returned, so each scroll step costs O(new cards), never a rescan of the whole document.
//
// A card is "seen" by element (WeakSet) and by listingKey. A known key shows up again only when its
// earlier element has left the document (virtualised grids re-render items into new elements, and
// the new element needs its badge). Create a new tracker after SPA navigation.
import type { PageContext, SearchCard, SiteAdapter } from './types';

export interface CardTracker {
  scan(root: ParentNode): SearchCard[];
  /** number of distinct listing keys seen */
  readonly size: number;
}

export function createCardTracker(adapter: Pick<SiteAdapter, 'findCards'>, ctx: PageContext): CardTracker {
  const seenElements = new WeakSet<Element>();
  const byKey = new Map<string, Element | null>();
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
        const prev = byKey.get(card.key);
        if (prev !== undefined && (prev === null || prev.isConnected || !el)) {
          if (el) seenElements.add(el);
          continue;
        }
        if (el) seenElements.add(el);
        byKey.set(card.key, el);
        fresh.push(card);
      }
      return fresh;
    },
    get size() {
      return byKey.size;
    },
  };
}
