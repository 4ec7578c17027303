import { useEffect } from 'react';
import { useI18n } from '../i18n.ts';

/** The page's h1 (focused by App after navigation) and the document title. */
export function PageTitle({ children, sub }: { children: string; sub?: string }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${children} – ${t('appName')}`;
  }, [children, t]);
  return (
    <div className="page-title">
      <h1 tabIndex={-1}>{children}</h1>
      {sub ? <p className="muted">{sub}</p> : null}
    </div>
  );
}
