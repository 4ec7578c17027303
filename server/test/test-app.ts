import { createApp, type AppDeps } from '../src/app.ts';
import { createLoginThrottle } from '../src/auth/login-throttle.ts';
import { createAccounts } from '../src/backoffice/accounts.ts';
import { createCaseStore } from '../src/backoffice/cases.ts';
import type { Sql } from '../src/db.ts';
import { createReportStore } from '../src/report-store.ts';
import { loadPublishedRulePack } from '../src/rule-pack.ts';
import { assess, toAssessInput } from '../../utils/risk/index.ts';

/** scrypt at a test-friendly cost: the production cost is exercised by the password unit test. */
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 };

/** The whole API over one database, wired as server.ts wires it, with a clock the test may move. */
export async function buildTestApp(sql: Sql, options: { bodyLimitBytes?: number; clock?: { now: Date }; overrides?: Partial<AppDeps> } = {}) {
  const rulePack = await loadPublishedRulePack(undefined);
  const clock = options.clock;
  const now = clock ? () => new Date(clock.now) : () => new Date();
  const accounts = createAccounts(sql, { now, passwordCost: TEST_PASSWORD_COST });
  const throttle = createLoginThrottle(() => now().getTime());
  const app = createApp({
    reports: createReportStore(sql, { now, assessListing: (listing) => assess(toAssessInput(listing), rulePack.compiled) }),
    bodyLimitBytes: options.bodyLimitBytes ?? 64 * 1024,
    rulePack,
    sql,
    accounts,
    cases: createCaseStore(sql, now),
    throttle,
    now,
    ...options.overrides,
  });
  return { app, accounts };
}
