// Observed page API responses are copied before anything keeps them: bounded in size, without
// prototype keys, and without the signed-in buyer's own data.
import { LIMITS } from '../../contract/limits';
import { buyerPathsFor } from './observe-rules';
import type { ObservedResponse } from './types';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Keys that carry the visitor's personal data, dropped wherever they appear. */
export const BUYER_KEYS: ReadonlySet<string> = new Set([
  'default_address', 'addresses', 'address_list', 'buyer_address', 'shipping_address', 'user_address',
  'defaultlocation', 'default_location', 'birth_timestamp', 'birthday', 'birth_date', 'dob', 'email', 'user_email',
  'phone', 'phone_number', 'mobile', 'buyer', 'buyer_info', 'cookie', 'cookies', 'token', 'access_token',
  'refresh_token', 'csrf_token', 'csrftoken', 'session', 'session_id', 'login_info', 'user_info', 'userinfo',
]);

export const RESPONSE_LIMITS = {
  maxDepth: 24,
  maxNodes: 200_000,
  maxArray: 2_000,
  maxKeys: 2_000,
  maxString: 20_000,
} as const;

function copy(value: unknown, depth: number, budget: { nodes: number }, drop: (path: string[]) => boolean, path: string[]): unknown {
  if (--budget.nodes < 0) return undefined;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value.length > RESPONSE_LIMITS.maxString ? value.slice(0, RESPONSE_LIMITS.maxString) : value;
  if (typeof value !== 'object' || depth >= RESPONSE_LIMITS.maxDepth) return undefined;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value.slice(0, RESPONSE_LIMITS.maxArray)) {
      const c = copy(v, depth + 1, budget, drop, path);
      if (c !== undefined) out.push(c);
      if (budget.nodes < 0) break;
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  let keys = 0;
  for (const key of Object.keys(value)) {
    if (++keys > RESPONSE_LIMITS.maxKeys || budget.nodes < 0) break;
    if (FORBIDDEN.has(key) || BUYER_KEYS.has(key.toLowerCase())) continue;
    const childPath = depth < 6 ? [...path, key] : path;
    if (depth < 6 && drop(childPath)) continue;
    const c = copy((value as Record<string, unknown>)[key], depth + 1, budget, drop, childPath);
    if (c !== undefined) out[key] = c;
  }
  return out;
}

/**
 * A bounded copy of an observed response without buyer data; undefined when the URL is not
 * http(s) or the body is not JSON data.
 */
export function sanitizeObservedResponse(r: ObservedResponse): ObservedResponse | undefined {
  if (!r || typeof r.url !== 'string' || r.url.length > LIMITS.url) return undefined;
  let url: URL;
  try {
    url = new URL(r.url);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (typeof r.body !== 'object' || r.body === null) return undefined;
  // per-endpoint buyer paths (e.g. Shopee get_pc data.account) are declared by the adapter that observes the URL
  const rules = buyerPathsFor(url);
  const drop = (path: string[]) => rules.some((p) => p.length === path.length && p.every((k, i) => k === path[i]));
  const body = copy(r.body, 0, { nodes: RESPONSE_LIMITS.maxNodes }, drop, []);
  if (body === undefined) return undefined;
  return { url: url.href, body };
}
