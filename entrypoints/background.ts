import { browser } from 'wxt/browser';
import { createBackgroundHandlers } from '../utils/background/handlers';
import { createRiskService } from '../utils/background/risk-service';
import { syncUserSites } from '../utils/site-access';
import { dispatchMessage } from '../utils/messaging/handle';
import { createIdbOutboxStore } from '../utils/outbox/idb-store';
import { createOutbox } from '../utils/outbox/outbox';
import { loadSettings } from '../utils/settings-store';

const OUTBOX_ALARM = 'outbox-flush';

export default defineBackground(() => {
  const outbox = createOutbox({ store: createIdbOutboxStore(), apiBaseUrl: async () => (await loadSettings()).settings.apiBaseUrl });
  const handlers = createBackgroundHandlers({ outbox, risk: createRiskService() });
  const flush = (ignoreBackoff = false) =>
    void outbox.flush({ ignoreBackoff }).catch((error: unknown) => console.warn('[hotline389] outbox flush failed', error));

  browser.runtime.onMessage.addListener((message, sender) => dispatchMessage(handlers, message, sender, browser.runtime.id));
  // Reports queued while offline go out on the next alarm, browser start or reconnect.
  void browser.alarms.create(OUTBOX_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === OUTBOX_ALARM && flush());
  browser.runtime.onStartup.addListener(() => flush());
  self.addEventListener('online', () => flush(true));
  flush();

  // Shops the user enabled (or disabled) get the content script registered (or removed).
  const sync = () => void syncUserSites().catch((error: unknown) => console.warn('[hotline389] site access sync failed', error));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  sync();
});
