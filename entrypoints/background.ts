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
import { authTokenFor, INSPECTOR_ACCOUNT_KEY } from '../utils/inspector-account';
import { createBrowserEvidenceCapturer, evidenceAccess } from '../utils/evidence/browser-capture';
import { readKeptEvidence } from '../utils/evidence/kept';
import { startEvidenceTriggers } from '../utils/evidence/triggers';
import { E2E_NO_EVIDENCE_KEY } from '../utils/evidence/types';

const OUTBOX_ALARM = 'outbox-flush';
const RULE_PACK_ALARM = 'rule-pack-refresh';
const RULE_PACK_KEY = 'rulePack';

export default defineBackground(() => {
  const outboxStore = createIdbOutboxStore();
  const outbox = createOutbox({
    store: outboxStore,
    apiBaseUrl: async () => (await loadSettings()).settings.apiBaseUrl,
    // A signed-in inspector's device token goes with reports to the hotline that issued it, and nowhere else.
    authToken: async () => authTokenFor(browser.storage.local, (await loadSettings()).settings.apiBaseUrl),
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
    evidence: {
      capturer: createBrowserEvidenceCapturer(),
      read: (entryId) => readKeptEvidence(outboxStore, entryId),
      access: evidenceAccess,
      // e2e build only: the benchmark's baseline (a plain report) switches capture off through storage
      ...(import.meta.env.MODE === 'e2e' && { enabled: async () => !(await browser.storage.local.get(E2E_NO_EVIDENCE_KEY))[E2E_NO_EVIDENCE_KEY] }),
    },
  });
  // The keyboard command and the context-menu item open the report form in the page; invoking the extension itself
  // grants activeTab there, so that report's evidence includes the screenshot without any other permission.
  startEvidenceTriggers();
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
  // Signing in again (or out) releases reports the hotline refused with 401 for a revoked token: send them now.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && INSPECTOR_ACCOUNT_KEY in changes) flush(true);
  });
  flush();

  // Shops the user enabled (or disabled) get the content script registered (or removed).
  const sync = () => void syncUserSites().catch((error: unknown) => console.warn('[hotline389] site access sync failed', error));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  sync();
});
