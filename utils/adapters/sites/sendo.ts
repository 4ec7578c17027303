// Sendo (sendo.vn).
//
// Sources: url (product id: trailing `-{id}.html`) · api_response (product detail / listing APIs
// under `/api/`, and the product filter of `searchlist-api.sendo.vn/web/products` — another
// subdomain, so the page fetches it cross-origin: objects with product_id|id, name, final_price, price,
// shop_id|admin_id, shop_name, shop_warehouse_city) · embedded_json (`__NEXT_DATA__` or
// `window.__INITIAL_STATE__`, product found by id) · json_ld / microdata / opengraph · dom (h1).
// Not available: seller join date, followers.
import { absoluteUrl } from '../canonical-url';
import { addStructured, cardFinder, DEFAULT_ORDER, detectBy, domText, finish, ListingBuilder, responseCardFinder, responsesFor, type Facts } from '../common';
import { defineAdapter } from '../define-adapter';
import { findScript, qs, textOf } from '../dom';
import { asArray, findObject, get, isObject, jsonAfter, safeJsonParse, type JsonObject } from '../safe-json';
import { cleanText, htmlToText, parsePrice, toCount, toId, toRating, vnd } from '../text';
import type { PageContext, SearchCard, SiteAdapter, UrlFacts } from '../types';

function parseUrl(url: URL): UrlFacts {
  const m = /-(\d{4,15})\.html$/.exec(url.pathname);
  if (m && !url.pathname.startsWith('/shop/')) return { kind: 'listing', itemId: m[1] };
  if (url.pathname.startsWith('/tim-kiem') || url.pathname.startsWith('/shop/') || /^\/[\w-]+\/?$/.test(url.pathname) && url.pathname !== '/') {
    return { kind: 'search' };
  }
  return { kind: 'none' };
}

function idOf(o: JsonObject): string | undefined {
  return toId(o['product_id'] ?? o['id']);
}

function isProduct(itemId: string | undefined) {
  return (o: JsonObject) => idOf(o) === itemId && typeof o['name'] === 'string';
}

function productFacts(p: JsonObject, base: URL): Facts {
  const f: Facts = {};
  f.itemId = idOf(p);
  f.title = cleanText(p['name'], 500);
  f.description = htmlToText(p['description']) ?? htmlToText(p['short_description']);
  f.price = vnd(p['final_price']) ?? vnd(p['price']);
  const orig = vnd(p['price']);
  if (orig !== undefined && f.price !== undefined && orig > f.price) f.originalPrice = orig;
  const maxFinal = vnd(p['max_final_price']);
  if (maxFinal !== undefined && f.price !== undefined && maxFinal > f.price) {
    f.priceMin = f.price;
    f.priceMax = maxFinal;
  }
  if (f.price === undefined) f.price = parsePrice(p['min_price']);
  if (f.price !== undefined) f.currency = 'VND';
  f.shopId = toId(p['shop_id'] ?? p['admin_id'] ?? p['seller_admin_id'] ?? get(p, 'shop_info', 'shop_id'));
  const shopName = cleanText(p['shop_name'] ?? get(p, 'shop_info', 'shop_name'));
  const location = cleanText(p['shop_warehouse_city'] ?? get(p, 'shop_info', 'warehourse_region_name'));
  f.seller = {
    id: f.shopId,
    name: shopName,
    location,
    url: absoluteUrl(get(p, 'shop_info', 'shop_url'), base),
    rating: toRating(get(p, 'shop_info', 'rating_avg')),
  };
  f.brand = cleanText(p['brand_name'] ?? get(p, 'brand_info', 'name'));
  const images = [p['image'], ...asArray(p['images']), p['original_img_url'], p['thumbnail_url']];
  f.images = images.map((u) => absoluteUrl(isObject(u) ? u['image'] : u, base)).filter((u): u is string => !!u);
  const rating = toRating(p['rating_avg'] ?? get(p, 'rating_info', 'percent_star'));
  const count = toCount(p['total_rated'] ?? get(p, 'rating_info', 'total_rated'));
  if (rating !== undefined || count !== undefined) f.rating = { average: rating, count };
  f.soldCount = toCount(p['order_count'] ?? p['sold']);
  const crumbs = asArray(p['category_info'] ?? p['breadcrumb'])
    .map((c) => (isObject(c) ? cleanText(c['title'] ?? c['name']) : undefined))
    .filter((c): c is string => !!c);
  if (crumbs.length) f.categoryPath = crumbs;
  return f;
}

function embedded(doc: Document): unknown {
  const next = qs(doc, 'script#__NEXT_DATA__');
  if (next) return safeJsonParse(textOf(next, 8_000_000));
  const script = findScript(doc, '__INITIAL_STATE__');
  return script ? jsonAfter(script, '__INITIAL_STATE__') : undefined;
}

/** Product detail and listing/filter APIs, on www and on the api subdomains (searchlist-api, detail-api). */
const API_PATH = /^\/(api\/|web\/products|m\/wap_v2\/full\/|full\/)/;
const API = (u: URL) => sendo.observeResponse!(u);

function extract(ctx: PageContext) {
  const urlFacts = parseUrl(ctx.url);
  if (urlFacts.kind !== 'listing') return undefined;
  const b = new ListingBuilder(sendo.order);
  b.add('url', 'path -{id}.html', { itemId: urlFacts.itemId });
  for (const r of responsesFor(ctx, API)) {
    const p = findObject(r.body, isProduct(urlFacts.itemId), { maxDepth: 6, maxNodes: 5_000 });
    if (p) b.add('api_response', r.url.pathname, productFacts(p, ctx.url));
  }
  const data = embedded(ctx.document);
  const p = data ? findObject(data, isProduct(urlFacts.itemId)) : undefined;
  if (p) b.add('embedded_json', '__NEXT_DATA__/__INITIAL_STATE__ …product', productFacts(p, ctx.url));
  const { stale } = addStructured(b, ctx, sendo, urlFacts, { titleSuffix: /\s*[|-]\s*Sendo(\.vn)?\s*$/i });
  const h1 = domText(ctx.document, ['h1']);
  if (h1 && !stale) b.add('dom', 'h1', { title: h1.text });
  return finish(sendo, ctx, b, { keep: [], https: true });
}

/** Listing items of a response: `data[]`, `data.list[]`, `result.data[]` or a bare array. */
function listItems(body: unknown): unknown[] {
  for (const items of [get(body, 'data'), get(body, 'data', 'list'), get(body, 'result', 'data'), body]) {
    if (asArray(items).length) return asArray(items);
  }
  return [];
}

function listIndex(ctx: PageContext): Map<string, Partial<SearchCard>> {
  const map = new Map<string, Partial<SearchCard>>();
  for (const r of responsesFor(ctx, API)) {
    const items = listItems(r.body);
    for (const raw of items.slice(0, 500)) {
      const it = isObject(raw) && isObject(raw['item']) ? raw['item'] : raw;
      if (!isObject(it)) continue;
      const itemId = idOf(it);
      if (!itemId || map.has(itemId)) continue;
      // the listing API names no product URL; `-{id}.html` is what the product page's URL ends with
      const path = typeof it['category_path'] === 'string' && it['category_path'].endsWith(`-${itemId}.html`) ? it['category_path'] : `san-pham-${itemId}.html`;
      map.set(itemId, { shopId: toId(it['shop_id'] ?? it['admin_id']), title: cleanText(it['name'], 500), price: vnd(it['final_price']), url: `https://www.sendo.vn/${path.replace(/^\/+/, '')}` });
    }
  }
  return map;
}

const findCards = cardFinder(() => sendo, {
  link: 'a[href*=".html"]',
  card: '[data-product-id], article, li',
  title: 'h3, [class*="name"], [class*="title"]',
  index: listIndex,
  canonical: { keep: [], https: true },
});

export const sendo: SiteAdapter = defineAdapter({
  id: 'sendo.vn',
  name: 'Sendo',
  matches: ['https://sendo.vn/*', 'https://*.sendo.vn/*'],
  keyIncludesShop: false,
  // the signed-in buyer's name, avatar, account menu and cart: masked in evidence
  buyerChrome: ['[class*="userInfo"]', '[class*="UserAvatar"]', 'a[href*="/gio-hang"]', '[aria-label="Giỏ hàng"]'],
  order: DEFAULT_ORDER,
  parseUrl,
  observe: { origins: ['https://*.sendo.vn/*'], path: API_PATH },
  detect: (ctx: PageContext) => detectBy(ctx, parseUrl(ctx.url)),
  extract,
  findCards,
  cardsFromResponses: responseCardFinder(() => sendo, { index: listIndex, canonical: { keep: [], https: true } }),
});
