import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { CATEGORY_INFO } from '../contract/categories';
import { createTranslator, type Language, type MessageKey, type Translate } from '../utils/i18n';
import type { ReportSummary } from '../utils/messaging/protocol';
import { sendMessage } from '../utils/messaging/send';
import { describeReportError, queuedNotice } from '../utils/report-error';
import { SiteAccess } from './SiteAccess';
import { EvidenceDownloadButton } from './EvidenceAccess';
import { describeInspector, loadInspectorAccount, type InspectorAccount } from '../utils/inspector-account';

const STATE_KEYS: Record<ReportSummary['state'], MessageKey> = { pending: 'statePending', sent: 'stateSent', failed: 'stateFailed' };

/** The reporter's receipts: what was sent, its tracking code and its status at the hotline. */
export function ReportHistory() {
  const [language, setLanguage] = useState<Language>('vi');
  const [reports, setReports] = useState<ReportSummary[]>();
  const [refreshing, setRefreshing] = useState(false);
  const [inspector, setInspector] = useState<InspectorAccount>();
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

  // While evidence uploads, the progress is read again every two seconds (from the outbox, no server request).
  const uploading = reports?.some((report) => report.state === 'sent' && report.evidence?.state === 'uploading') ?? false;
  useEffect(() => {
    if (!uploading) return;
    const timer = setInterval(() => void sendMessage('listReports', { refreshStatus: false }).then(setReports, () => undefined), 2_000);
    return () => clearInterval(timer);
  }, [uploading]);

  useEffect(() => {
    void sendMessage('getUiSettings', {}).then((settings) => setLanguage(settings.language));
    void load(false).then(() => load(true));
    const area = browser.storage?.local;
    if (area) void loadInspectorAccount(area).then(setInspector, () => undefined);
  }, [load]);

  return (
    <main className="popup" lang={language}>
      <header>
        <h1>{t('historyTitle')}</h1>
        <button type="button" onClick={() => void load(true)} disabled={refreshing}>
          {t('refresh')}
        </button>
      </header>
      {inspector && (
        <p className="inspector" data-testid="popup-inspector">
          {t('signedInAs')} {describeInspector(inspector.user)}
        </p>
      )}
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
            {report.evidence && report.state !== 'failed' && <EvidenceNote evidence={report.evidence} sent={report.state === 'sent'} t={t} />}
            {(report.state !== 'pending' || report.evidence) && (
              <div className="report-actions">
                {report.state !== 'pending' && (
                  // frees the evidence files kept on this device at once (else they go 30 days after the upload)
                  <button
                    type="button"
                    className="link remove"
                    onClick={() => void sendMessage('deleteReport', { id: report.id }).then(({ deleted }) => deleted && setReports((list) => list?.filter((item) => item.id !== report.id)))}
                  >
                    {t('removeReport')}
                  </button>
                )}
                {report.evidence && <EvidenceDownloadButton entryId={report.id} language={language} />}
              </div>
            )}
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
      {pending && queuedNotice(error, t) && ` ${queuedNotice(error, t)}`}
    </p>
  );
}

/** The evidence files of a report: how far their upload is, that it is done, or why it failed. */
function EvidenceNote({ evidence, sent, t }: { evidence: NonNullable<ReportSummary['evidence']>; sent: boolean; t: Translate }) {
  if (evidence.state === 'complete') {
    return (
      <p className="evidence" data-evidence="complete">
        ✓ {t('evidenceComplete')}
      </p>
    );
  }
  if (evidence.state === 'failed') {
    // the files the hotline refused are named in the reader's language; any other reason is the technical detail
    return (
      <p className="evidence error" data-evidence="failed">
        {t('evidenceFailed')}
        {evidence.rejectedFiles?.length ? `. ${t('evidenceRejectedFiles')} ${evidence.rejectedFiles.join(', ')}.` : '.'}
        {evidence.error?.message && !evidence.rejectedFiles?.length && <span className="error-detail"> ({evidence.error.message})</span>}
      </p>
    );
  }
  if (!sent) return <p className="evidence" data-evidence="waiting">{t('evidenceWaiting')}</p>;
  const percent = evidence.totalBytes > 0 ? Math.floor((evidence.uploadedBytes / evidence.totalBytes) * 100) : 0;
  return (
    <p className="evidence" data-evidence="uploading">
      <label>
        {t('evidenceUploading')} {percent}%{' '}
        <progress max={100} value={percent}>
          {percent}%
        </progress>
      </label>
      {evidence.error && ` — ${describeReportError(evidence.error, t).summary} ${queuedNotice(evidence.error, t)}`}
    </p>
  );
}
