// Shared helpers: canonical URLs, price parsing, response sanitising.
import { describe, expect, it } from 'vitest';
import { canonicalUrl, sanitizeObservedResponse } from '../../utils/adapters/index';
import { sliceJsonObject } from '../../utils/adapters/safe-json';
import { htmlToText, parseCompactCount, parsePrice, parsePriceRange } from '../../utils/adapters/text';
import { readFixture } from './helpers';

describe('canonicalUrl', () => {
  it('drops tracking parameters and fragments, keeps ids', () => {
    expect(canonicalUrl('https://shopee.vn/a-i.1.2?sp_atk=x&xptdk=y&utm_source=z#top')).toBe('https://shopee.vn/a-i.1.2');
    expect(canonicalUrl('https://tiki.vn/a-p1.html?spid=2&itm_campaign=x&src=y', { keep: ['spid'] })).toBe('https://tiki.vn/a-p1.html?spid=2');
    expect(canonicalUrl('https://shop.vn/p?id=5&fbclid=1&gclid=2&utm_medium=3&from=home')).toBe('https://shop.vn/p?id=5');
    expect(canonicalUrl('https://user:pw@shop.vn/p')).toBe('https://shop.vn/p');
    expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
    expect(canonicalUrl('https://shop.vn/p?q=' + 'a'.repeat(5000))!.length).toBeLessThanOrEqual(2048);
  });
});

describe('prices', () => {
  it('parses Vietnamese price displays to integer VND', () => {
    expect(parsePrice('2.490.000 ₫')).toBe(2490000);
    expect(parsePrice('₫29,850,000')).toBe(29850000);
    expect(parsePrice('4.040.000₫')).toBe(4040000);
    expect(parsePrice('33990000.00')).toBe(33990000);
    expect(parsePrice('1,2 tr')).toBe(1200000);
    expect(parsePrice('Giá: 850k')).toBe(850000);
    expect(parsePrice('Liên hệ')).toBeUndefined();
    expect(parsePrice('0 đ')).toBeUndefined();
    expect(parsePriceRange('₫100.000 - ₫200.000')).toEqual([100000, 200000]);
    expect(parseCompactCount('Đã bán 31,2k')).toBe(31200);
  });

  it('turns HTML descriptions into text without a DOM', () => {
    expect(htmlToText('<p>A <b>bold</b>.</p><script>evil()</script><ul><li>x &amp; y</li></ul>')).toBe('A bold.\nx & y');
  });

  it('slices object literals out of scripts, strings and escapes included', () => {
    expect(sliceJsonObject('app.run({"a":"}{\\"","b":{"c":1}}); more', 0)).toBe('{"a":"}{\\"","b":{"c":1}}');
    expect(sliceJsonObject('app.run({"a":1', 0)).toBeUndefined();
  });
});

describe('sanitizeObservedResponse', () => {
  it("strips the signed-in buyer's data from Shopee get_pc but keeps the shop", () => {
    const r = JSON.parse(readFixture('shopee', 'get_pc-18364417343.json'));
    const s = sanitizeObservedResponse(r)!;
    const json = JSON.stringify(s.body);
    expect(json).not.toContain('nguoi_mua_01');
    expect(json).not.toContain('buyer@example.com');
    expect(json).not.toContain('Đường Số 3');
    expect(json).not.toContain('631152000');
    expect((s.body as { data: Record<string, unknown> }).data).not.toHaveProperty('account');
    expect(json).toContain('Coolmate Official');
    expect(json).toContain('coolmate.vn'); // shop_detailed.account is the shop, kept
  });

  it('keeps the shop account of get_shop_info (not the buyer)', () => {
    const s = sanitizeObservedResponse(JSON.parse(readFixture('shopee', 'shop-info-34456910.json')))!;
    expect(JSON.stringify(s.body)).toContain('thanhgau33');
  });

  it('caps size and depth and rejects non-http URLs and non-JSON bodies', () => {
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 100; i++) cur = (cur['n'] = {}) as Record<string, unknown>;
    const s = sanitizeObservedResponse({ url: 'https://shopee.vn/api', body: { deep, big: 'x'.repeat(100_000), list: Array(10_000).fill(1) } })!;
    const body = s.body as { big: string; list: number[] };
    expect(body.big.length).toBe(20_000);
    expect(body.list.length).toBe(2_000);
    expect(JSON.stringify(s.body).split('"n"').length - 1).toBeLessThan(30);
    expect(sanitizeObservedResponse({ url: 'file:///etc/passwd', body: {} })).toBeUndefined();
    expect(sanitizeObservedResponse({ url: 'https://shopee.vn/api', body: 'text' })).toBeUndefined();
  });
});

describe('Tiki product URLs', () => {
  it('reads the product id from slugged and short forms', async () => {
    const { tiki } = await import('../../utils/adapters/sites/tiki');
    expect(tiki.parseUrl(new URL('https://tiki.vn/lan-khu-mui-p58673652.html?spid=1'))).toMatchObject({ kind: 'listing', itemId: '58673652' });
    expect(tiki.parseUrl(new URL('https://tiki.vn/p58673652.html'))).toMatchObject({ kind: 'listing', itemId: '58673652' });
    expect(tiki.parseUrl(new URL('https://tiki.vn/help.html')).kind).not.toBe('listing');
  });
});
