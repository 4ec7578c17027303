import { defineConfig } from 'wxt';
import { MARKETPLACE_HOST_PERMISSIONS } from './utils/hosts';

// Least privilege: marketplace hosts only; other shops are opt-in at runtime (optional_host_permissions).
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // activeTab: the popup may read the current tab's address; scripting: run on shops the user enables.
    // contextMenus: "report this listing" on the page (grants activeTab, so its report has a screenshot); the e2e build
    // pre-grants pageCapture (MHTML archives), which users grant as an optional permission from the options page.
    permissions: ['storage', 'alarms', 'scripting', 'activeTab', 'contextMenus', ...(mode === 'e2e' ? ['pageCapture'] : [])],
    // Evidence for inspectors, asked once from the options page: pageCapture (MHTML) — with <all_urls>, added to
    // optional_host_permissions by the hook below — so the in-page button captures the screenshot and the full page.
    optional_permissions: mode === 'e2e' ? [] : ['pageCapture'],
    // Invoking the extension grants activeTab: the command opens the report form, whose report then has its screenshot.
    commands: { 'report-listing': { suggested_key: { default: 'Alt+Shift+B' }, description: '__MSG_cmdReport__' } },
    // The e2e build pre-grants one ordinary shop, standing in for a user who enabled it (automation cannot answer the permission prompt).
    host_permissions: [...MARKETPLACE_HOST_PERMISSIONS, ...(mode === 'e2e' ? ['https://shop.example/*'] : [])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    // Chrome reads enterprise policy (storage.managed) only for extensions that declare its schema.
    storage: { managed_schema: 'managed_schema.json' },
    browser_specific_settings: { gecko: { id: 'hotline389@example.org', strict_min_version: '128.0' } },
  }),
  hooks: {
    // Evidence: captureVisibleTab from the in-page button needs <all_urls> (a host permission for the shop is not
    // enough), so it is offered as an optional host permission, never required. The e2e build pre-grants it,
    // standing in for an inspector who granted it (automation cannot answer the prompt).
    'build:manifestGenerated': (wxt, manifest) => {
      const key = wxt.config.mode === 'e2e' ? 'host_permissions' : 'optional_host_permissions';
      manifest[key] = [...new Set([...(manifest[key] ?? []), '<all_urls>'])];
    },
  },
});
