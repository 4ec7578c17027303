import { useRef } from 'react';
import { formatDay, formatNumber } from '../format.ts';
import { useWidth } from '../hooks.ts';
import { useI18n } from '../i18n.ts';

// Hand-written SVG bar charts, drawn at the container's pixel width so text keeps its size. Each chart has the
// same numbers as a table under a disclosure, for screen readers and for copying.

export interface Bar {
  key: string;
  label: string;
  value: number;
}

const ROW = 28;

function fit(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1))}…`;
}

function ChartTable({ title, bars, labelHeader }: { title: string; bars: readonly Bar[]; labelHeader: string }) {
  const { t, lang } = useI18n();
  return (
    <details className="chart-table">
      <summary>{t('showTable')}</summary>
      <table>
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col" className="num">
              {t('colCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.key}>
              <th scope="row">{bar.label}</th>
              <td className="num">{formatNumber(lang, bar.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function HBarChart({ title, bars, id }: { title: string; bars: readonly Bar[]; id: string }) {
  const { t, lang } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 400);
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const labelWidth = Math.min(Math.round(width * 0.42), 230);
  const valueWidth = 56;
  const barSpace = Math.max(20, width - labelWidth - valueWidth - 12);
  const height = Math.max(ROW, bars.length * ROW);
  const maxChars = Math.floor(labelWidth / 7);
  const summary = t('chartSummary', { title, count: bars.length, max: formatNumber(lang, max) });
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <div ref={box} className="chart-box">
        {bars.length === 0 || max === 0 ? (
          <p className="muted">{t('noData')}</p>
        ) : (
          <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
            {bars.map((bar, index) => {
              const y = index * ROW;
              const length = max > 0 ? Math.max(2, Math.round((bar.value / max) * barSpace)) : 0;
              return (
                <g key={bar.key}>
                  <title>{`${bar.label}: ${formatNumber(lang, bar.value)}`}</title>
                  <text x={labelWidth - 6} y={y + ROW / 2} textAnchor="end" dominantBaseline="central" className="chart-label">
                    {fit(bar.label, maxChars)}
                  </text>
                  <rect x={labelWidth} y={y + 5} width={length} height={ROW - 10} rx={2} className="chart-bar" />
                  <text x={labelWidth + length + 6} y={y + ROW / 2} dominantBaseline="central" className="chart-value">
                    {formatNumber(lang, bar.value)}
                  </text>
                </g>
              );
            })}
          </svg>
        )}
      </div>
      {bars.length > 0 && <ChartTable title={title} bars={bars} labelHeader={t('colLabel')} />}
    </figure>
  );
}

function niceMax(value: number): number {
  if (value <= 4) return Math.max(1, value);
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return value;
}

export function DayChart({ title, days, id }: { title: string; days: readonly { day: string; count: number }[]; id: string }) {
  const { t, lang } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 600);
  const height = 200;
  const left = 40;
  const bottom = 24;
  const top = 10;
  const plotHeight = height - bottom - top;
  const max = niceMax(Math.max(0, ...days.map((day) => day.count)));
  const slot = days.length > 0 ? (width - left - 4) / days.length : 0;
  const barWidth = Math.max(1, Math.min(28, slot * 0.75));
  const labelEvery = Math.max(1, Math.ceil(44 / Math.max(slot, 1)));
  const ticks = [0, max / 2, max].filter((tick, index, all) => Number.isInteger(tick) && all.indexOf(tick) === index);
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const bars: Bar[] = days.map((day) => ({ key: day.day, label: day.day, value: day.count }));
  const summary = t('chartSummary', { title, count: days.length, max: formatNumber(lang, Math.max(0, ...days.map((day) => day.count))) });
  return (
    <figure className="chart chart-wide" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <div ref={box} className="chart-box">
        {days.length === 0 || total === 0 ? (
          <p className="muted">{t('noData')}</p>
        ) : (
          <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
            {ticks.map((tick) => {
              const y = top + plotHeight - (tick / max) * plotHeight;
              return (
                <g key={tick}>
                  <line x1={left} x2={width} y1={y} y2={y} className="chart-grid" />
                  <text x={left - 6} y={y} textAnchor="end" dominantBaseline="central" className="chart-value">
                    {formatNumber(lang, tick)}
                  </text>
                </g>
              );
            })}
            {days.map((day, index) => {
              const x = left + index * slot + (slot - barWidth) / 2;
              const barHeight = (day.count / max) * plotHeight;
              return (
                <g key={day.day}>
                  <title>{`${formatDay(lang, day.day)}: ${formatNumber(lang, day.count)}`}</title>
                  <rect x={x} y={top + plotHeight - barHeight} width={barWidth} height={barHeight} className="chart-bar" />
                  {index % labelEvery === 0 && (
                    <text x={x + barWidth / 2} y={height - 6} textAnchor="middle" className="chart-label chart-axis">
                      {formatDay(lang, day.day)}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        )}
      </div>
      {total > 0 && <ChartTable title={title} bars={bars} labelHeader={t('colDay')} />}
    </figure>
  );
}
