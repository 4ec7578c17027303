// Prompt delivery of queued reports. The outbox alarm fires once a minute; a report that failed because the
// hotline blinked should not wait that long. After a report is queued the next attempt is timed to its backoff
// (5 s, then 10 s, 20 s, 40 s: a service worker stays alive that long after an event), and any sign that the
// hotline answers again (a status or health request, a delivered report) retries every pending report at once.

/** Beyond this the periodic alarm is the retry: a service worker may not live to fire a longer timer. */
export const SHORT_RETRY_WINDOW_MS = 45_000;

export interface RetrySchedulerDeps {
  flush(ignoreBackoff: boolean): Promise<unknown>;
  /** earliest time a pending report may be tried again; undefined with none pending */
  nextDue(): Promise<number | undefined>;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export function createRetryScheduler({
  flush,
  nextDue,
  now = Date.now,
  setTimer = (run, ms) => setTimeout(run, ms),
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}: RetrySchedulerDeps) {
  let timer: unknown;
  let timerAt = Infinity;

  async function reschedule(): Promise<void> {
    const due = await nextDue();
    if (due === undefined) {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      timerAt = Infinity;
      return;
    }
    const delay = Math.max(0, due - now()) + 50;
    if (delay > SHORT_RETRY_WINDOW_MS) return; // the alarm will do it
    if (timer !== undefined && timerAt <= due) return; // an earlier (or equal) try is already set
    if (timer !== undefined) clearTimer(timer);
    timerAt = due;
    timer = setTimer(() => {
      timer = undefined;
      timerAt = Infinity;
      void run(false);
    }, delay);
  }

  async function run(ignoreBackoff: boolean): Promise<void> {
    try {
      await flush(ignoreBackoff);
    } finally {
      await reschedule();
    }
  }

  return {
    /** a report was queued, or a flush left reports pending: time the next try */
    reschedule: () => reschedule().catch(() => undefined),
    /** the hotline answered: every pending report goes now (a server's Retry-After still holds) */
    serverAnswered: () => run(true).catch(() => undefined),
    /** a periodic or network-triggered flush */
    flush: (ignoreBackoff = false) => run(ignoreBackoff).catch(() => undefined),
  };
}
