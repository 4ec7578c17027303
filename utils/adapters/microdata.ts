// schema.org microdata (itemscope/itemprop), converted to the JSON-LD shape so that
// json-ld.ts `productFacts` maps both the same way.
import { attr, qsa, textOf } from './dom';
import type { JsonObject } from './safe-json';

const MAX_PROPS = 400;
const MAX_DEPTH = 4;

function propValue(el: Element): string | undefined {
  const tag = el.tagName.toLowerCase();
  if (tag === 'meta') return attr(el, 'content');
  if (tag === 'link' || tag === 'a' || tag === 'area') return attr(el, 'href');
  if (tag === 'img' || tag === 'source' || tag === 'video' || tag === 'audio' || tag === 'iframe') return attr(el, 'src');
  if (tag === 'time') return attr(el, 'datetime') ?? textOf(el, 2_000);
  if (tag === 'data' || tag === 'meter') return attr(el, 'value');
  return attr(el, 'content') ?? textOf(el, 20_000);
}

/** Reads one item scope into a JSON-LD-like object ({"@type", prop: value | value[]}). */
export function readItem(scope: Element, depth = 0): JsonObject {
  const item: JsonObject = {};
  const type = attr(scope, 'itemtype');
  if (type) item['@type'] = type.trim().split(/\s+/)[0]!.replace(/^https?:\/\/schema\.org\//, '');
  let count = 0;
  for (const el of qsa(scope, '[itemprop]', MAX_PROPS)) {
    // a property belongs to the nearest enclosing scope
    const owner = el.parentElement?.closest('[itemscope]');
    if (owner !== scope) continue;
    if (++count > MAX_PROPS) break;
    const isScope = el.hasAttribute('itemscope');
    const value: unknown = isScope ? (depth < MAX_DEPTH ? readItem(el, depth + 1) : undefined) : propValue(el);
    if (value === undefined) continue;
    for (const name of (attr(el, 'itemprop') ?? '').trim().split(/\s+/).slice(0, 4)) {
      if (!name || name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
      const prev = item[name];
      if (prev === undefined) item[name] = value;
      else if (Array.isArray(prev)) prev.push(value);
      else item[name] = [prev, value];
    }
  }
  return item;
}

/** Top-level Product item scopes (not those nested as a property of another item). */
export function microdataProducts(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  for (const el of qsa(doc, '[itemscope][itemtype*="schema.org/Product"], [itemscope][itemtype*="schema.org/IndividualProduct"]', 20)) {
    if (el.hasAttribute('itemprop')) continue;
    out.push(readItem(el));
    if (out.length >= 3) break;
  }
  return out;
}
