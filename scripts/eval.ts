/**
 * npm run eval -- [file.jsonl ...]
 * Recall per category (flagged at medium/high AND the expected category among `categories`),
 * overall recall and false-alarm rate (ordinary listings flagged) on labelled JSONL files
 * (default: test/fixtures/risk-eval/eval.jsonl). Real product titles from ../shared/fixtures are
 * added as ordinary listings when that folder exists. Exit code 1 when a target is missed.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, formatReport, loadEvalFile, loadFixtureTitles, TARGETS } from '../test/risk/eval-lib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = args.length ? args.map((f) => resolve(process.cwd(), f)) : [resolve(root, 'test/fixtures/risk-eval/eval.jsonl')];
const rows = files.flatMap((f) => loadEvalFile(f));
const fixturesDir = resolve(root, '../shared/fixtures');
const useFixtures = !process.argv.includes('--no-fixtures') && existsSync(fixturesDir);
if (useFixtures) rows.push(...loadFixtureTitles(fixturesDir));
const report = evaluate(rows);
console.log(`files: ${files.join(', ')}${useFixtures ? ` + ordinary titles from ${fixturesDir}` : ''}`);
console.log(formatReport(report));
if (process.argv.includes('--misses')) {
  for (const m of report.misses) console.log('MISS', JSON.stringify(m));
  for (const f of report.falseAlarms) console.log('FALSE', JSON.stringify(f));
}
const ok = report.recall >= TARGETS.recall && report.falseAlarmRate <= TARGETS.falseAlarmRate;
console.log(ok ? 'targets met' : 'TARGETS MISSED');
process.exitCode = ok ? 0 : 1;
