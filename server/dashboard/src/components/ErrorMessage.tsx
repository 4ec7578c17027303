import { ApiError } from '../api.ts';
import { useI18n, type Translate } from '../i18n.ts';

/** A localized sentence for an API failure, keeping the server's own words where they help. */
export function errorText(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'network':
      return t('errNetwork');
    case 'reason_required':
      return t('errReasonRequired');
    case 'invalid_transition':
      return t('errInvalidTransition');
    case 'unknown_org':
      return t('errUnknownOrg');
    case 'invalid_credentials':
      return t('loginInvalid');
  }
  if (error.status === 403) return t('errForbidden');
  if (error.status === 404) return `${t('errNotFound')} (${error.message})`;
  if (error.status >= 500) return t('errServer', { status: error.status });
  return error.message || error.code;
}

/** An error announced to screen readers as it appears; `issues` name the fields the server refused. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error === undefined || error === null) return null;
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="error" role="alert">
      <span className="error-icon" aria-hidden="true">
        !
      </span>
      <div>
        <strong>{t('errorPrefix')}</strong> {errorText(t, error)}
        {issues.length > 0 && (
          <ul>
            {issues.map((issue, index) => (
              <li key={index}>
                {issue.path ? <code>{issue.path}</code> : null} {issue.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
