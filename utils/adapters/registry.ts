// The adapter registry. Adding a site = one file in sites/ + one line here + fixtures.
import { chotot } from './sites/chotot';
import { facebook } from './sites/facebook';
import { genericAdapter } from './sites/generic';
import { lazada } from './sites/lazada';
import { sendo } from './sites/sendo';
import { shopee } from './sites/shopee';
import { tiki } from './sites/tiki';
import { tiktok } from './sites/tiktok';
import type { SiteAdapter } from './types';

/** Site adapters, picked by URL. The generic adapter is not in this list. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [shopee, lazada, tiki, sendo, chotot, tiktok, facebook];

/** Every adapter, generic last. */
export const ALL_ADAPTERS: readonly SiteAdapter[] = [...SITE_ADAPTERS, genericAdapter];

const PATTERN = /^(\*|https?|wss?|file|ftp):\/\/(\*|\*\.[^/*]+|[^/*]+)?(\/.*)$/;

/** Whether `pattern` is a valid WebExtension match pattern (`<all_urls>` included). */
export function isValidMatchPattern(pattern: string): boolean {
  if (pattern === '<all_urls>') return true;
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  if (m[1] !== 'file' && !m[2]) return false;
  return true;
}

const compiled = new Map<string, RegExp | null>();

function toRegExp(pattern: string): RegExp | null {
  if (pattern === '<all_urls>') return /^(https?|wss?|file|ftp):\/\//;
  const m = PATTERN.exec(pattern);
  if (!m) return null;
  const [, scheme, host = '', path = '/'] = m;
  const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const schemeRe = scheme === '*' ? 'https?' : esc(scheme!);
  const hostRe = host === '*' ? '[^/]+' : host.startsWith('*.') ? `([^/]+\\.)?${esc(host.slice(2))}` : esc(host);
  const pathRe = esc(path).replace(/\*/g, '.*');
  return new RegExp(`^${schemeRe}://${hostRe}(:\\d+)?${pathRe}$`);
}

/** Whether `url` matches a WebExtension match pattern (query and hash are ignored, as browsers do for host matching). */
export function matchesPattern(pattern: string, url: URL): boolean {
  let re = compiled.get(pattern);
  if (re === undefined) {
    re = toRegExp(pattern);
    compiled.set(pattern, re);
  }
  if (!re) return false;
  return re.test(`${url.protocol.slice(0, -1)}://${url.hostname}${url.port ? ':' + url.port : ''}${url.pathname}`);
}

/** The site adapter for `url`, or undefined for hosts no site adapter knows. */
export function pickAdapter(url: URL): SiteAdapter | undefined {
  return SITE_ADAPTERS.find((a) => a.matches.some((p) => matchesPattern(p, url)));
}

export function adapterById(id: string): SiteAdapter | undefined {
  return ALL_ADAPTERS.find((a) => a.id === id);
}

export { genericAdapter };
