// schema.org JSON-LD: Product (and @graph / arrays), BreadcrumbList, @id references.
import { qsa, textOf } from './dom';
import { asArray, get, isObject, safeJsonParse, type JsonObject } from './safe-json';
import type { Facts } from './listing-builder';
import { absoluteUrl } from './canonical-url';
import { cleanMultiline, cleanText, toCount, toRating, vnd } from './text';

const MAX_BLOCKS = 40;
const MAX_NODES = 300;
const MAX_BLOCK_CHARS = 2_000_000;

export interface JsonLdData {
  nodes: JsonObject[];
  byId: Map<string, JsonObject>;
}

function typeOf(node: JsonObject): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

export function hasType(node: JsonObject, type: string): boolean {
  return typeOf(node).some((t) => t === type || t.endsWith('/' + type));
}

export function readJsonLd(doc: Document): JsonLdData {
  const nodes: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  const push = (value: unknown, depth: number): void => {
    if (nodes.length >= MAX_NODES || depth > 3) return;
    if (Array.isArray(value)) {
      for (const v of value.slice(0, MAX_NODES)) push(v, depth + 1);
    } else if (isObject(value)) {
      nodes.push(value);
      const id = value['@id'];
      if (typeof id === 'string' && !byId.has(id)) byId.set(id, value);
      if (value['@graph']) push(value['@graph'], depth + 1);
    }
  };
  for (const el of qsa(doc, 'script[type="application/ld+json"]', MAX_BLOCKS)) {
    const text = textOf(el, MAX_BLOCK_CHARS + 1);
    if (!text || text.length > MAX_BLOCK_CHARS) continue;
    push(safeJsonParse(text.trim()), 0);
  }
  return { nodes, byId };
}

export function jsonLdProducts(data: JsonLdData): JsonObject[] {
  return data.nodes.filter((n) => hasType(n, 'Product') || hasType(n, 'IndividualProduct') || hasType(n, 'Vehicle'));
}

/** Names of a BreadcrumbList, without the site root and without the last (current item) crumb. */
export function jsonLdBreadcrumb(data: JsonLdData, dropLast = true): string[] | undefined {
  const list = data.nodes.find((n) => hasType(n, 'BreadcrumbList'));
  if (!list) return undefined;
  const items = asArray(list['itemListElement'])
    .filter(isObject)
    .slice(0, 30)
    .sort((a, b) => (Number(a['position']) || 0) - (Number(b['position']) || 0));
  const names = items
    .map((it) => cleanText(it['name']) ?? cleanText(get(it, 'item', 'name')))
    .filter((x): x is string => !!x);
  if (names.length <= 1) return undefined;
  const path = names.slice(1, dropLast ? -1 : undefined);
  return path.length ? path : undefined;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function nameOf(value: unknown): string | undefined {
  const v = first(value);
  if (typeof v === 'string') return cleanText(v);
  if (isObject(v)) return cleanText(first(v['name']));
  return undefined;
}

function imagesOf(value: unknown, base: URL): string[] {
  const out: string[] = [];
  for (const v of Array.isArray(value) ? value.slice(0, 40) : [value]) {
    const u = typeof v === 'string' ? v : isObject(v) ? (v['contentUrl'] ?? v['url']) : undefined;
    const abs = absoluteUrl(first(u), base);
    if (abs) out.push(abs);
  }
  return out;
}

const CONDITIONS: Record<string, string> = {
  NewCondition: 'new',
  UsedCondition: 'used',
  RefurbishedCondition: 'refurbished',
  DamagedCondition: 'damaged',
};

/**
 * Maps a schema.org Product (JSON-LD, or microdata converted to the same shape) to listing facts.
 * `byId` resolves `{"@id": ...}` references (e.g. offers.seller → Organization).
 */
export function productFacts(node: JsonObject, base: URL, byId?: Map<string, JsonObject>): Facts {
  const resolve = (v: unknown): unknown => {
    if (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return byId?.get(v['@id']) ?? v;
    return v;
  };
  const facts: Facts = {};
  facts.title = cleanText(first(node['name']), 500);
  facts.description = cleanMultiline(first(node['description']));
  facts.images = imagesOf(node['image'], base);
  facts.brand = nameOf(resolve(node['brand']));
  const sku = first(node['sku']) ?? first(node['productID']);
  if (typeof sku === 'string' || typeof sku === 'number') facts.sku = cleanText(String(sku));
  const category = first(node['category']);
  if (typeof category === 'string') {
    const parts = category.split(/\s*(?:>|\/|»|›)\s*/).map((p) => cleanText(p)).filter((p): p is string => !!p);
    if (parts.length) facts.categoryPath = parts;
  }
  const offers = asArray(Array.isArray(node['offers']) ? node['offers'] : [node['offers']]).filter(isObject);
  const offer = offers[0];
  if (offer) {
    const isAggregate = hasType(offer, 'AggregateOffer');
    const currency = cleanText(first(offer['priceCurrency']))?.toUpperCase();
    if (currency && /^[A-Z]{3}$/.test(currency)) facts.currency = currency;
    const price = vnd(first(offer['price'])) ?? vnd(get(offer, 'priceSpecification', 'price'));
    const low = vnd(offer['lowPrice']);
    const high = vnd(offer['highPrice']);
    if (price !== undefined) facts.price = price;
    else if (isAggregate && low !== undefined) facts.price = low;
    if (low !== undefined && high !== undefined && high > low) {
      facts.priceMin = low;
      facts.priceMax = high;
    }
    const seller = resolve(offer['seller']);
    const sellerName = nameOf(seller);
    if (sellerName) facts.seller = { name: sellerName, url: isObject(seller) ? absoluteUrl(seller['url'], base) : undefined };
    const cond = first(offer['itemCondition']);
    if (typeof cond === 'string') facts.condition = CONDITIONS[cond.replace(/^.*\//, '')] ?? cleanText(cond);
  }
  const rating = resolve(node['aggregateRating']);
  if (isObject(rating)) {
    const average = toRating(rating['ratingValue']);
    const count = toCount(rating['ratingCount'] ?? rating['reviewCount'] ?? rating['reviewcount']);
    if (average !== undefined || count !== undefined) facts.rating = { average, count };
  }
  const props = asArray(node['additionalProperty']).filter(isObject).slice(0, 80);
  const attributes = props
    .map((p) => ({ name: cleanText(p['name']), value: cleanText(first(p['value'])) }))
    .filter((a): a is { name: string; value: string } => !!a.name && !!a.value);
  if (attributes.length) facts.attributes = attributes;
  const url = absoluteUrl(first(node['url']), base);
  if (url) facts.pageUrl = url;
  return facts;
}
