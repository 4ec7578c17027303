// TikTok Shop (shop.tiktok.com/vn, www.tiktok.com/shop, www.tiktok.com/view/product).
//
// Sources: url (product id) · embedded_json `script#__MODERN_ROUTER_DATA__` →
// loaderData[…pdp…page].page_config.components_map[product_info].component_data.product_info
// {product_id, seller{seller_id, name, seller_location}, product_base{title, desc_detail, images,
// specifications, sold_count, price{min_sku_price, max_sku_price, currency, …}},
// product_detail_review{product_rating, review_count}, promotion_model…min_price.sale_price_decimal
// (VN pages)} and categories · api_response (the page's own `/api/shop/…pdp…` JSON, same
// product_info shape) · json_ld BreadcrumbList · opengraph · dom (h1).
// Not available: seller rating/followers/join date (loaded later by separate components).
// Prices in another currency (US pages: USD) are not converted: currency is kept, prices omitted.
import { absoluteUrl } from '../canonical-url';
import { addStructured, cardFinder, DEFAULT_ORDER, detectBy, domText, finish, ListingBuilder, responsesFor, type Facts } from '../common';
import { defineAdapter } from '../define-adapter';
import { qs, textOf } from '../dom';
import { asArray, findObject, get, isObject, safeJsonParse, type JsonObject } from '../safe-json';
import { cleanText, toCount, toId, toNumber, toRating, vnd } from '../text';
import type { PageContext, SiteAdapter, UrlFacts } from '../types';

/** The page's own product-detail JSON (`/api/shop/…/pdp…`, `/api/shop/…product…`). */
const PDP_API = /^\/api\/shop\/[^?]*(pdp|product)/;

function parseUrl(url: URL): UrlFacts {
  const m = /\/pdp\/(?:[^/]+\/)?(\d{10,25})\/?$/.exec(url.pathname) ?? /^\/view\/product\/(\d{10,25})\/?$/.exec(url.pathname);
  if (m) return { kind: 'listing', itemId: m[1] };
  if (/^\/(shop\/)?([a-z]{2}\/)?(s|c|store|search)\//.test(url.pathname) || /^\/(shop\/)?([a-z]{2}\/)?search/.test(url.pathname)) return { kind: 'search' };
  return { kind: 'none' };
}

function decimalPrice(value: unknown): number | undefined {
  const n = toNumber(typeof value === 'string' ? value.replace(/,/g, '') : value);
  return n === undefined ? undefined : vnd(n);
}

function descText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const blocks = safeJsonParse(value, 2_000_000);
  if (!Array.isArray(blocks)) return value.trim().startsWith('[') ? undefined : value;
  const parts = blocks
    .slice(0, 500)
    .map((b) => (isObject(b) && b['type'] === 'text' ? b['text'] : undefined))
    .filter((t): t is string => typeof t === 'string');
  return parts.length ? parts.join('\n') : undefined;
}

function productFacts(pi: JsonObject, categories: unknown, base: URL): Facts {
  const f: Facts = {};
  f.itemId = toId(pi['product_id']);
  const seller = pi['seller'];
  f.shopId = toId(get(seller, 'seller_id')) ?? toId(pi['seller_id']);
  f.seller = { id: f.shopId, name: cleanText(get(seller, 'name')), location: cleanText(get(seller, 'seller_location')) };
  const pb = pi['product_base'];
  f.title = cleanText(get(pb, 'title'), 500);
  f.description = descText(get(pb, 'desc_detail'));
  f.images = asArray(get(pb, 'images'))
    .map((i) => absoluteUrl(asArray(get(i, 'url_list'))[0], base))
    .filter((u): u is string => !!u);
  f.soldCount = toCount(get(pb, 'sold_count'));
  const price = get(pb, 'price');
  const currency = cleanText(get(price, 'currency'));
  if (currency && /^[A-Z]{3}$/.test(currency)) f.currency = currency;
  f.priceMin = decimalPrice(get(price, 'min_sku_price'));
  f.priceMax = decimalPrice(get(price, 'max_sku_price'));
  f.price = f.priceMin;
  f.originalPrice = decimalPrice(get(price, 'min_sku_original_price'));
  const promo = pi['promotion_model'];
  if (promo !== undefined) {
    const min = findObject(promo, (o) => 'sale_price_decimal' in o, { maxDepth: 6, maxNodes: 2_000 });
    const sale = decimalPrice(min?.['sale_price_decimal']);
    if (sale !== undefined) {
      f.price = sale;
      f.originalPrice = decimalPrice(min?.['origin_price_decimal']) ?? f.originalPrice;
      f.currency = f.currency ?? 'VND';
    }
  }
  const review = pi['product_detail_review'];
  if (isObject(review)) f.rating = { average: toRating(review['product_rating']), count: toCount(review['review_count']) };
  const specs = asArray(get(pb, 'specifications'))
    .filter(isObject)
    .map((s) => ({ name: cleanText(s['name']) ?? '', value: cleanText(s['value']) ?? '' }))
    .filter((s) => s.name && s.value);
  if (specs.length) f.attributes = specs;
  f.brand = specs.find((s) => /^(brand|thương hiệu)$/i.test(s.name))?.value;
  const cats = asArray(categories)
    .filter(isObject)
    .sort((a, b) => (Number(a['level']) || 0) - (Number(b['level']) || 0))
    .map((c) => cleanText(c['category_name']))
    .filter((c): c is string => !!c);
  if (cats.length) f.categoryPath = cats;
  return f;
}

// Limits of the shape search in the router data: real pages nest product_info 6–12 levels deep
// (loader data → page config → component list → component data → props), and the page is hostile.
const ROUTER_SEARCH = { maxDepth: 16, maxNodes: 60_000 } as const;

/** The product object: it has the product's own fields, wherever the page keeps it. */
function isProductInfo(itemId: string | undefined) {
  return (o: JsonObject) =>
    isObject(o['product_base']) && (itemId === undefined ? o['product_id'] !== undefined : toId(o['product_id']) === itemId);
}

/** Category list (objects with category_name), found by shape next to the product. */
function isCategoryHolder(o: JsonObject): boolean {
  const list = o['categories'];
  return Array.isArray(list) && list.length > 0 && isObject(list[0]) && typeof list[0]['category_name'] === 'string';
}

/**
 * product_info in `script#__MODERN_ROUTER_DATA__`, found by shape (product_base + the URL's
 * product_id) rather than by one path: the path differs between page versions and regions.
 */
function routerProduct(doc: Document, itemId: string | undefined): { pi: JsonObject; categories: unknown } | undefined {
  const el = qs(doc, 'script#__MODERN_ROUTER_DATA__');
  const data = el ? safeJsonParse(textOf(el, 8_000_000)) : undefined;
  const root = get(data, 'loaderData') ?? data;
  if (!isObject(root)) return undefined;
  const pi = findObject(root, isProductInfo(itemId), ROUTER_SEARCH);
  if (!pi) return undefined;
  const holder = findObject(root, isCategoryHolder, ROUTER_SEARCH);
  return { pi, categories: holder?.['categories'] };
}

function extract(ctx: PageContext) {
  const urlFacts = parseUrl(ctx.url);
  if (urlFacts.kind !== 'listing') return undefined;
  const b = new ListingBuilder(tiktok.order);
  b.add('url', 'path /pdp/{id}', { itemId: urlFacts.itemId });
  for (const r of responsesFor(ctx, (u) => PDP_API.test(u.pathname))) {
    const pi = findObject(r.body, (o) => toId(o['product_id']) === urlFacts.itemId && isObject(o['product_base']), { maxDepth: 8, maxNodes: 20_000 });
    if (pi) b.add('api_response', r.url.pathname, productFacts(pi, undefined, ctx.url));
  }
  const found = routerProduct(ctx.document, urlFacts.itemId);
  if (found) b.add('embedded_json', '__MODERN_ROUTER_DATA__ …product_info', productFacts(found.pi, found.categories, ctx.url));
  const { stale } = addStructured(b, ctx, tiktok, urlFacts, { titleSuffix: /\s*[|-]\s*TikTok( Shop)?\s*$/i });
  const h1 = domText(ctx.document, ['h1']);
  if (h1 && !stale) b.add('dom', 'h1', { title: h1.text });
  return finish(tiktok, ctx, b, { keep: [], https: true });
}

const findCards = cardFinder(() => tiktok, {
  link: 'a[href*="/pdp/"], a[href*="/view/product/"]',
  card: '[data-e2e*="product"], li',
  title: 'h3, [class*="title"]',
  canonical: { keep: [], https: true },
});

export const tiktok: SiteAdapter = defineAdapter({
  id: 'tiktok.shop',
  name: 'TikTok Shop',
  matches: ['https://shop.tiktok.com/*', 'https://www.tiktok.com/shop/*', 'https://www.tiktok.com/view/product/*'],
  keyIncludesShop: false,
  // the signed-in buyer's name, avatar, account menu and cart: masked in evidence
  buyerChrome: ['[data-e2e="profile-icon"]', '[data-e2e="nav-profile"]', '[data-e2e="top-cart"]', '[data-e2e="cart-icon"]'],
  order: DEFAULT_ORDER,
  parseUrl,
  observe: { origins: ['https://*.tiktok.com/*'], path: PDP_API },
  detect: (ctx: PageContext) => detectBy(ctx, parseUrl(ctx.url)),
  extract,
  findCards,
});
