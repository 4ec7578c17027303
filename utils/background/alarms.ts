import { browser } from 'wxt/browser';

/**
 * Creates a repeating alarm unless it already exists. The service worker starts many times a day; creating the
 * alarm anew each time would restart its countdown, and a busy worker would never see it fire.
 */
export async function ensureAlarm(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): Promise<void> {
  if (await browser.alarms.get(name)) return;
  await browser.alarms.create(name, info);
}
