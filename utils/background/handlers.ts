import { browser } from 'wxt/browser';
import { cleanStrings, type Report } from '../../contract/index';
import { browserLanguages, resolveLanguage } from '../i18n';
import type { Handlers } from '../messaging/handle';
import { toSubmitResponse, type Outbox } from '../outbox/outbox';
import { checkHotline, fetchReportStatus } from '../report-client';
import { loadSettings } from '../settings-store';
import { isFlagged, type RiskService } from './risk-service';
import { startInTab, syncUserSites } from '../site-access';

export const CLIENT_NAME = 'hotline389-extension';

export function createBackgroundHandlers({ outbox, risk }: { outbox: Outbox; risk: RiskService }): Handlers {
  return {
    async submitReport({ listing, category, note, assessment }) {
      // Cleaned exactly as the server cleans on ingest, before it is queued: what is stored is what was queued.
      const report = cleanStrings<Report>({
        schemaVersion: 1,
        listing,
        category,
        note,
        assessment,
        reporterRole: 'volunteer',
        capturedAt: new Date().toISOString(),
        client: { name: CLIENT_NAME, version: browser.runtime.getManifest().version },
      });
      return toSubmitResponse(await outbox.submit(report));
    },
    async getUiSettings() {
      const { settings } = await loadSettings();
      return { language: resolveLanguage(settings.language, browserLanguages(browser.i18n.getUILanguage())) };
    },
    async listReports({ refreshStatus }) {
      const entries = await outbox.recent(50);
      const apiBaseUrl = refreshStatus ? (await loadSettings()).settings.apiBaseUrl : undefined;
      return Promise.all(
        entries.map(async (entry) => {
          const trackingCode = entry.receipt?.trackingCode;
          const status = apiBaseUrl && trackingCode ? await fetchReportStatus(trackingCode, { apiBaseUrl }) : undefined;
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
    },
    async checkApi({ apiBaseUrl }) {
      return checkHotline(apiBaseUrl);
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
