import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { pickAdapter } from '../utils/adapters/index';
import { isShopEnabled, originPattern } from '../utils/site-access';
import type { Translate } from '../utils/i18n';
import { sendMessage } from '../utils/messaging/send';

type Access = { kind: 'loading' } | { kind: 'unsupported' } | { kind: 'marketplace' } | { kind: 'enabled' | 'disabled'; pattern: string; tabId: number };

/** Lets the user opt a shop in (optional host permission) or out again; marketplaces are always on. */
export function SiteAccess({ t }: { t: Translate }) {
  const [access, setAccess] = useState<Access>({ kind: 'loading' });

  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const pattern = tab?.url ? originPattern(tab.url) : undefined;
      if (!tab?.url || tab.id === undefined || !pattern) return setAccess({ kind: 'unsupported' });
      if (pickAdapter(new URL(tab.url))) return setAccess({ kind: 'marketplace' });
      const enabled = isShopEnabled(pattern, (await browser.permissions.getAll()).origins);
      setAccess({ kind: enabled ? 'enabled' : 'disabled', pattern, tabId: tab.id });
    })().catch(() => setAccess({ kind: 'unsupported' }));
  }, []);

  if (access.kind === 'loading') return null;
  if (access.kind === 'unsupported') return <p className="site">{t('siteUnsupported')}</p>;
  if (access.kind === 'marketplace') return <p className="site">{t('siteMarketplace')}</p>;

  async function enable(pattern: string, tabId: number) {
    // Must run in the click's user gesture: the browser asks the user.
    if (await browser.permissions.request({ origins: [pattern] })) {
      await sendMessage('siteAccessChanged', { tabId });
      setAccess({ kind: 'enabled', pattern, tabId });
    }
  }
  async function disable(pattern: string, tabId: number) {
    await browser.permissions.remove({ origins: [pattern] });
    await sendMessage('siteAccessChanged', {});
    setAccess({ kind: 'disabled', pattern, tabId });
  }

  const { pattern, tabId } = access;
  return (
    <p className="site">
      {t(access.kind === 'enabled' ? 'siteEnabled' : 'siteDisabled')}{' '}
      <button type="button" onClick={() => void (access.kind === 'enabled' ? disable(pattern, tabId) : enable(pattern, tabId))}>
        {t(access.kind === 'enabled' ? 'siteDisable' : 'siteEnable')}
      </button>
    </p>
  );
}
