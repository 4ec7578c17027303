// Hostile and broken pages: partial Listing or none, never an exception, no prototype pollution,
// capped strings, bounded work.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/limits';
import { ALL_ADAPTERS, createCardTracker, sanitizeObservedResponse } from '../../utils/adapters/index';
import { safeJsonParse } from '../../utils/adapters/safe-json';
import { chotot } from '../../utils/adapters/sites/chotot';
import { genericAdapter } from '../../utils/adapters/sites/generic';
import { lazada } from '../../utils/adapters/sites/lazada';
import { shopee } from '../../utils/adapters/sites/shopee';
import { tiki } from '../../utils/adapters/sites/tiki';
import { tiktok } from '../../utils/adapters/sites/tiktok';
import { ctxFor, expectValidListing } from './helpers';

const LISTING_URLS: Record<string, string> = {
  'shopee.vn': 'https://shopee.vn/x-i.788908334.18364417343',
  'lazada.vn': 'https://www.lazada.vn/products/x-i2412345678.html',
  'tiki.vn': 'https://tiki.vn/x-p275461234.html',
  'sendo.vn': 'https://www.sendo.vn/x-47123456.html',
  'chotot.com': 'https://www.chotot.com/x/121987654.htm',
  'tiktok.shop': 'https://shop.tiktok.com/vn/pdp/1731234567890123456',
  'facebook.com/marketplace': 'https://www.facebook.com/marketplace/item/1234567890123456/',
  generic: 'https://shop.example.vn/p/1',
};

const BROKEN_PAGES: Record<string, string> = {
  empty: '',
  'missing nodes': '<html><head></head><body><h1></h1><div class="pdp-product-price"></div></body></html>',
  'empty JSON': `<script id="__NEXT_DATA__" type="application/json"></script><script id="__MODERN_ROUTER_DATA__" type="application/json">{}</script><script type="application/ld+json"></script><script>var __moduleData__ = {};</script>`,
  'JSON that is not JSON': `<script id="__NEXT_DATA__" type="application/json">{"props": {"pageProps": </script><script type="application/ld+json">{"@type":"Product","name":</script><script>app.run({"data":{"root":{"fields":{"product":{"title":"x"</script><script>var pdpTrackingData = "{\\"pdt_name\\":";</script>`,
  'wrong types': `<script type="application/ld+json">{"@type":"Product","name":{"x":1},"offers":[null,1,"a"],"image":[null,{"url":5}],"brand":[[]],"aggregateRating":{"ratingValue":"NaN","reviewCount":-5}}</script><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"initialState":{"adView":{"adInfo":{"ad":{"list_id":121987654,"subject":["a"],"price":"free","images":"x"}}}}}}}</script>`,
  'deep nesting': `<script id="__NEXT_DATA__" type="application/json">${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}</script>`,
};

describe('broken pages never throw', () => {
  for (const a of ALL_ADAPTERS) {
    for (const [name, html] of Object.entries(BROKEN_PAGES)) {
      it(`${a.id}: ${name}`, () => {
        const ctx = ctxFor(LISTING_URLS[a.id]!, html, [
          { url: 'https://shopee.vn/api/v4/pdp/get_pc?item_id=1', body: { data: { item: 'nope', shop_detailed: [1, 2] } } },
          { url: 'not a url', body: null },
          { url: 'https://shop.tiktok.com/api/shop/vn/pdp_desktop/page_data', body: 'text' },
        ]);
        expect(() => a.detect(ctx)).not.toThrow();
        const listing = a.extract(ctx);
        // site adapters still know the item from the URL: a partial listing, valid against the contract
        if (a !== genericAdapter) {
          const l = expectValidListing(listing);
          expect(l.itemId).toBeDefined();
          expect(l.provenance.itemId?.source).toBe('url');
        } else if (listing) {
          expectValidListing(listing);
        }
        expect(a.findCards ? a.findCards(ctx.document, ctx) : []).toEqual([]);
      });
    }
  }
});

describe('prototype pollution', () => {
  it('safeJsonParse drops __proto__ / constructor / prototype keys', () => {
    const v = safeJsonParse('{"__proto__":{"polluted":1},"a":{"constructor":{"prototype":{"polluted":1}},"b":2}}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['a']);
    expect(v['a']).toEqual({ b: 2 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('__proto__ keys in embedded data, JSON-LD, microdata and responses pollute nothing', () => {
    const evil = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}';
    const html = `
      <script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"initialState":{"adView":{"adInfo":{"ad":${evil},"list_id":121987654,"subject":"Xe","price":1000000},"ad_params":${evil},"__proto__":{"x":1}}}}}}}}</script>
      <script type="application/ld+json">{"@type":"Product","name":"A",${evil.slice(1)}}</script>
      <div itemscope itemtype="https://schema.org/Product"><meta itemprop="__proto__" content="x"><meta itemprop="name constructor" content="B"></div>
      <script>app.run({"data":{"root":{"fields":{"__proto__":{"polluted":"yes"},"product":{"title":"T"}}}}});</script>`;
    for (const a of ALL_ADAPTERS) {
      const ctx = ctxFor(LISTING_URLS[a.id]!, html, [{ url: 'https://shopee.vn/api/v4/item/get', body: JSON.parse(`{"data":${evil}}}`) }]);
      a.extract(ctx);
      a.findCards?.(ctx.document, ctx);
    }
    sanitizeObservedResponse({ url: 'https://shopee.vn/api/v4/item/get', body: JSON.parse(`{"data":${evil}}}`) });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('x');
  });
});

describe('oversized input is capped and bounded', () => {
  it('a 5 MB title is capped to LIMITS.title everywhere', () => {
    const huge = 'Hàng giả '.repeat(600_000); // ~5.4 MB
    // the JSON-LD block is > 2 MB and is skipped unread (bounded work); OpenGraph marks the product
    const html = `<html><head><meta property="og:type" content="product"><meta property="og:title" content="${huge}"><script type="application/ld+json">${JSON.stringify({ '@type': 'Product', name: huge, description: huge, brand: huge, sku: 'S1', offers: { price: 100000, priceCurrency: 'VND' } })}</script></head><body><h1>${huge}</h1></body></html>`;
    for (const a of [shopee, tiki, genericAdapter]) {
      const started = performance.now();
      const l = expectValidListing(a.extract(ctxFor(LISTING_URLS[a.id]!, html)));
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(l.title!.length).toBeLessThanOrEqual(LIMITS.title);
      expect(l.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
      expect(l.brand?.length ?? 0).toBeLessThanOrEqual(LIMITS.shortText);
    }
  });

  it('a 5 MB title in an observed response and in embedded JSON is capped', () => {
    const huge = 'x'.repeat(5_000_000);
    const ctx = ctxFor('https://shopee.vn/x-i.1.2', undefined, [
      { url: 'https://shopee.vn/api/v4/item/get?itemid=2&shopid=1', body: { data: { itemid: 2, shopid: 1, name: huge, description: huge, price: 100000000, images: Array(5000).fill('abcdef12') } } },
    ]);
    const l = expectValidListing(shopee.extract(ctx));
    expect(l.title).toHaveLength(LIMITS.title);
    expect(l.description!.length).toBeLessThanOrEqual(LIMITS.description);
    expect(l.images.length).toBeLessThanOrEqual(LIMITS.images);
    const lz = `<script>var __moduleData__ = ${JSON.stringify({ data: { root: { fields: { product: { title: huge } } } } })};</script>`;
    expect(expectValidListing(lazada.extract(ctxFor(LISTING_URLS['lazada.vn']!, lz))).title).toHaveLength(LIMITS.title);
  });

  it('50,000 cards: scans are capped per call and stay fast; later calls continue', () => {
    const n = 50_000;
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(`<li data-sqe="item"><a data-sqe="link" href="/p-i.1.${100000 + i}">₫1.000</a></li>`);
    const ctx = ctxFor('https://shopee.vn/search?keyword=x', `<ul>${parts.join('')}</ul>`);
    const tracker = createCardTracker(shopee, ctx);
    const started = performance.now();
    const first = tracker.scan(ctx.document);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(first.length).toBe(1_000);
    expect(first[0]).toMatchObject({ itemId: '100000', shopId: '1', price: 1000 });
    const second = tracker.scan(ctx.document);
    expect(second).toHaveLength(1_000);
    expect(second[0]!.itemId).toBe('101000');
    expect(tracker.size).toBe(2_000);
  }, 60_000);

  it('nested iframes are not entered and do not break extraction', () => {
    let frames = '<p>end</p>';
    for (let i = 0; i < 30; i++) frames = `<iframe srcdoc="${frames.replace(/"/g, '&quot;')}"></iframe>`;
    const html = `<html><body><h1>Tiêu đề</h1>${frames}<iframe src="https://evil.example/"></iframe></body></html>`;
    for (const a of [shopee, tiki, chotot, tiktok, genericAdapter]) {
      const ctx = ctxFor(LISTING_URLS[a.id]!, html);
      expect(() => a.extract(ctx)).not.toThrow();
      if (a !== genericAdapter) expect(a.extract(ctx)!.title).toBe('Tiêu đề');
    }
  });

  it('invalid URLs in pages are dropped, never emitted', () => {
    const html = `<script type="application/ld+json">{"@type":"Product","name":"A","sku":"1","image":["javascript:alert(1)","data:image/png;base64,AA","//cdn.example.vn/a.jpg","https://${'a'.repeat(3000)}.vn/x.jpg"],"offers":{"price":"1000","seller":{"name":"S","url":"javascript:alert(1)"}}}</script>`;
    const l = expectValidListing(genericAdapter.extract(ctxFor('https://shop.example.vn/p/1', html)));
    expect(l.images).toEqual(['https://cdn.example.vn/a.jpg']);
    expect(l.seller).toEqual({ name: 'S' });
  });
});
