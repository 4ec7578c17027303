import type { CaseSummary } from '../api.ts';
import { useI18n } from '../i18n.ts';

type RiskLevel = CaseSummary['riskLevel'];

// Shapes differ by level (dash, circle, triangle, octagon) and the level is always written out: colour is never the only signal.
const SHAPES: Record<RiskLevel, string> = {
  none: 'M3 7h10v2H3z',
  low: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1z',
  medium: 'M8 1 15.5 14.5H.5z',
  high: 'M5 1h6l4 4v6l-4 4H5l-4-4V5z',
};

export function RiskBadge({ level }: { level: RiskLevel }) {
  const { t } = useI18n();
  return (
    <span className={`badge risk risk-${level}`}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d={SHAPES[level]} fill="currentColor" />
      </svg>
      {t(`risk_${level}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: CaseSummary['status'] }) {
  const { t } = useI18n();
  return <span className={`badge status status-${status}`}>{t(`status_${status}`)}</span>;
}

const PRIORITY_MARKS: Record<CaseSummary['priority'], string> = { low: '↓', normal: '·', high: '↑', urgent: '‼' };

export function PriorityBadge({ priority }: { priority: CaseSummary['priority'] }) {
  const { t } = useI18n();
  return (
    <span className={`badge priority priority-${priority}`}>
      <span aria-hidden="true">{PRIORITY_MARKS[priority]}</span> {t(`priority_${priority}`)}
    </span>
  );
}
