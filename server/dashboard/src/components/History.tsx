import type { AuditEntry, Org } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { lookup, useI18n, type Lang } from '../i18n.ts';

/** "Status changed" for case_status etc.; an unknown action is shown as the server wrote it. */
export function actionLabel(lang: Lang, action: string): string {
  return lookup(lang, `action_${action.replace(/[^a-z0-9]+/gi, '_')}`) ?? action;
}

function valueText(lang: Lang, key: string, value: unknown, orgs: readonly Org[]): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (/status|^from$|^to$/i.test(key)) return lookup(lang, `status_${value}`) ?? value;
    if (/priority/i.test(key)) return lookup(lang, `priority_${value}`) ?? value;
    if (/role/i.test(key)) return lookup(lang, `role_${value}`) ?? value;
    if (/org/i.test(key)) return orgs.find((org) => org.id === value)?.name ?? value;
    return value;
  }
  if (typeof value === 'boolean') return lookup(lang, value ? 'yes' : 'no') ?? String(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && 'name' in value && typeof (value as { name: unknown }).name === 'string') return (value as { name: string }).name;
  const json = JSON.stringify(value);
  return json.length > 200 ? `${json.slice(0, 199)}…` : json;
}

/** An audit entry's detail as "label: value" pairs, in the reader's language where the value is a known enum. */
export function AuditDetail({ detail, orgs }: { detail: AuditEntry['detail']; orgs: readonly Org[] }) {
  const { lang } = useI18n();
  const entries = Object.entries(detail);
  if (entries.length === 0) return null;
  return (
    <dl className="audit-detail">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{lookup(lang, `detail_${key}`) ?? key}</dt>
          <dd>{valueText(lang, key, value, orgs)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function HistoryList({ entries, orgs }: { entries: readonly AuditEntry[]; orgs: readonly Org[] }) {
  const { t, lang } = useI18n();
  if (entries.length === 0) return <p className="muted">{t('noHistory')}</p>;
  return (
    <ol className="history">
      {entries.map((entry) => (
        <li key={entry.id}>
          <div className="history-head">
            <strong>{actionLabel(lang, entry.action)}</strong>{' '}
            <span className="muted">
              {t('by', { name: entry.actor?.name || entry.actor?.email || t('system') })} · <time dateTime={entry.at}>{formatDateTime(lang, entry.at)}</time>
            </span>
          </div>
          <AuditDetail detail={entry.detail} orgs={orgs} />
        </li>
      ))}
    </ol>
  );
}
