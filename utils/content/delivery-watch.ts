import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import type { OutboxEvent } from '../messaging/protocol';
import { OUTBOX_EVENT_KEY } from '../outbox/events';

function isOutboxEvent(value: unknown): value is OutboxEvent {
  const event = value as Partial<OutboxEvent> | null;
  return !!event && typeof event.id === 'string' && typeof event.listingKey === 'string' && (event.state === 'sent' || event.state === 'failed');
}

/**
 * Tells the page when the outbox settles a report later (the background writes OUTBOX_EVENT_KEY to extension
 * storage, which pages cannot read or write). The listener goes when the content script is invalidated.
 */
export function watchDeliveries(ctx: ContentScriptContext, onEvent: (event: OutboxEvent) => void): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !ctx.isValid) return;
    const value = changes[OUTBOX_EVENT_KEY]?.newValue;
    if (isOutboxEvent(value)) onEvent(value);
  };
  browser.storage.onChanged.addListener(listener);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
}
