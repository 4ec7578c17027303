import { LANGS, useI18n } from '../i18n.ts';

export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      {LANGS.map((option) => (
        <button key={option} type="button" lang={option} aria-pressed={option === lang} onClick={() => setLang(option)}>
          {option === 'vi' ? t('langVi') : t('langEn')}
        </button>
      ))}
    </div>
  );
}
