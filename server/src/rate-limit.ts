// Token buckets per client for anonymous report submission: a burst allowance that refills per minute, and a
// daily allowance. Memory is bounded: the least recently seen clients are forgotten first (a forgotten client only
// gets a fresh allowance).

export interface RateLimits {
  perMinute: number;
  perDay: number;
}

interface Buckets {
  minute: number;
  day: number;
  at: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

export function createRateLimiter(limits: RateLimits, now: () => number = Date.now, maxClients = 100_000) {
  const clients = new Map<string, Buckets>();
  return {
    /** Takes one token for `key`; when none is left, answers how many ms until one is. */
    take(key: string): { ok: true } | { ok: false; retryAfterMs: number } {
      const time = now();
      const previous = clients.get(key);
      const elapsed = previous ? Math.max(0, time - previous.at) : 0;
      const buckets: Buckets = previous
        ? {
            minute: Math.min(limits.perMinute, previous.minute + (elapsed * limits.perMinute) / MINUTE),
            day: Math.min(limits.perDay, previous.day + (elapsed * limits.perDay) / DAY),
            at: time,
          }
        : { minute: limits.perMinute, day: limits.perDay, at: time };
      clients.delete(key); // re-insert: Map order is least recently seen first
      clients.set(key, buckets);
      if (clients.size > maxClients) clients.delete(clients.keys().next().value!);
      if (buckets.minute >= 1 && buckets.day >= 1) {
        buckets.minute -= 1;
        buckets.day -= 1;
        return { ok: true };
      }
      const waitMinute = buckets.minute >= 1 ? 0 : ((1 - buckets.minute) * MINUTE) / limits.perMinute;
      const waitDay = buckets.day >= 1 ? 0 : ((1 - buckets.day) * DAY) / limits.perDay;
      return { ok: false, retryAfterMs: Math.ceil(Math.max(waitMinute, waitDay)) };
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;

/**
 * Bytes per client per day (evidence uploads): one bucket of `perDay` bytes that refills continuously, so a client
 * that used its day's allowance gets a chunk's worth back minutes later, never a burst above `perDay`. Same memory
 * bound as the token buckets.
 */
export function createByteQuota(limits: { perDay: number }, now: () => number = Date.now, maxClients = 100_000) {
  const clients = new Map<string, { bytes: number; at: number }>();
  return {
    /** Takes `bytes` for `key`, or (taking nothing) answers how many ms until that many are available. */
    take(key: string, bytes: number): { ok: true } | { ok: false; retryAfterMs: number } {
      const time = now();
      const previous = clients.get(key);
      const available = previous ? Math.min(limits.perDay, previous.bytes + (Math.max(0, time - previous.at) * limits.perDay) / DAY) : limits.perDay;
      const bucket = { bytes: available, at: time };
      clients.delete(key); // re-insert: Map order is least recently seen first
      clients.set(key, bucket);
      if (clients.size > maxClients) clients.delete(clients.keys().next().value!);
      const wanted = Math.min(bytes, limits.perDay);
      if (available >= wanted) {
        bucket.bytes -= wanted;
        return { ok: true };
      }
      return { ok: false, retryAfterMs: Math.ceil(((wanted - available) * DAY) / limits.perDay) };
    },
  };
}
export type ByteQuota = ReturnType<typeof createByteQuota>;
