import type { AuditEntry, Org } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { lookup, useI18n, type Lang } from '../i18n.ts';

/** "Status changed" for case_status etc.; an unknown action is shown as the server wrote it. */
export function actionLabel(lang: Lang, action: string): string {
  return lookup(lang, `action_${action.replace(/[^a-z0-9]+/gi, '_')}`) ?? action;
}

type Kind = 'status' | 'priority' | 'org' | 'role' | 'what' | 'text';

/** What a detail key holds: from/to take their meaning from the action (a status change, an assignment…). */
function kindOf(action: string, key: string): Kind {
  if (key === 'from' || key === 'to') {
    if (action.includes('status')) return 'status';
    if (action.includes('assign')) return 'org';
    if (action.includes('priority')) return 'priority';
    return 'text';
  }
  if (/^(orgId|assignedOrg|org)$/.test(key)) return 'org';
  if (/^(status|role|priority|what)$/.test(key)) return key as Kind;
  return 'text';
}

function valueText(lang: Lang, kind: Kind, value: unknown, orgs: readonly Org[]): string {
  if (value === null || value === undefined) return kind === 'org' ? (lookup(lang, 'unassigned') ?? '—') : '—';
  if (typeof value === 'string') {
    if (kind === 'status' || kind === 'priority' || kind === 'role' || kind === 'what') return lookup(lang, `${kind}_${value}`) ?? value;
    if (kind === 'org') return orgs.find((org) => org.id === value)?.name ?? value;
    return value;
  }
  if (typeof value === 'boolean') return lookup(lang, value ? 'yes' : 'no') ?? String(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && 'name' in value && typeof (value as { name: unknown }).name === 'string') return (value as { name: string }).name;
  const json = JSON.stringify(value);
  return json.length > 200 ? `${json.slice(0, 199)}…` : json;
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value;
}

/** An audit entry's detail as "label: value" pairs, in the reader's language where the value is a known enum; from/to pairs read "A → B". */
export function AuditDetail({ action, detail, orgs }: { action: string; detail: AuditEntry['detail']; orgs: readonly Org[] }) {
  const { lang } = useI18n();
  const rows: { key: string; label: string; text: string }[] = [];
  const { from, to, ...rest } = detail;
  if ('from' in detail || 'to' in detail) {
    const kind = kindOf(action, 'from');
    rows.push({ key: 'change', label: lookup(lang, `detail_${kind === 'org' ? 'assignedOrg' : kind}`) ?? kind, text: `${valueText(lang, kind, from, orgs)} → ${valueText(lang, kind, to, orgs)}` });
  }
  for (const [key, value] of Object.entries(rest)) {
    const kind = kindOf(action, key);
    const text = isChange(value) ? `${valueText(lang, kind, value.from, orgs)} → ${valueText(lang, kind, value.to, orgs)}` : valueText(lang, kind, value, orgs);
    if (key === 'reason' && (value === null || value === undefined)) continue;
    rows.push({ key, label: lookup(lang, `detail_${key}`) ?? key, text });
  }
  if (rows.length === 0) return null;
  return (
    <dl className="audit-detail">
      {rows.map((row) => (
        <div key={row.key}>
          <dt>{row.label}</dt>
          <dd>{row.text}</dd>
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
          <AuditDetail action={entry.action} detail={entry.detail} orgs={orgs} />
        </li>
      ))}
    </ol>
  );
}
