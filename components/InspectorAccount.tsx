import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import type { Translate } from '../utils/i18n';
import { describeInspector, INSPECTOR_ACCOUNT_KEY, loadInspectorAccount, signInInspector, signOutInspector, type InspectorAccount } from '../utils/inspector-account';

type Status = { kind: 'idle' } | { kind: 'error'; message: string } | { kind: 'info'; message: string };

/** "Tài khoản thanh tra / Inspector account": sign in with the hotline account, see who is signed in, sign out. */
export function InspectorAccountSection({ apiBaseUrl, t }: { apiBaseUrl: string; t: Translate }) {
  const [account, setAccount] = useState<InspectorAccount>();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [label, setLabel] = useState(() => defaultLabel());
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    const area = browser.storage.local;
    void loadInspectorAccount(area).then(setAccount);
    const listener = (changes: Record<string, unknown>, areaName: string) => {
      if (areaName === 'local' && INSPECTOR_ACCOUNT_KEY in changes) void loadInspectorAccount(area).then(setAccount);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);

  async function onSignIn(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await signInInspector(browser.storage.local, { apiBaseUrl, email, password, label });
      setPassword(''); // never kept, not even in the form
      if (result.ok) {
        setAccount(result.account);
        setStatus({ kind: 'idle' });
        return;
      }
      const reason =
        result.reason === 'credentials'
          ? t('signInWrong')
          : result.reason === 'throttled'
            ? t('signInThrottled')
            : result.reason === 'role'
              ? t('signInNotInspector')
              : result.reason === 'network'
                ? t('connectionFailed')
                : result.message;
      setStatus({ kind: 'error', message: `${t('signInFailed')} ${reason}` });
    } finally {
      setBusy(false);
    }
  }

  async function onSignOut() {
    setBusy(true);
    try {
      await signOutInspector(browser.storage.local);
      setAccount(undefined);
      setStatus({ kind: 'info', message: t('signedOut') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="inspector-account" aria-labelledby="inspector-account-title">
      <h2 id="inspector-account-title">{t('inspectorAccount')}</h2>
      <p className="help">{t('inspectorHelp')}</p>
      {account ? (
        <div className="signed-in">
          <p data-testid="inspector-signed-in">
            {t('signedInAs')} <strong>{describeInspector(account.user)}</strong>
            {account.apiBaseUrl !== apiBaseUrl && <span className="error-detail"> ({account.apiBaseUrl})</span>}
          </p>
          <button type="button" className="secondary" disabled={busy} onClick={() => void onSignOut()}>
            {t('signOut')}
          </button>
        </div>
      ) : (
        <form onSubmit={onSignIn} aria-labelledby="inspector-account-title">
          <label htmlFor="inspector-email">{t('inspectorEmail')}</label>
          <input id="inspector-email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
          <label htmlFor="inspector-password">{t('inspectorPassword')}</label>
          <input id="inspector-password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
          <label htmlFor="inspector-device">{t('inspectorDevice')}</label>
          <input id="inspector-device" type="text" maxLength={100} value={label} onChange={(event) => setLabel(event.target.value)} />
          <div className="actions">
            <button type="submit" disabled={busy || !email || !password}>
              {t('signIn')}
            </button>
          </div>
        </form>
      )}
      <p role="status" className={`status ${status.kind}`}>
        {status.kind === 'error' || status.kind === 'info' ? status.message : ''}
      </p>
    </section>
  );
}

/** what the inspector sees in their device list: the browser and the day they signed in */
function defaultLabel(): string {
  const agent = globalThis.navigator?.userAgent ?? '';
  const browserName = /Firefox\//.test(agent) ? 'Firefox' : /Edg\//.test(agent) ? 'Edge' : /Chrome\//.test(agent) ? 'Chrome' : 'Browser';
  return `${browserName} — ${new Date().toISOString().slice(0, 10)}`;
}
