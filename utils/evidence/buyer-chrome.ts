// Where a marketplace shows the signed-in buyer (name, avatar, cart, account menu): blanked in screenshots and
// removed from page archives, so evidence never identifies the reporter. The adapter's own selectors, plus generic
// heuristics that look only inside the page's header (a seller's profile link in the listing is evidence, not the
// buyer). The per-site selectors are site knowledge: they live in each adapter (`buyerChrome`). Pure DOM: runs in
// the content script and in happy-dom tests.
import { adapterById } from '../adapters/registry';

/** Containers that count as the page's header for the generic heuristics. */
const HEADER_SELECTOR = 'header, [role="banner"], #header, .header, [class*="site-header" i], [class*="navbar" i], [class*="top-bar" i], [class*="topbar" i]';

/** Inside a header: things that name or picture the signed-in buyer, or show what they are buying. */
const GENERIC_SELECTORS = [
  '[class*="avatar" i]',
  '[id*="avatar" i]',
  'img[alt*="avatar" i]',
  '[class*="username" i]',
  '[class*="user-name" i]',
  '[class*="user_name" i]',
  '[class*="account" i]',
  '[id*="account" i]',
  '[class*="profile" i]',
  '[class*="cart" i]',
  '[id*="cart" i]',
  '[class*="basket" i]',
  'a[href*="account" i]',
  'a[href*="profile" i]',
  'a[href*="cart" i]',
  'a[href*="gio-hang" i]',
  'a[href*="logout" i]',
  'a[href*="dang-xuat" i]',
  '[aria-label*="account" i]',
  '[aria-label*="tài khoản" i]',
  '[aria-label*="cart" i]',
  '[aria-label*="giỏ hàng" i]',
].join(', ');

/** Larger than this, an element is page layout, not a header widget: masking it would hide the evidence. */
const MAX_MASK_HEIGHT = 240;

function tooBigOrHoldsListing(element: Element, view: Window | null): boolean {
  if (element === element.ownerDocument.body || element === element.ownerDocument.documentElement) return true;
  if (element.querySelector('h1, main, [itemprop="offers"], [itemtype*="Product"]')) return true;
  const rect = element.getBoundingClientRect();
  // happy-dom lays nothing out (all zero); a real page gives the rendered size
  return rect.height > MAX_MASK_HEIGHT || (view !== null && rect.width * rect.height > 0.5 * view.innerWidth * view.innerHeight);
}

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return []; // one bad selector never stops the rest
  }
}

/**
 * The elements to mask on this page, outermost only (an avatar inside an account link is masked with the link),
 * in document order. `exclude` is the extension's own UI.
 */
export function findBuyerChrome(document: Document, adapterId: string | undefined, exclude: readonly Element[] = []): Element[] {
  const view = document.defaultView;
  const found = new Set<Element>();
  for (const selector of (adapterId && adapterById(adapterId)?.buyerChrome) || []) {
    for (const element of safeQueryAll(document, selector)) if (!tooBigOrHoldsListing(element, view)) found.add(element);
  }
  for (const header of safeQueryAll(document, HEADER_SELECTOR)) {
    if (header.closest('main, article, [itemtype*="Product"]')) continue; // a card's or a review's header is content
    for (const element of safeQueryAll(header, GENERIC_SELECTORS)) if (!tooBigOrHoldsListing(element, view)) found.add(element);
  }
  const own = (element: Element) => exclude.some((mine) => mine === element || mine.contains(element) || element.contains(mine));
  const candidates = [...found].filter((element) => element.isConnected && !own(element));
  const outermost = candidates.filter((element) => !candidates.some((other) => other !== element && other.contains(element)));
  return outermost.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}
