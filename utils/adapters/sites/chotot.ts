// Chợ Tốt (chotot.com and its verticals: xe.chotot.com, nha.chotot.com, ...). Classifieds on Next.js.
//
// Sources: url (list_id: `/{slug}/{list_id}.htm`) · embedded_json `__NEXT_DATA__` →
// props.pageProps.initialState.adView.adInfo.ad {list_id, subject, body, price, account_name,
// account_oid, region_name, area_name, ward_name, images, category_name, average_rating,
// total_rating, params} and adView.adInfo.ad_params {label, value} · api_response
// (gateway.chotot.com `/v1/public/ad-listing/{list_id}`: same `ad` object; on listing pages
// `/v1/public/ad-listing?…`: `ads[]` of the same shape, which become search cards) · json_ld /
// opengraph · dom (h1).
// Guard: Next.js keeps the first page's __NEXT_DATA__ after client-side navigation, so it is used
// only when its list_id equals the one in the URL.
// Not available: phone (masked by the site, never kept), seller URL, brand outside ad params.
import { absoluteUrl } from '../canonical-url';
import { addStructured, cardFinder, DEFAULT_ORDER, detectBy, domText, finish, ListingBuilder, responseCardFinder, responsesFor, type Facts } from '../common';
import { defineAdapter } from '../define-adapter';
import { qs, textOf } from '../dom';
import { asArray, findObject, get, isObject, safeJsonParse, type JsonObject } from '../safe-json';
import { cleanText, toId, toRating, vnd } from '../text';
import type { PageContext, SearchCard, SiteAdapter, UrlFacts } from '../types';

/** The gateway's ad API: one ad (`/ad-listing/{list_id}`) or a result page (`/ad-listing?…`). */
const AD_API = /^\/v\d\/public\/ad-listing(\/\d{5,15})?\/?(\?|$)/;

function parseUrl(url: URL): UrlFacts {
  const m = /\/(\d{5,15})\.htm$/.exec(url.pathname);
  if (m) return { kind: 'listing', itemId: m[1] };
  if (/^\/(mua-ban|cho-thue|thue|viec-lam|tim-viec|user|cua-hang|shop)/.test(url.pathname) || url.searchParams.has('q')) {
    return { kind: 'search' };
  }
  return { kind: 'none' };
}

function adFacts(ad: JsonObject, params: unknown, base: URL): Facts {
  const f: Facts = {};
  f.itemId = toId(ad['list_id']);
  f.title = cleanText(ad['subject'], 500);
  f.description = typeof ad['body'] === 'string' ? ad['body'] : undefined;
  f.price = vnd(ad['price']);
  if (f.price !== undefined) f.currency = 'VND';
  f.shopId = toId(ad['account_oid']) ?? toId(ad['account_id']);
  const location = [ad['ward_name'], ad['area_name'], ad['region_name']].map((x) => cleanText(x)).filter((x) => !!x).join(', ');
  if (location) f.location = location;
  f.seller = {
    id: f.shopId,
    name: cleanText(ad['account_name'] ?? ad['full_name']),
    rating: toRating(ad['average_rating']),
    location: cleanText(ad['region_name']),
    // shop_alias / company_ad mark professional sellers ("Đối tác"/"Chuyên nghiệp")
    official: ad['company_ad'] === true ? true : undefined,
  };
  f.images = asArray(ad['images']).map((u) => absoluteUrl(u, base)).filter((u): u is string => !!u);
  if (!f.images.length) {
    const one = absoluteUrl(ad['image'], base);
    if (one) f.images = [one];
  }
  const category = cleanText(ad['category_name']);
  if (category) f.categoryPath = [category];
  const attrs: { name: string; value: string }[] = [];
  if (isObject(params)) {
    for (const key of Object.keys(params).slice(0, 80)) {
      const p = params[key];
      const name = cleanText(get(p, 'label'));
      const value = cleanText(get(p, 'value'));
      if (!name || !value) continue;
      if (key === 'elt_condition' || key === 'condition_ad' || /^tình trạng$/i.test(name)) f.condition = value;
      if (/brand$/.test(key)) f.brand = value;
      if (key === 'address') continue; // exact street address: keep the area-level location only
      attrs.push({ name, value });
    }
  } else {
    for (const p of asArray(ad['params']).slice(0, 80)) {
      const name = cleanText(get(p, 'label'));
      const value = cleanText(get(p, 'value'));
      if (name && value) attrs.push({ name, value });
    }
  }
  if (attrs.length) f.attributes = attrs;
  return f;
}

function extract(ctx: PageContext) {
  const urlFacts = parseUrl(ctx.url);
  if (urlFacts.kind !== 'listing') return undefined;
  const b = new ListingBuilder(chotot.order);
  b.add('url', 'path /{list_id}.htm', { itemId: urlFacts.itemId });
  const isAd = (o: JsonObject) => toId(o['list_id']) === urlFacts.itemId && typeof o['subject'] === 'string';
  for (const r of responsesFor(ctx, (u) => AD_API.test(u.pathname))) {
    const ad = findObject(r.body, isAd, { maxDepth: 5, maxNodes: 5_000 });
    if (ad) b.add('api_response', r.url.pathname, adFacts(ad, get(r.body, 'ad_params'), ctx.url));
  }
  const next = qs(ctx.document, 'script#__NEXT_DATA__');
  const data = next ? safeJsonParse(textOf(next, 8_000_000)) : undefined;
  const adInfo = get(data, 'props', 'pageProps', 'initialState', 'adView', 'adInfo');
  const ad = get(adInfo, 'ad');
  if (isObject(ad) && isAd(ad)) {
    b.add('embedded_json', '__NEXT_DATA__ props.pageProps.initialState.adView.adInfo.ad', adFacts(ad, get(adInfo, 'ad_params'), ctx.url));
  }
  const { stale } = addStructured(b, ctx, chotot, urlFacts, { titleSuffix: /\s*[|-]\s*Chợ Tốt.*$/i });
  const h1 = domText(ctx.document, ['h1']);
  if (h1 && !stale) b.add('dom', 'h1', { title: h1.text });
  return finish(chotot, ctx, b, { keep: [], https: true });
}

function listIndex(ctx: PageContext): Map<string, Partial<SearchCard>> {
  const map = new Map<string, Partial<SearchCard>>();
  for (const r of responsesFor(ctx, (u) => AD_API.test(u.pathname))) {
    for (const ad of asArray(get(r.body, 'ads')).slice(0, 500)) {
      if (!isObject(ad)) continue;
      const itemId = toId(ad['list_id']);
      if (!itemId || map.has(itemId)) continue;
      // ads name no page URL; chotot.com answers `/{list_id}.htm` for any ad
      map.set(itemId, { shopId: toId(ad['account_oid']), title: cleanText(ad['subject'], 500), price: vnd(ad['price']), url: `https://www.chotot.com/${itemId}.htm` });
    }
  }
  return map;
}

const findCards = cardFinder(() => chotot, {
  link: 'a[href*=".htm"]',
  card: '[itemtype$="ListItem"], li, article',
  title: 'h3, [class*="title"]',
  index: listIndex,
  canonical: { keep: [], https: true },
});

export const chotot: SiteAdapter = defineAdapter({
  id: 'chotot.com',
  name: 'Chợ Tốt',
  matches: ['https://chotot.com/*', 'https://*.chotot.com/*'],
  keyIncludesShop: false,
  // the signed-in buyer's name, avatar, account menu and cart: masked in evidence
  buyerChrome: ['[class*="UserMenu"]', '[class*="userMenu"]', '[class*="HeaderAvatar"]', 'a[href*="/tai-khoan"]'],
  order: DEFAULT_ORDER,
  parseUrl,
  observe: { origins: ['https://*.chotot.com/*'], path: AD_API },
  detect: (ctx: PageContext) => detectBy(ctx, parseUrl(ctx.url)),
  extract,
  findCards,
  cardsFromResponses: responseCardFinder(() => chotot, { index: listIndex, canonical: { keep: [], https: true } }),
});
