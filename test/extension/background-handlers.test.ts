import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ReportSchema, type Listing, type Report } from '../../contract/index';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { useHotline } from './hotline';
import { createBackgroundHandlers } from '../../utils/background/handlers';
import type { RiskService } from '../../utils/background/risk-service';
import { createIdbOutboxStore, openHotlineDb } from '../../utils/outbox/idb-store';
import { createOutbox } from '../../utils/outbox/outbox';
import { postReport } from '../../utils/report-client';

vi.mock('wxt/browser', () => ({ browser: { runtime: { getManifest: () => ({ version: '9.9.9' }) } } }));

const listing = ReportSchema.parse(EXAMPLE_REPORT).listing;
const sender = { id: 'own-extension-id' };
const hotlineHolder = useHotline();
let dbCounter = 0;

/** Background handlers over a real outbox (fake IndexedDB) that records every report it posts. */
function setup(reporter: { reporterRole: 'volunteer' | 'inspector' | 'trainer'; trainingMode: boolean } = { reporterRole: 'volunteer', trainingMode: false }) {
  const posted: Report[] = [];
  const store = createIdbOutboxStore(openHotlineDb(`handlers-test-${(dbCounter += 1)}`));
  const outbox = createOutbox({
    store,
    apiBaseUrl: async () => hotlineHolder.server.url,
    post: async (report, options) => {
      posted.push(report);
      return postReport(report, options);
    },
  });
  const handlers = createBackgroundHandlers({ outbox, risk: {} as RiskService, reporterSettings: async () => reporter });
  return { handlers, store, posted };
}

const storedPayload = async (idempotencyKey: string) =>
  (await hotlineHolder.server.sql.query<{ payload: unknown }>('SELECT payload FROM reports WHERE idempotency_key = $1', [idempotencyKey])).rows[0]?.payload;

describe('background: building the report', () => {
  it('sends the role from the options, and marks a trainer’s reports in training mode as training, which the hotline keeps apart', async () => {
    const trainer = setup({ reporterRole: 'trainer', trainingMode: true });
    expect((await trainer.handlers.submitReport({ listing, category: 'counterfeit' }, sender)).ok).toBe(true);
    expect(trainer.posted[0]).toMatchObject({ reporterRole: 'trainer', training: true });
    const { rows } = await hotlineHolder.server.sql.query<{ training: boolean }>('SELECT c.training FROM reports r JOIN cases c ON c.id = r.case_id WHERE r.payload @> $1::jsonb', [JSON.stringify({ training: true })]);
    expect(rows.map((row) => row.training)).toContain(true);
    const inspector = setup({ reporterRole: 'inspector', trainingMode: true });
    await inspector.handlers.submitReport({ listing, category: 'counterfeit' }, sender);
    expect(inspector.posted[0]!.reporterRole).toBe('inspector');
    expect(inspector.posted[0]!.training).toBeUndefined();
  });

  it('tells inspector mode which listings this install reported before, with their tracking codes', async () => {
    const { handlers } = setup();
    const other = { ...listing, listingKey: `${listing.listingKey}-other`, url: `${listing.url}?other` };
    const first = await handlers.submitReport({ listing, category: 'counterfeit' }, sender);
    const second = await handlers.submitReport({ listing: other, category: 'counterfeit' }, sender);
    const codes = [first, second].map((answer) => (answer.ok ? answer.receipt.trackingCode : ''));
    const found = await handlers.reportedListings({ listingKeys: [listing.listingKey, other.listingKey, 'shopee.vn:0:never'] }, sender);
    expect(new Map(found.map((item) => [item.listingKey, item.trackingCode]))).toEqual(
      new Map([
        [listing.listingKey, codes[0]],
        [other.listingKey, codes[1]],
      ]),
    );
  });

  it('queues and posts the page text cleaned as the server stores it (lone surrogates, NUL, control characters)', async () => {
    const { handlers, store, posted } = setup();
    const dirty: Listing = {
      ...listing,
      title: 'Giày \ud800 a\u0000b\u0007 auth',
      description: 'dòng 1\n\tdòng 2\u007f\u001b[31m \udfff',
      seller: { name: 'Shop\u0000 A' },
      attributes: [{ name: 'Xuất xứ\u0008', value: 'VN' }],
    };
    const answer = await handlers.submitReport({ listing: dirty, category: 'counterfeit', note: 'ghi\u0000 chú \ud83d' }, sender);
    expect(answer.ok).toBe(true);

    expect(posted).toHaveLength(1);
    const sent = posted[0]!;
    expect(sent.listing).toMatchObject({
      title: 'Giày \ufffd ab auth',
      description: 'dòng 1\n\tdòng 2[31m \ufffd',
      seller: { name: 'Shop A' },
      attributes: [{ name: 'Xuất xứ', value: 'VN' }],
    });
    expect(sent.note).toBe('ghi chú \ufffd');
    const [entry] = await store.recent(1);
    expect(entry?.report).toEqual(sent); // what waits in the outbox is what went out
    // and what the hotline stored is what the browser queued
    expect(await storedPayload(entry!.id)).toEqual(JSON.parse(JSON.stringify(sent)));
  });

  it('leaves a clean report exactly as it was, astral characters included', async () => {
    const { handlers, posted } = setup();
    const clean: Listing = { ...listing, title: 'Giày 👟 chính hãng', description: 'dòng 1\n\tdòng 2' };
    await handlers.submitReport({ listing: clean, category: 'counterfeit', note: 'Giá quá thấp.' }, sender);
    expect(posted[0]).toMatchObject({ listing: clean, category: 'counterfeit', note: 'Giá quá thấp.', client: { version: '9.9.9' } });
    expect(posted[0]!.listing).toEqual(clean);
  });
});

describe('background: a report the hotline refuses', () => {
  it('ends refused, is listed as refused with the server’s field paths, and is never sent again', async () => {
    const { handlers, posted } = setup();
    const broken = { ...listing, images: ['ftp://nope'] } as Listing;
    const answer = await handlers.submitReport({ listing: broken, category: 'counterfeit' }, sender);
    expect(answer).toMatchObject({ ok: false, queued: false, error: { code: 'rejected', status: 400, fields: ['listing.images.0'] } });

    const [summary] = await handlers.listReports({ refreshStatus: false }, sender);
    expect(summary).toMatchObject({ state: 'failed', error: { code: 'rejected', status: 400, fields: ['listing.images.0'] } });
    expect(posted).toHaveLength(1);
  });
});

describe('background: the assessment in a report', () => {
  it('is the background’s own, never the one the page sent', async () => {
    const { createRiskService } = await import('../../utils/background/risk-service');
    const risk = createRiskService({ loadStoredPack: async () => undefined, storePack: async () => undefined });
    const posted: Report[] = [];
    const outbox = createOutbox({
      store: createIdbOutboxStore(openHotlineDb(`assess-${(dbCounter += 1)}`)),
      apiBaseUrl: async () => hotlineHolder.server.url,
      post: async (report, options) => {
        posted.push(report);
        return postReport(report, options);
      },
    });
    const handlers = createBackgroundHandlers({ outbox, risk, reporterSettings: async () => ({ reporterRole: 'volunteer', trainingMode: false }) });
    const forged = { level: 'none' as const, score: 0, categories: [], hits: [] };
    await handlers.submitReport({ listing: { ...listing, title: 'Giày Jordan 1 fake 1 full box' }, category: 'counterfeit', assessment: forged }, sender);
    expect(posted[0]!.assessment?.level).toMatch(/medium|high/);
    expect(posted[0]!.assessment?.hits.map((hit) => hit.ruleId)).toContain('counterfeit.fake-terms');
  });
});

describe('background: training explanations', () => {
  it('explain hits for a trainer in training mode only, with the rule’s near-misses from the pack', async () => {
    const { createRiskService } = await import('../../utils/background/risk-service');
    const risk = createRiskService({ loadStoredPack: async () => undefined, storePack: async () => undefined });
    const outbox = createOutbox({ store: createIdbOutboxStore(openHotlineDb(`explain-${(dbCounter += 1)}`)), apiBaseUrl: async () => hotlineHolder.server.url });
    const hits = [{ ruleId: 'counterfeit.fake-terms', text: 'F4KE' }];
    const trainer = createBackgroundHandlers({ outbox, risk, reporterSettings: async () => ({ reporterRole: 'trainer', trainingMode: true }) });
    const [explained] = await trainer.explainHits({ hits }, sender);
    expect(explained).toMatchObject({ ruleId: 'counterfeit.fake-terms', folded: 'fake', disguises: ['case', 'leet'] });
    expect(explained!.nearMisses).toContain('Cam kết không bán hàng fake, hoàn tiền 200%');
    const volunteer = createBackgroundHandlers({ outbox, risk, reporterSettings: async () => ({ reporterRole: 'volunteer', trainingMode: true }) });
    expect(await volunteer.explainHits({ hits }, sender)).toEqual([]);
  });
});
