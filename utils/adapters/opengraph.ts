// OpenGraph and product:* meta tags (property= or name=, some sites use either).
import { absoluteUrl } from './canonical-url';
import { attr, qsa } from './dom';
import type { Facts } from './listing-builder';
import { cleanMultiline, cleanText, parsePrice } from './text';

export interface OpenGraph {
  get(key: string): string | undefined;
  all(key: string): string[];
}

export function readOpenGraph(doc: Document): OpenGraph {
  const map = new Map<string, string[]>();
  for (const el of qsa(doc, 'meta[property^="og:"], meta[name^="og:"], meta[property^="product:"], meta[name^="product:"]', 200)) {
    const key = (attr(el, 'property') ?? attr(el, 'name') ?? '').trim().toLowerCase();
    const value = attr(el, 'content');
    if (!key || value === undefined) continue;
    const list = map.get(key) ?? [];
    if (list.length < 30) list.push(value);
    map.set(key, list);
  }
  return {
    get: (key) => map.get(key)?.[0],
    all: (key) => map.get(key) ?? [],
  };
}

/** Strips a " | Site" / " - Site" suffix (e.g. " | Shopee Việt Nam") from an og:title. */
export function stripSiteSuffix(title: string | undefined, suffix: RegExp): string | undefined {
  if (!title) return undefined;
  return cleanText(title.replace(suffix, ''), 500);
}

export function ogFacts(og: OpenGraph, base: URL, titleSuffix?: RegExp): Facts {
  const facts: Facts = {};
  const title = og.get('og:title');
  facts.title = titleSuffix ? stripSiteSuffix(title, titleSuffix) : cleanText(title, 500);
  facts.description = cleanMultiline(og.get('og:description'));
  facts.images = og.all('og:image').map((u) => absoluteUrl(u, base)).filter((u): u is string => !!u);
  const amount = og.get('product:price:amount') ?? og.get('og:price:amount');
  if (amount !== undefined) facts.price = parsePrice(amount);
  const currency = (og.get('product:price:currency') ?? og.get('og:price:currency'))?.trim().toUpperCase();
  if (currency && /^[A-Z]{3}$/.test(currency)) facts.currency = currency;
  facts.brand = cleanText(og.get('product:brand'));
  const cond = og.get('product:condition');
  if (cond) facts.condition = cleanText(cond);
  const url = absoluteUrl(og.get('og:url'), base);
  if (url) facts.pageUrl = url;
  return facts;
}

export function isProductOg(og: OpenGraph): boolean {
  const type = og.get('og:type')?.toLowerCase() ?? '';
  return type === 'product' || type === 'og:product' || type.startsWith('product.') || og.get('product:price:amount') !== undefined;
}
