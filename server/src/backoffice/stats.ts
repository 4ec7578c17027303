import type { Stats } from '../../../contract/backoffice.ts';
import type { Sql } from '../db.ts';

// Days are counted in Vietnam time (UTC+7 all year, no daylight saving), as inspectors read them.
const VN_DAY = (column: string) => `((${column}) + interval '7 hours')::date`;
const DAY_MS = 86_400_000;

function vnToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The range as [from, to] Vietnam dates (default: the last 30 days), and its UTC bounds [start, end). */
export function statsRange(from: string | undefined, to: string | undefined, now: Date) {
  const toDay = to ?? vnToday(now);
  const fromDay = from ?? new Date(Date.parse(`${toDay}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
  const start = new Date(Date.parse(`${fromDay}T00:00:00+07:00`));
  const end = new Date(Date.parse(`${toDay}T00:00:00+07:00`) + DAY_MS);
  return { fromDay, toDay, start, end };
}

const toCounts = (rows: { key: string | null; n: number }[]) => Object.fromEntries(rows.map((row) => [row.key ?? '', row.n]));

export async function computeStats(sql: Sql, range: ReturnType<typeof statsRange>): Promise<Stats> {
  const { start, end } = range;
  // One pass over the range's reports for all three breakdowns (grouping sets), one over its cases.
  const [reports, cases, caseCategories, medians] = await Promise.all([
    sql.query<{ category: string | null; site: string | null; day: string | null; n: number }>(
      `SELECT category, site, ${VN_DAY('received_at')}::text AS day, count(*)::int AS n
         FROM reports WHERE received_at >= $1 AND received_at < $2
         GROUP BY GROUPING SETS ((category), (site), (${VN_DAY('received_at')}))`,
      [start, end],
    ),
    sql.query<{ status: string | null; site: string | null; org: string | null; org_name: string | null; grouping: number; n: number }>(
      `SELECT c.status, c.site, c.assigned_org::text AS org, o.name AS org_name,
              GROUPING(c.status, c.site, c.assigned_org, o.name)::int AS grouping, count(*)::int AS n
         FROM cases c LEFT JOIN orgs o ON o.id = c.assigned_org
        WHERE c.first_reported_at >= $1 AND c.first_reported_at < $2
        GROUP BY GROUPING SETS ((c.status), (c.site), (c.assigned_org, o.name))`,
      [start, end],
    ),
    sql.query<{ key: string; n: number }>(
      `SELECT category AS key, count(*)::int AS n FROM cases c, unnest(c.categories) AS category
        WHERE c.first_reported_at >= $1 AND c.first_reported_at < $2 GROUP BY category`,
      [start, end],
    ),
    sql.query<{ triage: number | null; close: number | null }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM triaged_at - first_reported_at)) / 3600 AS triage,
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - first_reported_at)) / 3600
                 FROM cases WHERE first_reported_at >= $1 AND first_reported_at < $2 AND closed_at IS NOT NULL) AS close
         FROM cases WHERE first_reported_at >= $1 AND first_reported_at < $2 AND triaged_at IS NOT NULL`,
      [start, end],
    ),
  ]);

  const byCategory = reports.rows.filter((row) => row.category !== null).map((row) => ({ key: row.category, n: row.n }));
  const bySite = reports.rows.filter((row) => row.site !== null).map((row) => ({ key: row.site, n: row.n }));
  const perDay = new Map(reports.rows.filter((row) => row.day !== null).map((row) => [row.day!, row.n]));
  const byDay: Stats['reports']['byDay'] = [];
  for (let time = Date.parse(`${range.fromDay}T00:00:00Z`); time <= Date.parse(`${range.toDay}T00:00:00Z`); time += DAY_MS) {
    const day = new Date(time).toISOString().slice(0, 10);
    byDay.push({ day, count: perDay.get(day) ?? 0 });
  }
  // GROUPING bits (status, site, org, org name): 0b0111 = by status, 0b1011 = by site, 0b1100 = by organisation.
  const caseRows = cases.rows;
  const byStatus = caseRows.filter((row) => row.grouping === 0b0111).map((row) => ({ key: row.status, n: row.n }));
  const total = byStatus.reduce((sum, row) => sum + row.n, 0);
  const round = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value) * 100) / 100);
  return {
    from: range.fromDay,
    to: range.toDay,
    reports: { total: byCategory.reduce((sum, row) => sum + row.n, 0), byCategory: toCounts(byCategory), bySite: toCounts(bySite), byDay },
    cases: {
      total,
      byStatus: toCounts(byStatus),
      byCategory: toCounts(caseCategories.rows),
      bySite: toCounts(caseRows.filter((row) => row.grouping === 0b1011).map((row) => ({ key: row.site, n: row.n }))),
      byOrg: caseRows.filter((row) => row.grouping === 0b1100).map((row) => ({ orgId: row.org, name: row.org_name, count: row.n })),
    },
    medianHoursToTriage: round(medians.rows[0]?.triage),
    medianHoursToClose: round(medians.rows[0]?.close),
  };
}
