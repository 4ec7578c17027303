import type { ObservedResponse } from '../adapters/types';
import { OBSERVER_MESSAGE_SOURCE } from './response-observer';

const MAX_KEPT = 12;

/**
 * Keeps the last few product API responses the page itself fetched. Anything posted to the window could be
 * forged by the page, which is no worse than the page's DOM: all of it is untrusted page data.
 */
export function createObservedBuffer(accept: (url: URL) => boolean, sanitize: (r: ObservedResponse) => ObservedResponse | undefined) {
  const kept: ObservedResponse[] = [];
  // raw messages already taken: a response the main world replays to a late listener may have arrived live too
  const taken: { url: string; text: string }[] = [];
  return {
    get responses(): readonly ObservedResponse[] {
      return kept;
    },
    /** returns true when the message was a usable response */
    receive(event: MessageEvent, ownWindow: Window): boolean {
      if (event.source !== ownWindow) return false;
      const data = event.data as { source?: unknown; url?: unknown; text?: unknown } | null;
      if (!data || data.source !== OBSERVER_MESSAGE_SOURCE || typeof data.url !== 'string' || typeof data.text !== 'string') return false;
      if (taken.some((t) => t.url === data.url && t.text === data.text)) return false;
      let url: URL;
      let body: unknown;
      try {
        url = new URL(data.url);
        if (!accept(url)) return false;
        body = JSON.parse(data.text);
      } catch {
        return false;
      }
      const clean = sanitize({ url: url.href, body });
      if (!clean) return false;
      kept.push(clean);
      if (kept.length > MAX_KEPT) kept.splice(0, kept.length - MAX_KEPT);
      taken.push({ url: data.url, text: data.text });
      if (taken.length > MAX_KEPT) taken.shift();
      return true;
    },
  };
}
