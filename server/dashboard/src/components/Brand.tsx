import { useI18n } from '../i18n.ts';

/** The hotline's mark and name, in the header and on the sign-in card. */
export function Brand({ className = 'brand' }: { className?: string }) {
  const { t } = useI18n();
  return (
    <div className={className}>
      <span className="brand-mark" aria-hidden="true">
        389
      </span>
      <span>
        <strong>{t('appName')}</strong>
        <span className="brand-sub">{t('appSubtitle')}</span>
      </span>
    </div>
  );
}
