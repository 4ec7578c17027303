// defineAdapter: the one way a site adapter comes into being. It checks the site's declarations
// (match patterns, observed API filter, buyer-data paths) when the module loads, so a mistake fails
// every test and the build instead of silently never matching in a browser; derives
// observeResponse from the declared filter; and wraps every entry point so no exception from page
// data escapes to the content script.
import { guard } from './common';
import { isValidMatchPattern, matchesPattern, patternHost } from './match-pattern';
import type { ObserveSpec, SiteAdapter } from './types';

export type AdapterSpec = Omit<SiteAdapter, 'observeResponse'>;

const DEFINED = new WeakSet<SiteAdapter>();

/** Whether `adapter` went through defineAdapter (the registry meta-test checks every site does). */
export function isDefinedAdapter(adapter: SiteAdapter): boolean {
  return DEFINED.has(adapter);
}

/** Paths no site API answers on alone: a filter that accepts them accepts (nearly) everything. */
const TOO_BROAD_PROBES = ['/', '/index.html', '/static/app.js', '/favicon.ico', '/?x=1'];

function fail(id: string, message: string): never {
  throw new Error(`defineAdapter(${JSON.stringify(id)}): ${message}`);
}

/** `shop.example.vn` → `example.vn`, `a.b.com.vn` → `b.com.vn` (enough for the hosts sites use) */
function siteDomain(host: string): string {
  const labels = host.split('.');
  const n = labels.length >= 3 && /^(com|net|org|gov|edu|co)$/.test(labels.at(-2)!) && labels.at(-1)!.length === 2 ? 3 : 2;
  return labels.slice(-n).join('.');
}

/** `*.example.vn` / `example.vn` → `example.vn` */
function baseHost(pattern: string): string | undefined {
  const host = patternHost(pattern);
  return host && host !== '*' ? host.replace(/^\*\./, '') : undefined;
}

function checkMatches(id: string, matches: readonly string[], anyHost: boolean): void {
  if (!matches.length) fail(id, 'matches is empty');
  for (const p of matches) {
    if (!isValidMatchPattern(p)) fail(id, `invalid match pattern ${p}`);
    if (anyHost) continue;
    if (p === '<all_urls>' || patternHost(p) === '*') fail(id, `a site adapter must name its hosts, not ${p}`);
    if (!p.startsWith('https://')) fail(id, `site pages are https only: ${p}`);
  }
}

function checkObserve(id: string, observe: ObserveSpec, matches: readonly string[]): void {
  const siteHosts = matches.map(baseHost).filter((h): h is string => !!h);
  if (!observe.origins.length) fail(id, 'observe.origins is empty');
  for (const o of observe.origins) {
    if (!isValidMatchPattern(o) || !o.startsWith('https://') || patternHost(o) === '*') fail(id, `observe origin must be an https match pattern naming a host: ${o}`);
    const host = baseHost(o)!;
    // the API may live on another subdomain of the site (e.g. a search API subdomain), never on another site
    if (host.split('.').length < 2 || !siteHosts.some((h) => siteDomain(h) === siteDomain(host))) fail(id, `observe origin ${o} is outside the site's domains`);
  }
  const path = observe.path;
  if (!(path instanceof RegExp)) fail(id, 'observe.path must be a RegExp');
  // g/y make test() stateful (lastIndex): every other call would fail
  if (path.global || path.sticky) fail(id, 'observe.path must not have the g or y flag');
  if (!path.source.startsWith('^')) fail(id, 'observe.path must be anchored with ^');
  for (const probe of TOO_BROAD_PROBES) if (path.test(probe)) fail(id, `observe.path accepts ${probe}: too broad`);
  for (const p of observe.buyerPaths ?? []) {
    // the sanitizer compares key paths down to depth 6
    if (!p.length || p.length > 6 || p.some((k) => typeof k !== 'string' || !k)) fail(id, 'observe.buyerPaths entries are key paths of 1 to 6 keys');
  }
}

const MAX_BUYER_CHROME = 20;

/** Selectors only (checked for shape here; a browser's querySelectorAll has the last word and a bad one is skipped). */
function checkBuyerChrome(id: string, selectors: readonly string[]): void {
  if (selectors.length > MAX_BUYER_CHROME) fail(id, `buyerChrome lists at most ${MAX_BUYER_CHROME} selectors`);
  for (const selector of selectors) {
    if (typeof selector !== 'string' || !selector.trim() || selector.length > 200) fail(id, 'buyerChrome entries are CSS selectors of 1 to 200 characters');
    // the page's whole body or document would hide the evidence itself
    if (/^\s*(html|body|\*|:root)\s*$/i.test(selector)) fail(id, `buyerChrome selector ${selector} would mask the whole page`);
  }
}

/** Whether `url` is one of the responses `observe` declares. */
export function observes(observe: ObserveSpec, url: URL): boolean {
  if (url.protocol !== 'https:') return false;
  if (!observe.origins.some((o) => matchesPattern(o, url))) return false;
  return observe.path.test(url.pathname + url.search);
}

export function defineAdapter(spec: AdapterSpec, options: { anyHost?: boolean } = {}): SiteAdapter {
  const id = spec.id;
  if (!id || !/^[a-z0-9][a-z0-9./-]{0,60}$/.test(id)) fail(id, 'id must be lower-case letters, digits, dots, slashes or dashes');
  if (!spec.name) fail(id, 'name is empty');
  checkMatches(id, spec.matches, !!options.anyHost);
  if (new Set(spec.order).size !== spec.order.length || !spec.order.length) fail(id, 'order must list distinct sources');
  if (spec.observe) checkObserve(id, spec.observe, spec.matches);
  if (spec.cardsFromResponses && !spec.observe) fail(id, 'cardsFromResponses needs observe: responses never arrive otherwise');
  if (spec.buyerChrome) checkBuyerChrome(id, spec.buyerChrome);
  const observe = spec.observe;
  const adapter: SiteAdapter = {
    ...spec,
    detect: guard(spec.detect, () => 'none' as const),
    extract: guard(spec.extract, () => undefined),
    ...(spec.findCards ? { findCards: guard(spec.findCards, () => []) } : {}),
    ...(spec.cardsFromResponses ? { cardsFromResponses: guard(spec.cardsFromResponses, () => []) } : {}),
    ...(observe ? { observeResponse: guard((url: URL) => observes(observe, url), () => false) } : {}),
  };
  DEFINED.add(adapter);
  return adapter;
}
