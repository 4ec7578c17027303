// Registry conventions: unique ids, valid match patterns, URL routing, fixtures + cases per adapter,
// provenance sources from the contract.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVENANCE_SOURCES } from '../../contract/listing';
import { MARKETPLACE_MATCHES } from '../../utils/hosts';
import { ALL_ADAPTERS, SITE_ADAPTERS, genericAdapter, isValidMatchPattern, matchesPattern, pickAdapter } from '../../utils/adapters/index';
import { fixturesDir, loadCases, SITE_DIRS } from './helpers';

describe('adapter registry', () => {
  it('has unique ids and names', () => {
    const ids = ALL_ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ALL_ADAPTERS.map((a) => a.name)).size).toBe(ids.length);
    expect(ALL_ADAPTERS.at(-1)).toBe(genericAdapter);
    expect(SITE_ADAPTERS).not.toContain(genericAdapter);
  });

  it('uses valid WebExtension match patterns', () => {
    for (const a of ALL_ADAPTERS) {
      expect(a.matches.length, a.id).toBeGreaterThan(0);
      for (const p of a.matches) expect(isValidMatchPattern(p), `${a.id}: ${p}`).toBe(true);
    }
    expect(isValidMatchPattern('https://shopee.vn')).toBe(false);
    expect(isValidMatchPattern('shopee.vn/*')).toBe(false);
    expect(isValidMatchPattern('https://*shopee.vn/*')).toBe(false);
  });

  it('site adapters only claim hosts the extension can run on (utils/hosts.ts)', () => {
    const samples: Record<string, string> = {
      'shopee.vn': 'https://shopee.vn/a-i.1.2',
      'lazada.vn': 'https://www.lazada.vn/products/a-i1.html',
      'tiki.vn': 'https://tiki.vn/a-p1.html',
      'sendo.vn': 'https://www.sendo.vn/a-12345.html',
      'chotot.com': 'https://xe.chotot.com/a/12345.htm',
      'tiktok.shop': 'https://shop.tiktok.com/vn/pdp/1731234567890123456',
      'facebook.com/marketplace': 'https://www.facebook.com/marketplace/item/123456/',
    };
    for (const a of SITE_ADAPTERS) {
      const url = new URL(samples[a.id]!);
      expect(MARKETPLACE_MATCHES.some((p) => matchesPattern(p, url)), a.id).toBe(true);
    }
  });

  it('picks adapters by URL, undefined for unknown hosts', () => {
    const pick = (u: string) => pickAdapter(new URL(u))?.id;
    expect(pick('https://shopee.vn/search?keyword=x')).toBe('shopee.vn');
    expect(pick('https://mall.shopee.vn/x')).toBe('shopee.vn');
    expect(pick('https://www.lazada.vn/catalog/?q=x')).toBe('lazada.vn');
    expect(pick('https://tiki.vn/x-p1.html')).toBe('tiki.vn');
    expect(pick('https://www.sendo.vn/x-123456.html')).toBe('sendo.vn');
    expect(pick('https://www.chotot.com/x/123456.htm')).toBe('chotot.com');
    expect(pick('https://xe.chotot.com/x/123456.htm')).toBe('chotot.com');
    expect(pick('https://nha.chotot.com/x/123456.htm')).toBe('chotot.com');
    expect(pick('https://shop.tiktok.com/vn/pdp/1731234567890123456')).toBe('tiktok.shop');
    expect(pick('https://www.tiktok.com/view/product/1731234567890123456')).toBe('tiktok.shop');
    expect(pick('https://www.tiktok.com/@someone/video/1')).toBeUndefined();
    expect(pick('https://www.facebook.com/marketplace/item/123/')).toBe('facebook.com/marketplace');
    expect(pick('https://www.facebook.com/groups/123')).toBeUndefined();
    expect(pick('https://evilshopee.vn/x')).toBeUndefined();
    expect(pick('https://shopee.vn.evil.com/x')).toBeUndefined();
    expect(pick('https://www.dienmayxanh.com/x')).toBeUndefined();
  });

  it('declares key shape, resolution order from the contract sources, and URL parsing', () => {
    for (const a of ALL_ADAPTERS) {
      expect(typeof a.keyIncludesShop).toBe('boolean');
      expect(new Set(a.order).size).toBe(a.order.length);
      for (const s of a.order) expect(PROVENANCE_SOURCES).toContain(s);
      expect(a.parseUrl(new URL('https://example.com/')).kind).toBe('none');
    }
    // only Shopee carries the shop id in its item URLs
    expect(SITE_ADAPTERS.filter((a) => a.keyIncludesShop).map((a) => a.id)).toEqual(['shopee.vn']);
  });

  it('observes only the page API responses it uses', () => {
    const shopee = pickAdapter(new URL('https://shopee.vn/'))!;
    expect(shopee.observeResponse!(new URL('https://shopee.vn/api/v4/pdp/get_pc?item_id=1&shop_id=2'))).toBe(true);
    expect(shopee.observeResponse!(new URL('https://shopee.vn/api/v4/account/basic/get_account_info'))).toBe(false);
    expect(shopee.observeResponse!(new URL('https://evil.example/api/v4/pdp/get_pc'))).toBe(false);
  });

  it('every adapter has fixtures and test cases covering its page kinds', () => {
    const dirsById = new Map(SITE_DIRS.map((d) => [loadCases(d).adapter, d]));
    for (const a of ALL_ADAPTERS) {
      const dir = dirsById.get(a.id);
      expect(dir, `fixtures for ${a.id}`).toBeDefined();
      const { cases } = loadCases(dir!);
      expect(cases.some((c) => c.expect.kind === 'listing'), `${a.id} listing case`).toBe(true);
      if (a.findCards) expect(cases.some((c) => c.expect.kind === 'search'), `${a.id} search case`).toBe(true);
      for (const c of cases) {
        for (const f of [c.html, ...(c.responses ?? [])].filter(Boolean)) {
          expect(fs.existsSync(path.join(fixturesDir, dir!, f!)), `${dir}/${f}`).toBe(true);
        }
      }
    }
  });
});
