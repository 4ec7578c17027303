// Adapter benchmark (plain tsx script): `npx tsx bench/adapters.bench.ts`.
//
// DOM: happy-dom, the library the tests and scripts/extract.ts use (in the extension the adapters
// run on the browser's native DOM, which is faster). Pages are built in memory:
//   - a Lazada-style product page (JSON-LD, OpenGraph, pdpTrackingData, app.run module data, DOM),
//   - a Shopee-style 60-card search grid, then 20 cards appended as infinite scroll does.
// Budgets from the issue: listing detect+extract ≤ 2 ms median, 60-card scan ≤ 5 ms, 20 appended
// cards ≤ 1 ms. The baseline for the incremental scan is a naive full rescan of the document.
// Exit code is non-zero only on a crash (budgets are reported, not enforced, here).
import { createCardTracker } from '../utils/adapters/card-tracker';
import { lazada } from '../utils/adapters/sites/lazada';
import { shopee } from '../utils/adapters/sites/shopee';
import { parseHtml, closeDom } from '../utils/adapters/node-dom';
import type { PageContext } from '../utils/adapters/types';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)]!;
}
function measure(iterations: number, fn: () => void, setup?: () => void, teardown?: () => void): number[] {
  for (let i = 0; i < Math.min(50, iterations); i++) {
    setup?.();
    fn();
    teardown?.();
  }
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    setup?.();
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
    teardown?.();
  }
  return out;
}

// ---------- pages ----------
function listingPage(): string {
  const itemId = 2412345678;
  const fields = {
    primaryKey: { itemId: String(itemId), skuId: '11223344556', sellerId: '100234567' },
    product: { title: 'Nồi Chiên Không Dầu Lock&Lock 5.2L', desc: '<p>' + 'Mô tả sản phẩm chi tiết. '.repeat(200) + '</p>', brand: { name: 'Lock&Lock' } },
    skuInfos: { '0': { price: { salePrice: { value: 1590000 }, originalPrice: { value: 2990000 } }, dataLayer: { pdt_category: ['Đồ gia dụng', 'Nhà bếp'], core: { currencyCode: 'VND' } } } },
    seller: { sellerId: '100234567', name: 'Lock&Lock Official', url: '//www.lazada.vn/shop/locknlock/' },
    review: { ratings: { average: 4.8, rateCount: 2314 }, reviews: Array.from({ length: 20 }, (_, i) => ({ reviewContent: 'Hàng tốt '.repeat(20), rating: 5, id: i })) },
    skuGalleries: { '0': Array.from({ length: 8 }, (_, i) => ({ type: 'img', src: `https://img.lazcdn.com/g/p/${i}.jpg` })) },
    specifications: { '11223344556': { features: Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`Thuộc tính ${i}`, `Giá trị ${i}`])) } },
  };
  const ld = { '@context': 'https://schema.org', '@type': 'Product', name: 'Nồi Chiên Không Dầu Lock&Lock 5.2L', sku: `${itemId}_VNAMZ`, offers: { '@type': 'Offer', price: 1590000, priceCurrency: 'VND' } };
  const body = Array.from({ length: 300 }, (_, i) => `<div class="blk-${i}"><span>Khối ${i}</span><a href="/x/${i}">liên kết</a></div>`).join('');
  const tracking = JSON.stringify(JSON.stringify({ pdt_sku: itemId, pdt_name: 'Nồi Chiên', pdt_price: '2.990.000 ₫', supplier_id: 100234567 }));
  return `<!DOCTYPE html><html><head><title>Nồi chiên | Lazada.vn</title>
<meta property="og:title" content="Nồi Chiên Không Dầu Lock&amp;Lock 5.2L | Lazada.vn"><meta property="og:image" content="https://img.lazcdn.com/g/p/0.jpg">
<meta property="og:url" content="https://www.lazada.vn/products/noi-chien-i${itemId}.html">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
<script>var pdpTrackingData = ${tracking};</script>
<style>${'.x{color:red}'.repeat(2000)}</style></head><body>
<div id="module_product_title_1"><span class="pdp-mod-product-badge-title">Nồi Chiên Không Dầu Lock&amp;Lock 5.2L</span></div>
<div class="pdp-product-price"><span class="pdp-price pdp-price_type_normal">1.590.000 ₫</span></div>
<div class="seller-name__detail"><a href="//www.lazada.vn/shop/locknlock/">Lock&amp;Lock Official</a></div>
${body}
<script>define('app/pc', [], function(app) { app.run(${JSON.stringify({ data: { root: { fields } } })}); });</script>
</body></html>`;
}

let nextId = 1;
function card(shop: number, item: number): string {
  return `<li class="col-xs-2-4 shopee-search-item-result__item" data-sqe="item"><a data-sqe="link" href="/San-pham-${item}-i.${shop}.${item}?sp_atk=a"><div class="_3WwmPe"><div class="_4F2v"><img alt="Sản phẩm ${item}" src="https://down-vn.img.susercontent.com/file/${item}"></div><div class="x9u2"><div data-sqe="name"><div class="ie3A">Sản phẩm số ${item} chính hãng giá tốt</div></div><div class="hpDK"><span class="k9JZ">₫</span><span class="ZEgD">${(item % 900) + 100}.000</span></div><div class="Owm">Đã bán 1,2k</div><div class="loc">Hà Nội</div></div></div></a></li>`;
}
function searchPage(n: number): string {
  const cards: string[] = [];
  for (let i = 0; i < n; i++) cards.push(card(1000 + (i % 7), 50_000_000 + nextId++));
  const chrome = Array.from({ length: 200 }, (_, i) => `<div class="f-${i}"><a href="/cat-${i}">Danh mục ${i}</a></div>`).join('');
  return `<!DOCTYPE html><html><head><title>Tìm kiếm | Shopee</title></head><body><header>${chrome}</header><div id="main"><ul class="row shopee-search-item-result__items">${cards.join('')}</ul></div><footer>${chrome}</footer></body></html>`;
}

// ---------- runs ----------
const results: { name: string; median: number; p95: number; budget?: number; note?: string }[] = [];

const listingCtx: PageContext = { url: new URL('https://www.lazada.vn/products/noi-chien-i2412345678-s11223344556.html?spm=x'), document: parseHtml(listingPage()), responses: [] };
const check = lazada.extract(listingCtx);
if (!check?.price) throw new Error('benchmark listing page did not extract');
const listingTimes = measure(500, () => {
  lazada.detect(listingCtx);
  lazada.extract(listingCtx);
});
results.push({ name: 'listing: detect + extract (Lazada-style page)', median: median(listingTimes), p95: p95(listingTimes), budget: 2 });

const searchCtx: PageContext = { url: new URL('https://shopee.vn/search?keyword=x'), document: parseHtml(searchPage(60)), responses: [] };
if (createCardTracker(shopee, searchCtx).scan(searchCtx.document).length !== 60) throw new Error('benchmark search page did not yield 60 cards');
const scanTimes = measure(300, () => {
  shopee.detect(searchCtx);
  createCardTracker(shopee, searchCtx).scan(searchCtx.document);
});
results.push({ name: 'search: detect + scan 60 cards', median: median(scanTimes), p95: p95(scanTimes), budget: 5 });

// 20 appended cards: incremental (tracker.scan(added subtree)) vs naive (fresh full-document scan)
const doc = searchCtx.document;
const list = doc.querySelector('ul')!;
const tracker = createCardTracker(shopee, searchCtx);
tracker.scan(doc);
const template = parseHtml(`<ul>${Array.from({ length: 20 }, () => card(2000, 60_000_000 + nextId++)).join('')}</ul>`);
let added: Element | undefined;
const makeBatch = () => {
  // new ids every batch so the tracker sees genuinely new cards
  const wrapper = doc.createElement('div');
  for (const li of Array.from(template.querySelectorAll('li'))) {
    const clone = li.cloneNode(true) as Element;
    const a = clone.querySelector('a')!;
    a.setAttribute('href', `/Moi-i.2000.${70_000_000 + nextId++}`);
    wrapper.append(clone);
  }
  list.append(wrapper);
  added = wrapper;
};
const removeBatch = () => added?.remove();
let lastFound = 0;
const incTimes = measure(300, () => {
  lastFound = tracker.scan(added!).length;
}, makeBatch, removeBatch);
if (lastFound !== 20) throw new Error(`incremental scan found ${lastFound} cards, expected 20`);
const naiveTimes = measure(100, () => {
  createCardTracker(shopee, searchCtx).scan(doc);
}, makeBatch, removeBatch);
results.push({ name: 'infinite scroll: 20 appended cards, incremental', median: median(incTimes), p95: p95(incTimes), budget: 1 });
results.push({
  name: 'baseline: naive full rescan of 80 cards',
  median: median(naiveTimes),
  p95: p95(naiveTimes),
  note: `incremental is ${(median(naiveTimes) / median(incTimes)).toFixed(1)}× faster`,
});

// ---------- report ----------
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
const fmt = (n: number) => n.toFixed(3).padStart(8);
console.log(`\nAdapter benchmark (DOM: happy-dom ${process.version}; medians over 100-500 runs, ms)\n`);
console.log(pad('case', 50) + '  median       p95   budget  status');
console.log('-'.repeat(92));
for (const r of results) {
  const status = r.budget === undefined ? '' : r.median <= r.budget ? 'ok' : 'OVER';
  console.log(`${pad(r.name, 50)}${fmt(r.median)}  ${fmt(r.p95)}  ${r.budget === undefined ? '       -' : fmt(r.budget)}  ${status}${r.note ? '  ' + r.note : ''}`);
}
console.log('\nContent-script bundle size (≤ 50 KB gzip) is measured by the lead from the built extension.\n');
await closeDom();
