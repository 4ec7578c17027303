// defineAdapter refuses site declarations that would never match in a browser or would match too much.
import { describe, expect, it } from 'vitest';
import { defineAdapter } from '../../utils/adapters/define-adapter';
import { DEFAULT_ORDER } from '../../utils/adapters/common';
import type { AdapterSpec } from '../../utils/adapters/define-adapter';

const base: AdapterSpec = {
  id: 'shop.example.vn',
  name: 'Example',
  matches: ['https://shop.example.vn/*'],
  keyIncludesShop: false,
  order: DEFAULT_ORDER,
  parseUrl: () => ({ kind: 'none' }),
  detect: () => 'none',
  extract: () => undefined,
};

describe('defineAdapter guards', () => {
  it('accepts a well-formed site and derives observeResponse from the declaration', () => {
    const a = defineAdapter({ ...base, observe: { origins: ['https://*.example.vn/*'], path: /^\/api\/items(\?|$)/ } });
    expect(a.observeResponse!(new URL('https://api.example.vn/api/items?q=1'))).toBe(true); // another subdomain (cross-origin)
    expect(a.observeResponse!(new URL('https://shop.example.vn/api/account'))).toBe(false);
    expect(a.observeResponse!(new URL('https://example.com/api/items'))).toBe(false);
    expect(a.observeResponse!(new URL('http://shop.example.vn/api/items'))).toBe(false);
  });

  it('takes buyer-chrome selectors, refusing ones that would mask the whole page or are not bounded', () => {
    expect(defineAdapter({ ...base, buyerChrome: ['.navbar__username', '[aria-label="Giỏ hàng"]'] }).buyerChrome).toHaveLength(2);
    expect(() => defineAdapter({ ...base, buyerChrome: ['body'] })).toThrow(/whole page/);
    expect(() => defineAdapter({ ...base, buyerChrome: [' '] })).toThrow(/CSS selectors/);
    expect(() => defineAdapter({ ...base, buyerChrome: ['x'.repeat(201)] })).toThrow(/CSS selectors/);
    expect(() => defineAdapter({ ...base, buyerChrome: Array.from({ length: 21 }, (_, i) => `.a${i}`) })).toThrow(/at most 20/);
  });

  it('wraps entry points so page data cannot throw into the content script', () => {
    const a = defineAdapter({ ...base, detect: () => { throw new Error('x'); }, extract: () => { throw new Error('x'); } });
    expect(a.detect({} as never)).toBe('none');
    expect(a.extract({} as never)).toBeUndefined();
  });

  it.each([
    ['invalid match pattern', { matches: ['shop.example.vn/*'] }],
    ['all hosts', { matches: ['<all_urls>'] }],
    ['wildcard host', { matches: ['https://*/*'] }],
    ['http page', { matches: ['http://shop.example.vn/*'] }],
    ['bad id', { id: 'Shop Example' }],
    ['observe on another site', { observe: { origins: ['https://*.tracker.com/*'], path: /^\/api\// } }],
    ['observe on a public suffix', { observe: { origins: ['https://*.vn/*'], path: /^\/api\// } }],
    ['unanchored path', { observe: { origins: ['https://shop.example.vn/*'], path: /\/api\// } }],
    ['stateful g flag', { observe: { origins: ['https://shop.example.vn/*'], path: /^\/api\//g } }],
    ['path that accepts everything', { observe: { origins: ['https://shop.example.vn/*'], path: /^\/.*/ } }],
    ['buyer path too deep', { observe: { origins: ['https://shop.example.vn/*'], path: /^\/api\//, buyerPaths: [['a', 'b', 'c', 'd', 'e', 'f', 'g']] } }],
    ['cards from responses without observe', { cardsFromResponses: () => [] }],
  ] as [string, Partial<AdapterSpec>][])('refuses %s', (_name, change) => {
    expect(() => defineAdapter({ ...base, ...change })).toThrow(/defineAdapter/);
  });

  it('lets only an explicit any-host adapter (generic) claim every host', () => {
    expect(() => defineAdapter({ ...base, id: 'generic-x', matches: ['https://*/*'] }, { anyHost: true })).not.toThrow();
  });
});
