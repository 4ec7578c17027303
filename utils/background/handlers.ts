import { browser } from 'wxt/browser';
import type { Report } from '../../contract/index';
import { resolveLanguage } from '../i18n';
import type { Handlers } from '../messaging/handle';
import { postReport } from '../report-client';
import { loadSettings } from '../settings-store';

export const CLIENT_NAME = 'hotline389-extension';

export function createBackgroundHandlers(): Handlers {
  return {
    async submitReport({ listing, category, note, assessment }) {
      const { settings } = await loadSettings();
      const report: Report = {
        schemaVersion: 1,
        listing,
        category,
        note,
        assessment,
        reporterRole: 'volunteer',
        capturedAt: new Date().toISOString(),
        client: { name: CLIENT_NAME, version: browser.runtime.getManifest().version },
      };
      return postReport(report, { apiBaseUrl: settings.apiBaseUrl, idempotencyKey: crypto.randomUUID() });
    },
    async getUiSettings() {
      const { settings } = await loadSettings();
      return { language: resolveLanguage(settings.language, browser.i18n.getUILanguage()) };
    },
  };
}
