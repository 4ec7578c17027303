// The bulk (inspector mode) fixture: a Shopee search page of CARD_COUNT cards of one shop, FLAGGED_COUNT of them
// flagged by the shipped rule pack, and the page's own search API answering with the same items. Used by
// test/e2e/bulk.e2e.ts and bench/batch.bench.ts.

export const SHOP_ID = '555';
/** flagged by the shipped rule pack (the extension e2e test badges them too) */
const FLAGGED = ['Bóng cười N2O bình 8 lít giao nhanh', 'Túi xách nữ Lờ Vờ siêu cấp like auth', 'Đèn pin chích điện tự vệ siêu mạnh'];
const PLAIN = ['Áo thun cotton nam cổ tròn basic', 'Bình giữ nhiệt inox 500ml', 'Sách giáo khoa lớp 5 trọn bộ'];
export const FLAGGED_COUNT = 19;
export const CARD_COUNT = 32;

export interface FixtureCard {
  id: number;
  title: string;
  price: number;
  flagged: boolean;
}
export const CARDS: FixtureCard[] = [];
for (let index = 0, flaggedSoFar = 0; index < CARD_COUNT; index++) {
  // flagged and plain cards interleaved (two flagged, one plain) until FLAGGED_COUNT are flagged
  const flagged = index % 3 !== 2 && flaggedSoFar < FLAGGED_COUNT;
  if (flagged) flaggedSoFar += 1;
  CARDS.push({ id: 7000 + index, title: `${(flagged ? FLAGGED : PLAIN)[index % 3]} mẫu ${index + 1}`, price: 100_000 + index * 1_000, flagged });
}

/** A Shopee search page: the cards drawn in the DOM, then the page's own search API answering with the same items. */
export function searchPage(): string {
  const items = CARDS.map(
    (card) => `<li class="shopee-search-item-result__item" data-sqe="item"><a data-sqe="link" href="/san-pham-${card.id}-i.${SHOP_ID}.${card.id}">
      <img alt="" width="60" height="60" src="https://shopee.vn/img/${card.id}.png"><div data-sqe="name">${card.title}</div><span class="price">₫${card.price.toLocaleString('vi-VN')}</span></a></li>`,
  );
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tìm kiếm | Shopee Việt Nam</title>
<style>body { font: 14px system-ui, sans-serif; margin: 8px; } ul { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; list-style: none; padding: 0; } li { border: 1px solid #ddd; min-height: 110px; padding: 6px; } a { color: #222; text-decoration: none; } img { background: #eee; }</style>
</head><body><h1>Kết quả tìm kiếm</h1><ul class="shopee-search-item-result__items">${items.join('')}</ul>
<script>fetch('/api/v4/search/search_items?keyword=hang&limit=60').then((r) => r.json());</script></body></html>`;
}

export function searchApi() {
  return { items: CARDS.map((card) => ({ item_basic: { itemid: card.id, shopid: Number(SHOP_ID), name: card.title, price: card.price * 100_000 } })), total_count: CARDS.length };
}

