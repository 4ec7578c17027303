import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, loadEvalFile, TARGETS } from './eval-lib';

const root = resolve(__dirname, '../..');

describe('assess CLI', () => {
  it('writes one line per input, an error line for a malformed one, goes on and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'risk-cli-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'v1', site: 'shopee.vn', title: 'Vape pod Caliburn', description: '', price: 300000, currency: 'VND' }),
        '{"id":"broken", "title": ',
        JSON.stringify({ id: 'ok1', site: 'shopee.vn', title: 'Bút bi Thiên Long', price: 5000, currency: 'VND' }),
      ].join('\n'),
    );
    const r = spawnSync('npx', ['tsx', 'scripts/assess.ts', file], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'v1', level: 'high', categories: ['banned_goods'] });
    expect(lines[1]).toMatchObject({ id: 'line:2' });
    expect(lines[1]!.error).toBeTruthy();
    expect(lines[2]).toMatchObject({ id: 'ok1', level: 'none', hits: [] });
  }, 30_000);
});

describe('evaluation set', () => {
  const rows = loadEvalFile(resolve(root, 'test/fixtures/risk-eval/eval.jsonl'));
  it('has ≥ 300 violating listings across every category and ≥ 300 ordinary ones', () => {
    const violating = rows.filter((r) => r.expected.length > 0);
    expect(violating.length).toBeGreaterThanOrEqual(300);
    expect(rows.length - violating.length).toBeGreaterThanOrEqual(300);
    const cats = new Set(violating.flatMap((r) => r.expected));
    for (const c of ['counterfeit', 'ip_infringement', 'smuggled', 'missing_vn_label', 'banned_goods', 'restricted_medicine', 'false_advertising', 'seller_info_missing', 'off_platform'])
      expect(cats).toContain(c);
  });
  it('meets the targets: recall ≥ 90% with the right category, ≤ 3% ordinary flagged', () => {
    const report = evaluate(rows);
    expect(report.recall).toBeGreaterThanOrEqual(TARGETS.recall);
    expect(report.falseAlarmRate).toBeLessThanOrEqual(TARGETS.falseAlarmRate);
    for (const [c, v] of Object.entries(report.perCategory)) if (v.total) expect(v.recall, c).toBeGreaterThanOrEqual(0.85);
  });
  it('held-out set written after the rules were frozen meets the same targets', () => {
    const report = evaluate(loadEvalFile(resolve(root, 'test/fixtures/risk-eval/holdout.jsonl')));
    expect(report.recall).toBeGreaterThanOrEqual(TARGETS.recall);
    expect(report.falseAlarmRate).toBeLessThanOrEqual(TARGETS.falseAlarmRate);
  });
});
