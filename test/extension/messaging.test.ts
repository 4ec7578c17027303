import { describe, expect, it, vi } from 'vitest';
import { ReportSchema } from '../../contract/index';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { dispatchMessage, InvalidMessageError, type Handlers } from '../../utils/messaging/handle';

const listing = ReportSchema.parse(EXAMPLE_REPORT).listing;
const OWN_ID = 'own-extension-id';

function handlers() {
  return {
    submitReport: vi.fn(async (_payload: unknown) => ({ ok: true as const, receipt: { reportId: '', trackingCode: '', receivedAt: '' } })),
    getUiSettings: vi.fn(async () => ({ language: 'vi' as const, training: false })),
    explainHits: vi.fn(async () => []),
    assessListing: vi.fn(async () => ({ level: 'none' as const, score: 0, categories: [], hits: [] })),
    assessCards: vi.fn(async () => []),
    listReports: vi.fn(async () => []),
    siteAccessChanged: vi.fn(async () => ({ origins: [] })),
    checkApi: vi.fn(async () => ({ ok: true, message: '' })),
    priorReports: vi.fn(async () => []),
    reportedListings: vi.fn(async () => []),
    exportEvidence: vi.fn(async () => ({ ok: false as const, reason: 'none' as const })),
    evidenceAccess: vi.fn(async () => ({ screenshots: false, mhtml: false })),
    deleteReport: vi.fn(async () => ({ deleted: false })),
    submitBatch: vi.fn(async () => ({ results: [], elapsedMs: 0 })),
    reportShop: vi.fn(async () => ({ ok: true as const, receipt: { reportId: '', trackingCode: '', receivedAt: '' } })),
  } satisfies Handlers;
}

describe('background message dispatch', () => {
  it('routes a valid request to its handler with the parsed payload', async () => {
    const h = handlers();
    await dispatchMessage(h, { type: 'submitReport', payload: { listing, category: 'counterfeit' } }, { id: OWN_ID }, OWN_ID);
    expect(h.submitReport).toHaveBeenCalledOnce();
    expect(h.submitReport.mock.calls[0]?.[0]).toMatchObject({ category: 'counterfeit', listing: { listingKey: listing.listingKey } });
  });

  it('refuses messages from other extensions', async () => {
    const h = handlers();
    await expect(dispatchMessage(h, { type: 'getUiSettings', payload: {} }, { id: 'someone-else' }, OWN_ID)).rejects.toBeInstanceOf(InvalidMessageError);
    expect(h.getUiSettings).not.toHaveBeenCalled();
  });

  it('refuses unknown types, including inherited property names', async () => {
    for (const type of ['deleteEverything', '__proto__', 'toString']) {
      await expect(dispatchMessage(handlers(), { type, payload: {} }, { id: OWN_ID }, OWN_ID)).rejects.toThrow(/unknown message type/);
    }
  });

  it('refuses a page-derived listing that breaks the contract, naming the field', async () => {
    const h = handlers();
    const hostile = { ...listing, title: 'x'.repeat(5_000_000), url: 'javascript:alert(1)' };
    await expect(dispatchMessage(h, { type: 'submitReport', payload: { listing: hostile, category: 'counterfeit' } }, { id: OWN_ID }, OWN_ID)).rejects.toThrow(
      /listing\.(title|url)/,
    );
    expect(h.submitReport).not.toHaveBeenCalled();
  });

  it('bounds the work a page can ask for: at most 500 cards per request', async () => {
    const h = handlers();
    const cards = Array.from({ length: 501 }, (_, i) => ({ key: `shopee.vn:1:${i}`, title: 'x' }));
    await expect(dispatchMessage(h, { type: 'assessCards', payload: { site: 'shopee.vn', cards } }, { id: OWN_ID }, OWN_ID)).rejects.toThrow(/cards/);
    await dispatchMessage(h, { type: 'assessCards', payload: { site: 'shopee.vn', cards: cards.slice(0, 500) } }, { id: OWN_ID }, OWN_ID);
    expect(h.assessCards).toHaveBeenCalledOnce();
  });
});
