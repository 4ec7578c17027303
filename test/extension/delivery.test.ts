import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ReportSchema, type Report } from '../../contract/index';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { useHotline } from './hotline';
import { createBackgroundHandlers } from '../../utils/background/handlers';
import { createRetryScheduler, SHORT_RETRY_WINDOW_MS } from '../../utils/background/retry-scheduler';
import type { RiskService } from '../../utils/background/risk-service';
import { toOutboxEvent } from '../../utils/outbox/events';
import { createIdbOutboxStore, openHotlineDb } from '../../utils/outbox/idb-store';
import { createOutbox } from '../../utils/outbox/outbox';
import type { OutboxEntry } from '../../utils/outbox/types';
import { postReport } from '../../utils/report-client';

// Issue 11, faults 2, 3 and 7 on the background side: a queued report is delivered promptly once the hotline is
// back, the page hears of it, the form can tell a listing already reported, and contact details go only with consent.

vi.mock('wxt/browser', () => ({ browser: { runtime: { getManifest: () => ({ version: '9.9.9' }) } } }));

const report = ReportSchema.parse(EXAMPLE_REPORT);
const listing = report.listing;
const sender = { id: 'own-extension-id' };
const DEAD = 'http://127.0.0.1:9';
const hotlineHolder = useHotline();
let dbCounter = 0;

function setup() {
  let clock = 1_000_000;
  let apiBaseUrl = DEAD;
  const settled: OutboxEntry[] = [];
  const posted: Report[] = [];
  const outbox = createOutbox({
    store: createIdbOutboxStore(openHotlineDb(`delivery-test-${(dbCounter += 1)}`)),
    apiBaseUrl: async () => apiBaseUrl,
    now: () => clock,
    random: () => 0.5,
    post: async (sent, options) => {
      posted.push(sent);
      return postReport(sent, options);
    },
    onSettled: (entry) => settled.push(entry),
  });
  const hooks = { onQueued: vi.fn(), onServerAnswered: vi.fn() };
  const handlers = createBackgroundHandlers({ outbox, risk: {} as RiskService, hooks, reporterSettings: async () => ({ reporterRole: 'volunteer', trainingMode: false }) });
  return { outbox, handlers, hooks, settled, posted, setApi: (url: string) => (apiBaseUrl = url), advance: (ms: number) => (clock += ms), now: () => clock };
}

describe('outbox: telling the page about a later delivery', () => {
  it('reports a delivered entry to its listener, with the listing key and tracking code the page needs', async () => {
    const { outbox, settled, setApi, advance } = setup();
    const queued = await outbox.submit(report);
    expect(queued.state).toBe('pending');
    expect(settled).toHaveLength(0);
    setApi(hotlineHolder.server.url);
    advance(60_000);
    await outbox.flush();
    expect(settled).toHaveLength(1);
    const event = toOutboxEvent(settled[0]!, 42);
    expect(event).toEqual({ id: queued.id, listingKey: listing.listingKey, state: 'sent', trackingCode: settled[0]!.receipt!.trackingCode, at: 42 });
    expect(JSON.stringify(event)).not.toContain(listing.title ?? '\u0000'); // nothing else of the report
  });

  it('knows when the next queued report is due (its backoff)', async () => {
    const { outbox, now } = setup();
    expect(await outbox.nextDue()).toBeUndefined();
    await outbox.submit(report);
    const due = await outbox.nextDue();
    expect(due).toBeGreaterThan(now());
    expect(due! - now()).toBeLessThanOrEqual(10_000); // a short first retry, not the one-minute alarm
  });
});

describe('retry scheduler', () => {
  it('retries a queued report at its (short) backoff, then leaves longer waits to the alarm', async () => {
    const timers: { run: () => void; ms: number }[] = [];
    let due: number | undefined = 1_005_000;
    const flush = vi.fn(async () => undefined);
    const scheduler = createRetryScheduler({ flush, nextDue: async () => due, now: () => 1_000_000, setTimer: (run, ms) => timers.push({ run, ms }), clearTimer: () => undefined });
    await scheduler.reschedule();
    expect(timers.map((timer) => timer.ms)).toEqual([5_050]);
    await scheduler.reschedule(); // already timed: no second timer
    expect(timers).toHaveLength(1);
    due = 1_000_000 + SHORT_RETRY_WINDOW_MS + 60_000;
    timers[0]!.run();
    await vi.waitFor(() => expect(flush).toHaveBeenCalledWith(false));
    expect(timers).toHaveLength(1); // too far off: the alarm takes over
  });

  it('sends every pending report at once when the hotline answers', async () => {
    const flush = vi.fn(async () => undefined);
    const scheduler = createRetryScheduler({ flush, nextDue: async () => undefined, setTimer: () => 0, clearTimer: () => undefined });
    await scheduler.serverAnswered();
    expect(flush).toHaveBeenCalledWith(true);
  });
});

describe('background handlers', () => {
  it('times a retry when a report is queued, and flushes the others when one gets through', async () => {
    const { handlers, hooks, setApi } = setup();
    await handlers.submitReport({ listing, category: 'counterfeit' }, sender);
    expect(hooks.onQueued).toHaveBeenCalledOnce();
    expect(hooks.onServerAnswered).not.toHaveBeenCalled();
    setApi(hotlineHolder.server.url);
    const answer = await handlers.submitReport({ listing, category: 'counterfeit' }, sender);
    expect(answer.ok).toBe(true);
    expect(hooks.onServerAnswered).toHaveBeenCalledOnce();
  });

  it('lists the earlier reports about a listing (queued and sent, not refused), with the outbox id the page waits for', async () => {
    const { handlers, setApi } = setup();
    const queued = await handlers.submitReport({ listing, category: 'counterfeit' }, sender);
    expect(queued).toMatchObject({ ok: false, queued: true, entryId: expect.any(String) });
    setApi(hotlineHolder.server.url);
    const sent = await handlers.submitReport({ listing, category: 'smuggled' }, sender);
    await handlers.submitReport({ listing: { ...listing, listingKey: 'shopee.vn:1:99' }, category: 'smuggled' }, sender);
    const prior = await handlers.priorReports({ listingKey: listing.listingKey }, sender);
    expect(prior.map((entry) => entry.state).sort()).toEqual(['pending', 'sent']);
    expect(prior.find((entry) => entry.state === 'sent')?.trackingCode).toBe(sent.ok ? sent.receipt.trackingCode : 'none');
    expect(prior.find((entry) => entry.state === 'pending')?.id).toBe(queued.ok ? 'none' : queued.entryId);
  });

  it('sends contact details only with consent: a report without them carries no contact at all', async () => {
    const { handlers, posted, setApi } = setup();
    setApi(hotlineHolder.server.url);
    await handlers.submitReport({ listing, category: 'counterfeit' }, sender);
    await handlers.submitReport({ listing, category: 'counterfeit', contact: { consent: true, email: 'a@example.vn' } }, sender);
    expect(posted[0]).not.toHaveProperty('contact');
    expect(posted[1]?.contact).toEqual({ consent: true, email: 'a@example.vn' });
  });
});
