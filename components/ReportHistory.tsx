import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { CATEGORY_INFO } from '../contract/categories';
import { createTranslator, type Language, type MessageKey, type Translate } from '../utils/i18n';
import type { ReportSummary } from '../utils/messaging/protocol';
import { sendMessage } from '../utils/messaging/send';
import { describeReportError, queuedNotice } from '../utils/report-error';
import { SiteAccess } from './SiteAccess';

const STATE_KEYS: Record<ReportSummary['state'], MessageKey> = { pending: 'statePending', sent: 'stateSent', failed: 'stateFailed' };

/** The reporter's receipts: what was sent, its tracking code and its status at the hotline. */
export function ReportHistory() {
  const [language, setLanguage] = useState<Language>('vi');
  const [reports, setReports] = useState<ReportSummary[]>();
  const [refreshing, setRefreshing] = useState(false);
  const t = createTranslator(language);

  const load = useCallback(async (refreshStatus: boolean) => {
    setRefreshing(refreshStatus);
    try {
      setReports(await sendMessage('listReports', { refreshStatus }));
    } finally {
      setRefreshing(false);
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = language; // screen readers pronounce the page in its language
  }, [language]);

  useEffect(() => {
    void sendMessage('getUiSettings', {}).then((settings) => setLanguage(settings.language));
    void load(false).then(() => load(true));
  }, [load]);

  return (
    <main className="popup" lang={language}>
      <header>
        <h1>{t('historyTitle')}</h1>
        <button type="button" onClick={() => void load(true)} disabled={refreshing}>
          {t('refresh')}
        </button>
      </header>
      <SiteAccess t={t} />
      {reports && reports.length === 0 && <p className="empty">{t('historyEmpty')}</p>}
      <ol className="reports">
        {reports?.map((report) => (
          <li key={report.id} data-state={report.state}>
            <p className="title" title={report.url}>
              {report.title ?? report.url}
            </p>
            <p className="meta">
              {CATEGORY_INFO[report.category][language]} · {new Date(report.createdAt).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB')}
            </p>
            <p className="state">
              <span className="badge">{t(STATE_KEYS[report.state])}</span>
              {report.trackingCode && <code className="tracking-code">{report.trackingCode}</code>}
              {report.status && <span className="server-status">{t(`status_${report.status}` as MessageKey)}</span>}
            </p>
            {report.state !== 'sent' && report.error && <ReportErrorNote error={report.error} pending={report.state === 'pending'} t={t} language={language} />}
          </li>
        ))}
      </ol>
      <footer>
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </footer>
    </main>
  );
}

/** Why a report is not sent yet (pending) or never will be (refused), in the reporter's language. */
function ReportErrorNote({ error, pending, t, language }: { error: NonNullable<ReportSummary['error']>; pending: boolean; t: Translate; language: Language }) {
  const { summary, detail } = describeReportError(error, t);
  const sentence = summary.charAt(0).toLocaleUpperCase(language) + summary.slice(1); // the widget's fragments follow a prefix
  return (
    <p className="error">
      {sentence}
      {detail && <span className="error-detail"> ({detail})</span>}
      {pending && ` ${queuedNotice(error, t)}`}
    </p>
  );
}
