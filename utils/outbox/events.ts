import type { OutboxEvent } from '../messaging/protocol';
import type { OutboxEntry } from './types';

// No zod and no browser API: the content script imports the key.

/** extension storage key of the latest OutboxEvent */
export const OUTBOX_EVENT_KEY = 'outboxEvent';

/** What a page may learn about a settled report: its own listing's outcome, nothing else of the report. */
export function toOutboxEvent(entry: OutboxEntry, at: number): OutboxEvent | undefined {
  if (entry.state === 'pending') return undefined;
  return {
    id: entry.id,
    listingKey: entry.report.listing.listingKey,
    state: entry.state,
    ...(entry.receipt && { trackingCode: entry.receipt.trackingCode }),
    ...(entry.lastError && entry.state === 'failed' && { error: entry.lastError }),
    at,
  };
}
