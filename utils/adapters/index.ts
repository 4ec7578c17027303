// Public API of the marketplace adapters (see types.ts for the interface and its refinements).
// Pure functions of (Document, URL, observed responses); no zod at runtime, relative imports only.
import { createCardTracker } from './card-tracker';
import { genericAdapter, pickAdapter } from './registry';
import type { Listing, PageContext, PageKind, SearchCard, SiteAdapter } from './types';

export type { CardTracker } from './card-tracker';
export type { Listing, ObservedResponse, PageContext, PageKind, SearchCard, SiteAdapter, UrlFacts } from './types';
export { createCardTracker } from './card-tracker';
export { canonicalUrl, TRACKING_PARAMS } from './canonical-url';
export { ALL_ADAPTERS, SITE_ADAPTERS, adapterById, genericAdapter, isValidMatchPattern, matchesPattern, pickAdapter } from './registry';
export { defineAdapter, isDefinedAdapter } from './define-adapter';
export { sanitizeObservedResponse } from './sanitize';

export type PageResult =
  | { kind: 'listing'; adapter: SiteAdapter; listing: Listing }
  | { kind: 'search'; adapter: SiteAdapter; cards: SearchCard[] }
  | { kind: 'none'; adapter?: SiteAdapter; reason: 'unknown-site' | 'no-listing' };

/**
 * One-shot analysis (CLI, tests, batch capture): the site adapter for the URL, or the generic one
 * when `allowGeneric` and the page carries schema.org/OpenGraph product data.
 */
export function analyzePage(ctx: PageContext, options: { allowGeneric?: boolean } = {}): PageResult {
  const site = pickAdapter(ctx.url);
  const adapter = site ?? (options.allowGeneric ? genericAdapter : undefined);
  if (!adapter) return { kind: 'none', reason: 'unknown-site' };
  const kind: PageKind = adapter.detect(ctx);
  if (kind === 'listing') {
    const listing = adapter.extract(ctx);
    if (listing) return { kind: 'listing', adapter, listing };
  } else if (kind === 'search') {
    // the cards rendered in the page, then those only the observed API responses list (no element)
    const cards = createCardTracker(adapter, ctx).scan(ctx.document);
    const keys = new Set(cards.map((c) => c.key));
    for (const card of adapter.cardsFromResponses?.(ctx) ?? []) if (!keys.has(card.key)) cards.push(card);
    if (cards.length) return { kind: 'search', adapter, cards };
  }
  return site ? { kind: 'none', adapter, reason: 'no-listing' } : { kind: 'none', reason: 'unknown-site' };
}
