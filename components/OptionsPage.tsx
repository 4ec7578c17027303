import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { browserLanguages, createTranslator, resolveLanguage, type LanguagePreference } from '../utils/i18n';
import { ApiBaseUrlSchema, type Settings } from '../utils/settings';
import { sendMessage } from '../utils/messaging/send';
import { loadSettings, saveSettings } from '../utils/settings-store';
import { InspectorAccountSection } from './InspectorAccount';
import { EvidenceAccessSection } from './EvidenceAccess';

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string } | { kind: 'info'; message: string };

export function OptionsPage() {
  const [settings, setSettings] = useState<Settings>();
  const [managedKeys, setManagedKeys] = useState<(keyof Settings)[]>([]);
  const [apiBaseUrl, setApiBaseUrl] = useState('');
  const [language, setLanguage] = useState<LanguagePreference>('auto');
  const [reporterRole, setReporterRole] = useState<Settings['reporterRole']>('volunteer');
  const [trainingMode, setTrainingMode] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    void loadSettings().then((loaded) => {
      setSettings(loaded.settings);
      setManagedKeys(loaded.managedKeys);
      setApiBaseUrl(loaded.settings.apiBaseUrl);
      setLanguage(loaded.settings.language);
      setReporterRole(loaded.settings.reporterRole);
      setTrainingMode(loaded.settings.trainingMode);
    });
  }, []);

  const uiLanguage = resolveLanguage(language, browserLanguages(browser.i18n.getUILanguage()));
  const t = createTranslator(uiLanguage);
  useEffect(() => {
    document.documentElement.lang = uiLanguage; // screen readers pronounce the page in its language
    document.title = t('optionsTitle');
  }, [uiLanguage, t]);
  if (!settings) return null;

  /** The typed address, normalised; or undefined after showing why it is refused. */
  function validAddress(): string | undefined {
    const url = ApiBaseUrlSchema.safeParse(apiBaseUrl);
    if (url.success) return url.data;
    setStatus({ kind: 'error', message: `${t('invalidUrl')}. ${t('apiBaseUrlHelp')}` }); // zod's own message is English-only
    return undefined;
  }

  async function checkConnection() {
    const url = validAddress();
    if (!url) return;
    const result = await sendMessage('checkApi', { apiBaseUrl: url });
    setStatus(result.ok ? { kind: 'info', message: t('connectionOk') } : { kind: 'error', message: `${t('connectionFailed')} ${result.message}` });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const url = validAddress();
    if (!url || !settings) return;
    const saved = await saveSettings({ ...settings, apiBaseUrl: url, language, reporterRole, trainingMode: reporterRole === 'trainer' && trainingMode });
    setSettings(saved);
    setApiBaseUrl(saved.apiBaseUrl);
    setStatus({ kind: 'saved' });
  }

  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      {managedKeys.length > 0 && <p className="notice">{t('managedNotice')}</p>}
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor="api-base-url">{t('apiBaseUrlLabel')}</label>
        <input
          id="api-base-url"
          type="url"
          value={apiBaseUrl}
          disabled={managedKeys.includes('apiBaseUrl')}
          aria-describedby="api-base-url-help"
          aria-invalid={status.kind === 'error'}
          onChange={(event) => {
            setApiBaseUrl(event.target.value);
            setStatus({ kind: 'idle' });
          }}
        />
        <p id="api-base-url-help" className="help">{t('apiBaseUrlHelp')}</p>
        <label htmlFor="language">{t('languageLabel')}</label>
        <select id="language" value={language} disabled={managedKeys.includes('language')} onChange={(event) => setLanguage(event.target.value as LanguagePreference)}>
          <option value="auto">{t('languageAuto')}</option>
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
        <label htmlFor="reporter-role">{t('roleLabel')}</label>
        <select id="reporter-role" value={reporterRole} disabled={managedKeys.includes('reporterRole')} onChange={(event) => setReporterRole(event.target.value as Settings['reporterRole'])}>
          <option value="volunteer">{t('roleVolunteer')}</option>
          <option value="inspector">{t('roleInspector')}</option>
          <option value="trainer">{t('roleTrainer')}</option>
        </select>
        {reporterRole === 'trainer' && (
          <>
            <label className="checkbox">
              <input type="checkbox" checked={trainingMode} disabled={managedKeys.includes('trainingMode')} onChange={(event) => setTrainingMode(event.target.checked)} />{' '}
              {t('trainingModeLabel')}
            </label>
            <p>
              <a href={browser.runtime.getURL('/training.html')} target="_blank" rel="noopener">
                {t('openTraining')}
              </a>
            </p>
          </>
        )}
        <div className="actions">
          <button type="submit">{t('save')}</button>
          <button type="button" className="secondary" onClick={() => void checkConnection()}>
            {t('checkConnection')}
          </button>
        </div>
        <p role="status" className={`status ${status.kind}`}>
          {status.kind === 'saved' ? t('saved') : status.kind === 'error' || status.kind === 'info' ? status.message : ''}
        </p>
      </form>
      <InspectorAccountSection apiBaseUrl={settings.apiBaseUrl} t={t} />
      <EvidenceAccessSection language={uiLanguage} />
    </main>
  );
}
