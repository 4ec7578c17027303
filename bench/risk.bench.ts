/**
 * Risk engine benchmark (plain tsx script): npx tsx bench/risk.bench.ts
 * - listings/s on one core, title + 500-character description, default pack (pattern count printed)
 * - the same for a naive baseline that runs each rule's regex separately (built from the same pack)
 * - compiled pack memory (heap delta; re-runs itself with --expose-gc when needed)
 * - time to assess a 60-card search page
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RulePackSchema } from '../contract/rule-pack';
import { assess, compilePack, DEFAULT_PACK_JSON, type AssessInput, type CompiledPack } from '../utils/risk/index';
import { expandPhrase } from '../utils/risk/expand';
import { foldLight } from '../utils/risk/normalise';
import { loadFixtureTitles } from '../test/risk/eval-lib';

const here = dirname(fileURLToPath(import.meta.url));
const g = globalThis as { gc?: () => void };
if (!g.gc && !process.env.RISK_BENCH_CHILD) {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, RISK_BENCH_CHILD: '1' },
  });
  process.exit(r.status ?? 1);
}

// ---- listings: eval set titles, descriptions padded to exactly 500 characters
const FILL =
  'Sản phẩm được đóng gói cẩn thận, giao hàng toàn quốc, kiểm tra hàng trước khi thanh toán. Chất liệu bền đẹp, phù hợp nhiều dịp sử dụng. Shop hỗ trợ đổi trả trong 7 ngày nếu sản phẩm lỗi do nhà sản xuất. ';
const rows = readFileSync(resolve(here, '../test/fixtures/risk-eval/eval.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as AssessInput);
function pad(r: AssessInput): AssessInput {
  let d = (r.description ?? '') + ' ';
  while (d.length < 500) d += FILL;
  return { ...r, description: d.slice(0, 500) };
}
const listings: AssessInput[] = rows.map(pad);

// ---- memory: heap delta of compiling the default pack
function heap(): number {
  g.gc?.();
  g.gc?.();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}
const before = heap();
const t0 = performance.now();
const loaded = compilePack(DEFAULT_PACK_JSON, { checkExamples: false });
const compileMs = performance.now() - t0;
if (!loaded.ok) throw new Error('default pack refused');
const pack: CompiledPack = loaded.pack;
const memBytes = heap() - before;

// ---- naive baseline: one regex per rule (alternation of its folded phrases), run separately over folded text
const doc = RulePackSchema.parse(DEFAULT_PACK_JSON);
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const foldPlain = (s: string): string => foldLight(s).text;
const baselineRules = doc.rules
  .map((rule) => {
    const alts = new Set<string>();
    for (const p of rule.phrases) for (const v of expandPhrase(p, doc.macros)) alts.add(esc(foldPlain(v)).replace(/\s+/g, '\\s+'));
    const res = rule.regexes.map((r) => new RegExp(r.source, r.flags));
    return { id: rule.id, re: alts.size ? new RegExp(`(?<![a-z0-9])(?:${[...alts].join('|')})(?![a-z0-9])`) : null, res };
  })
  .filter((r) => r.re || r.res.length);
function baselineAssess(input: AssessInput): number {
  let hits = 0;
  for (const text of [input.title, input.description, input.shopName]) {
    if (!text) continue;
    const f = foldPlain(text);
    for (const r of baselineRules) {
      if (r.re && r.re.test(f)) hits++;
      for (const re of r.res) if (re.test(f)) hits++;
    }
  }
  return hits;
}

function rate(fn: (x: AssessInput) => unknown, minMs: number, set: AssessInput[] = listings): number {
  for (let i = 0; i < 2000; i++) fn(set[i % set.length]!); // warm-up
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < minMs) {
    for (let i = 0; i < 500; i++) fn(set[(n + i) % set.length]!);
    n += 500;
    now = performance.now();
  }
  return (n / (now - start)) * 1000;
}

const engineRate = rate((x) => assess(x, pack), 3000);
// Two more streams, same padding: the labelled set's ordinary listings (deliberate near-misses), and real
// marketplace product titles from ../shared/fixtures (what an inspector's search pages mostly show).
const ordinaryRate = rate((x) => assess(x, pack), 2000, listings.filter((l) => !(l as { expected?: string[] }).expected?.length));
const fixturesDir = resolve(here, '../../shared/fixtures');
const realTitles = existsSync(fixturesDir) ? loadFixtureTitles(fixturesDir).map((r) => pad({ site: r.site, title: r.title, price: r.price, currency: r.currency })) : [];
const realRate = realTitles.length ? rate((x) => assess(x, pack), 2000, realTitles) : NaN;
const baselineRate = rate(baselineAssess, 3000);

// ---- 60-card search page: title + price + shop name per card
const cards = listings.slice(0, 60).map((l) => ({ site: l.site, title: l.title, price: l.price, currency: l.currency, shopName: l.shopName }));
for (let i = 0; i < 50; i++) for (const c of cards) assess(c, pack);
const pageTimes: number[] = [];
for (let k = 0; k < 200; k++) {
  const s = performance.now();
  for (const c of cards) assess(c, pack);
  pageTimes.push(performance.now() - s);
}
pageTimes.sort((a, b) => a - b);
const median = pageTimes[Math.floor(pageTimes.length / 2)]!;
const p95 = pageTimes[Math.floor(pageTimes.length * 0.95)]!;
// cold: first page right after a fresh compile
const fresh = compilePack(DEFAULT_PACK_JSON, { checkExamples: false });
let coldMs = NaN;
if (fresh.ok) {
  const s = performance.now();
  for (const c of cards) assess(c, fresh.pack);
  coldMs = performance.now() - s;
}

const avgDesc = listings.reduce((a, l) => a + (l.description?.length ?? 0), 0) / listings.length;
const avgTitle = listings.reduce((a, l) => a + (l.title?.length ?? 0), 0) / listings.length;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const row = (k: string, v: string, target = ''): string => `${k.padEnd(46)} ${v.padStart(16)}   ${target}`;
console.log(`Risk engine benchmark — node ${process.version}, one core, pack ${pack.packId}@${pack.version}`);
console.log(`pack: ${pack.stats.rules} rules, ${pack.stats.sourcePhrases} phrase templates → ${pack.stats.patterns} expanded patterns (${pack.stats.literals} distinct literals), ${pack.stats.regexes} regexes, ${pack.stats.states} automaton states`);
console.log(`listings: ${listings.length} (avg title ${avgTitle.toFixed(0)} chars + description ${avgDesc.toFixed(0)} chars)`);
console.log('-'.repeat(90));
console.log(row('engine, labelled set (53% violating)', `${fmt(engineRate)} /s`, 'target ≥ 200,000/s'));
console.log(row('engine, its ordinary near-miss listings', `${fmt(ordinaryRate)} /s`));
console.log(row(`engine, ${realTitles.length} real marketplace titles`, realTitles.length ? `${fmt(realRate)} /s` : 'n/a (no ../shared)'));
const avgChars = listings.reduce((a, l) => a + (l.title?.length ?? 0) + (l.description?.length ?? 0) + (l.shopName?.length ?? 0) + (l.brand?.length ?? 0), 0) / listings.length;
console.log(row('  engine time per input character', `${(1e9 / (engineRate * avgChars)).toFixed(2)} ns`));
console.log(row(`naive baseline (${baselineRules.length} per-rule regexes)`, `${fmt(baselineRate)} /s`));
console.log(row('speed-up vs baseline', `${(engineRate / baselineRate).toFixed(1)}×`, 'target ≥ 10×'));
console.log(row('compiled pack memory (heap + buffers delta)', `${(memBytes / 1024 / 1024).toFixed(2)} MB`, 'target ≤ 5 MB'));
console.log(row('  of which automaton typed arrays', `${(pack.stats.automatonBytes / 1024 / 1024).toFixed(2)} MB`));
console.log(row('compile time (no example check)', `${compileMs.toFixed(0)} ms`));
console.log(row('60-card search page, median', `${median.toFixed(3)} ms`, 'target ≤ 3 ms'));
console.log(row('60-card search page, p95', `${p95.toFixed(3)} ms`));
console.log(row('60-card page, first call after compile (cold)', `${coldMs.toFixed(3)} ms`));
