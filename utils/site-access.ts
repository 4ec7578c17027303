import { browser } from 'wxt/browser';
import { MARKETPLACE_HOST_PERMISSIONS } from './hosts';

export const USER_SITES_SCRIPT_ID = 'user-enabled-shops';
const CONTENT_SCRIPT_FILE = 'content-scripts/marketplace.js';

/** `https://shop.example/*` for an http(s) page URL; undefined for anything else. */
export function originPattern(pageUrl: string): string | undefined {
  try {
    const url = new URL(pageUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.protocol}//${url.host}/*` : undefined;
  } catch {
    return undefined;
  }
}

/** Origins the user granted beyond the built-in marketplaces. */
export function userGrantedOrigins(granted: readonly string[] | undefined): string[] {
  const builtIn = new Set(MARKETPLACE_HOST_PERMISSIONS);
  return [...new Set((granted ?? []).filter((origin) => !builtIn.has(origin) && /^https?:\/\/[^*/]+\/\*$/.test(origin)))].sort();
}

/**
 * Keeps one dynamic content script in step with the shops the user enabled (optional host permissions), so the
 * extension runs there with the generic adapter and nowhere else.
 */
export async function syncUserSites(): Promise<string[]> {
  const origins = userGrantedOrigins((await browser.permissions.getAll()).origins);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [USER_SITES_SCRIPT_ID] });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [USER_SITES_SCRIPT_ID] });
  if (origins.length) {
    await browser.scripting.registerContentScripts([
      { id: USER_SITES_SCRIPT_ID, matches: origins, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return origins;
}

/** After the user granted a shop from the popup: start at once in the open tab, without a reload. */
export async function startInTab(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [`/${CONTENT_SCRIPT_FILE}`] });
}
