import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, type User } from '../api.ts';
import { Brand } from '../components/Brand.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n.ts';

export function LoginPage({ expired, onSignedIn }: { expired: boolean; onSignedIn(user: User): void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  /** epoch ms until which the server refuses sign-ins (429 + Retry-After) */
  const [lockedUntil, setLockedUntil] = useState<number | undefined>();
  const [lockSeconds, setLockSeconds] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (lockedUntil === undefined) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [lockedUntil]);

  const secondsLeft = lockedUntil === undefined ? 0 : Math.max(0, Math.ceil((lockedUntil - now) / 1000));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || secondsLeft > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const { user } = await api.login(email.trim(), password);
      setPassword('');
      onSignedIn(user);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 429) {
        const seconds = caught.retryAfter ?? 60;
        setNow(Date.now());
        setLockSeconds(seconds);
        setLockedUntil(Date.now() + seconds * 1000);
        setError(undefined);
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="login" tabIndex={-1}>
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <div className="login-card">
        <Brand className="brand login-brand" />
        <PageTitle sub={t('loginIntro')}>{t('loginTitle')}</PageTitle>
        {expired && (
          <p className="notice" role="status">
            {t('sessionExpired')}
          </p>
        )}
        <form onSubmit={submit} className="stack">
          <label htmlFor="login-email">{t('email')}</label>
          <input
            id="login-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={error instanceof ApiError && error.code === 'invalid_credentials' ? true : undefined}
          />
          <label htmlFor="login-password">{t('password')}</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={error instanceof ApiError && error.code === 'invalid_credentials' ? true : undefined}
          />
          <div className="live">
            {lockedUntil !== undefined && (
              <p className={secondsLeft > 0 ? 'error' : 'notice'} role={secondsLeft > 0 ? 'alert' : 'status'}>
                {secondsLeft > 0 ? t('loginLocked', { seconds: lockSeconds }) : t('loginLockedNow')}
              </p>
            )}
          </div>
          <ErrorMessage error={error} />
          <button type="submit" className="primary" disabled={busy || secondsLeft > 0}>
            {busy ? t('loggingIn') : t('loginButton')}
            {secondsLeft > 0 && <span aria-hidden="true"> ({secondsLeft})</span>}
          </button>
        </form>
      </div>
    </main>
  );
}
