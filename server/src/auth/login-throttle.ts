// Slows down password guessing: after FREE_FAILURES failures for one account (or from one client address) within
// the window, every further attempt waits an exponentially growing delay, answered 429 with Retry-After.
const FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_DELAY_MS = 15 * 60_000;
const MAX_TRACKED = 10_000;

interface Failures {
  count: number;
  last: number;
}

export function createLoginThrottle(now: () => number = Date.now) {
  const failures = new Map<string, Failures>();

  function retryAfterMs(key: string): number {
    const entry = failures.get(key);
    if (!entry) return 0;
    const elapsed = now() - entry.last;
    if (elapsed > WINDOW_MS) {
      failures.delete(key);
      return 0;
    }
    if (entry.count < FREE_FAILURES) return 0;
    const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (entry.count - FREE_FAILURES));
    return Math.max(0, delay - elapsed);
  }

  return {
    /** milliseconds the caller must still wait (0 = may try now) */
    check(keys: string[]): number {
      return Math.max(0, ...keys.map(retryAfterMs));
    },
    fail(keys: string[]): void {
      for (const key of keys) {
        const entry = failures.get(key);
        failures.set(key, { count: (entry?.count ?? 0) + 1, last: now() });
      }
      // Bounded memory under a spray of addresses: forget the oldest entries.
      if (failures.size > MAX_TRACKED) {
        for (const key of [...failures.keys()].slice(0, failures.size - MAX_TRACKED)) failures.delete(key);
      }
    },
    succeed(keys: string[]): void {
      for (const key of keys) failures.delete(key);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
