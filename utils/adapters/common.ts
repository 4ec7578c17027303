// Shared building blocks of the site adapters: listing keys, structured-data sources, card scanning.
import type { ProvenanceSource } from '../../contract/listing';
import { capText, LIMITS } from '../../contract/limits';
import { absoluteUrl, canonicalUrl, type CanonicalOptions } from './canonical-url';
import { attr, closest, qs, qsaSelf, textOf, walkElements } from './dom';
import { hasType, jsonLdBreadcrumb, jsonLdProducts, productFacts, readJsonLd } from './json-ld';
import { ListingBuilder, type Facts } from './listing-builder';
import { microdataProducts } from './microdata';
import { ogFacts, readOpenGraph } from './opengraph';
import { asArray, get, isObject, type JsonObject } from './safe-json';
import { cleanText, parsePrice } from './text';
import type { Listing, PageContext, SearchCard, SiteAdapter, UrlFacts } from './types';

/** Default resolution order: ids from the URL, then the richest machine-readable sources, DOM last. */
export const DEFAULT_ORDER: readonly ProvenanceSource[] = [
  'url', 'api_response', 'embedded_json', 'json_ld', 'microdata', 'opengraph', 'dom',
];

/** Max cards one scan returns (a hostile page can hold 50k); later scans pick up the rest. */
export const MAX_CARDS_PER_SCAN = 1_000;

export function listingKey(adapter: Pick<SiteAdapter, 'id' | 'keyIncludesShop'>, itemId: string, shopId?: string): string {
  return capText(adapter.keyIncludesShop ? `${adapter.id}:${shopId ?? ''}:${itemId}` : `${adapter.id}:${itemId}`, 400);
}

/** True when `other` is absent or names the same item as the URL (stale-data guard). */
export function sameItem(urlItemId: string | undefined, other: unknown): boolean {
  if (other === undefined || other === null || other === '') return true;
  return urlItemId === undefined || String(other) === urlItemId;
}

/**
 * Adds JSON-LD, microdata and OpenGraph facts. Structured data that names another item (its URL
 * parses to a different item id) is ignored: after client-side navigation the head can be stale.
 */
export function addStructured(
  b: ListingBuilder,
  ctx: PageContext,
  adapter: Pick<SiteAdapter, 'parseUrl'>,
  urlFacts: UrlFacts,
  opts: { titleSuffix?: RegExp; breadcrumbDropLast?: boolean; skipOg?: (keyof Facts)[] } = {},
): { jsonLdProduct?: JsonObject; stale: boolean } {
  let anyStale = false;
  const stale = (pageUrl: string | undefined): boolean => {
    if (!pageUrl || !urlFacts.itemId) return false;
    try {
      const other = adapter.parseUrl(new URL(pageUrl)).itemId;
      const isStale = other !== undefined && other !== urlFacts.itemId;
      anyStale ||= isStale;
      return isStale;
    } catch {
      return false;
    }
  };
  const ld = readJsonLd(ctx.document);
  const product = jsonLdProducts(ld)[0];
  if (product) {
    const f = productFacts(product, ctx.url, ld.byId);
    if (!stale(f.pageUrl)) b.add('json_ld', 'script[type="application/ld+json"] Product', f);
  }
  const md = microdataProducts(ctx.document)[0];
  if (md) {
    const f = productFacts(md, ctx.url);
    if (!stale(f.pageUrl)) b.add('microdata', '[itemscope][itemtype$="Product"]', f);
  }
  const og = ogFacts(readOpenGraph(ctx.document), ctx.url, opts.titleSuffix);
  for (const k of opts.skipOg ?? []) delete og[k];
  if (!stale(og.pageUrl)) b.add('opengraph', 'meta[property^="og:"]', og);
  const list = ld.nodes.find((n) => hasType(n, 'BreadcrumbList'));
  const last = asArray(list?.['itemListElement']).filter(isObject).at(-1);
  const lastUrl = last ? (typeof last['item'] === 'string' ? last['item'] : get(last, 'item', '@id')) : undefined;
  const crumbs = jsonLdBreadcrumb(ld, opts.breadcrumbDropLast ?? true);
  if (crumbs && !stale(typeof lastUrl === 'string' ? lastUrl : undefined) && !anyStale) {
    b.add('json_ld', 'BreadcrumbList', { categoryPath: crumbs });
  }
  // `stale`: the head describes another item (SPA navigation in progress): the rendered DOM is
  // probably still the previous item too, so callers skip their DOM facts.
  return { jsonLdProduct: product, stale: anyStale };
}

/** Builds the Listing once the sources have been added; undefined without an item id. */
export function finish(
  adapter: Pick<SiteAdapter, 'id' | 'keyIncludesShop'>,
  ctx: PageContext,
  b: ListingBuilder,
  canonical: CanonicalOptions,
): Listing | undefined {
  const itemId = b.peek('itemId') as string | undefined;
  if (!itemId) return undefined;
  const shopId = b.peek('shopId') as string | undefined;
  if (adapter.keyIncludesShop && !shopId) return undefined;
  const url = canonicalUrl(ctx.url, canonical) ?? ctx.url.origin + '/';
  return b.build({ site: adapter.id, listingKey: listingKey(adapter, itemId, shopId), url });
}

/** DOM text of the first element matching one of `selectors`. */
export function domText(doc: ParentNode, selectors: readonly string[], max: number = LIMITS.title): { text: string; selector: string } | undefined {
  for (const sel of selectors) {
    const t = cleanText(textOf(qs(doc, sel)), max);
    if (t) return { text: t, selector: sel };
  }
  return undefined;
}

const PRICE_IN_TEXT = /(?:₫|đ|VND|VNĐ)\s*\d{1,3}(?:[.,]\d{3})+(?![\d.,])|(?<![\d.,])\d{1,3}(?:[.,]\d{3})+\s*(?:₫|đ|VND|VNĐ)/i;

/** First VND amount written with a currency mark in `text` (bounded). */
export function priceInText(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = PRICE_IN_TEXT.exec(text.length > 4_000 ? text.slice(0, 4_000) : text);
  return m ? parsePrice(m[0]) : undefined;
}

/** Price shown on a card: the first short element text carrying a VND amount (bounded). */
export function cardPrice(card: Element): number | undefined {
  // fast path: one read of the card text (amounts glued to other digits are rejected by the regex)
  const whole = priceInText(textOf(card, 4_000));
  if (whole !== undefined) return whole;
  for (const el of qsaSelf(card, 'span, b, strong, div, p, ins', 60)) {
    const t = textOf(el, 200);
    if (!t || t.length > 40) continue;
    const price = priceInText(t);
    if (price !== undefined) return price;
  }
  return undefined;
}

export interface CardSpec {
  /** links to item pages */
  link: string;
  /** the card container (closest ancestor of the link); the link itself when absent */
  card?: string;
  /** element holding the card title */
  title?: string;
  /** cards the observed responses list (e.g. search API items), by item id; `url` when the response names it */
  index?(ctx: PageContext): Map<string, Partial<SearchCard>>;
  canonical: CanonicalOptions;
}

// The observed-response buffer is one array that grows (and drops its oldest entries) in place, so
// the cache entry also remembers the newest response it was built from.
const indexCache = new WeakMap<readonly unknown[], { newest: unknown; index: Map<string, Partial<SearchCard>> }>();

/** The response index of `ctx`, rebuilt when a new response arrived; empty on any error. */
function responseIndex(spec: Pick<CardSpec, 'index'>, ctx: PageContext): Map<string, Partial<SearchCard>> | undefined {
  if (!spec.index) return undefined;
  const newest = ctx.responses.at(-1);
  const cached = indexCache.get(ctx.responses);
  if (cached && cached.newest === newest) return cached.index;
  let index: Map<string, Partial<SearchCard>>;
  try {
    index = spec.index(ctx);
  } catch {
    index = new Map();
  }
  indexCache.set(ctx.responses, { newest, index });
  return index;
}

/** A cardsFromResponses implementation: the cards the response index lists, each with its canonical URL and key. */
export function responseCardFinder(adapter: () => Pick<SiteAdapter, 'id' | 'keyIncludesShop' | 'parseUrl'>, spec: Pick<CardSpec, 'index' | 'canonical'>) {
  return (ctx: PageContext): SearchCard[] => {
    const a = adapter();
    const out: SearchCard[] = [];
    for (const [itemId, extra] of responseIndex(spec, ctx) ?? []) {
      if (out.length >= MAX_CARDS_PER_SCAN) break;
      if (typeof extra.url !== 'string' || extra.url.length > LIMITS.url) continue;
      let target: URL;
      try {
        target = new URL(extra.url, ctx.url);
      } catch {
        continue;
      }
      // the URL the response names must be an item page of this site for the same item
      const facts = a.parseUrl(target);
      if (facts.kind !== 'listing' || facts.itemId !== itemId) continue;
      const shopId = facts.shopId ?? extra.shopId;
      if (a.keyIncludesShop && !shopId) continue;
      const url = canonicalUrl(target, spec.canonical);
      if (!url) continue;
      const card: SearchCard = { itemId, url, key: listingKey(a, itemId, shopId) };
      if (shopId) card.shopId = shopId;
      const title = cleanText(extra.title, LIMITS.title);
      if (title) card.title = title;
      if (extra.price !== undefined) card.price = extra.price;
      out.push(card);
    }
    return out;
  };
}

/** A findCards implementation from link/card selectors and the adapter's URL parser. */
export function cardFinder(adapter: () => Pick<SiteAdapter, 'id' | 'keyIncludesShop' | 'parseUrl'>, spec: CardSpec) {
  return (root: ParentNode, ctx: PageContext, isSeen?: (el: Element) => boolean): SearchCard[] => {
    const a = adapter();
    const index = responseIndex(spec, ctx);
    const out: SearchCard[] = [];
    const seen = new Set<Element>();
    const links: [Element, Element][] = [];
    walkElements(root, (el) => {
      if (el.tagName.toUpperCase() !== 'A' || !el.hasAttribute('href')) return;
      try {
        if (!el.matches(spec.link)) return;
      } catch {
        return false;
      }
      const element = (spec.card ? closest(el, spec.card) : null) ?? el;
      if (isSeen && isSeen(element)) return;
      links.push([el, element]);
      return links.length < MAX_CARDS_PER_SCAN * 2;
    });
    // a subtree added inside an existing link/card: look upwards once
    if (links.length === 0 && (root as Element).closest) {
      const up = closest(root as Element, spec.link);
      if (up) links.push([up, (spec.card ? closest(up, spec.card) : null) ?? up]);
    }
    for (const [link, element] of links) {
      if (out.length >= MAX_CARDS_PER_SCAN) break;
      const href = attr(link, 'href');
      if (!href) continue;
      let target: URL;
      try {
        target = new URL(href.length > LIMITS.url ? '' : href, ctx.url);
      } catch {
        continue;
      }
      const facts = a.parseUrl(target);
      if (facts.kind !== 'listing' || !facts.itemId) continue;
      if (seen.has(element)) continue;
      seen.add(element);
      const extra = index?.get(facts.itemId);
      const shopId = facts.shopId ?? extra?.shopId;
      if (a.keyIncludesShop && !shopId) continue;
      const titleEl = spec.title ? qs(element, spec.title) : null;
      const title =
        cleanText(textOf(titleEl, 4_000), LIMITS.title) ??
        cleanText(attr(link, 'title'), LIMITS.title) ??
        cleanText(attr(qs(element, 'img[alt]'), 'alt'), LIMITS.title) ??
        extra?.title;
      const price = cardPrice(element) ?? extra?.price;
      const url = canonicalUrl(target, spec.canonical) ?? absoluteUrl(target.href)!;
      const card: SearchCard = { itemId: facts.itemId, url, key: listingKey(a, facts.itemId, shopId), element };
      if (shopId) card.shopId = shopId;
      if (title) card.title = title;
      if (price !== undefined) card.price = price;
      out.push(card);
    }
    return out;
  };
}

/** detect() shared shape: URL says listing → listing; URL says search or cards exist → search. */
export function detectBy(ctx: PageContext, urlFacts: UrlFacts, cardProbe?: string): 'listing' | 'search' | 'none' {
  if (urlFacts.kind === 'listing') return 'listing';
  if (urlFacts.kind === 'search') return 'search';
  if (cardProbe && qs(ctx.document, cardProbe)) return 'search';
  return 'none';
}

/** Wraps an adapter function so no exception escapes to the page. */
export function guard<A extends unknown[], R>(fn: (...args: A) => R, fallback: () => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch {
      return fallback();
    }
  };
}

/** Seconds or milliseconds since epoch → YYYY-MM-DD (UTC); undefined when implausible. */
export function isoDate(value: unknown): string | undefined {
  let n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{9,13}$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return undefined;
  if (n < 1e11) n *= 1000;
  const d = new Date(n);
  const y = d.getUTCFullYear();
  return y >= 2000 && y <= 2100 ? d.toISOString().slice(0, 10) : undefined;
}

/** Observed responses whose URL path matches `test`, newest first, with the parsed URL. */
export function responsesFor(ctx: PageContext, test: (u: URL) => boolean): { url: URL; body: unknown }[] {
  const out: { url: URL; body: unknown }[] = [];
  for (let i = ctx.responses.length - 1; i >= 0 && out.length < 50; i--) {
    const r = ctx.responses[i]!;
    try {
      const u = new URL(r.url, ctx.url);
      if (test(u)) out.push({ url: u, body: r.body });
    } catch {
      /* skip unparsable */
    }
  }
  return out;
}

export type { Facts };
export { ListingBuilder };
