import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { verifyBundle } from '../../contract/evidence-bundle';
import { fromBase64 } from '../../contract/evidence';
import { ReportSchema, type Report } from '../../contract/index';
import { EXAMPLE_REPORT } from '../../server/src/openapi';
import { createBackgroundHandlers } from '../../utils/background/handlers';
import type { RiskService } from '../../utils/background/risk-service';
import { readKeptEvidence } from '../../utils/evidence/kept';
import { createIdbOutboxStore, openHotlineDb } from '../../utils/outbox/idb-store';
import { createOutbox } from '../../utils/outbox/outbox';
import { randomFile, signedEvidence } from './evidence-fixture';
import { useHotline } from './hotline';

const settings = vi.hoisted(() => ({ apiBaseUrl: '' }));
vi.mock('wxt/browser', () => ({ browser: { runtime: { getManifest: () => ({ version: '9.9.9' }), getURL: (path: string) => `chrome-extension://own${path}` } } }));
vi.mock('../../utils/settings-store', () => ({ loadSettings: async () => ({ settings: { apiBaseUrl: settings.apiBaseUrl } }) }));

const popup = { id: 'own', url: 'chrome-extension://own/popup.html' };
const hotline = useHotline();

// The reporter's download from the popup: the hotline's countersigned copy once it has every file, else the bundle
// as this install signed it (offline, or the upload not finished).
describe('exporting evidence from the popup', () => {
  it('hands out the countersigned bundle once uploaded, and the install-signed one before', async () => {
    settings.apiBaseUrl = hotline.server.url;
    const store = createIdbOutboxStore(openHotlineDb('evidence-export'));
    let online = false;
    const outbox = createOutbox({
      store,
      apiBaseUrl: async () => hotline.server.url,
      // the report's first attempt fails: nothing uploaded yet
      post: async (report, options) => (online ? (await import('../../utils/report-client')).postReport(report, options) : { ok: false, error: { code: 'network', message: 'offline' } }),
    });
    const handlers = createBackgroundHandlers({
      outbox,
      risk: {} as RiskService,
      reporterSettings: async () => ({ reporterRole: 'volunteer', trainingMode: false }),
      evidence: { capturer: undefined as never, read: (entryId) => readKeptEvidence(store, entryId), access: async () => ({ screenshots: false, mhtml: false }) },
    });
    const base = ReportSchema.parse(EXAMPLE_REPORT);
    const report: Report = { ...base, listing: { ...base.listing, listingKey: `${base.listing.listingKey}-export` } };
    const entry = await outbox.submit(report, await signedEvidence(report, [randomFile('screenshot.png', 40_000), randomFile('listing.json', 500)]));
    expect(entry.state).toBe('pending');

    const before = await handlers.exportEvidence({ entryId: entry.id }, popup);
    expect(before).toMatchObject({ ok: true, countersigned: false });
    const local = await verifyBundle(fromBase64((before as { zipBase64: string }).zipBase64));
    expect(local.ok && local.summary.receipt).toBeUndefined();

    online = true;
    await outbox.flush({ ignoreBackoff: true });
    await outbox.flush({ ignoreBackoff: true }); // the upload runs after the receipt
    const sent = (await outbox.recent(10)).find((candidate) => candidate.id === entry.id)!;
    expect(sent.evidence?.state).toBe('complete');

    const after = await handlers.exportEvidence({ entryId: entry.id }, popup);
    expect(after).toMatchObject({ ok: true, countersigned: true, fileName: expect.stringContaining(sent.receipt!.trackingCode) });
    const countersigned = await verifyBundle(fromBase64((after as { zipBase64: string }).zipBase64), { requireReceipt: true });
    expect(countersigned.ok && countersigned.summary.receipt?.trackingCode).toBe(sent.receipt!.trackingCode);

    // the hotline unreachable again: the install-signed copy, never nothing
    settings.apiBaseUrl = 'http://127.0.0.1:9';
    expect(await handlers.exportEvidence({ entryId: entry.id }, popup)).toMatchObject({ ok: true, countersigned: false });
  });
});
