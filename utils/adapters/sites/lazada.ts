// Lazada (lazada.vn; the same engine runs Daraz). Server-rendered product pages.
//
// Sources: url (item id `-i{itemId}`, sku `-s{skuId}`) · embedded_json `__moduleData__` / the
// argument of `app.run(...)` → data.root.fields {primaryKey, product, skuInfos, seller, review,
// skuGalleries, specifications, tracking}; `pdpTrackingData` (a JSON string) · json_ld Product
// (AggregateOffer) · opengraph · dom (.pdp-mod-product-badge-title, .pdp-product-price,
// .seller-name__detail a). Category pages: `?ajax=true` responses → mods.listItems[] enrich cards.
// Not available: seller join date, followers, official badge (only via the LazMall icon on cards).
// `fields.user` (the visitor's default location) is never read.
import { absoluteUrl } from '../canonical-url';
import {
  addStructured, cardFinder, DEFAULT_ORDER, detectBy, domText, finish, ListingBuilder,
  responseCardFinder, responsesFor, sameItem, type Facts,
} from '../common';
import { defineAdapter } from '../define-adapter';
import { attr, qs, scriptTexts, textOf } from '../dom';
import { asArray, get, isObject, jsonAfter, safeJsonParse, type JsonObject } from '../safe-json';
import { cleanText, htmlToText, parsePrice, toCount, toId, toRating, vnd } from '../text';
import type { PageContext, SearchCard, SiteAdapter, UrlFacts } from '../types';

function parseUrl(url: URL): UrlFacts {
  const m = /-i(\d{1,20})(?:-s(\d{1,20}))?(?:\.html)?\/?$/.exec(url.pathname) ?? /^\/products\/i(\d{1,20})(?:-s(\d{1,20}))?/.exec(url.pathname);
  if (m && url.pathname.startsWith('/products/')) return { kind: 'listing', itemId: m[1] };
  if (url.pathname === '/catalog/' || url.pathname === '/catalog' || url.pathname.startsWith('/shop/') || url.searchParams.has('q')) {
    return { kind: 'search' };
  }
  return { kind: 'none' };
}

/** data.root.fields from `__moduleData__ = {...}` or `app.run({...})`. */
function moduleFields(doc: Document): JsonObject | undefined {
  for (const text of scriptTexts(doc)) {
    for (const marker of ['__moduleData__', 'app.run(']) {
      if (!text.includes(marker)) continue;
      const data = jsonAfter(text, marker);
      const fields = get(data, 'data', 'root', 'fields');
      if (isObject(fields)) return fields;
    }
  }
  return undefined;
}

function trackingData(doc: Document): JsonObject | undefined {
  for (const text of scriptTexts(doc)) {
    const at = text.indexOf('pdpTrackingData');
    if (at < 0) continue;
    const m = /pdpTrackingData\s*=\s*("(?:[^"\\]|\\.)*")/.exec(text.slice(at, at + 2_000_000));
    if (!m) continue;
    const inner = safeJsonParse(m[1]);
    const data = typeof inner === 'string' ? safeJsonParse(inner) : inner;
    if (isObject(data)) return data;
  }
  return undefined;
}

function fieldsFacts(fields: JsonObject, base: URL): Facts {
  const f: Facts = {};
  const pk = fields['primaryKey'];
  const skuId = toId(get(pk, 'skuId'));
  f.itemId = toId(get(pk, 'itemId'));
  const product = fields['product'];
  f.title = cleanText(get(product, 'title'), 500);
  f.description = htmlToText(get(product, 'desc')) ?? htmlToText(get(product, 'highlights'));
  const brand = cleanText(get(product, 'brand', 'name'));
  if (brand && !/^no brand$/i.test(brand)) f.brand = brand;
  const skus = fields['skuInfos'];
  const sku = (skuId && get(skus, skuId)) || get(skus, '0');
  f.price = vnd(get(sku, 'price', 'salePrice', 'value')) ?? parsePrice(get(fields, 'tracking', 'pdt_price'));
  f.originalPrice = vnd(get(sku, 'price', 'originalPrice', 'value'));
  const layer = get(sku, 'dataLayer');
  const currency = cleanText(get(layer, 'core', 'currencyCode'));
  if (currency && /^[A-Z]{3}$/.test(currency)) f.currency = currency;
  const cats = asArray(get(layer, 'pdt_category')).map((c) => cleanText(c)).filter((c): c is string => !!c);
  if (cats.length) f.categoryPath = cats;
  const gallery = asArray(get(fields, 'skuGalleries', '0')).length ? get(fields, 'skuGalleries', '0') : get(fields, 'skuGalleries', skuId ?? '');
  f.images = asArray(gallery)
    .filter((g) => isObject(g) && (g['type'] === 'img' || g['type'] === undefined))
    .map((g) => absoluteUrl(get(g, 'src'), base))
    .filter((u): u is string => !!u);
  const seller = fields['seller'];
  if (isObject(seller)) {
    f.shopId = toId(seller['sellerId']) ?? toId(get(pk, 'sellerId'));
    const years = toCount(seller['time']);
    f.seller = {
      id: f.shopId,
      name: cleanText(seller['name']),
      url: absoluteUrl(seller['url'], base),
      // "3 years on Lazada": a duration, not a date; kept as stated
      joinedAt: years !== undefined && typeof seller['unit'] === 'string' ? cleanText(`${years} ${seller['unit']}`) : undefined,
    };
  } else {
    f.shopId = toId(get(pk, 'sellerId'));
  }
  const ratings = get(fields, 'review', 'ratings');
  if (isObject(ratings)) f.rating = { average: toRating(ratings['average']), count: toCount(ratings['rateCount']) };
  const specs = get(fields, 'specifications', skuId ?? '') ?? Object.values(isObject(fields['specifications']) ? fields['specifications'] : {})[0];
  const features = get(specs, 'features');
  if (isObject(features)) {
    f.attributes = Object.keys(features)
      .slice(0, 80)
      .map((k) => ({ name: k, value: cleanText(features[k]) ?? '' }))
      .filter((a) => a.value && a.name !== 'SKU');
  }
  return f;
}

function trackingFacts(t: JsonObject): Facts {
  const cats = asArray(t['pdt_category']).map((c) => cleanText(c)).filter((c): c is string => !!c);
  const currency = cleanText(get(t, 'core', 'currencyCode'));
  const brand = cleanText(t['brand_name']);
  return {
    itemId: toId(t['pdt_sku']),
    shopId: toId(t['supplier_id']),
    title: cleanText(t['pdt_name'], 500),
    // pdt_price is the list price as text; the sale price is in skuInfos
    originalPrice: parsePrice(t['pdt_price']),
    currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined,
    brand: brand && !/^no brand$/i.test(brand) ? brand : undefined,
    categoryPath: cats.length ? cats : undefined,
    seller: { id: toId(t['supplier_id']), name: cleanText(t['seller_name']) },
  };
}

function domFacts(doc: Document, base: URL): Facts {
  const f: Facts = {};
  f.title = domText(doc, ['.pdp-mod-product-badge-title', '.pdp-product-title h1', 'h1'])?.text;
  f.price = parsePrice(textOf(qs(doc, '.pdp-product-price .pdp-price_type_normal'), 200));
  f.originalPrice = parsePrice(textOf(qs(doc, '.pdp-product-price .pdp-price_type_deleted'), 200));
  const sellerLink = qs(doc, '.seller-name__detail a');
  if (sellerLink) f.seller = { name: cleanText(textOf(sellerLink, 2_000)), url: absoluteUrl(attr(sellerLink, 'href'), base) };
  return f;
}

function extract(ctx: PageContext) {
  const urlFacts = parseUrl(ctx.url);
  if (urlFacts.kind !== 'listing') return undefined;
  const b = new ListingBuilder(lazada.order);
  b.add('url', 'path -i{itemId}', { itemId: urlFacts.itemId });
  const fields = moduleFields(ctx.document);
  if (fields) {
    const f = fieldsFacts(fields, ctx.url);
    if (sameItem(urlFacts.itemId, f.itemId)) b.add('embedded_json', '__moduleData__ data.root.fields', f);
  }
  const tracking = trackingData(ctx.document);
  if (tracking) {
    const f = trackingFacts(tracking);
    if (sameItem(urlFacts.itemId, f.itemId)) b.add('embedded_json', 'pdpTrackingData', f);
  }
  const { stale } = addStructured(b, ctx, lazada, urlFacts, { titleSuffix: /\s*\|\s*(Lazada|Daraz)[^|]*$/i });
  if (!stale) b.add('dom', '.pdp-mod-product-badge-title / .pdp-product-price / .seller-name__detail a', domFacts(ctx.document, ctx.url));
  return finish(lazada, ctx, b, { keep: [], https: true });
}

/** Category/search pages fetch their next result pages as `?ajax=true` JSON (mods.listItems). */
const AJAX_LIST = /^\/[^?]*\?(?:[^#]*&)?ajax=true(?:&|$)/;

function listIndex(ctx: PageContext): Map<string, Partial<SearchCard>> {
  const map = new Map<string, Partial<SearchCard>>();
  for (const r of responsesFor(ctx, (u) => AJAX_LIST.test(u.pathname + u.search))) {
    for (const it of asArray(get(r.body, 'mods', 'listItems')).slice(0, 500)) {
      if (!isObject(it)) continue;
      const itemId = toId(it['itemId'] ?? it['nid']);
      if (!itemId || map.has(itemId)) continue;
      // productUrl is protocol-relative (`//www.lazada.vn/products/…`); `/products/i{id}.html` opens the same item
      const url = (typeof it['productUrl'] === 'string' ? absoluteUrl(it['productUrl'], ctx.url) : undefined) ?? `https://www.lazada.vn/products/i${itemId}.html`;
      map.set(itemId, { shopId: toId(it['sellerId']), title: cleanText(it['name'], 500), price: vnd(it['price']), url });
    }
  }
  return map;
}

const findCards = cardFinder(() => lazada, {
  link: 'a[href*="/products/"]',
  card: '[data-qa-locator="product-item"], [data-tracking="product-card"], [data-item-id]',
  title: '[class*="title"] a, [class*="title"]',
  index: listIndex,
  canonical: { keep: [], https: true },
});

export const lazada: SiteAdapter = defineAdapter({
  id: 'lazada.vn',
  name: 'Lazada',
  matches: ['https://lazada.vn/*', 'https://*.lazada.vn/*'],
  keyIncludesShop: false,
  // the signed-in buyer's name, avatar, account menu and cart: masked in evidence
  buyerChrome: ['#topActionUserAccont', '#topActionUserAccount', '#topActionCart', '#topActionCartNumber', '.lzd-header-user', '.lzd-nav-cart'],
  order: DEFAULT_ORDER,
  parseUrl,
  observe: {
    origins: ['https://*.lazada.vn/*'],
    path: AJAX_LIST,
    // PDP JSON: fields.user is the visitor's default location
    buyerPaths: [['data', 'root', 'fields', 'user'], ['fields', 'user'], ['data', 'user']],
  },
  detect: (ctx: PageContext) => detectBy(ctx, parseUrl(ctx.url), '[data-qa-locator="product-item"]'),
  extract,
  findCards,
  cardsFromResponses: responseCardFinder(() => lazada, { index: listIndex, canonical: { keep: [], https: true } }),
});
