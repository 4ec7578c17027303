// An inspector's authenticated report that takes an unassigned case into their organisation says so in the case's
// history (audit_log 'case_assigned_by_report', actor the inspector, detail {orgId}); nothing else is logged for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDetailSchema, CaseListSchema, type Org, type User } from '../../contract/backoffice.ts';
import { ReceiptSchema, type ReportInput } from '../../contract/index.ts';
import type { HotlineApp } from '../src/app.ts';
import type { Accounts } from '../src/backoffice/accounts.ts';
import { migrate, type Sql } from '../src/db.ts';
import { MESSAGES } from '../dashboard/src/i18n.ts';
import { DATABASES } from './databases.ts';
import { createOrgs, deviceToken, listingReports, PASSWORD } from './people.ts';
import { buildTestApp } from './test-app.ts';

const reportOn = listingReports('88');

describe.each(DATABASES)('case assigned by an inspector’s report, in the audit log ($name)', (database) => {
  let sql: Sql;
  let app: HotlineApp;
  let accounts: Accounts;
  const clock = { now: new Date('2026-12-01T02:00:00Z') };
  let hanoi: Org;
  let customs: Org;
  let inspector: User;
  let triagerSession: string;
  let hanoiToken: string;
  let customsToken: string;

  beforeAll(async () => {
    sql = await database.open();
    await migrate(sql);
    ({ app, accounts } = await buildTestApp(sql, { clock }));
    let bcd: Org;
    ({ bcd, hanoi, customs } = await createOrgs(accounts));
    const triager = await accounts.createUser(null, { email: 'tr@x.vn', name: 'Triager', role: 'triager', orgId: bcd.id, password: PASSWORD });
    inspector = await accounts.createUser(null, { email: 'tt@qltt.vn', name: 'Thanh tra', role: 'inspector', orgId: hanoi.id, password: PASSWORD });
    await accounts.createUser(null, { email: 'hq@customs.vn', name: 'Hải quan', role: 'inspector', orgId: customs.id, password: PASSWORD });
    triagerSession = (await accounts.createSession(triager.id)).token;
    hanoiToken = await deviceToken(app, 'tt@qltt.vn');
    customsToken = await deviceToken(app, 'hq@customs.vn');
  });
  afterAll(() => sql.close());

  let keyCounter = 0;
  const post = async (report: ReportInput, token?: string, idempotencyKey = `audit-test-${(keyCounter += 1)}`) => {
    const response = await app.request('/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(report),
    });
    expect(response.status).toBeLessThan(300);
    return ReceiptSchema.parse(await response.json());
  };
  const caseIdOf = async (trackingCode: string) =>
    (await sql.query<{ case_id: string }>('SELECT case_id::text AS case_id FROM reports WHERE tracking_code = $1', [trackingCode])).rows[0]!.case_id;
  const assignments = async (caseId: string) =>
    (
      await sql.query<{ actor_id: string | null; target_id: string | null; detail: Record<string, unknown>; at: Date }>(
        `SELECT actor_id::text AS actor_id, target_id, detail, at FROM audit_log WHERE case_id = $1 AND action = 'case_assigned_by_report' ORDER BY id`,
        [caseId],
      )
    ).rows;

  it('logs an unassigned case that an inspector’s report takes into their organisation, once, and shows it in the case history', async () => {
    const report = reportOn();
    // an anonymous report creates the case, unassigned: nothing to log
    const first = await post(report);
    const caseId = await caseIdOf(first.trackingCode);
    expect(await assignments(caseId)).toEqual([]);
    // the inspector's report takes it into Hà Nội
    const second = await post(report, hanoiToken, 'audit-test-replayed');
    expect(await assignments(caseId)).toEqual([{ actor_id: inspector.id, target_id: second.reportId, detail: { orgId: hanoi.id }, at: clock.now }]);
    // a replay of that request stores nothing new, and a further report of the same organisation changes nothing
    await post(report, hanoiToken, 'audit-test-replayed');
    await post(report, hanoiToken);
    // a report from another organisation's inspector leaves the case (and the log) as it was
    await post(report, customsToken);
    expect(await assignments(caseId)).toHaveLength(1);
    expect((await sql.query<{ assigned_org: string }>('SELECT assigned_org::text AS assigned_org FROM cases WHERE id = $1', [caseId])).rows[0]!.assigned_org).toBe(hanoi.id);

    // the case page's history says why the case is in Hà Nội's list
    const detail = CaseDetailSchema.parse(await (await app.request(`/v1/cases/${caseId}`, { headers: { authorization: `Bearer ${triagerSession}` } })).json());
    expect(detail.history.filter((entry) => entry.action === 'case_assigned_by_report')).toEqual([
      expect.objectContaining({ actor: { id: inspector.id, name: 'Thanh tra', email: 'tt@qltt.vn' }, detail: { orgId: hanoi.id }, caseId }),
    ]);
  });

  it('logs a new case an inspector’s report creates in their organisation; not training reports, not anonymous ones, not assigned cases', async () => {
    const created = await post(reportOn(), customsToken);
    expect(await assignments(await caseIdOf(created.trackingCode))).toEqual([expect.objectContaining({ detail: { orgId: customs.id } })]);
    const training = await post(reportOn({ training: true }), customsToken);
    expect(await assignments(await caseIdOf(training.trackingCode))).toEqual([]);
    const anonymous = await post(reportOn());
    expect(await assignments(await caseIdOf(anonymous.trackingCode))).toEqual([]);
    // a case a triager assigned: the inspector's report does not move it, and nothing is logged for it
    const report = reportOn();
    const caseId = await caseIdOf((await post(report)).trackingCode);
    const patch = await app.request(`/v1/cases/${caseId}`, { method: 'PATCH', headers: { authorization: `Bearer ${triagerSession}`, 'content-type': 'application/json' }, body: JSON.stringify({ assignedOrg: customs.id }) });
    expect(patch.status).toBe(200);
    await post(report, hanoiToken);
    expect(await assignments(caseId)).toEqual([]);
    const { items } = CaseListSchema.parse(await (await app.request('/v1/cases?limit=100', { headers: { authorization: `Bearer ${triagerSession}` } })).json());
    expect(items.find((item) => item.id === caseId)?.assignedOrg?.id).toBe(customs.id);
  });

  it('names the action in both dashboard languages', () => {
    expect(MESSAGES.vi.action_case_assigned_by_report).toBeTruthy();
    expect(MESSAGES.en.action_case_assigned_by_report).toBeTruthy();
  });
});
