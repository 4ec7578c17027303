import { browser } from 'wxt/browser';
import type { Report } from '../../contract/index';
import { browserLanguages, resolveLanguage } from '../i18n';
import type { Handlers } from '../messaging/handle';
import { toSubmitResponse, type Outbox } from '../outbox/outbox';
import { loadSettings } from '../settings-store';

export const CLIENT_NAME = 'hotline389-extension';

export function createBackgroundHandlers({ outbox }: { outbox: Outbox }): Handlers {
  return {
    async submitReport({ listing, category, note, assessment }) {
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
      return toSubmitResponse(await outbox.submit(report));
    },
    async getUiSettings() {
      const { settings } = await loadSettings();
      return { language: resolveLanguage(settings.language, browserLanguages(browser.i18n.getUILanguage())) };
    },
  };
}
