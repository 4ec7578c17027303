// Generic adapter for any other shop the user enables: schema.org JSON-LD, microdata, OpenGraph,
// plus the displayed title (h1) and displayed price next to it.
//
// Resolution order (first wins, the rest stay in provenance alternatives):
//   url → json_ld → microdata → opengraph → dom.
// Real example: dienmayxanh.com's JSON-LD Offer says 4.640.000₫ while the page displays
// 4.040.000₫; the listing keeps the JSON-LD price and records the displayed one as an alternative.
// listingKey: `generic:{host}:{sku | productID | path}`; there is no shop id (the site is the shop).
import { bareHost, canonicalUrl } from '../canonical-url';
import { DEFAULT_ORDER, ListingBuilder, priceInText, type Facts } from '../common';
import { defineAdapter } from '../define-adapter';
import { attr, qs, qsa, textOf } from '../dom';
import { jsonLdBreadcrumb, jsonLdProducts, productFacts, readJsonLd } from '../json-ld';
import { microdataProducts } from '../microdata';
import { isProductOg, ogFacts, readOpenGraph } from '../opengraph';
import { cleanText } from '../text';
import type { Listing, PageContext, PageKind, SiteAdapter, UrlFacts } from '../types';
import { capText } from '../../../contract/limits';

const OLD_PRICE = /(old|before|origin|strike|cross|compare|list|del|previous|was|gach|cu\b)/i;

/** Displayed price: the first price-classed element near the h1 (walking up at most 6 levels). */
export function displayedPrice(doc: Document): { price: number; detail: string } | undefined {
  let scope: Element | null | undefined = qs(doc, 'h1');
  for (let level = 0; scope && level < 7; level++, scope = scope.parentElement) {
    for (const el of qsa(scope, '[class*="price"], [class*="Price"], [id*="price"]', 200)) {
      const tag = el.tagName.toLowerCase();
      if (tag === 'del' || tag === 's' || tag === 'style' || tag === 'script') continue;
      const cls = `${attr(el, 'class') ?? ''} ${attr(el.parentElement, 'class') ?? ''}`;
      if (OLD_PRICE.test(cls)) continue;
      // the element's own leading amount, not its old-price children
      for (const child of [el, ...qsa(el, 'strong, b, span', 10)]) {
        const t = textOf(child, 200);
        if (!t || t.length > 120) continue;
        const price = priceInText(t);
        const ctag = child.tagName.toLowerCase();
        if (price !== undefined && ctag !== 'del' && ctag !== 's' && !OLD_PRICE.test(attr(child, 'class') ?? '')) {
          return { price, detail: `h1 ancestor ${level}: [class*="price"] ${ctag}` };
        }
      }
    }
  }
  return undefined;
}

function parseUrl(_url: URL): UrlFacts {
  return { kind: 'none' };
}

function detect(ctx: PageContext): PageKind {
  if (jsonLdProducts(readJsonLd(ctx.document)).length) return 'listing';
  if (qs(ctx.document, '[itemscope][itemtype*="schema.org/Product"]')) return 'listing';
  if (isProductOg(readOpenGraph(ctx.document))) return 'listing';
  return 'none';
}

function extract(ctx: PageContext): Listing | undefined {
  if (detect(ctx) !== 'listing') return undefined;
  const b = new ListingBuilder(genericAdapter.order);
  const ld = readJsonLd(ctx.document);
  const product = jsonLdProducts(ld)[0];
  const add = (source: 'json_ld' | 'microdata', detail: string, f: Facts) => {
    b.add(source, detail, { ...f, itemId: f.sku });
  };
  if (product) add('json_ld', 'script[type="application/ld+json"] Product', productFacts(product, ctx.url, ld.byId));
  const crumbs = jsonLdBreadcrumb(ld, false);
  if (crumbs) {
    // the last crumb is often the item itself
    const title = b.peek('title');
    const path = title && crumbs[crumbs.length - 1]?.toLowerCase() === String(title).toLowerCase() ? crumbs.slice(0, -1) : crumbs;
    if (path.length) b.add('json_ld', 'BreadcrumbList', { categoryPath: path });
  }
  const md = microdataProducts(ctx.document)[0];
  if (md) add('microdata', '[itemscope][itemtype$="Product"]', productFacts(md, ctx.url));
  b.add('opengraph', 'meta[property^="og:"]', ogFacts(readOpenGraph(ctx.document), ctx.url));
  const h1 = cleanText(textOf(qs(ctx.document, 'h1'), 20_000), 500);
  const shown = displayedPrice(ctx.document);
  b.add('dom', shown?.detail ?? 'h1', { title: h1, price: shown?.price });
  const url = canonicalUrl(ctx.url) ?? ctx.url.origin + '/';
  const itemId = b.peek('itemId') as string | undefined;
  const key = `generic:${bareHost(ctx.url)}:${itemId ?? capText(ctx.url.pathname, 300)}`;
  return b.build({ site: 'generic', listingKey: key, url });
}

// The one adapter allowed to claim any host: it runs only on shops the user enabled one by one.
export const genericAdapter: SiteAdapter = defineAdapter(
  {
    id: 'generic',
    name: 'Generic (schema.org / OpenGraph)',
    matches: ['https://*/*', 'http://*/*'],
    keyIncludesShop: false,
    order: DEFAULT_ORDER,
    parseUrl,
    detect,
    extract,
  },
  { anyHost: true },
);
