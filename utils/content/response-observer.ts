// Runs in the page's main world (see entrypoints/response-observer.content.ts). It watches the page's own
// fetch/XHR responses for the API requests the adapters declare (ObserveSpec), never altering them, and hands
// copies to the isolated content script. A patched fetch/XHR sees the page's requests to every origin, so
// APIs on another subdomain of the site (fetched cross-origin) are observed too.
import { anyAdapterObserves, observeSpecs } from '../adapters/observe-rules';
import type { ObserveSpec } from '../adapters/types';

export const OBSERVER_MESSAGE_SOURCE = 'hotline389:observed-response';
/** The isolated script asks for the responses observed before it was listening. */
export const OBSERVER_REPLAY_REQUEST = 'hotline389:observer-replay';
const MAX_BODY_CHARS = 2_000_000;
const MAX_URL_CHARS = 4_000;
// What the main world keeps for a late listener: the isolated script starts at document_idle, after a client-rendered
// page has often fetched its product or search API already. Bounded, as the page may fetch without end.
const REPLAY_KEPT = 12;
const REPLAY_MAX_CHARS = 6_000_000;

export interface ObservedMessage {
  source: typeof OBSERVER_MESSAGE_SOURCE;
  url: string;
  text: string;
}

function send(target: Window, message: ObservedMessage) {
  target.postMessage(message, target.location.origin);
}

/** The last observed responses, oldest first, within REPLAY_KEPT messages and REPLAY_MAX_CHARS characters. */
function createReplayLog() {
  const kept: ObservedMessage[] = [];
  let chars = 0;
  return {
    add(message: ObservedMessage) {
      kept.push(message);
      chars += message.text.length;
      while (kept.length > REPLAY_KEPT || chars > REPLAY_MAX_CHARS) chars -= kept.shift()!.text.length;
    },
    all: (): readonly ObservedMessage[] => kept,
  };
}

/** The absolute URL when some adapter declares it (coarse filter: the isolated script applies the page's adapter and strips buyer data). */
export function observedUrl(target: Window, rawUrl: string, specs: readonly ObserveSpec[]): string | undefined {
  if (typeof rawUrl !== 'string' || rawUrl.length > MAX_URL_CHARS) return undefined;
  try {
    const url = new URL(rawUrl, target.location.href);
    return anyAdapterObserves(url, specs) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function installResponseObserver(target: Window & typeof globalThis, specs: readonly ObserveSpec[] = observeSpecs()): void {
  const shouldObserve = (w: Window, rawUrl: string) => observedUrl(w, rawUrl, specs);
  const replay = createReplayLog();
  const post = (_: Window, url: string, text: string) => {
    if (text.length > MAX_BODY_CHARS) return;
    const message: ObservedMessage = { source: OBSERVER_MESSAGE_SOURCE, url, text };
    replay.add(message);
    send(target, message);
  };
  // A page could send this request too: it only gets back copies of its own responses.
  target.addEventListener('message', (event) => {
    if (event.source !== target || (event.data as { source?: unknown } | null)?.source !== OBSERVER_REPLAY_REQUEST) return;
    for (const message of replay.all()) send(target, message);
  });
  const originalFetch = target.fetch;
  if (typeof originalFetch === 'function') {
    const observedFetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      const promise = originalFetch.apply(this, args);
      const input = args[0];
      const url = shouldObserve(target, typeof input === 'string' || input instanceof URL ? String(input) : input.url);
      if (url) {
        void promise
          .then((response) => (/json|text\/plain|javascript/i.test(response.headers.get('content-type') ?? '') ? response.clone().text() : undefined))
          .then((text) => text !== undefined && post(target, url, text))
          .catch(() => undefined);
      }
      return promise;
    };
    target.fetch = observedFetch as typeof fetch;
  }

  const xhrProto = target.XMLHttpRequest?.prototype;
  if (xhrProto) {
    const originalOpen = xhrProto.open;
    const urls = new WeakMap<XMLHttpRequest, string>();
    xhrProto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      const url = shouldObserve(target, String(args[1]));
      if (url) {
        urls.set(this, url);
        this.addEventListener('load', () => {
          try {
            const body = this.responseType === '' || this.responseType === 'text' ? this.responseText : this.responseType === 'json' ? JSON.stringify(this.response) : undefined;
            if (typeof body === 'string') post(target, url, body);
          } catch {
            // never disturb the page
          }
        });
      }
      return (originalOpen as (...a: unknown[]) => void).apply(this, args);
    } as typeof xhrProto.open;
  }
}
