import { browser } from 'wxt/browser';
import { browserLanguages, resolveLanguage } from '../i18n';
import type { Handlers } from '../messaging/handle';
import type { Outbox } from '../outbox/outbox';
import { checkHotline, fetchEvidenceBundle, fetchReportStatus } from '../report-client';
import { verifyBundle } from '../../contract/evidence-bundle';
import { isTraining, type Settings } from '../settings';
import { loadSettings } from '../settings-store';
import { isFlagged, type RiskService } from './risk-service';
import { assessSafely, buildReport, queueReport, type QueueHooks } from './report-builder';
import { startInTab, syncUserSites } from '../site-access';
import { sha256Hex, toBase64 } from '../../contract/evidence';
import type { EvidenceAccess } from '../messaging/protocol';
import { createBatchHandlers } from './batch';
import type { CaptureRequest, EvidenceCapturer } from '../evidence/capture';
import { exportBundleZip } from '../evidence/manifest';
import type { CapturedEvidence } from '../evidence/types';

export const CLIENT_NAME = 'hotline389-extension';

export type HandlerHooks = QueueHooks;


/** How long a report waits for its evidence before it goes without it. */
export const EVIDENCE_TIMEOUT_MS = 10_000;

/** The report's evidence, or none: capture trouble (a page that never answers, storage full) never stops a report. */
async function captureSafely(evidence: EvidenceDeps | undefined, request: CaptureRequest | undefined): Promise<CapturedEvidence | undefined> {
  if (!evidence || !request) return undefined;
  if (evidence.enabled && !(await evidence.enabled().catch(() => true))) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      evidence.capturer.capture(request),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), EVIDENCE_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    console.warn('[hotline389] evidence capture failed', error);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

export interface EvidenceDeps {
  capturer: Pick<EvidenceCapturer, 'capture'> & Partial<Pick<EvidenceCapturer, 'capturePage' | 'sign'>>;
  /** a report's evidence as the outbox keeps it (claim and files), for the reporter's own download */
  read(entryId: string): Promise<Pick<CapturedEvidence, 'manifest' | 'claim' | 'files'> | undefined>;
  access(): Promise<EvidenceAccess>;
  /** whether to capture at all (the e2e build's benchmark switches it off for its plain-report baseline) */
  enabled?(): Promise<boolean>;
}

/** Messages only the extension's own pages (popup, options) may send. */
function fromExtensionPage(sender: { url?: string; tab?: unknown }): boolean {
  const own = browser.runtime.getURL('/');
  return typeof sender.url === 'string' && sender.url.startsWith(own);
}

export function createBackgroundHandlers({
  outbox,
  risk,
  hooks = {},
  reporterSettings = async () => (await loadSettings()).settings,
  evidence,
}: {
  outbox: Outbox;
  risk: RiskService;
  hooks?: HandlerHooks;
  /** who is reporting and whether in training mode (the stored settings) */
  reporterSettings?: () => Promise<Pick<Settings, 'reporterRole' | 'trainingMode'>>;
  /** evidence capture; without it reports go without evidence (unit tests) */
  evidence?: EvidenceDeps;
}): Handlers {
  const client = { name: CLIENT_NAME, version: browser.runtime.getManifest().version };
  // inspector mode: batches of search cards and shop-level reports (utils/background/batch.ts)
  const batch = createBatchHandlers({
    outbox,
    risk,
    reporterSettings,
    evidence: evidence && { capturer: evidence.capturer, enabled: evidence.enabled },
    client,
    hooks,
  });
  return {
    submitBatch: (payload, sender) => batch.submitBatch(payload, sender),
    reportShop: (payload, sender) => batch.reportShop(payload, sender),
    async submitReport({ listing, category, note, contact }, sender) {
      const settings = await reporterSettings();
      // The page is captured at once, as the reporter saw it, while the listing is assessed.
      const tab = sender.tab;
      const capturing = captureSafely(
        evidence,
        tab?.id !== undefined && tab.windowId !== undefined && /^https?:/.test(tab.url ?? listing.url)
          ? { tab: { id: tab.id, windowId: tab.windowId, url: tab.url }, listing, role: settings.reporterRole }
          : undefined,
      );
      // Whatever assessment the page sent is page-side data: the background assesses the listing itself.
      const assessment = await assessSafely(risk, listing);
      const report = buildReport({ listing, category, note, assessment, contact, capturedAt: new Date().toISOString() }, settings, client);
      // The signed manifest travels with the report (its bytes exactly as signed, so after cleaning); the files follow by upload.
      return queueReport(outbox, hooks, report, await capturing);
    },
    async priorReports({ listingKey }) {
      const entries = await outbox.forListing(listingKey);
      return entries.flatMap((entry) => (entry.state !== 'failed' ? [{ id: entry.id, state: entry.state, trackingCode: entry.receipt?.trackingCode, createdAt: entry.createdAt }] : []));
    },
    async reportedListings({ listingKeys }) {
      const found: { listingKey: string; trackingCode?: string }[] = [];
      for (const listingKey of new Set(listingKeys)) {
        // newest first: the latest report with a code wins, else the latest still on its way
        const entries = (await outbox.forListing(listingKey)).filter((entry) => entry.state !== 'failed');
        if (!entries.length) continue;
        const trackingCode = entries.find((entry) => entry.receipt?.trackingCode)?.receipt?.trackingCode;
        found.push({ listingKey, ...(trackingCode && { trackingCode }) });
      }
      return found;
    },
    async getUiSettings() {
      const { settings } = await loadSettings();
      return {
        language: resolveLanguage(settings.language, browserLanguages(browser.i18n.getUILanguage())),
        training: isTraining(settings),
        role: settings.reporterRole,
      };
    },
    async explainHits({ hits }) {
      // Only a trainer's class sees the engine's workings; everyone else gets the plain reasons.
      return isTraining(await reporterSettings()) ? risk.explain(hits) : [];
    },
    async listReports({ refreshStatus }) {
      const entries = await outbox.recent(50);
      const apiBaseUrl = refreshStatus ? (await loadSettings()).settings.apiBaseUrl : undefined;
      let answered = false;
      const summaries = await Promise.all(
        entries.map(async (entry) => {
          const trackingCode = entry.receipt?.trackingCode;
          const status = apiBaseUrl && trackingCode ? await fetchReportStatus(trackingCode, { apiBaseUrl }) : undefined;
          if (status) answered = true;
          return {
            id: entry.id,
            title: entry.report.listing.title,
            url: entry.report.listing.url,
            category: entry.report.category,
            createdAt: entry.createdAt,
            state: entry.state,
            trackingCode,
            status: status?.status,
            error: entry.lastError,
            ...(entry.evidence && {
              evidence: {
                state: entry.evidence.state,
                uploadedBytes: entry.evidence.uploadedBytes,
                totalBytes: entry.evidence.totalBytes,
                ...(entry.evidence.lastError && { error: entry.evidence.lastError }),
                ...(entry.evidence.rejectedFiles?.length && { rejectedFiles: entry.evidence.rejectedFiles }),
              },
            }),
          };
        }),
      );
      if (answered) hooks.onServerAnswered?.();
      return summaries;
    },
    async checkApi({ apiBaseUrl }) {
      const result = await checkHotline(apiBaseUrl);
      if (result.ok && apiBaseUrl === (await loadSettings()).settings.apiBaseUrl) hooks.onServerAnswered?.();
      return result;
    },
    async siteAccessChanged({ tabId }, sender) {
      if (sender.tab) throw new Error('only extension pages may change site access'); // content scripts have a tab
      const origins = await syncUserSites();
      if (tabId !== undefined) await startInTab(tabId);
      return { origins };
    },
    async exportEvidence({ entryId }, sender) {
      if (!fromExtensionPage(sender)) throw new Error('only extension pages may export evidence');
      // Once the hotline has every file, its copy carries the countersignature: hand out that one, checked here first.
      const entry = (await outbox.recent(200)).find((candidate) => candidate.id === entryId);
      const ticket = entry?.receipt?.evidence;
      if (ticket && entry?.evidence?.state === 'complete') {
        const zip = await fetchEvidenceBundle({ apiBaseUrl: (await loadSettings()).settings.apiBaseUrl, ticket });
        const verdict = zip && (await verifyBundle(zip, { requireReceipt: true }));
        if (zip && verdict && verdict.ok && verdict.summary.manifestSha256 === ticket.manifestSha256) {
          const day = verdict.summary.capturedAt.slice(0, 10);
          return { ok: true, fileName: `hotline389-evidence-${day}-${verdict.summary.receipt!.trackingCode}.zip`, zipBase64: toBase64(zip), manifestSha256: ticket.manifestSha256, countersigned: true };
        }
      }
      const kept = await evidence?.read(entryId);
      if (!kept) return { ok: false, reason: 'none' };
      const zip = await exportBundleZip(kept);
      const manifestSha256 = await sha256Hex(kept.claim.manifest);
      const day = kept.manifest.capturedAt.slice(0, 10);
      return { ok: true, fileName: `hotline389-evidence-${day}-${manifestSha256.slice(0, 12)}.zip`, zipBase64: toBase64(zip), manifestSha256, countersigned: false };
    },
    async deleteReport({ id }, sender) {
      if (!fromExtensionPage(sender)) throw new Error('only extension pages may delete reports');
      // A report still waiting is not deleted: it may be on its way (the outbox never drops a queued report).
      const entry = (await outbox.recent(200)).find((candidate) => candidate.id === id);
      if (!entry || entry.state === 'pending') return { deleted: false };
      await outbox.remove(id);
      return { deleted: true };
    },
    async evidenceAccess(_payload, sender) {
      if (!fromExtensionPage(sender)) throw new Error('only extension pages may ask');
      return evidence ? evidence.access() : { screenshots: false, mhtml: false };
    },
    async assessListing({ listing }) {
      return risk.assessListing(listing);
    },
    async assessCards({ site, cards }) {
      const assessed = await Promise.all(
        cards.map(async (card) => ({ key: card.key, assessment: await risk.assess({ site, title: card.title, price: card.price, currency: 'VND' }) })),
      );
      return assessed.filter(({ assessment }) => isFlagged(assessment));
    },
  };
}
