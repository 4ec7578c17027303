import { describe, expect, it } from 'vitest';
import { originPattern, userGrantedOrigins } from '../../utils/site-access';

describe('site access', () => {
  it('turns a page address into its origin pattern, and refuses non-web pages', () => {
    expect(originPattern('https://shop.example/products/1?x=2#y')).toBe('https://shop.example/*');
    expect(originPattern('http://localhost:3000/a')).toBe('http://localhost:3000/*');
    expect(originPattern('chrome://extensions')).toBeUndefined();
    expect(originPattern('file:///etc/passwd')).toBeUndefined();
    expect(originPattern('not a url')).toBeUndefined();
  });

  it('keeps only single origins the user granted, never the built-in marketplaces or wildcards', () => {
    expect(
      userGrantedOrigins(['https://shopee.vn/*', 'https://shop.example/*', 'https://*/*', 'http://*/*', 'https://b.example/*', 'https://shop.example/*']),
    ).toEqual(['https://b.example/*', 'https://shop.example/*']);
    expect(userGrantedOrigins(undefined)).toEqual([]);
  });
});
