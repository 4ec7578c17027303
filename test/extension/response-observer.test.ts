// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://shopee.vn/search?keyword=x"}
import { describe, expect, it, vi } from 'vitest';
import { createObservedBuffer } from '../../utils/content/observed-buffer';
import { installResponseObserver, OBSERVER_MESSAGE_SOURCE, OBSERVER_REPLAY_REQUEST } from '../../utils/content/response-observer';

describe('main-world response observer', () => {
  it('passes the page its own response untouched and posts a copy of product API bodies', async () => {
    const body = JSON.stringify({ data: { item: { item_id: 1, shop_id: 2 } } });
    const pageFetch = vi.fn(async () => new Response(body, { headers: { 'content-type': 'application/json' } }));
    window.fetch = pageFetch as unknown as typeof fetch;
    const posted = vi.spyOn(window, 'postMessage');
    installResponseObserver(window as unknown as Window & typeof globalThis);

    const response = await window.fetch(`${location.origin}/api/v4/pdp/get_pc?item_id=1&shop_id=2`);
    expect(await response.text()).toBe(body); // the page still reads its body
    await vi.waitFor(() => expect(posted).toHaveBeenCalled());
    expect(posted.mock.calls[0]?.[0]).toEqual({ source: OBSERVER_MESSAGE_SOURCE, url: `${location.origin}/api/v4/pdp/get_pc?item_id=1&shop_id=2`, text: body });
  });

  it('copies cross-origin API requests an adapter declares (an API on another subdomain of the site)', async () => {
    window.fetch = vi.fn(async () => new Response('{"data":[]}', { headers: { 'content-type': 'application/json;charset=UTF-8' } })) as unknown as typeof fetch;
    const posted = vi.spyOn(window, 'postMessage');
    posted.mockClear();
    installResponseObserver(window as unknown as Window & typeof globalThis);
    await window.fetch('https://searchlist-api.sendo.vn/web/products?q=ban&page=1');
    await vi.waitFor(() => expect(posted).toHaveBeenCalled());
    expect((posted.mock.calls[0]?.[0] as { url: string }).url).toBe('https://searchlist-api.sendo.vn/web/products?q=ban&page=1');
  });

  it('ignores other requests and other origins', async () => {
    window.fetch = vi.fn(async () => new Response('{}', { headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch;
    const posted = vi.spyOn(window, 'postMessage');
    posted.mockClear();
    installResponseObserver(window as unknown as Window & typeof globalThis);
    await window.fetch(`${location.origin}/static/app.js`);
    await window.fetch('https://tracker.example/api/v4/pdp/get_pc');
    await window.fetch('http://shopee.vn/api/v4/pdp/get_pc'); // not https
    await window.fetch(`${location.origin}/api/v4/account/basic/get_account_info`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(posted).not.toHaveBeenCalled();
  });
});

describe('responses observed before the isolated script listens', () => {
  it('are replayed on request, bounded, and taken once by the buffer', async () => {
    const bodies = Array.from({ length: 15 }, (_, i) => JSON.stringify({ data: { item: { item_id: i } } }));
    let call = 0;
    window.fetch = vi.fn(async () => new Response(bodies[call++], { headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch;
    installResponseObserver(window as unknown as Window & typeof globalThis);
    // the page fetches its product API before the content script (document_idle) is there
    for (let i = 0; i < 15; i++) await (await window.fetch(`${location.origin}/api/v4/pdp/get_pc?item_id=${i}`)).text();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const buffer = createObservedBuffer(() => true, (r) => r);
    const received: string[] = [];
    window.addEventListener('message', (event) => {
      // happy-dom leaves event.source unset: the buffer is given the window as the source, as a browser does
      const fromOwnWindow = { data: event.data, source: window } as unknown as MessageEvent;
      const url = (event.data as { url?: string } | null)?.url ?? '';
      // earlier tests in this file installed observers of their own: count this test's responses only
      if (/get_pc\?item_id=\d+$/.test(url) && buffer.receive(fromOwnWindow, window)) received.push(url);
    });
    // happy-dom's postMessage leaves event.source unset; a browser sets it to the posting window
    const askReplay = () => window.dispatchEvent(new MessageEvent('message', { data: { source: OBSERVER_REPLAY_REQUEST }, source: window as unknown as MessageEventSource }));
    askReplay();
    await vi.waitFor(() => expect(received).toHaveLength(12));
    // the newest 12, oldest first
    expect(received[0]).toContain('item_id=3');
    expect(received.at(-1)).toContain('item_id=14');
    // asked again (or the page forging the request): nothing is taken twice
    askReplay();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(received).toHaveLength(12);
    expect(buffer.responses).toHaveLength(12);
  });
});

describe('observed response buffer (isolated world)', () => {
  const message = (data: unknown, source: unknown = window) => ({ data, source }) as unknown as MessageEvent;
  const valid = { source: OBSERVER_MESSAGE_SOURCE, url: 'https://shopee.vn/api/v4/pdp/get_pc?item_id=1', text: '{"data":{"item":{"item_id":1}}}' };

  it('keeps accepted responses after sanitising them', () => {
    const buffer = createObservedBuffer(() => true, (r) => ({ ...r, body: { cleaned: true } }));
    expect(buffer.receive(message(valid), window)).toBe(true);
    expect(buffer.responses).toEqual([{ url: valid.url, body: { cleaned: true } }]);
  });

  it('drops messages from frames, wrong shapes, bad JSON, URLs the adapter does not want, and what the sanitiser refuses', () => {
    const accept = (url: URL) => url.pathname.startsWith('/api/v4/pdp');
    const buffer = createObservedBuffer(accept, (r) => (JSON.stringify(r.body).includes('refuse') ? undefined : r));
    expect(buffer.receive(message(valid, {}), window)).toBe(false);
    expect(buffer.receive(message({ ...valid, text: 42 }), window)).toBe(false);
    expect(buffer.receive(message({ ...valid, text: '{not json' }), window)).toBe(false);
    expect(buffer.receive(message({ ...valid, url: 'https://shopee.vn/api/v4/account/info' }), window)).toBe(false);
    expect(buffer.receive(message({ ...valid, text: '{"refuse":1}' }), window)).toBe(false);
    expect(buffer.receive(message(null), window)).toBe(false);
    expect(buffer.responses).toEqual([]);
  });

  it('keeps only the most recent responses', () => {
    const buffer = createObservedBuffer(() => true, (r) => r);
    for (let i = 0; i < 30; i += 1) buffer.receive(message({ ...valid, url: `https://shopee.vn/api/v4/pdp/get_pc?item_id=${i}` }), window);
    expect(buffer.responses).toHaveLength(12);
    expect(buffer.responses.at(-1)?.url).toContain('item_id=29');
  });
});
