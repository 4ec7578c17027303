/**
 * npm run eval -- [file ...] [--no-fixtures] [--misses]
 * Recall per category (flagged at medium/high AND the expected category among `categories`),
 * overall recall and false-alarm rate (ordinary listings flagged) on labelled files
 * (default: test/fixtures/risk-eval/eval.jsonl). Real product titles from ../shared/fixtures are
 * added as ordinary listings when that folder exists (--no-fixtures leaves them out).
 * With several sources, each file's own figures are printed under its name, then the combined
 * figures; --misses lists misses and false alarms with the file they come from.
 * Exit code 1 when the combined figures miss a target.
 *
 * Accepted file format (details in test/risk/eval-lib.ts, loadEvalFile): JSON Lines or a JSON array
 * of listings with title/description/price/currency/site/brand/shopName (common aliases such as
 * name, desc, shop_name, platform are read too; other fields are ignored) and a label taken from the
 * first present of expected | categories | category | labels | label | violations (array or string,
 * empty = ordinary), or, with no category field, a boolean violating | flagged | is_violation
 * (true = violating, any category counts when flagged).
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, formatReport, loadEvalFile, loadFixtureTitles, TARGETS, type EvalRow } from '../test/risk/eval-lib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = args.length ? args.map((f) => resolve(process.cwd(), f)) : [resolve(root, 'test/fixtures/risk-eval/eval.jsonl')];
const fixturesDir = resolve(root, '../shared/fixtures');
const useFixtures = !process.argv.includes('--no-fixtures') && existsSync(fixturesDir);
const showMisses = process.argv.includes('--misses');
const name = (p: string): string => (p === 'fixtures' ? `ordinary titles from ${fixturesDir}` : relative(process.cwd(), p) || p);

const groups: { source: string; rows: EvalRow[] }[] = files.map((f) => ({ source: f, rows: loadEvalFile(f) }));
if (useFixtures) groups.push({ source: 'fixtures', rows: loadFixtureTitles(fixturesDir) });
const rows = groups.flatMap((g) => g.rows);

if (groups.length > 1) {
  for (const g of groups) {
    console.log(`\n== ${name(g.source)}`);
    console.log(formatReport(evaluate(g.rows)));
  }
  console.log(`\n== combined: ${groups.map((g) => name(g.source)).join(' + ')}`);
} else console.log(`files: ${groups.map((g) => name(g.source)).join(', ')}`);

const report = evaluate(rows);
console.log(formatReport(report));
if (showMisses) {
  for (const { source, ...m } of report.misses) console.log('MISS', JSON.stringify({ file: name(source ?? ''), ...m }));
  for (const { source, ...f } of report.falseAlarms) console.log('FALSE', JSON.stringify({ file: name(source ?? ''), ...f }));
}
const ok = report.recall >= TARGETS.recall && report.falseAlarmRate <= TARGETS.falseAlarmRate;
console.log(ok ? 'targets met' : 'TARGETS MISSED');
process.exitCode = ok ? 0 : 1;
