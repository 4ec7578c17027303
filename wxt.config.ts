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
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
    // The e2e build pre-grants one ordinary shop, standing in for a user who enabled it (automation cannot answer the permission prompt).
    host_permissions: [...MARKETPLACE_HOST_PERMISSIONS, ...(mode === 'e2e' ? ['https://shop.example/*'] : [])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    // Chrome reads enterprise policy (storage.managed) only for extensions that declare its schema.
    storage: { managed_schema: 'managed_schema.json' },
    browser_specific_settings: { gecko: { id: 'hotline389@example.org', strict_min_version: '128.0' } },
  }),
});
