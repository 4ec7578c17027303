import { useEffect, useState, type FormEvent } from 'react';
import { api, exportUrl, queryString } from '../api.ts';
import { DayChart, HBarChart, type Bar } from '../components/BarChart.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { CASE_STATUSES } from '../constants.ts';
import { formatNumber } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { categoryLabel, lookup, useI18n } from '../i18n.ts';
import { navigate } from '../route.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function byValue(counts: Record<string, number>, label: (key: string) => string): Bar[] {
  return Object.entries(counts)
    .map(([key, value]) => ({ key, label: label(key), value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

export function StatsPage({ params }: { params: URLSearchParams }) {
  const { t, lang } = useI18n();
  const fromParam = params.get('from') ?? '';
  const toParam = params.get('to') ?? '';
  const from = DAY.test(fromParam) ? fromParam : undefined;
  const to = DAY.test(toParam) ? toParam : undefined;
  const stats = useLoad(() => api.stats(from, to), [from, to]);
  const [draft, setDraft] = useState({ from: from ?? '', to: to ?? '' });
  const [rangeError, setRangeError] = useState('');

  // The server picks the default period; show it in the fields once known.
  useEffect(() => {
    if (stats.data) setDraft({ from: stats.data.from, to: stats.data.to });
  }, [stats.data]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setRangeError(t('invalidRange'));
      return;
    }
    setRangeError('');
    navigate(`#/stats${queryString({ from: draft.from || undefined, to: draft.to || undefined })}`);
  }

  const data = stats.data;
  const hours = (value: number | null | undefined) => {
    if (value === null || value === undefined) return t('noData');
    return value < 1 ? t('minutes', { n: formatNumber(lang, Math.round(value * 60)) }) : t('hours', { n: formatNumber(lang, value, 1) });
  };

  return (
    <>
      <PageTitle>{t('statsTitle')}</PageTitle>
      <form className="filters range" onSubmit={submit}>
        <div className="field">
          <label htmlFor="stats-from">{t('from')}</label>
          <input id="stats-from" type="date" value={draft.from} max={draft.to || undefined} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="stats-to">{t('to')}</label>
          <input id="stats-to" type="date" value={draft.to} min={draft.from || undefined} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </div>
        <div className="field field-buttons">
          <button type="submit" className="primary">
            {t('apply')}
          </button>
        </div>
        <p className="exports">
          <span>{t('exportCases')}:</span>{' '}
          <a href={exportUrl('csv', {})} download>
            {t('exportCsv')}
          </a>{' '}
          <a href={exportUrl('json', {})} download>
            {t('exportJson')}
          </a>
        </p>
      </form>
      {rangeError && (
        <p className="error" role="alert">
          {rangeError}
        </p>
      )}
      <ErrorMessage error={stats.error} />
      {!data ? (
        stats.loading && <p role="status">{t('loading')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {t('statsRange', { from: data.from, to: data.to })}
          </p>
          <ul className="totals">
            <li>
              <span className="total-label">{t('totalReports')}</span>
              <span className="total-value">{formatNumber(lang, data.reports.total)}</span>
            </li>
            <li>
              <span className="total-label">{t('totalCases')}</span>
              <span className="total-value">{formatNumber(lang, data.cases.total)}</span>
            </li>
            <li>
              <span className="total-label">{t('medianTriage')}</span>
              <span className="total-value">{hours(data.medianHoursToTriage)}</span>
            </li>
            <li>
              <span className="total-label">{t('medianClose')}</span>
              <span className="total-value">{hours(data.medianHoursToClose)}</span>
            </li>
          </ul>
          <div className="charts">
            <DayChart id="chart-days" title={t('chartReportsPerDay')} days={data.reports.byDay} />
            <HBarChart id="chart-category" title={t('chartReportsByCategory')} bars={byValue(data.reports.byCategory, (key) => categoryLabel(lang, key))} />
            <HBarChart id="chart-site" title={t('chartReportsBySite')} bars={byValue(data.reports.bySite, (key) => key)} />
            <HBarChart
              id="chart-status"
              title={t('chartCasesByStatus')}
              bars={CASE_STATUSES.filter((status) => status in data.cases.byStatus).map((status) => ({
                key: status,
                label: lookup(lang, `status_${status}`) ?? status,
                value: data.cases.byStatus[status] ?? 0,
              }))}
            />
            <HBarChart
              id="chart-org"
              title={t('chartCasesByOrg')}
              bars={data.cases.byOrg
                .map((row) => ({ key: row.orgId ?? 'none', label: row.name ?? t('unassigned'), value: row.count }))
                .sort((a, b) => b.value - a.value)}
            />
          </div>
        </>
      )}
    </>
  );
}
