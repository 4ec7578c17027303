import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, onUnauthorized, type Org, type User } from './api.ts';
import { Brand } from './components/Brand.tsx';
import { ErrorMessage } from './components/ErrorMessage.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { canUse } from './constants.ts';
import { I18nContext, readStoredLang, storeLang, translator, useI18n, type I18n, type Lang } from './i18n.ts';
import { AdminPage } from './pages/AdminPage.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { InboxPage } from './pages/InboxPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { StatsPage } from './pages/StatsPage.tsx';
import { navigate, useHashRoute, type Route } from './route.ts';

export interface OrgList {
  orgs: Org[];
  reload(): void;
}

export function App() {
  const [lang, setLangState] = useState<Lang>(readStoredLang);
  const i18n = useMemo<I18n>(
    () => ({
      lang,
      t: translator(lang),
      setLang: (next) => {
        storeLang(next);
        setLangState(next);
      },
    }),
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // undefined: still asking the server whether a session exists
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [sessionError, setSessionError] = useState<unknown>();
  const [expired, setExpired] = useState(false);
  const [probe, setProbe] = useState(0);

  useEffect(() => {
    let current = true;
    setSessionError(undefined);
    api.me().then(
      (me) => current && setUser(me),
      (error: unknown) => current && setSessionError(error),
    );
    return () => {
      current = false;
    };
  }, [probe]);

  useEffect(() => {
    onUnauthorized(() => {
      setUser((previous) => {
        if (previous) setExpired(true);
        return null;
      });
    });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // the cookie may already be gone; the login page is shown either way
    }
    setExpired(false);
    setUser(null);
  }, []);

  let body;
  if (user === undefined) {
    body = (
      <main id="main" className="centered">
        {sessionError ? (
          <>
            <ErrorMessage error={sessionError} />
            <button type="button" onClick={() => setProbe((n) => n + 1)}>
              {i18n.t('retry')}
            </button>
          </>
        ) : (
          <p role="status">{i18n.t('loading')}</p>
        )}
      </main>
    );
  } else if (user === null) {
    body = (
      <LoginPage
        expired={expired}
        onSignedIn={(signedIn) => {
          setExpired(false);
          setUser(signedIn);
        }}
      />
    );
  } else {
    body = <SignedIn user={user} onSignOut={signOut} />;
  }
  return <I18nContext.Provider value={i18n}>{body}</I18nContext.Provider>;
}

function homeFor(user: User): string {
  return canUse(user.role, 'cases') ? '#/cases' : '#/stats';
}

function SignedIn({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const { t } = useI18n();
  const route = useHashRoute();
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [orgTick, setOrgTick] = useState(0);
  const reloadOrgs = useCallback(() => setOrgTick((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    api.orgs().then(
      (items) => current && setOrgs(items),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [orgTick]);

  useEffect(() => {
    if (route.page === 'home') navigate(homeFor(user));
  }, [route.page, user]);

  // After navigating, move focus to the new page's heading so screen readers and keyboards start there.
  const routeKey = route.page === 'case' ? `case:${route.id}` : route.page;
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [routeKey]);

  const orgList: OrgList = { orgs, reload: reloadOrgs };
  const navItems = (
    [
      ['cases', '#/cases', t('navInbox')],
      ['stats', '#/stats', t('navStats')],
      ['admin', '#/admin', t('navAdmin')],
    ] as const
  ).filter(([page]) => canUse(user.role, page));
  const activeNav = route.page === 'case' ? 'cases' : route.page;

  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <Brand />
        <nav aria-label={t('navMain')} className="main-nav">
          <ul>
            {navItems.map(([page, href, label]) => (
              <li key={page}>
                <a href={href} aria-current={activeNav === page ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <p className="whoami" title={user.email}>
            <span className="visually-hidden">{t('signedInLabel')} </span>
            <strong>{user.name || user.email}</strong>
            <span className="whoami-role">
              {t(`role_${user.role}`)} · {user.orgName}
            </span>
          </p>
          <LanguageSwitch />
          <button type="button" className="secondary" onClick={onSignOut}>
            {t('logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} user={user} orgs={orgList} />
      </main>
    </>
  );
}

function Page({ route, user, orgs }: { route: Route; user: User; orgs: OrgList }) {
  const { t } = useI18n();
  switch (route.page) {
    case 'home':
      return <p role="status">{t('loading')}</p>;
    case 'cases':
      return <InboxPage user={user} orgs={orgs.orgs} params={route.params} />;
    case 'case':
      return <CasePage key={route.id} id={route.id} user={user} orgs={orgs.orgs} />;
    case 'stats':
      return <StatsPage params={route.params} />;
    case 'admin':
      return canUse(user.role, 'admin') ? <AdminPage orgs={orgs} /> : <Forbidden />;
    case 'unknown':
      return (
        <>
          <h1 tabIndex={-1}>{t('pageNotFound')}</h1>
          <p>
            <a href={homeFor(user)}>{t('backToInbox')}</a>
          </p>
        </>
      );
  }
}

function Forbidden() {
  const { t } = useI18n();
  return (
    <>
      <h1 tabIndex={-1}>{t('navAdmin')}</h1>
      <p className="notice" role="status">
        {t('errForbidden')}
      </p>
    </>
  );
}
