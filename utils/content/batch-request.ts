// Inspector mode: the selected cards as a submitBatch request, and the shop-level report request.
import type { ViolationCategory } from '../../contract/categories';
import type { SearchCard } from '../adapters/types';
import { serialiseCardSnapshot } from '../evidence/dom-snapshot';
import { MAX_CARD_HTML, type BatchCard, type ReportShopRequest, type SubmitBatchRequest } from '../messaging/protocol';
import type { TrackedCard } from './card-selection';
import { topCategory } from './risk-reasons';

/** Each listing's own top reason category (a card without one takes `fallback`), or one category for all. */
export type CategoryChoice = { mode: 'own'; fallback: ViolationCategory } | { mode: 'all'; category: ViolationCategory };

export function categoryFor(entry: TrackedCard, choice: CategoryChoice): ViolationCategory {
  return choice.mode === 'all' ? choice.category : (topCategory(entry.assessment) ?? choice.fallback);
}

/** The card's picture (its first http(s) image), when the card shows one. */
function cardImage(card: SearchCard): string | undefined {
  const image = card.element?.querySelector('img[src]') as HTMLImageElement | null | undefined;
  const src = image?.currentSrc || image?.src;
  return src && /^https?:\/\//i.test(src) && src.length <= 2048 ? src : undefined;
}

export function batchCard(entry: TrackedCard, choice: CategoryChoice, pageUrl: string): BatchCard {
  const { card } = entry;
  const html = card.element?.isConnected ? serialiseCardSnapshot(card.element, pageUrl, MAX_CARD_HTML) : undefined;
  const image = cardImage(card);
  return {
    key: card.key,
    url: card.url,
    itemId: card.itemId,
    ...(card.shopId && { shopId: card.shopId }),
    ...(card.title !== undefined && { title: card.title }),
    ...(card.price !== undefined && { price: card.price }),
    ...(image && { image }),
    ...(html && { html }),
    category: categoryFor(entry, choice),
  };
}

export function buildBatchRequest(site: string, selected: readonly TrackedCard[], choice: CategoryChoice, note: string, pageUrl: string): SubmitBatchRequest {
  const trimmed = note.trim();
  return { site, cards: selected.map((entry) => batchCard(entry, choice, pageUrl)), ...(trimmed && { note: trimmed }) };
}

/** The shop page's address: the page itself when it is the shop's, else the site's shop address where known. */
export function shopUrl(site: string, shopId: string, page: URL): string {
  if (page.pathname.includes(shopId)) return `${page.origin}${page.pathname}`;
  if (site === 'shopee.vn') return `https://shopee.vn/shop/${encodeURIComponent(shopId)}`;
  return `${page.origin}${page.pathname}`;
}

export function buildShopRequest(
  site: string,
  shopId: string,
  cards: readonly TrackedCard[],
  choice: CategoryChoice,
  note: string,
  page: URL,
  shopName?: string,
): ReportShopRequest {
  const trimmed = note.trim();
  // one category for the shop: the one chosen for all, else the most frequent of its cards' own top reasons
  let category: ViolationCategory;
  if (choice.mode === 'all') category = choice.category;
  else {
    const counts = new Map<ViolationCategory, number>();
    for (const entry of cards) {
      const own = topCategory(entry.assessment);
      if (own) counts.set(own, (counts.get(own) ?? 0) + 1);
    }
    category = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? choice.fallback;
  }
  return {
    site,
    shop: { shopId, url: shopUrl(site, shopId, page), ...(shopName && { name: shopName }) },
    listingKeys: [...new Set(cards.map((entry) => entry.card.key))].slice(0, 200),
    category,
    ...(trimmed && { note: trimmed }),
  };
}
