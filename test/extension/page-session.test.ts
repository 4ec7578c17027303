// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Listing } from '../../contract/listing';
import type { PageContext, SearchCard, SiteAdapter } from '../../utils/adapters/types';
import { startPageSession } from '../../utils/content/page-session';

/** The slice of WXT's ContentScriptContext the session uses, with timers and listeners that really run. */
function fakeContext() {
  const cleanups: (() => void)[] = [];
  const ctx = {
    setTimeout: (fn: () => void, ms: number) => {
      const id = setTimeout(fn, ms);
      cleanups.push(() => clearTimeout(id)); // like WXT: timers die with the context
      return id as unknown as number;
    },
    addEventListener: (target: EventTarget, type: string, listener: EventListener) => {
      target.addEventListener(type, listener);
      cleanups.push(() => target.removeEventListener(type, listener));
    },
    onInvalidated: (fn: () => void) => cleanups.push(fn),
  };
  return { ctx: ctx as unknown as ContentScriptContext, invalidate: () => cleanups.forEach((fn) => fn()) };
}

const itemOf = (url: URL) => url.pathname.match(/item-(\d+)/)?.[1];

/** Reads the item's title from the page, but only when the page shows the item in the URL. */
const fakeAdapter: SiteAdapter = {
  id: 'fake.example',
  name: 'Fake',
  matches: ['https://fake.example/*'],
  keyIncludesShop: false,
  order: ['dom'],
  parseUrl: (url) => ({ kind: itemOf(url) ? 'listing' : url.pathname === '/search' ? 'search' : 'none', itemId: itemOf(url) }),
  detect: (ctx: PageContext) => fakeAdapter.parseUrl(ctx.url).kind,
  extract: (ctx: PageContext): Listing | undefined => {
    const itemId = itemOf(ctx.url);
    const h1 = ctx.document.querySelector(`h1[data-item="${itemId}"]`);
    return itemId ? { site: 'fake.example', listingKey: `fake.example:${itemId}`, url: ctx.url.href, itemId, title: h1?.textContent ?? undefined, images: [], provenance: {} } : undefined;
  },
  findCards: (root: ParentNode): SearchCard[] =>
    [...(root instanceof Element && root.matches('.card') ? [root] : []), ...root.querySelectorAll('.card')].map((element) => ({
      itemId: element.id,
      key: `fake.example:${element.id}`,
      url: `https://fake.example/item-${element.id}`,
      element,
    })),
};

const tick = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe('page session', () => {
  it('re-extracts after SPA navigation and never shows the previous item on the new URL', async () => {
    history.replaceState({}, '', '/item-1');
    document.body.innerHTML = '<h1 data-item="1">First item</h1>';
    const shown: (string | undefined)[] = [];
    const { ctx, invalidate } = fakeContext();
    startPageSession(ctx, { showListing: (listing) => shown.push(listing ? `${listing.listingKey}|${listing.title ?? ''}` : undefined), showCards: vi.fn() }, () => fakeAdapter);
    expect(shown).toEqual([undefined, 'fake.example:1|First item']);

    history.pushState({}, '', '/item-2'); // the old item's DOM is still on the page for a moment
    window.dispatchEvent(new Event('wxt:locationchange'));
    expect(shown.slice(2)).toEqual([undefined, 'fake.example:2|']);
    document.body.innerHTML = '<h1 data-item="2">Second item</h1>'; // the app renders the new item
    await tick();
    expect(shown.at(-1)).toBe('fake.example:2|Second item');
    expect(shown.slice(2).some((entry) => entry?.includes('First'))).toBe(false);
    invalidate();
  });

  it('scans a results page once, then only the cards infinite scroll adds', async () => {
    history.replaceState({}, '', '/search');
    document.body.innerHTML = '<ul><li class="card" id="a"></li><li class="card" id="b"></li></ul>';
    const batches: string[][] = [];
    const findCards = vi.spyOn(fakeAdapter, 'findCards');
    const { ctx, invalidate } = fakeContext();
    startPageSession(ctx, { showListing: vi.fn(), showCards: (cards) => cards.length && batches.push(cards.map((card) => card.itemId)) }, () => fakeAdapter);
    expect(batches).toEqual([['a', 'b']]);
    const list = document.querySelector('ul')!;
    for (const id of ['c', 'd']) {
      const li = document.createElement('li');
      li.className = 'card';
      li.id = id;
      list.append(li);
    }
    await tick();
    expect(batches).toEqual([['a', 'b'], ['c', 'd']]);
    // after the first scan, only added subtrees are searched, never the whole document again
    expect(findCards.mock.calls.filter(([root]) => root === document)).toHaveLength(1);
    invalidate();
    findCards.mockRestore();
  });
});
