import type { Stats } from '../../../contract/backoffice.ts';
import type { Sql } from '../db.ts';

// Days are counted in Vietnam time (UTC+7 all year, no daylight saving), as inspectors read them.
const DAY_MS = 86_400_000;

/** The Vietnam date (UTC+7) of an instant, e.g. 2026-12-01 for 2026-11-30T17:30Z. */
export function vietnamDay(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The range as [from, to] Vietnam dates (default: the last 30 days), and its UTC bounds [start, end). */
export function statsRange(from: string | undefined, to: string | undefined, now: Date) {
  const toDay = to ?? vietnamDay(now);
  const fromDay = from ?? new Date(Date.parse(`${toDay}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
  const start = new Date(Date.parse(`${fromDay}T00:00:00+07:00`));
  const end = new Date(Date.parse(`${toDay}T00:00:00+07:00`) + DAY_MS);
  return { fromDay, toDay, start, end };
}

const toCounts = (rows: { key: string | null; n: number }[]) => Object.fromEntries(rows.map((row) => [row.key ?? '', row.n]));

export async function computeStats(sql: Sql, range: ReturnType<typeof statsRange>): Promise<Stats> {
  const { start, end } = range;
  // Reports come from the daily rollup. Cases take two passes over the range: one grouped by every breakdown at once
  // (a few hundred groups, split up below), one for the medians (date_part: float8, much cheaper than numeric extract).
  const [reports, caseGroups, medianRows, orgs] = await Promise.all([
    sql.query<{ category: string | null; site: string | null; day: string | null; n: number }>(
      `SELECT category, site, day::text AS day, sum(reports)::int AS n FROM report_daily WHERE day BETWEEN $1 AND $2
        GROUP BY GROUPING SETS ((category), (site), (day))`,
      [range.fromDay, range.toDay],
    ),
    sql.query<{ status: string; site: string; org: string | null; categories: string[]; n: number }>(
      `SELECT status, site, assigned_org::text AS org, categories, count(*)::int AS n
         FROM cases WHERE first_reported_at >= $1 AND first_reported_at < $2 AND NOT training
        GROUP BY status, site, assigned_org, categories`,
      [start, end],
    ),
    sql.query<{ triage: number | null; close: number | null }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', triaged_at - first_reported_at)) / 3600 AS triage,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', closed_at - first_reported_at)) / 3600 AS close
         FROM cases WHERE first_reported_at >= $1 AND first_reported_at < $2 AND NOT training`,
      [start, end],
    ),
    sql.query<{ id: string; name: string }>('SELECT id::text, name FROM orgs'),
  ]);

  const add = (counts: Map<string | null, number>, key: string | null, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
  const caseStatus = new Map<string | null, number>();
  const caseSite = new Map<string | null, number>();
  const caseOrg = new Map<string | null, number>();
  const caseCategory = new Map<string | null, number>();
  for (const group of caseGroups.rows) {
    add(caseStatus, group.status, group.n);
    add(caseSite, group.site, group.n);
    add(caseOrg, group.org, group.n);
    for (const category of group.categories) add(caseCategory, category, group.n);
  }
  const mapToCounts = (counts: Map<string | null, number>) => toCounts([...counts].map(([key, n]) => ({ key, n })));
  const byCategory = reports.rows.filter((row) => row.category !== null).map((row) => ({ key: row.category, n: row.n }));
  const bySite = reports.rows.filter((row) => row.site !== null).map((row) => ({ key: row.site, n: row.n }));
  const perDay = new Map(reports.rows.filter((row) => row.day !== null).map((row) => [row.day!, row.n]));
  const byDay: Stats['reports']['byDay'] = [];
  for (let time = Date.parse(`${range.fromDay}T00:00:00Z`); time <= Date.parse(`${range.toDay}T00:00:00Z`); time += DAY_MS) {
    const day = new Date(time).toISOString().slice(0, 10);
    byDay.push({ day, count: perDay.get(day) ?? 0 });
  }
  const orgNames = new Map(orgs.rows.map((org) => [org.id, org.name]));
  const medians = medianRows.rows[0];
  const round = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value) * 100) / 100);
  return {
    from: range.fromDay,
    to: range.toDay,
    reports: { total: byCategory.reduce((sum, row) => sum + row.n, 0), byCategory: toCounts(byCategory), bySite: toCounts(bySite), byDay },
    cases: {
      total: [...caseStatus.values()].reduce((sum, n) => sum + n, 0),
      byStatus: mapToCounts(caseStatus),
      byCategory: mapToCounts(caseCategory),
      bySite: mapToCounts(caseSite),
      byOrg: [...caseOrg].map(([orgId, count]) => ({ orgId, name: orgId ? (orgNames.get(orgId) ?? null) : null, count })),
    },
    medianHoursToTriage: round(medians?.triage),
    medianHoursToClose: round(medians?.close),
  };
}
