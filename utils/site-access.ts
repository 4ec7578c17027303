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
 * Whether the extension runs on this shop: the user granted this origin itself. An inspector's `<all_urls>` grant
 * (for screenshots) also "contains" every origin, but registers no content script there.
 */
export function isShopEnabled(pattern: string, granted: readonly string[] | undefined): boolean {
  return userGrantedOrigins(granted).includes(pattern);
}

/** The browser calls one sync needs (injected in tests). */
export interface UserSitesApi {
  grantedOrigins(): Promise<string[] | undefined>;
  isRegistered(): Promise<boolean>;
  unregister(): Promise<void>;
  register(origins: string[]): Promise<void>;
}

const browserUserSitesApi = (): UserSitesApi => ({
  grantedOrigins: async () => (await browser.permissions.getAll()).origins,
  isRegistered: async () => (await browser.scripting.getRegisteredContentScripts({ ids: [USER_SITES_SCRIPT_ID] })).length > 0,
  unregister: () => browser.scripting.unregisterContentScripts({ ids: [USER_SITES_SCRIPT_ID] }),
  register: (origins) =>
    browser.scripting.registerContentScripts([{ id: USER_SITES_SCRIPT_ID, matches: origins, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true }]),
});

/**
 * Keeps one dynamic content script in step with the shops the user enabled (optional host permissions), so the
 * extension runs there with the generic adapter and nowhere else. Syncs run one after another: the worker's start,
 * onInstalled and a permission change often ask at once, and two interleaved syncs registered the script twice
 * ("Duplicate script ID") or left it registered with the origins read by the slower one.
 */
export function createUserSitesSync(api: UserSitesApi): () => Promise<string[]> {
  let queue: Promise<unknown> = Promise.resolve();
  const syncOnce = async () => {
    const origins = userGrantedOrigins(await api.grantedOrigins());
    if (await api.isRegistered()) await api.unregister();
    if (origins.length) await api.register(origins);
    return origins;
  };
  return () => {
    const run = queue.then(syncOnce, syncOnce);
    queue = run.catch(() => undefined);
    return run;
  };
}

let defaultSync: (() => Promise<string[]>) | undefined;

export function syncUserSites(): Promise<string[]> {
  defaultSync ??= createUserSitesSync(browserUserSitesApi());
  return defaultSync();
}

/** After the user granted a shop from the popup: start at once in the open tab, without a reload. */
export async function startInTab(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [`/${CONTENT_SCRIPT_FILE}`] });
}
