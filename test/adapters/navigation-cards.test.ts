// Single-page navigation (no stale data from the previous item) and incremental card tracking.
import { describe, expect, it } from 'vitest';
import { createCardTracker, pickAdapter } from '../../utils/adapters/index';
import { chotot } from '../../utils/adapters/sites/chotot';
import { shopee } from '../../utils/adapters/sites/shopee';
import { ctxFor, expectValidListing, readFixture } from './helpers';

describe('single-page navigation', () => {
  it('Shopee: after pushState to item B, item A get_pc response and head are ignored', () => {
    const getPcA = JSON.parse(readFixture('shopee', 'get_pc-18364417343.json'));
    // same document (head still describes item A), URL now points at item B
    const ctx = ctxFor('https://shopee.vn/Dep-i.34456910.22051234567', readFixture('shopee', 'product-shell.html'), [getPcA]);
    expect(shopee.detect(ctx)).toBe('listing');
    const l = expectValidListing(shopee.extract(ctx));
    expect(l.listingKey).toBe('shopee.vn:34456910:22051234567');
    const json = JSON.stringify(l);
    expect(json).not.toContain('Coolmate');
    expect(json).not.toContain('lstest0001');
    expect(l).not.toHaveProperty('price');
    // the head still names item A, so the rendered h1 (still A while the SPA re-renders) is not used
    expect(l).not.toHaveProperty('title');
    expect(Object.keys(l.provenance).sort()).toEqual(['itemId', 'shopId']);
  });

  it('Shopee: once B responses arrive, they win and A responses are still ignored', () => {
    const getPcA = JSON.parse(readFixture('shopee', 'get_pc-18364417343.json'));
    const itemB = JSON.parse(readFixture('shopee', 'item-get-22051234567.json'));
    const ctx = ctxFor('https://shopee.vn/product/34456910/22051234567', '<html><body></body></html>', [getPcA, itemB]);
    const l = expectValidListing(shopee.extract(ctx));
    expect(l).toMatchObject({ title: 'Dép Quai Ngang Nam Nữ Đế Êm', price: 45000 });
  });

  it('Chợ Tốt: the first page __NEXT_DATA__ is not reused for another ad after client navigation', () => {
    const html = readFixture('chotot', 'ad.html');
    const ctx = ctxFor('https://xe.chotot.com/mua-ban-xe-may/121000111.htm', html);
    const l = expectValidListing(chotot.extract(ctx));
    expect(l.itemId).toBe('121000111');
    expect(JSON.stringify(l)).not.toContain('72500000');
    expect(l).not.toHaveProperty('seller');
  });

  it('re-detects the page kind from the URL on back/forward', () => {
    const doc = readFixture('shopee', 'search.html');
    const a = pickAdapter(new URL('https://shopee.vn/search?keyword=x'))!;
    expect(a.detect(ctxFor('https://shopee.vn/search?keyword=x', doc))).toBe('search');
    expect(a.detect(ctxFor('https://shopee.vn/x-i.1.2', doc))).toBe('listing');
    expect(a.detect(ctxFor('https://shopee.vn/cart', '<html><body></body></html>'))).toBe('none');
    expect(a.detect(ctxFor('https://shopee.vn/some.shop', doc))).toBe('search'); // shop page: cards present
  });
});

describe('card tracker (infinite scroll)', () => {
  function appendCards(doc: Document, from: number, n: number): Element {
    const ul = doc.querySelector('ul')!;
    const wrapper = doc.createElement('div');
    for (let i = from; i < from + n; i++) {
      const li = doc.createElement('li');
      li.setAttribute('data-sqe', 'item');
      const a = doc.createElement('a');
      a.setAttribute('data-sqe', 'link');
      a.setAttribute('href', `/Item-${i}-i.777.${5000 + i}?sp_atk=x`);
      const name = doc.createElement('div');
      name.setAttribute('data-sqe', 'name');
      name.textContent = `Sản phẩm ${i}`;
      const price = doc.createElement('span');
      price.textContent = `₫${i}.000`;
      a.append(name, price);
      li.append(a);
      wrapper.append(li);
    }
    ul.append(wrapper);
    return wrapper;
  }

  it('returns only new cards for each added subtree and never repeats one', () => {
    const ctx = ctxFor('https://shopee.vn/search?keyword=x', readFixture('shopee', 'search.html'));
    const tracker = createCardTracker(shopee, ctx);
    expect(tracker.scan(ctx.document)).toHaveLength(4);
    expect(tracker.scan(ctx.document)).toHaveLength(0);
    const added = appendCards(ctx.document, 100, 20);
    const fresh = tracker.scan(added);
    expect(fresh).toHaveLength(20);
    expect(fresh[0]).toMatchObject({ itemId: '5100', shopId: '777', key: 'shopee.vn:777:5100', title: 'Sản phẩm 100', price: 100000, url: 'https://shopee.vn/Item-100-i.777.5100' });
    expect(fresh.every((c) => c.element?.getAttribute('data-sqe') === 'item')).toBe(true);
    expect(tracker.scan(added)).toHaveLength(0);
    expect(tracker.scan(ctx.document)).toHaveLength(0);
    expect(tracker.size).toBe(24);
  });

  it('a subtree added inside an existing card finds nothing new', () => {
    const ctx = ctxFor('https://shopee.vn/search?keyword=x', readFixture('shopee', 'search.html'));
    const tracker = createCardTracker(shopee, ctx);
    tracker.scan(ctx.document);
    const img = ctx.document.createElement('img');
    ctx.document.querySelector('[data-sqe="link"]')!.append(img);
    expect(tracker.scan(img)).toHaveLength(0);
  });

  it('a virtualised grid re-rendering a known item into a new element reports it again (the badge moves)', () => {
    const ctx = ctxFor('https://shopee.vn/search?keyword=x', readFixture('shopee', 'search.html'));
    const tracker = createCardTracker(shopee, ctx);
    const first = tracker.scan(ctx.document);
    first[0]!.element!.remove();
    const again = appendCards(ctx.document, 0, 0);
    const li = ctx.document.createElement('li');
    li.setAttribute('data-sqe', 'item');
    const a = ctx.document.createElement('a');
    a.setAttribute('href', '/x-i.788908334.18364417343');
    li.append(a);
    again.append(li);
    const fresh = tracker.scan(again);
    expect(fresh.map((c) => c.key)).toEqual(['shopee.vn:788908334:18364417343']);
    // while the old element is still connected a duplicate element is not reported
    const dup = ctx.document.createElement('li');
    dup.setAttribute('data-sqe', 'item');
    const a2 = ctx.document.createElement('a');
    a2.setAttribute('href', '/x-i.788908334.18364417343');
    dup.append(a2);
    again.append(dup);
    expect(tracker.scan(dup)).toHaveLength(0);
  });

  it('adapters without cards return nothing', () => {
    const ctx = ctxFor('https://shop.example.vn/', '<a href="/p/1">x</a>');
    expect(createCardTracker({}, ctx).scan(ctx.document)).toEqual([]);
  });
});
