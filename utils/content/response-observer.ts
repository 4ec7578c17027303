// Runs in the page's main world (see entrypoints/response-observer.content.ts). It watches the page's own
// fetch/XHR responses for product APIs, never altering them, and hands copies to the isolated content script.

export const OBSERVER_MESSAGE_SOURCE = 'hotline389:observed-response';
/** Coarse filter in the page; the isolated script applies the adapter's exact rule and strips personal data. */
export const OBSERVED_PATH = /\/api\/(v\d+\/)?(pdp|item|product|products|shop)\b|\/api\/shop\/pdp|\/view\/product\//i;
const MAX_BODY_CHARS = 2_000_000;

export interface ObservedMessage {
  source: typeof OBSERVER_MESSAGE_SOURCE;
  url: string;
  text: string;
}

function post(target: Window, url: string, text: string) {
  if (text.length > MAX_BODY_CHARS) return;
  const message: ObservedMessage = { source: OBSERVER_MESSAGE_SOURCE, url, text };
  target.postMessage(message, target.location.origin);
}

function shouldObserve(target: Window, rawUrl: string): string | undefined {
  try {
    const url = new URL(rawUrl, target.location.href);
    return url.origin === target.location.origin && OBSERVED_PATH.test(url.pathname) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function installResponseObserver(target: Window & typeof globalThis): void {
  const originalFetch = target.fetch;
  if (typeof originalFetch === 'function') {
    const observedFetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      const promise = originalFetch.apply(this, args);
      const input = args[0];
      const url = shouldObserve(target, typeof input === 'string' || input instanceof URL ? String(input) : input.url);
      if (url) {
        void promise
          .then((response) => (/json|text\/plain/i.test(response.headers.get('content-type') ?? '') ? response.clone().text() : undefined))
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
