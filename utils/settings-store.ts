import { browser } from 'wxt/browser';
import { applyManaged, migrateSettings, SettingsSchema, type Settings } from './settings';

const SETTINGS_KEY = 'settings';

async function readManaged(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    return undefined; // no policy installed (Firefox throws without a managed manifest)
  }
}

export async function loadSettings(): Promise<{ settings: Settings; managedKeys: (keyof Settings)[] }> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return applyManaged(migrateSettings(stored[SETTINGS_KEY]), await readManaged());
}

export async function saveSettings(next: unknown): Promise<Settings> {
  const settings = SettingsSchema.parse(next);
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return settings;
}
