import { describe, expect, it } from 'vitest';
import { createUserSitesSync, isShopEnabled, originPattern, userGrantedOrigins, type UserSitesApi } from '../../utils/site-access';

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

  it('runs syncs one after another, so simultaneous syncs neither fail nor keep stale origins', async () => {
    // a browser-like registry: async calls, and registering a registered id fails as Chrome does
    let registered: string[] | undefined;
    let granted = ['https://shop.example/*'];
    const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
    const api: UserSitesApi = {
      grantedOrigins: async () => (await tick(), [...granted]),
      isRegistered: async () => (await tick(), registered !== undefined),
      unregister: async () => {
        await tick();
        if (!registered) throw new Error('Nonexistent script ID');
        registered = undefined;
      },
      register: async (origins) => {
        await tick();
        if (registered) throw new Error("Duplicate script ID 'user-enabled-shops'");
        registered = origins;
      },
    };
    const sync = createUserSitesSync(api);
    const first = sync();
    granted = ['https://b.example/*', 'https://shop.example/*'];
    const results = await Promise.allSettled([first, sync(), sync()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(registered).toEqual(['https://b.example/*', 'https://shop.example/*']);
    granted = [];
    await sync();
    expect(registered).toBeUndefined();
  });

  it('counts a shop as enabled only when its own origin was granted, not through an inspector\'s <all_urls>', () => {
    expect(isShopEnabled('https://shop.example/*', ['<all_urls>', 'https://shopee.vn/*'])).toBe(false);
    expect(isShopEnabled('https://shop.example/*', ['<all_urls>', 'https://shop.example/*'])).toBe(true);
    expect(isShopEnabled('https://shop.example/*', undefined)).toBe(false);
  });
});
