// Shopee (shopee.vn). Client-rendered with hashed class names: the facts come from the page's own
// product API responses (observed passively), then URL ids, JSON-LD breadcrumbs, OpenGraph and a
// few stable DOM hooks (data-sqe attributes, h1).
//
// Sources: url (shop id, item id) · api_response `/api/v4/pdp/get_pc` (current) and
// `/api/v4/item/get` (older): title, description, prices (VND × 100000), images, brand, categories,
// rating, sold, attributes; `/api/v4/product/get_shop_info`, `/api/v4/shop/get_shop_detail`,
// get_pc `data.shop_detailed`: seller · json_ld BreadcrumbList: category path · opengraph: title,
// image · dom: h1 title.
// Not available: condition (no reliable mapping), seller join date unless an API carried ctime.
import {
  addStructured, cardFinder, DEFAULT_ORDER, detectBy, domText, finish, isoDate, ListingBuilder,
  responseCardFinder, responsesFor, sameItem, type Facts,
} from '../common';
import { defineAdapter } from '../define-adapter';
import { asArray, get, isObject } from '../safe-json';
import { cleanText, toCount, toId, toRating, vnd } from '../text';
import type { PageContext, SearchCard, SiteAdapter, UrlFacts } from '../types';

const ORIGIN = 'https://shopee.vn';
const PRICE_DIVISOR = 100_000;
const SEARCH_PATH = '/api/v4/search/search_items';
/** The page's own product, shop and search APIs (same origin). */
const API_PATH = /^\/api\/v4\/(pdp\/get_pc|item\/get|product\/get_shop_info|shop\/get_shop_detail|shop\/get_shop_base|search\/search_items)(\?|$)/;

function parseUrl(url: URL): UrlFacts {
  const path = url.pathname;
  let m = /^\/product\/(\d{1,20})\/(\d{1,20})\/?$/.exec(path);
  if (m) return { kind: 'listing', shopId: m[1], itemId: m[2] };
  m = /-i\.(\d{1,20})\.(\d{1,20})\/?$/.exec(path);
  if (m) return { kind: 'listing', shopId: m[1], itemId: m[2] };
  m = /^\/shop\/(\d{1,20})(\/|$)/.exec(path);
  if (m) return { kind: 'search', shopId: m[1] };
  if (/^\/(search|mall|flash_sale|daily_discover)(\/|$)/.test(path) || /-cat\.\d+/.test(path)) return { kind: 'search' };
  return { kind: 'none' };
}

function image(hash: unknown): string | undefined {
  if (typeof hash !== 'string' || !/^[\w-]{6,120}$/.test(hash)) return undefined;
  return `https://down-vn.img.susercontent.com/file/${hash}`;
}

function price(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : undefined;
  return n !== undefined && n > 0 ? vnd(n, PRICE_DIVISOR) : undefined;
}

function categories(value: unknown): string[] | undefined {
  const names = asArray(value)
    .filter(isObject)
    .map((c) => cleanText(c['display_name']))
    .filter((x): x is string => !!x);
  return names.length ? names : undefined;
}

function attributes(value: unknown): Facts['attributes'] {
  const out = asArray(value)
    .filter(isObject)
    .map((a) => ({ name: cleanText(a['name']) ?? '', value: cleanText(a['value']) ?? '' }))
    .filter((a) => a.name && a.value);
  return out.length ? out : undefined;
}

function shopSeller(shop: unknown): Facts['seller'] {
  if (!isObject(shop)) return undefined;
  const id = toId(shop['shopid'] ?? shop['shop_id']);
  return {
    id,
    name: cleanText(shop['name']) ?? cleanText(get(shop, 'account', 'username')),
    url: id ? `${ORIGIN}/shop/${id}` : undefined,
    location: cleanText(shop['shop_location']) ?? cleanText(shop['place']),
    official: typeof shop['is_official_shop'] === 'boolean' ? shop['is_official_shop'] : undefined,
    rating: toRating(shop['rating_star']),
    followers: toCount(shop['follower_count']),
    joinedAt: isoDate(shop['ctime']),
  };
}

/** Facts of an item object (`item/get` data or get_pc data.item). */
function itemFacts(item: Record<string, unknown>): Facts {
  const f: Facts = {};
  f.itemId = toId(item['itemid'] ?? item['item_id']);
  f.shopId = toId(item['shopid'] ?? item['shop_id']);
  f.title = cleanText(item['name'] ?? item['title'], 500);
  f.description = typeof item['description'] === 'string' ? item['description'] : undefined;
  f.price = price(item['price']);
  f.priceMin = price(item['price_min']);
  f.priceMax = price(item['price_max']);
  f.originalPrice = price(item['price_before_discount']) ?? price(item['price_min_before_discount']);
  if (f.price !== undefined) f.currency = typeof item['currency'] === 'string' ? item['currency'] : 'VND';
  f.images = asArray(item['images']).map(image).filter((x): x is string => !!x);
  if (!f.images.length) {
    const one = image(item['image']);
    if (one) f.images = [one];
  }
  f.brand = cleanText(item['brand']);
  f.categoryPath = categories(item['categories']) ?? categories(item['fe_categories']);
  f.attributes = attributes(item['attributes']);
  const rating = item['item_rating'];
  if (isObject(rating)) {
    f.rating = { average: toRating(rating['rating_star']), count: toCount(asArray(rating['rating_count'])[0]) };
  }
  f.soldCount = toCount(item['historical_sold']) ?? toCount(item['sold']);
  const location = cleanText(item['shop_location']);
  if (location || typeof item['is_official_shop'] === 'boolean') {
    f.seller = {
      location,
      official: typeof item['is_official_shop'] === 'boolean' ? item['is_official_shop'] : undefined,
    };
  }
  return f;
}

function addApi(b: ListingBuilder, ctx: PageContext, urlFacts: UrlFacts): void {
  const want = (id: unknown, urlId: string | undefined) => sameItem(urlId, toId(id));
  for (const r of responsesFor(ctx, (u) => API_PATH.test(u.pathname))) {
    const data = get(r.body, 'data');
    if (!isObject(data)) continue;
    if (r.url.pathname === '/api/v4/pdp/get_pc') {
      const item = data['item'];
      if (!isObject(item)) continue;
      const f = itemFacts(item);
      // the displayed price block, when present, is what the buyer sees
      const single = price(get(data, 'product_price', 'price', 'single_value'));
      const min = price(get(data, 'product_price', 'price', 'range_min'));
      const max = price(get(data, 'product_price', 'price', 'range_max'));
      const before = price(get(data, 'product_price', 'price_before_discount', 'single_value'));
      if (single ?? min) f.price = single ?? min;
      if (min && max) Object.assign(f, { priceMin: min, priceMax: max });
      if (before) f.originalPrice = before;
      const review = data['product_review'];
      if (isObject(review)) {
        f.rating = {
          average: toRating(review['rating_star']),
          count: toCount(review['total_rating_count']) ?? toCount(asArray(review['rating_count'])[0]),
        };
        f.soldCount = toCount(review['historical_sold']) ?? f.soldCount;
      }
      const imgs = asArray(get(data, 'product_images', 'images')).map(image).filter((x): x is string => !!x);
      if (imgs.length) f.images = imgs;
      f.attributes = attributes(get(data, 'product_attributes', 'attrs')) ?? f.attributes;
      if (!want(f.itemId, urlFacts.itemId) || !want(f.shopId, urlFacts.shopId)) continue;
      const shop = data['shop_detailed'];
      // data.account is the signed-in buyer: never read (and stripped by sanitizeObservedResponse).
      // shop_detailed is added first so its seller sub-fields win over the item's copies.
      if (isObject(shop) && want(shop['shopid'] ?? shop['shop_id'], f.shopId ?? urlFacts.shopId)) {
        b.add('api_response', 'get_pc data.shop_detailed', { seller: shopSeller(shop) });
      }
      b.add('api_response', 'get_pc data.item', f);
    } else if (r.url.pathname === '/api/v4/item/get') {
      const f = itemFacts(data);
      if (!want(f.itemId, urlFacts.itemId) || !want(f.shopId, urlFacts.shopId)) continue;
      b.add('api_response', 'item/get data', f);
    } else if (r.url.pathname !== SEARCH_PATH) {
      if (!want(data['shopid'] ?? data['shop_id'], urlFacts.shopId) || urlFacts.shopId === undefined) continue;
      b.add('api_response', `${r.url.pathname.slice(8)} data`, { seller: shopSeller(data) });
    }
  }
}

function extract(ctx: PageContext) {
  const urlFacts = parseUrl(ctx.url);
  if (urlFacts.kind !== 'listing') return undefined;
  const b = new ListingBuilder(shopee.order);
  b.add('url', 'path -i.{shopid}.{itemid}', { itemId: urlFacts.itemId, shopId: urlFacts.shopId });
  addApi(b, ctx, urlFacts);
  // og:description on Shopee is a marketing template ("Mua ... giá tốt"), not the item description
  const { stale } = addStructured(b, ctx, shopee, urlFacts, { titleSuffix: /\s*\|\s*Shopee Việt Nam\s*$/i, skipOg: ['description'] });
  const h1 = domText(ctx.document, ['h1']);
  if (h1 && !stale) b.add('dom', 'h1', { title: h1.text });
  return finish(shopee, ctx, b, { keep: [] });
}

function searchIndex(ctx: PageContext): Map<string, Partial<SearchCard>> {
  const map = new Map<string, Partial<SearchCard>>();
  for (const r of responsesFor(ctx, (u) => u.pathname === SEARCH_PATH)) {
    for (const it of asArray(get(r.body, 'items')).slice(0, 500)) {
      const basic = isObject(it) && isObject(it['item_basic']) ? it['item_basic'] : it;
      if (!isObject(basic)) continue;
      const itemId = toId(basic['itemid']);
      if (!itemId || map.has(itemId)) continue;
      const shopId = toId(basic['shopid']);
      map.set(itemId, { shopId, title: cleanText(basic['name'], 500), price: price(basic['price']), url: shopId ? `${ORIGIN}/product/${shopId}/${itemId}` : undefined });
    }
  }
  return map;
}

const findCards = cardFinder(() => shopee, {
  link: 'a[data-sqe="link"], a[href*="-i."], a[href^="/product/"], a[href*="shopee.vn/product/"]',
  card: '[data-sqe="item"], .shopee-search-item-result__item, li',
  title: '[data-sqe="name"]',
  index: searchIndex,
  canonical: { keep: [] },
});

export const shopee: SiteAdapter = defineAdapter({
  id: 'shopee.vn',
  name: 'Shopee',
  matches: ['https://shopee.vn/*', 'https://*.shopee.vn/*'],
  keyIncludesShop: true,
  // the signed-in buyer's name, avatar, account menu and cart: masked in evidence
  buyerChrome: ['.navbar__username', '.navbar__link--account', '.shopee-avatar', '.navbar__link--cart', '.shopee-cart-number-badge', '.cart-drawer-container'],
  order: DEFAULT_ORDER,
  parseUrl,
  observe: {
    origins: ['https://*.shopee.vn/*'],
    path: API_PATH,
    // get_pc: data.account / data.user are the signed-in buyer (default address, birth date), not the shop
    buyerPaths: [['data', 'account'], ['data', 'user']],
  },
  detect: (ctx: PageContext) => detectBy(ctx, parseUrl(ctx.url), '[data-sqe="item"], .shopee-search-item-result__item'),
  extract,
  findCards,
  cardsFromResponses: responseCardFinder(() => shopee, { index: searchIndex, canonical: { keep: [] } }),
});
