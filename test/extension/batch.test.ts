// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Assessment } from '../../contract/assessment';
import { ReportSchema } from '../../contract/index';
import type { SearchCard } from '../../utils/adapters/types';
import { createBatchHandlers, listingFromCard, responseEntriesFor } from '../../utils/background/batch';
import { buildBatchRequest, buildShopRequest, categoryFor } from '../../utils/content/batch-request';
import { createCardSelection } from '../../utils/content/card-selection';
import { REQUEST_SCHEMAS } from '../../utils/messaging/schemas';
import type { OutboxEntry } from '../../utils/outbox/types';

const flaggedAs = (category: Assessment['categories'][number]): Assessment => ({
  level: 'high',
  score: 0.9,
  categories: [category],
  hits: [{ ruleId: 'r1', category, weight: 0.9, field: 'title', text: 'x' } as Assessment['hits'][number]],
});

function card(id: number, shopId = '555', element?: Element): SearchCard {
  return { itemId: String(id), shopId, key: `shopee.vn:${shopId}:${id}`, url: `https://shopee.vn/product/${shopId}/${id}`, title: `Tin ${id}`, price: 1000 * id, ...(element && { element }) };
}

describe('card selection', () => {
  it('toggles cards, selects every flagged card still on the page, clears, and caps the selection', () => {
    const selection = createCardSelection({ max: 3 });
    const changes = vi.fn();
    selection.onChange(changes);
    for (let i = 1; i <= 6; i++) selection.track(card(i));
    selection.flag('shopee.vn:555:2', flaggedAs('counterfeit'));
    selection.flag('shopee.vn:555:4', flaggedAs('banned_goods'));
    expect(selection.toggle('shopee.vn:555:1')).toBe(true);
    expect(selection.selectAllFlagged()).toBe(3);
    expect(selection.selected().map((entry) => entry.card.itemId)).toEqual(['1', '2', '4']);
    expect(selection.toggle('shopee.vn:555:5')).toBe(false); // full
    expect(selection.toggle('shopee.vn:555:1')).toBe(false); // unselected again
    expect(selection.toggle('shopee.vn:unknown:9')).toBe(false);
    selection.clear();
    expect(selection.selected()).toEqual([]);
    expect(changes).toHaveBeenCalled();
  });

  it('leaves cards reported from this page out of "all flagged", keeping the first tracking code', () => {
    const selection = createCardSelection();
    for (let i = 1; i <= 3; i++) selection.track(card(i));
    for (const i of [1, 2, 3]) selection.flag(`shopee.vn:555:${i}`, flaggedAs('counterfeit'));
    selection.markReported('shopee.vn:555:1', 'ABCD-EFGH-JKLM');
    selection.markReported('shopee.vn:555:2'); // queued
    selection.markReported('shopee.vn:555:1'); // a later "queued" never hides the code
    selection.markReported('shopee.vn:999:9', 'ZZZZ-ZZZZ-ZZZZ'); // not on this page
    expect(selection.selectAllFlagged()).toBe(1);
    expect(selection.selected().map((entry) => entry.card.itemId)).toEqual(['3']);
    expect(selection.reportedCode('shopee.vn:555:1')).toBe('ABCD-EFGH-JKLM');
    expect(selection.reportedCode('shopee.vn:555:2')).toBe('');
    expect(selection.reportedCode('shopee.vn:555:3')).toBeUndefined();
    expect(selection.toggle('shopee.vn:555:1')).toBe(true); // by hand it can be picked again
    selection.reset();
    expect(selection.reportedCode('shopee.vn:555:1')).toBeUndefined();
  });

  it('keeps the DOM element when a response card joins, forgets cards whose element left, and finds a shared shop', () => {
    const element = document.createElement('li');
    document.body.append(element);
    const selection = createCardSelection();
    selection.track(card(1, '555', element));
    selection.track({ ...card(1), title: 'from the API' });
    expect(selection.get('shopee.vn:555:1')?.card.element).toBe(element);
    expect(selection.get('shopee.vn:555:1')?.card.title).toBe('from the API');
    selection.track(card(2, '777', document.createElement('li'))); // not in the document
    expect(selection.all().map((entry) => entry.card.itemId)).toEqual(['1']);
    expect(selection.sharedShop(selection.all())).toBe('555');
    selection.track(card(3, '777'));
    expect(selection.sharedShop(selection.all())).toBeUndefined();
  });
});

describe('batch building', () => {
  it("uses each card's own top reason (else the fallback) or one category for all; the card's DOM is inert", () => {
    const li = document.createElement('li');
    li.setAttribute('onclick', 'steal()');
    li.innerHTML = '<a href="/p-i.555.1" onmouseover="x()">Tin 1</a><script>evil()</script><img src="https://cf.shopee.vn/file/a.jpg">';
    document.body.append(li);
    const flagged = { card: card(1, '555', li), assessment: flaggedAs('banned_goods') };
    const plain = { card: card(2) };
    expect(categoryFor(flagged, { mode: 'own', fallback: 'other' })).toBe('banned_goods');
    expect(categoryFor(plain, { mode: 'own', fallback: 'other' })).toBe('other');
    expect(categoryFor(flagged, { mode: 'all', category: 'counterfeit' })).toBe('counterfeit');
    const request = buildBatchRequest('shopee.vn', [flagged, plain], { mode: 'own', fallback: 'other' }, '  lô hàng  ', 'https://shopee.vn/search?keyword=x');
    expect(request.note).toBe('lô hàng');
    expect(request.cards.map((c) => c.category)).toEqual(['banned_goods', 'other']);
    const html = request.cards[0]!.html!;
    expect(html).toContain('Tin 1');
    expect(html).toContain("script-src 'none'");
    expect(html).not.toMatch(/evil|onclick|onmouseover/);
    expect(request.cards[0]!.image).toBe('https://cf.shopee.vn/file/a.jpg');
    expect(REQUEST_SCHEMAS.submitBatch.safeParse(request).success).toBe(true);
  });

  it('bounds a batch at 50 cards and validates each card at the boundary', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ key: `shopee.vn:5:${i}`, url: 'https://shopee.vn/product/5/1', itemId: String(i), category: 'other' }));
    expect(REQUEST_SCHEMAS.submitBatch.safeParse({ site: 'shopee.vn', cards: many }).success).toBe(false);
    expect(REQUEST_SCHEMAS.submitBatch.safeParse({ site: 'shopee.vn', cards: many.slice(0, 50) }).success).toBe(true);
    expect(REQUEST_SCHEMAS.submitBatch.safeParse({ site: 'shopee.vn', cards: [{ ...many[0], url: 'javascript:alert(1)' }] }).success).toBe(false);
    expect(REQUEST_SCHEMAS.submitBatch.safeParse({ site: 'shopee.vn', cards: [{ ...many[0], category: 'nope' }] }).success).toBe(false);
  });

  it("builds the shop request with the cards' listing keys and their most frequent reason", () => {
    const entries = [
      { card: card(1), assessment: flaggedAs('counterfeit') },
      { card: card(2), assessment: flaggedAs('counterfeit') },
      { card: card(3), assessment: flaggedAs('banned_goods') },
      { card: card(4) },
    ];
    const request = buildShopRequest('shopee.vn', '555', entries, { mode: 'own', fallback: 'other' }, '', new URL('https://shopee.vn/search?keyword=x'));
    expect(request).toEqual({
      site: 'shopee.vn',
      shop: { shopId: '555', url: 'https://shopee.vn/shop/555' },
      listingKeys: entries.map((entry) => entry.card.key),
      category: 'counterfeit',
    });
    expect(REQUEST_SCHEMAS.reportShop.safeParse(request).success).toBe(true);
    expect(buildShopRequest('shopee.vn', '555', entries, { mode: 'own', fallback: 'other' }, '', new URL('https://shopee.vn/shop/555?page=2')).shop.url).toBe('https://shopee.vn/shop/555');
  });
});

describe('batch handlers (background)', () => {
  const responses = [{ url: 'https://shopee.vn/api/v4/search/search_items?keyword=x', body: { items: [{ item_basic: { itemid: 1, shopid: 555, name: 'Tin 1 (API)' } }, { item_basic: { itemid: 2, name: 'Tin 2' } }] } }];

  it('finds the response entries of one item', () => {
    expect(responseEntriesFor(responses, '1')).toEqual([{ url: responses[0]!.url, entries: [{ itemid: 1, shopid: 555, name: 'Tin 1 (API)' }] }]);
    expect(responseEntriesFor(responses, '9')).toEqual([]);
  });

  it('marks facts the card does not show as read from the API response', () => {
    const listing = listingFromCard('shopee.vn', { key: 'shopee.vn:555:1', url: 'https://shopee.vn/product/555/1', itemId: '1', title: 'Tin 1 (API)', price: 5000, html: '<li>5000</li>', category: 'other' }, true);
    expect(listing.provenance.title?.source).toBe('api_response');
    expect(listing.provenance.price?.source).toBe('dom');
  });

  it('reports each card with its own signed evidence sharing one page capture, and refuses volunteers', async () => {
    const submitted: { report: unknown; files: string[] }[] = [];
    const outbox = {
      submit: vi.fn(async (report: unknown, evidence?: { files: { name: string }[] }) => {
        submitted.push({ report, files: evidence?.files.map((file) => file.name) ?? [] });
        return { id: `e${submitted.length}`, state: 'sent', receipt: { reportId: crypto.randomUUID(), trackingCode: `AAAA-BBBB-000${submitted.length}`, receivedAt: new Date().toISOString() } } as unknown as OutboxEntry;
      }),
    };
    const capturePage = vi.fn(async () => ({ capturedAt: new Date().toISOString(), screenshot: new Uint8Array([1, 2, 3]), responses, masked: 0 }));
    const sign = vi.fn(async (_facts: unknown, files: readonly { name: string; bytes: Uint8Array }[]) => ({ manifest: {}, claim: { manifest: '{}', signature: 'AAAAAAAAAA==' }, files: files.map(({ name, bytes }) => ({ name, bytes })) }));
    let role: 'inspector' | 'volunteer' = 'inspector';
    const handlers = createBatchHandlers({
      outbox,
      risk: { assessListing: async () => ({ level: 'none', score: 0, categories: [], hits: [] }) },
      reporterSettings: async () => ({ reporterRole: role, trainingMode: false }),
      evidence: { capturer: { capturePage, sign: sign as never } },
      client: { name: 'hotline389-extension', version: '0.0.0' },
    });
    const sender = { tab: { id: 1, windowId: 1, url: 'https://shopee.vn/search?keyword=x' } };
    const cards = [1, 2].map((id) => ({ key: `shopee.vn:555:${id}`, url: `https://shopee.vn/product/555/${id}`, itemId: String(id), shopId: '555', title: `Tin ${id}`, html: `<li>Tin ${id}</li>`, category: 'counterfeit' as const }));
    const answer = await handlers.submitBatch({ site: 'shopee.vn', cards: [...cards, { ...cards[0]!, key: 'lazada.vn:1' }] }, sender);
    expect(capturePage).toHaveBeenCalledOnce();
    expect(answer.results.map((result) => result.ok)).toEqual([true, true, false]);
    expect(submitted.map((entry) => entry.files.sort())).toEqual([
      ['card.html', 'listing.json', 'responses.json', 'screenshot.png'],
      ['card.html', 'listing.json', 'responses.json', 'screenshot.png'],
    ]);
    for (const { report } of submitted) expect(ReportSchema.safeParse(report).success).toBe(true);

    const shop = await handlers.reportShop({ site: 'shopee.vn', shop: { shopId: '555', url: 'https://shopee.vn/shop/555', name: 'Shop A' }, listingKeys: cards.map((c) => c.key), category: 'counterfeit' }, sender);
    expect(shop.ok).toBe(true);
    const shopReport = ReportSchema.parse(submitted.at(-1)!.report);
    expect(shopReport).toMatchObject({ subject: 'shop', shop: { shopId: '555', listingKeys: cards.map((c) => c.key) }, listing: { listingKey: 'shopee.vn:shop:555', title: 'Shop A' } });

    role = 'volunteer';
    await expect(handlers.submitBatch({ site: 'shopee.vn', cards }, sender)).rejects.toThrow(/inspectors/);
  });
});
