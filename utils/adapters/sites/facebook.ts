// Facebook Marketplace (www.facebook.com/marketplace/item/{id}/). No public saved page exists, so
// this adapter relies on what is stable: the URL, OpenGraph tags (served to logged-out visitors)
// and the rendered DOM (the h1 title, the first VND amount after it). Class names are generated
// and never used.
// Sources: url (item id) · opengraph (title, description, image) · dom (h1, price text near it).
// Not available: seller id/name (behind login, rendered without stable hooks), sold count, rating.
import { addStructured, cardFinder, DEFAULT_ORDER, detectBy, domText, finish, ListingBuilder, priceInText } from '../common';
import { defineAdapter } from '../define-adapter';
import { qs, textOf } from '../dom';
import type { PageContext, SiteAdapter, UrlFacts } from '../types';

function parseUrl(url: URL): UrlFacts {
  const m = /^\/marketplace\/item\/(\d{5,25})\/?$/.exec(url.pathname);
  if (m) return { kind: 'listing', itemId: m[1] };
  if (/^\/marketplace(\/|$)/.test(url.pathname)) return { kind: 'search' };
  return { kind: 'none' };
}

function extract(ctx: PageContext) {
  const urlFacts = parseUrl(ctx.url);
  if (urlFacts.kind !== 'listing') return undefined;
  const b = new ListingBuilder(facebook.order);
  b.add('url', 'path /marketplace/item/{id}', { itemId: urlFacts.itemId });
  const { stale } = addStructured(b, ctx, facebook, urlFacts, { titleSuffix: /\s*[|-]\s*Facebook( Marketplace)?\s*$/i });
  const h1 = domText(ctx.document, ['[role="main"] h1', 'h1']);
  if (h1 && !stale) {
    // the price is rendered right after the title, inside the title's block
    const block = qs(ctx.document, '[role="main"] h1')?.parentElement ?? qs(ctx.document, 'h1')?.parentElement;
    const price = priceInText(textOf(block, 2_000));
    b.add('dom', '[role="main"] h1 (+ price in its block)', { title: h1.text, price, currency: price !== undefined ? 'VND' : undefined });
  }
  return finish(facebook, ctx, b, { keep: [], https: true });
}

const findCards = cardFinder(() => facebook, {
  link: 'a[href*="/marketplace/item/"]',
  canonical: { keep: [], https: true },
});

export const facebook: SiteAdapter = defineAdapter({
  id: 'facebook.com/marketplace',
  name: 'Facebook Marketplace',
  matches: ['https://www.facebook.com/marketplace/*', 'https://web.facebook.com/marketplace/*', 'https://m.facebook.com/marketplace/*'],
  keyIncludesShop: false,
  // Facebook's top bar carries the account's picture and name; its whole banner goes
  buyerChrome: ['[role="banner"]', '[aria-label="Your profile"]', '[aria-label="Trang cá nhân của bạn"]', 'a[href*="/me/"]'],
  order: DEFAULT_ORDER,
  parseUrl,
  detect: (ctx: PageContext) => detectBy(ctx, parseUrl(ctx.url)),
  extract,
  findCards,
});
