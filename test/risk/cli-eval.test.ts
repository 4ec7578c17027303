import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANY_CATEGORY, evaluate, loadEvalFile, parsePrice, TARGETS } from './eval-lib';

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
  it.each(['post-change-check.jsonl', 'lead-check.jsonl', 'fresh-check.jsonl', 'fresh-check-2.jsonl', 'fresh-check-3.jsonl', 'fresh-check-4.jsonl', 'fresh-check-5.jsonl'])('later check set %s (written by others than the rule authors) meets the targets', (file) => {
    const report = evaluate(loadEvalFile(resolve(root, 'test/fixtures/risk-eval', file)));
    expect(report.recall).toBeGreaterThanOrEqual(TARGETS.recall);
    expect(report.falseAlarmRate).toBeLessThanOrEqual(TARGETS.falseAlarmRate);
  });
  it('independent hand-written set (≥ 250 violating, ≥ 20 per category, ≥ 250 ordinary near-misses) meets the targets per category', () => {
    const rows = loadEvalFile(resolve(root, 'test/fixtures/risk-eval/independent.jsonl'));
    const violating = rows.filter((r) => r.expected.length > 0);
    expect(violating.length).toBeGreaterThanOrEqual(250);
    expect(rows.length - violating.length).toBeGreaterThanOrEqual(250);
    const report = evaluate(rows);
    expect(report.recall).toBeGreaterThanOrEqual(TARGETS.recall);
    expect(report.falseAlarmRate).toBeLessThanOrEqual(TARGETS.falseAlarmRate);
    for (const [c, v] of Object.entries(report.perCategory)) {
      if (c === 'other') continue;
      expect(v.total, c).toBeGreaterThanOrEqual(20);
      expect(v.recall, c).toBeGreaterThanOrEqual(TARGETS.recall);
    }
  });
});

describe('labelled file format', () => {
  const write = (name: string, text: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'risk-eval-'));
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  it('reads the label from any of the accepted keys, as array or string, and ignores unknown fields', () => {
    const file = write(
      'mixed.jsonl',
      [
        JSON.stringify({ id: 'a', title: 'Giày Nike rep 1:1', expected: ['counterfeit'] }),
        JSON.stringify({ id: 'b', title: 'Vape pod', categories: 'banned_goods', annotator: 'x', score: 3 }),
        JSON.stringify({ id: 'c', title: 'x', category: 'Off-Platform' }),
        JSON.stringify({ id: 'd', title: 'x', labels: 'counterfeit, off_platform' }),
        JSON.stringify({ id: 'e', title: 'x', label: 'none' }),
        JSON.stringify({ id: 'f', title: 'x', violations: [] }),
        JSON.stringify({ id: 'g', title: 'x', violations: ['fake', 'prescription'] }),
        '',
        '// a comment line',
        JSON.stringify({ id: 'h', name: 'Áo thun', desc: 'mô tả', shop_name: 'Shop A', platform: 'shopee.vn', price: '1.290.000đ', label: null }),
      ].join('\n'),
    );
    const rows = loadEvalFile(file);
    expect(rows.map((r) => [r.id, r.expected])).toEqual([
      ['a', ['counterfeit']],
      ['b', ['banned_goods']],
      ['c', ['off_platform']],
      ['d', ['counterfeit', 'off_platform']],
      ['e', []],
      ['f', []],
      ['g', ['counterfeit', 'restricted_medicine']],
      ['h', []],
    ]);
    expect(rows[7]).toMatchObject({ title: 'Áo thun', description: 'mô tả', shopName: 'Shop A', site: 'shopee.vn', price: 1290000 });
    expect(rows[1]).not.toHaveProperty('annotator');
  });
  it('treats a boolean label without a category as "any category counts"', () => {
    const file = write(
      'bool.jsonl',
      [
        JSON.stringify({ id: 'v', title: 'Pod Vozol 10000 hơi', violating: true }),
        JSON.stringify({ id: 'w', title: 'Bút bi Thiên Long', is_violation: false }),
        JSON.stringify({ id: 'x', title: 'Bút bi Thiên Long', flagged: 'yes' }),
      ].join('\n'),
    );
    const rows = loadEvalFile(file);
    expect(rows.map((r) => [r.id, r.expected, r.anyCategory ?? false])).toEqual([
      ['v', [], true],
      ['w', [], false],
      ['x', [], true],
    ]);
    const report = evaluate(rows);
    expect(report.violating).toBe(2);
    expect(report.recalled).toBe(1);
    expect(report.ordinary).toBe(1);
    expect(report.perCategory[ANY_CATEGORY]).toMatchObject({ total: 2, hit: 1 });
  });
  it('accepts a JSON array file and reports unlabelled rows and unknown categories with their line', () => {
    expect(loadEvalFile(write('arr.json', JSON.stringify([{ id: 'j', title: 't', expected: ['smuggled'] }])))[0]!.expected).toEqual(['smuggled']);
    expect(() => loadEvalFile(write('nolabel.jsonl', JSON.stringify({ id: 'n', title: 't' })))).toThrow(/nolabel\.jsonl:1: no label/);
    expect(() => loadEvalFile(write('bad.jsonl', '\n' + JSON.stringify({ id: 'u', title: 't', category: 'weird' })))).toThrow(/bad\.jsonl:2: unknown category "weird"/);
  });
  it('parses prices written as text', () => {
    expect(parsePrice('1,2 triệu')).toBe(1_200_000);
    expect(parsePrice('150k')).toBe(150_000);
    expect(parsePrice(99000)).toBe(99000);
  });
});

describe('eval CLI', () => {
  it('prints each file\'s figures under its name when several files are passed', () => {
    const r = spawnSync('npx', ['tsx', 'scripts/eval.ts', 'test/fixtures/risk-eval/holdout.jsonl', 'test/fixtures/risk-eval/independent.jsonl', '--no-fixtures'], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toContain('== test/fixtures/risk-eval/holdout.jsonl');
    expect(r.stdout).toContain('== test/fixtures/risk-eval/independent.jsonl');
    expect(r.stdout).toMatch(/== combined: .*holdout\.jsonl \+ .*independent\.jsonl/);
    expect(r.status).toBe(0);
  }, 30_000);
});
