// Marketplace adapter interface. Adapters are pure functions of (Document, URL, observed responses):
// no extension APIs, no `window`, no network, so they run the same in the content script, in Node
// tests (happy-dom) and in scripts/extract.ts.
//
// Refinements over the interface sketched in the issue (all additive):
// - `SiteAdapter.order`: the documented conflict-resolution order of provenance sources for this
//   site (first wins, losers are kept in `provenance[field].alternatives`).
// - `SiteAdapter.parseUrl`: URL-only facts (ids, page kind hint); used by the registry test, the
//   card scanner and the CLI.
// - `SearchCard.key`: the card's listingKey, so badges and batch capture can join cards to reports.
// - Navigation: adapters hold no state. On pushState/popstate the content script calls `detect` and
//   `extract` again with the new URL and creates a new card tracker. Every adapter checks that
//   embedded data / observed responses / JSON-LD describe the item in the *current* URL and
//   ignores them otherwise, so data left over from the previous item is never shown.
import type { Listing, ProvenanceSource } from '../../contract/listing';

export type { Listing, ProvenanceSource };

export type PageKind = 'listing' | 'search' | 'none';

/** A page API response seen passively (never altered, never re-requested). */
export interface ObservedResponse {
  url: string;
  body: unknown;
}

export interface PageContext {
  url: URL;
  document: Document;
  responses: readonly ObservedResponse[];
}

export interface SearchCard {
  itemId: string;
  shopId?: string;
  title?: string;
  /** integer VND */
  price?: number;
  /** canonical item URL */
  url: string;
  /** listingKey the card would produce on its item page */
  key: string;
  /** the card's element, for in-page badges */
  element?: Element;
}

/** Facts from the URL alone. */
export interface UrlFacts {
  kind: PageKind;
  itemId?: string;
  shopId?: string;
}

/**
 * Which page API responses an adapter reads, declared as data so the main-world observer, the
 * manifest and the sanitizer derive from it (utils/adapters/observe-rules.ts).
 */
export interface ObserveSpec {
  /**
   * Match patterns of the URLs the API answers on, e.g. `https://shopee.vn/*` or, for APIs on
   * other subdomains of the site (fetched cross-origin by the page), `https://*.sendo.vn/*`.
   */
  origins: readonly string[];
  /** tested on `pathname + search` of the request URL; anchored with `^`, no `g`/`y` flags */
  path: RegExp;
  /** key paths (from the body's root) that carry the signed-in buyer's own data, stripped before anything keeps the body */
  buyerPaths?: readonly (readonly string[])[];
}

export interface SiteAdapter {
  /** stable id, also `Listing.site`: 'shopee.vn', 'generic', ... */
  id: string;
  name: string;
  /** WebExtension match patterns */
  matches: readonly string[];
  /**
   * Whether the listingKey carries the shop id (`site:shop:item`). When false the key is
   * `site:item`, because the URL does not carry a shop id and the item id is unique on the site.
   */
  keyIncludesShop: boolean;
  /** conflict-resolution order of sources, first wins */
  order: readonly ProvenanceSource[];
  parseUrl(url: URL): UrlFacts;
  /** which page API responses the extension captures for this site (declared; see ObserveSpec) */
  observe?: ObserveSpec;
  /** derived from `observe` by defineAdapter */
  observeResponse?(url: URL): boolean;
  /**
   * CSS selectors of the page furniture that shows the signed-in buyer (name, avatar, account menu, cart): blanked
   * in evidence screenshots and removed from page archives, so evidence never identifies the reporter.
   */
  buyerChrome?: readonly string[];
  detect(ctx: PageContext): PageKind;
  /** a Listing that satisfies ListingSchema, or undefined; never throws */
  extract(ctx: PageContext): Listing | undefined;
  /**
   * Cards under `root` (the document, then each added subtree); never throws. At most
   * MAX_CARDS_PER_SCAN (1000) per call; `seen` (passed by the card tracker) lets a later call skip
   * cards already returned, so a 50,000-card page is consumed in bounded steps.
   */
  findCards?(root: ParentNode, ctx: PageContext, seen?: (el: Element) => boolean): SearchCard[];
  /**
   * Cards the observed search/listing API responses list (no `element`); never throws, at most
   * MAX_CARDS_PER_SCAN. The card tracker joins them to the DOM cards by listingKey.
   */
  cardsFromResponses?(ctx: PageContext): SearchCard[];
}
