// Canonical evidence URLs: tracking parameters dropped, ids kept.
import { LIMITS } from '../../contract/limits';

/** Query parameters that only track the visit; dropped from every URL. */
export const TRACKING_PARAMS: readonly string[] = [
  'spm', 'scm', 'sp_atk', 'xptdk', 'fbclid', 'gclid', 'gbraid', 'wbraid', 'dclid', 'msclkid', 'yclid',
  'clicktrackinfo', 'from', 'abtest', 'abbucket', 'acm', 'trackinfo', 'mp', 'mkt_tok',
  'ref', 'referer', 'source', 'src', 'enter_from', 'enter_method', 'source_page_type', 'source_type',
  'share_app_id', 'share_link_id', 'tt_from', 'igshid', 'ttclid', 'zarsrc', 'sid', 'itm_campaign',
  'itm_medium', 'itm_source', 'src_type', 'sp_rid', 'uls_trackid', 'ckid', 'publish_id', 'smtt', 'channelsource',
  'requestid', 'sessionid', 'ads_id', 'adjust_tracker',
];
const TRACKING_PREFIXES = ['utm_', 'itm_', 'af_', 'mtm_', 'pk_', 'hsa_', '_p_', 'ref_'];

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.includes(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

export interface CanonicalOptions {
  /** keep only these query parameters (site adapters list their id parameters); default: drop tracking ones */
  keep?: readonly string[];
  /** force https */
  https?: boolean;
}

/** Canonical form of `input` (a URL or string relative to `base`); undefined when not http(s). */
export function canonicalUrl(input: URL | string, options: CanonicalOptions = {}, base?: URL | string): string | undefined {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input.trim(), base) : new URL(input.href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (options.https) url.protocol = 'https:';
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept: [string, string][] = [];
  for (const [name, value] of url.searchParams) {
    const keep = options.keep ? options.keep.includes(name) : !isTracking(name);
    if (keep) kept.push([name, value]);
  }
  url.search = '';
  for (const [name, value] of kept) url.searchParams.append(name, value);
  let href = url.href;
  if (href.length > LIMITS.url) {
    url.search = '';
    href = url.href.length > LIMITS.url ? url.origin + '/' : url.href;
  }
  return href;
}

/** Absolute http(s) URL for an image/link value (handles protocol-relative `//cdn/...`). */
export function absoluteUrl(value: unknown, base?: URL | string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  if (!t || t.length > LIMITS.url) return undefined;
  try {
    const url = new URL(t.startsWith('//') ? 'https:' + t : t, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href.length <= LIMITS.url ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Hostname without a leading `www.`. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^www\./, '');
}
