// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findBuyerChrome } from '../../utils/evidence/buyer-chrome';
import { serialiseDomSnapshot } from '../../utils/evidence/dom-snapshot';
import { hideOwnUi, hollowTemplates, MASK_ATTRIBUTE, maskElements } from '../../utils/evidence/page-mask';

const PAGE = `
  <header class="site-header">
    <span class="logo">TIKI</span>
    <div data-view-id="header_header_account_container" class="account" title="Trần Thị Buyersecret">
      <img class="avatar" alt="Trần Thị Buyersecret" src="/avatar.png"><span>Trần Thị Buyersecret</span>
    </div>
    <span class="account-greeting">Xin chào, Buyersecret</span>
    <a data-view-id="header_header_cart" class="cart" href="/checkout/cart">Giỏ hàng (3)</a>
  </header>
  <main>
    <h1>Đồng hồ nam</h1>
    <a class="seller-profile" href="/cua-hang/shop-dong-ho">Shop Đồng Hồ Rẻ</a>
    <article><header><a class="profile" href="/reviewer/1">Người đánh giá</a></header><p>Tốt</p></article>
    <button onclick="steal()">Mua ngay</button>
    <a href="javascript:alert(1)">x</a>
    <input type="hidden" name="csrf" value="Buyersecret-token">
    <template><p>Buyersecret template</p></template>
    <!-- session of Buyersecret -->
  </main>
  <script>window.__STATE__ = {"name":"Buyersecret"}</script>
  <hotline389-widget></hotline389-widget>`;

beforeEach(() => {
  document.head.innerHTML = '<title>Đồng hồ</title><style>.logo { color: blue; }</style>';
  document.body.innerHTML = PAGE;
});

describe('buyer chrome', () => {
  it('finds the site’s own buyer widgets and the generic ones in the header, outermost only, never the listing', () => {
    const found = findBuyerChrome(document, 'tiki.vn');
    expect(found.map((element) => element.className)).toEqual(['account', 'account-greeting', 'cart']);
    // the seller's profile link and a review's header are evidence, not the buyer
    expect(found.some((element) => element.closest('main'))).toBe(false);
  });

  it('falls back to the generic heuristics for a site without a table', () => {
    expect(findBuyerChrome(document, 'generic').map((element) => element.className)).toEqual(['account', 'account-greeting', 'cart']);
    expect(findBuyerChrome(document, undefined).length).toBe(3);
  });

  it('never picks the extension’s own UI', () => {
    const own = document.querySelector('.cart')!;
    expect(findBuyerChrome(document, 'tiki.vn', [own]).map((element) => element.className)).toEqual(['account', 'account-greeting']);
  });
});

describe('mask', () => {
  it('hollows the buyer widgets while on and restores them exactly', () => {
    const before = document.body.innerHTML;
    const mask = maskElements(findBuyerChrome(document, 'tiki.vn'));
    expect(mask.count).toBe(3);
    const header = document.querySelector('header')!;
    expect(header.textContent).not.toContain('Buyersecret');
    expect(header.innerHTML).not.toContain('Buyersecret'); // attributes (title, alt) too
    expect(header.innerHTML).not.toContain('/checkout/cart');
    const account = document.querySelector<HTMLElement>('.account')!;
    expect(account.hasAttribute(MASK_ATTRIBUTE)).toBe(true);
    expect(account.style.getPropertyValue('background')).toContain('#808080');
    mask.restore();
    mask.restore(); // twice is harmless
    expect(document.body.innerHTML).toBe(before);
  });

  it('empties templates for the capture (MHTML keeps their contents) and puts them back', () => {
    document.body.insertAdjacentHTML('beforeend', '<template id="t1"><div class="menu">Trần Thị Buyersecret</div></template><template id="t2"></template>');
    const t1 = document.getElementById('t1') as HTMLTemplateElement;
    const before = t1.innerHTML;
    const filled = [...document.querySelectorAll('template')].filter((t) => (t as HTMLTemplateElement).content.firstChild).length;
    const hollow = hollowTemplates(document);
    expect(hollow.count).toBe(filled); // the empty one is left alone
    expect(filled).toBeGreaterThanOrEqual(1);
    expect(t1.content.childNodes.length).toBe(0);
    expect(document.documentElement.outerHTML).not.toContain('Buyersecret</div></template>');
    hollow.restore();
    hollow.restore(); // twice is once
    expect(t1.innerHTML).toBe(before);
  });

  it('hides and shows the extension’s UI', () => {
    const widget = document.createElement('div');
    widget.style.visibility = 'visible';
    const show = hideOwnUi([widget]);
    expect(widget.style.getPropertyValue('visibility')).toBe('hidden');
    show();
    expect(widget.style.getPropertyValue('visibility')).toBe('visible');
  });
});

describe('DOM snapshot', () => {
  it('is inert HTML of the page without scripts, hidden state, comments, the widget or the buyer', () => {
    const mask = maskElements(findBuyerChrome(document, 'tiki.vn'));
    const html = serialiseDomSnapshot(document, 'https://tiki.vn/dong-ho-p161803.html?spid=1&utm_source=x');
    mask.restore();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<h1>Đồng hồ nam</h1>');
    expect(html).toContain('Shop Đồng Hồ Rẻ');
    expect(html).toContain('<base href="https://tiki.vn/dong-ho-p161803.html">');
    expect(html).toContain("script-src 'none'");
    expect(html).toContain('.logo { color: blue; }');
    expect(html).toContain('data-masked="buyer"');
    for (const absent of ['Buyersecret', '<script', 'onclick', 'javascript:', 'hotline389-widget', '<template', 'utm_source', 'csrf']) expect(html).not.toContain(absent);
    // the page itself is untouched
    expect(document.querySelector('script')).not.toBeNull();
    expect(document.querySelector('.account')!.textContent).toContain('Buyersecret');
  });
});
