// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Assessment } from '../../contract/assessment';
import type { Listing } from '../../contract/listing';
import { createRiskPresenter } from '../../utils/content/risk-presenter';
import { createTranslator } from '../../utils/i18n';
import type { sendMessage } from '../../utils/messaging/send';

const listing = (key: string, title?: string): Listing => ({ site: 'shopee.vn', listingKey: key, url: 'https://shopee.vn/x-i.1.2', title, images: [], provenance: {} });
const assessmentFor = (title: string): Assessment => ({ level: 'high', score: 9, categories: ['banned_goods'], hits: [{ ruleId: title, category: 'banned_goods', field: 'title', explanation: { vi: '', en: '' }, legalRef: '' }] });

function setup() {
  const pending: { title: string; resolve: (a: Assessment) => void }[] = [];
  const send = vi.fn((type: string, payload: { listing: Listing }) => {
    return new Promise<Assessment>((resolve) => pending.push({ title: payload.listing.title ?? '', resolve }));
  }) as unknown as typeof sendMessage;
  const shown: (Assessment | undefined)[] = [];
  const widget = { element: document.createElement('div'), badgeSlot: document.createElement('div'), setListing: vi.fn(), setAssessment: vi.fn(), setPlacement: vi.fn(), closeForm: vi.fn(), reportSettled: vi.fn() };
  const riskView = { badge: document.createElement('button'), panel: document.createElement('section'), show: (a: Assessment | undefined) => shown.push(a), close: vi.fn() };
  const presenter = createRiskPresenter({ t: createTranslator('vi'), language: 'vi', widget, riskView, widgetHost: document.body, send });
  return { presenter, pending, shown, send };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('risk presenter', () => {
  it('assesses again when a client-rendered page fills in the title, and once only for unchanged data', async () => {
    const { presenter, pending, send } = setup();
    presenter.showListing(listing('k1'));
    presenter.showListing(listing('k1', 'Bóng cười N2O'));
    presenter.showListing(listing('k1', 'Bóng cười N2O'));
    expect(send).toHaveBeenCalledTimes(2);
    expect(pending.map((p) => p.title)).toEqual(['', 'Bóng cười N2O']);
  });

  it('drops an answer that arrives after the page moved to another item', async () => {
    const { presenter, pending, shown } = setup();
    presenter.showListing(listing('k1', 'Bóng cười N2O'));
    presenter.showListing(undefined); // SPA navigation
    presenter.showListing(listing('k2', 'Bình giữ nhiệt'));
    pending[0]?.resolve(assessmentFor('old'));
    await flush();
    expect(shown.filter(Boolean)).toEqual([]);
    pending[1]?.resolve(assessmentFor('new'));
    await flush();
    expect(shown.filter(Boolean).map((a) => a?.hits[0]?.ruleId)).toEqual(['new']);
  });
});
