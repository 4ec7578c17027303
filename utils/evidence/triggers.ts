// Ways to report that invoke the extension itself, and so grant activeTab on the page (Chrome and Firefox): the
// keyboard command (Alt+Shift+B) and the page's context-menu item. Both open the in-page report form; the report
// sent from it then carries a screenshot without the optional <all_urls> permission. (The toolbar button grants
// activeTab too: its popup opens, and a report sent from the page afterwards has its screenshot.)
import { browser } from 'wxt/browser';
import { MARKETPLACE_MATCHES } from '../hosts';
import type { EvidenceTabRequest } from '../messaging/protocol';

export const REPORT_COMMAND = 'report-listing';
const MENU_ID = 'hotline389-report';

function openForm(tabId: number | undefined) {
  if (tabId === undefined) return;
  const request: EvidenceTabRequest = { evidence: 'openReportForm' };
  // a page without the content script (not a listing) simply does not answer
  void browser.tabs.sendMessage(tabId, request, { frameId: 0 }).catch(() => undefined);
}

export function startEvidenceTriggers() {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === REPORT_COMMAND) openForm(tab?.id);
  });
  const menus = browser.contextMenus;
  if (!menus) return;
  browser.runtime.onInstalled.addListener(() => {
    void Promise.resolve(menus.removeAll())
      .then(() =>
        menus.create({ id: MENU_ID, title: browser.i18n.getMessage('menuReport') || 'Báo cáo tin đăng này', contexts: ['page', 'image', 'link', 'selection'], documentUrlPatterns: [...MARKETPLACE_MATCHES] }),
      )
      .catch(() => undefined);
  });
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) openForm(tab?.id);
  });
}
