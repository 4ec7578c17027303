// Tiki (tiki.vn). Next.js pages.
//
// Sources: url (product id `-p{id}.html`, `spid` = seller product id, kept) · api_response
// `/api/v2/products/{id}` · embedded_json `__NEXT_DATA__` (the product object is found by id, the
// path has moved between releases) → name, price, list_price/original_price, current_seller{id,
// name, link, store_id}, brand, rating_average, review_count, quantity_sold, images, breadcrumbs,
// specifications, description · json_ld Product / BreadcrumbList · microdata Product/Offer (older
// pages) · opengraph · dom (h1, seller link `a[data-view-id="pdp_view_seller_info_button"]`, the
// visible description: the block after the "Mô tả sản phẩm" heading, whose classes are generated).
// Not available: seller location, followers, join date.
import { absoluteUrl } from '../canonical-url';
import {
  addStructured, cardFinder, DEFAULT_ORDER, detectBy, domText, finish, ListingBuilder, responsesFor,
  type Facts,
} from '../common';
import { defineAdapter } from '../define-adapter';
import { attr, qs, textAfterHeading, textOf } from '../dom';
import { asArray, findObject, get, isObject, safeJsonParse, type JsonObject } from '../safe-json';
import { cleanMultiline, cleanText, htmlToText, toCount, toId, toRating, vnd } from '../text';
import type { PageContext, SiteAdapter, UrlFacts } from '../types';

/** The product detail API the page calls (`/api/v2/products/{id}`). */
const PRODUCT_API = /^\/api\/v2\/products\/\d+(\?|$)/;

function parseUrl(url: URL): UrlFacts {
  const m = /(?:^\/|-)p(\d{1,15})\.html$/.exec(url.pathname) ?? /^\/product\/p?(\d{1,15})/.exec(url.pathname);
  if (m) return { kind: 'listing', itemId: m[1] };
  if (url.pathname === '/search' || /\/c\d+\/?$/.test(url.pathname) || url.pathname.startsWith('/cua-hang/')) return { kind: 'search' };
  return { kind: 'none' };
}

function isProduct(itemId: string | undefined) {
  return (o: JsonObject) => toId(o['id']) === itemId && typeof o['name'] === 'string' && ('price' in o || 'current_seller' in o);
}

function productFacts(p: JsonObject, base: URL): Facts {
  const f: Facts = {};
  f.itemId = toId(p['id']);
  f.title = cleanText(p['name'], 500);
  f.description = htmlToText(p['description']) ?? cleanText(p['short_description']);
  f.price = vnd(p['price']);
  f.originalPrice = vnd(p['list_price']) ?? vnd(p['original_price']);
  f.currency = f.price !== undefined ? 'VND' : undefined;
  f.brand = cleanText(get(p, 'brand', 'name'));
  const rating = toRating(p['rating_average']);
  const count = toCount(p['review_count']);
  if (rating !== undefined || count !== undefined) f.rating = { average: rating, count };
  f.soldCount = toCount(get(p, 'quantity_sold', 'value')) ?? toCount(p['all_time_quantity_sold']);
  f.images = asArray(p['images'])
    .map((i) => absoluteUrl(isObject(i) ? (i['base_url'] ?? i['large_url']) : i, base))
    .filter((u): u is string => !!u);
  const crumbs = asArray(p['breadcrumbs'])
    .map((c) => (isObject(c) ? cleanText(c['name']) : undefined))
    .filter((c): c is string => !!c);
  if (crumbs.length > 1) f.categoryPath = crumbs.slice(0, -1);
  const seller = p['current_seller'];
  if (isObject(seller)) {
    f.shopId = toId(seller['id']);
    f.seller = {
      id: f.shopId,
      name: cleanText(seller['name']),
      url: absoluteUrl(seller['link'], base),
    };
  }
  const attrs: { name: string; value: string }[] = [];
  for (const group of asArray(p['specifications']).slice(0, 10)) {
    for (const a of asArray(get(group, 'attributes')).slice(0, 60)) {
      const name = cleanText(get(a, 'name'));
      const value = cleanText(get(a, 'value'));
      if (name && value && name !== 'SKU') attrs.push({ name, value });
    }
  }
  if (attrs.length) f.attributes = attrs;
  return f;
}

function nextData(doc: Document): unknown {
  const el = qs(doc, 'script#__NEXT_DATA__');
  if (el) return safeJsonParse(textOf(el, 8_000_000));
  return undefined;
}

function extract(ctx: PageContext) {
  const urlFacts = parseUrl(ctx.url);
  if (urlFacts.kind !== 'listing') return undefined;
  const b = new ListingBuilder(tiki.order);
  b.add('url', 'path -p{id}.html', { itemId: urlFacts.itemId });
  for (const r of responsesFor(ctx, (u) => PRODUCT_API.test(u.pathname))) {
    const p = isObject(r.body) && isProduct(urlFacts.itemId)(r.body) ? r.body : undefined;
    if (p) b.add('api_response', '/api/v2/products/{id}', productFacts(p, ctx.url));
  }
  const data = nextData(ctx.document);
  const p = data ? findObject(data, isProduct(urlFacts.itemId)) : undefined;
  if (p) b.add('embedded_json', '__NEXT_DATA__ …product', productFacts(p, ctx.url));
  // og:description is a template ("Mua online … giá siêu tốt"), not the item description
  const { stale } = addStructured(b, ctx, tiki, urlFacts, { titleSuffix: /\s*\|\s*Tiki\s*$/i, skipOg: ['description'] });
  const h1 = domText(ctx.document, ['h1[itemprop="name"]', 'h1.title', 'h1']);
  const sellerLink = qs(ctx.document, 'a[data-view-id="pdp_view_seller_info_button"]') ?? qs(ctx.document, '.seller-name a, a.seller-name');
  if (!stale) b.add('dom', 'h1 / a[data-view-id="pdp_view_seller_info_button"] / "Mô tả sản phẩm" block', {
    title: h1?.text,
    description: cleanMultiline(textAfterHeading(ctx.document, /^(mô tả sản phẩm|product description)$/i)),
    seller: sellerLink
      ? { name: cleanText(textOf(qs(sellerLink, 'span') ?? sellerLink, 2_000)), url: absoluteUrl(attr(sellerLink, 'href'), ctx.url) }
      : undefined,
  });
  return finish(tiki, ctx, b, { keep: ['spid'], https: true });
}

const findCards = cardFinder(() => tiki, {
  link: 'a[href*="-p"][href*=".html"]',
  card: '[data-view-id="product_list_item"], .product-item',
  title: 'h3, [class*="name"]',
  canonical: { keep: ['spid'], https: true },
});

export const tiki: SiteAdapter = defineAdapter({
  id: 'tiki.vn',
  name: 'Tiki',
  matches: ['https://tiki.vn/*', 'https://*.tiki.vn/*'],
  keyIncludesShop: false,
  // the signed-in buyer's name, avatar, account menu and cart: masked in evidence
  buyerChrome: ['[data-view-id="header_header_account_container"]', '[data-view-id="header_header_cart"]', '[data-view-id="header_user_shortcut"]'],
  order: DEFAULT_ORDER,
  parseUrl,
  observe: { origins: ['https://*.tiki.vn/*'], path: PRODUCT_API },
  detect: (ctx: PageContext) => detectBy(ctx, parseUrl(ctx.url), '[data-view-id="product_list_item"]'),
  extract,
  findCards,
});
