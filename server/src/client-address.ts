import type { Context } from 'hono';

/**
 * The client's address. Behind `trustProxyHops` reverse proxies, each appends the address it saw to
 * X-Forwarded-For, so the client is the entry that many places from the end; anything further left was written by
 * the client and proves nothing. Without a trusted proxy the TCP peer is the client.
 */
export function clientAddress(c: Context, trustProxyHops = 0): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const peer = incoming?.socket?.remoteAddress ?? 'local';
  if (trustProxyHops <= 0) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustProxyHops] ?? peer;
}

/** One bucket per IPv4 address and per IPv6 /64 (one household or phone gets a whole /64 and can rotate within it). */
export function rateLimitKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!plain.includes(':')) return plain;
  const [head = '', tail] = plain.split('::');
  const left = head.split(':').filter(Boolean);
  const right = tail === undefined ? [] : tail.split(':').filter(Boolean);
  const expanded = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${expanded.slice(0, 4).map((group) => group.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
