import { browser } from 'wxt/browser';
import { createBackgroundHandlers } from '../utils/background/handlers';
import { createRiskService } from '../utils/background/risk-service';
import { syncUserSites } from '../utils/site-access';
import { dispatchMessage } from '../utils/messaging/handle';
import { createIdbOutboxStore } from '../utils/outbox/idb-store';
import { createOutbox } from '../utils/outbox/outbox';
import { ensureAlarm } from '../utils/background/alarms';
import { loadSettings } from '../utils/settings-store';
import { createRetryScheduler } from '../utils/background/retry-scheduler';
import { OUTBOX_EVENT_KEY, toOutboxEvent } from '../utils/outbox/events';

const OUTBOX_ALARM = 'outbox-flush';
const RULE_PACK_ALARM = 'rule-pack-refresh';
const RULE_PACK_KEY = 'rulePack';

export default defineBackground(() => {
  const outbox = createOutbox({
    store: createIdbOutboxStore(),
    apiBaseUrl: async () => (await loadSettings()).settings.apiBaseUrl,
    // The page that queued a report learns of its delivery through storage (its content script listens).
    onSettled: (entry) => {
      const event = toOutboxEvent(entry, Date.now());
      if (event) void browser.storage.local.set({ [OUTBOX_EVENT_KEY]: event }).catch(() => undefined);
    },
  });
  const risk = createRiskService({
    loadStoredPack: async () => (await browser.storage.local.get(RULE_PACK_KEY))[RULE_PACK_KEY],
    storePack: (json) => browser.storage.local.set({ [RULE_PACK_KEY]: json }),
  });
  const retries = createRetryScheduler({
    flush: (ignoreBackoff) => outbox.flush({ ignoreBackoff }).catch((error: unknown) => console.warn('[hotline389] outbox flush failed', error)),
    nextDue: () => outbox.nextDue(),
  });
  const handlers = createBackgroundHandlers({
    outbox,
    risk,
    hooks: { onQueued: () => void retries.reschedule(), onServerAnswered: () => void retries.serverAnswered() },
  });
  const flush = (ignoreBackoff = false) => void retries.flush(ignoreBackoff);

  browser.runtime.onMessage.addListener((message, sender) => dispatchMessage(handlers, message, sender, browser.runtime.id));
  // Reports queued while offline go out on the next alarm, browser start or reconnect.
  void ensureAlarm(OUTBOX_ALARM, { periodInMinutes: 1 });
  // The hotline may publish a newer rule pack; a pack that fails validation is refused and the current one stays.
  const refreshPack = () =>
    void loadSettings()
      .then(({ settings }) => risk.refresh(settings.apiBaseUrl))
      .then((result) => result.outcome === 'refused' && console.warn('[hotline389] rule pack refused', result.errors))
      .catch(() => undefined);
  void ensureAlarm(RULE_PACK_ALARM, { periodInMinutes: 360, delayInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) flush();
    if (alarm.name === RULE_PACK_ALARM) refreshPack();
  });
  browser.runtime.onStartup.addListener(() => {
    flush();
    refreshPack();
  });
  self.addEventListener('online', () => flush(true));
  flush();

  // Shops the user enabled (or disabled) get the content script registered (or removed).
  const sync = () => void syncUserSites().catch((error: unknown) => console.warn('[hotline389] site access sync failed', error));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  sync();
});
