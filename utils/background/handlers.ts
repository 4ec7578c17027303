import { browser } from 'wxt/browser';
import { cleanStrings, type Assessment, type Listing, type Report } from '../../contract/index';
import { browserLanguages, resolveLanguage } from '../i18n';
import type { Handlers } from '../messaging/handle';
import { toSubmitResponse, type Outbox } from '../outbox/outbox';
import { checkHotline, fetchReportStatus } from '../report-client';
import { isTraining, type Settings } from '../settings';
import { DEMO_SITE } from '../training/demo-listings';
import { loadSettings } from '../settings-store';
import { isFlagged, type RiskService } from './risk-service';
import { startInTab, syncUserSites } from '../site-access';

export const CLIENT_NAME = 'hotline389-extension';

export interface HandlerHooks {
  /** a report waits in the outbox: time its retry */
  onQueued?(): void;
  /** the hotline answered a request: queued reports may go now */
  onServerAnswered?(): void;
}

/** The background's own assessment; a report goes out without one rather than not at all. */
async function assessSafely(risk: RiskService, listing: Listing): Promise<Assessment | undefined> {
  try {
    return await risk.assessListing(listing);
  } catch {
    return undefined;
  }
}

export function createBackgroundHandlers({
  outbox,
  risk,
  hooks = {},
  reporterSettings = async () => (await loadSettings()).settings,
}: {
  outbox: Outbox;
  risk: RiskService;
  hooks?: HandlerHooks;
  /** who is reporting and whether in training mode (the stored settings) */
  reporterSettings?: () => Promise<Pick<Settings, 'reporterRole' | 'trainingMode'>>;
}): Handlers {
  return {
    async submitReport({ listing, category, note, contact }) {
      const settings = await reporterSettings();
      // Whatever assessment the page sent is page-side data: the background assesses the listing itself.
      const assessment = await assessSafely(risk, listing);
      // Cleaned exactly as the server cleans on ingest, before it is queued: what is stored is what was queued.
      const report = cleanStrings<Report>({
        schemaVersion: 1,
        listing,
        category,
        note,
        assessment,
        // only what the reporter typed, only with their consent (the widget omits it otherwise)
        ...(contact?.consent === true && { contact }),
        reporterRole: settings.reporterRole,
        // practice reports in a trainer's class, and any report of a demo listing: kept out of the real inbox
        ...((isTraining(settings) || listing.site === DEMO_SITE) && { training: true }),
        capturedAt: new Date().toISOString(),
        client: { name: CLIENT_NAME, version: browser.runtime.getManifest().version },
      });
      const entry = await outbox.submit(report);
      if (entry.state === 'pending') hooks.onQueued?.();
      else if (entry.state === 'sent') hooks.onServerAnswered?.();
      return toSubmitResponse(entry);
    },
    async priorReports({ listingKey }) {
      const entries = await outbox.recent(200);
      return entries.flatMap((entry) =>
        entry.report.listing.listingKey === listingKey && entry.state !== 'failed'
          ? [{ id: entry.id, state: entry.state, trackingCode: entry.receipt?.trackingCode, createdAt: entry.createdAt }]
          : [],
      );
    },
    async getUiSettings() {
      const { settings } = await loadSettings();
      return { language: resolveLanguage(settings.language, browserLanguages(browser.i18n.getUILanguage())), training: isTraining(settings) };
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
