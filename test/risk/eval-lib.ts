/** Shared by scripts/eval.ts and test/risk/eval.test.ts: load labelled JSONL, run the engine, score it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VIOLATION_CATEGORY_IDS, type ViolationCategory } from '../../contract/categories';
import { assess, getDefaultPack, type AssessInput, type CompiledPack } from '../../utils/risk/index';

export const TARGETS = { recall: 0.9, falseAlarmRate: 0.03 } as const;

export interface EvalRow extends AssessInput {
  id: string;
  expected: ViolationCategory[];
  source?: string;
}

export function loadEvalFile(path: string): EvalRow[] {
  const rows: EvalRow[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const o = JSON.parse(line) as Record<string, unknown>;
      if (!Array.isArray(o.expected)) throw new Error(`${path}:${i + 1}: "expected" must be an array`);
      rows.push({ ...(o as unknown as EvalRow), id: String(o.id ?? `${path}:${i + 1}`), source: path });
    });
  return rows;
}

/** Real product titles/names in ../shared/fixtures (JSON and HTML), as ordinary listings. */
export function loadFixtureTitles(dir: string): EvalRow[] {
  const titles = new Set<string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json')) {
        try {
          collectJson(JSON.parse(readFileSync(p, 'utf8')), titles);
        } catch {
          /* not JSON */
        }
      } else if (name.endsWith('.html')) collectHtml(readFileSync(p, 'utf8'), titles);
    }
  };
  walk(dir);
  return [...titles].map((t, i) => ({ id: `fixture-${i}`, title: t, expected: [], source: 'fixtures' }));
}

const PRODUCTISH = /price|sold|item_?id|itemid|shopid|product_id|brand|rating|sku/i;
function collectJson(v: unknown, out: Set<string>): void {
  if (Array.isArray(v)) {
    for (const x of v) collectJson(x, out);
    return;
  }
  if (!v || typeof v !== 'object') return;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.some((k) => PRODUCTISH.test(k))) {
    for (const k of ['name', 'title', 'subject', 'product_name', 'item_name']) {
      const s = o[k];
      if (typeof s === 'string' && s.length >= 8 && s.length <= 300 && /\s/.test(s)) out.add(s.trim());
    }
  }
  for (const k of keys) collectJson(o[k], out);
}

function collectHtml(html: string, out: Set<string>): void {
  for (const m of html.matchAll(/<meta[^>]+property=["']og:title["'][^>]+content=["']([^"']{8,300})["']/gi)) out.add(decode(m[1]!));
  for (const m of html.matchAll(/<script[^>]*type=["']application\/ld\+json["'][^>]*>([\s\S]*?)<\/script>/gi)) {
    try {
      collectJson(JSON.parse(m[1]!), out);
    } catch {
      /* ignore */
    }
  }
}
const decode = (s: string): string => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();

export interface EvalReport {
  perCategory: Record<string, { total: number; hit: number; recall: number }>;
  violating: number;
  recalled: number;
  recall: number;
  ordinary: number;
  falseAlarms: { id: string; title?: string; categories: string[]; rules: string[] }[];
  falseAlarmRate: number;
  misses: { id: string; expected: string[]; got: string[]; level: string; title?: string }[];
}

export function evaluate(rows: EvalRow[], pack: CompiledPack = getDefaultPack()): EvalReport {
  const perCategory: EvalReport['perCategory'] = {};
  for (const c of VIOLATION_CATEGORY_IDS) if (c !== 'other') perCategory[c] = { total: 0, hit: 0, recall: 0 };
  let violating = 0;
  let recalled = 0;
  let ordinary = 0;
  const falseAlarms: EvalReport['falseAlarms'] = [];
  const misses: EvalReport['misses'] = [];
  for (const row of rows) {
    const a = assess(row, pack);
    const flagged = a.level === 'medium' || a.level === 'high';
    if (row.expected.length === 0) {
      ordinary++;
      if (flagged) falseAlarms.push({ id: row.id, title: row.title, categories: a.categories, rules: a.hits.map((h) => h.ruleId) });
      continue;
    }
    let allOk = true;
    for (const c of row.expected) {
      const pc = (perCategory[c] ??= { total: 0, hit: 0, recall: 0 });
      pc.total++;
      violating++;
      if (flagged && a.categories.includes(c)) {
        pc.hit++;
        recalled++;
      } else allOk = false;
    }
    if (!allOk) misses.push({ id: row.id, expected: row.expected, got: a.categories, level: a.level, title: row.title });
  }
  for (const pc of Object.values(perCategory)) pc.recall = pc.total ? pc.hit / pc.total : 1;
  return {
    perCategory,
    violating,
    recalled,
    recall: violating ? recalled / violating : 1,
    ordinary,
    falseAlarms,
    falseAlarmRate: ordinary ? falseAlarms.length / ordinary : 0,
    misses,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
export function formatReport(r: EvalReport): string {
  const lines = ['category              recall   (hit/total)'];
  for (const [c, v] of Object.entries(r.perCategory)) lines.push(`${c.padEnd(21)} ${pct(v.recall).padStart(6)}   (${v.hit}/${v.total})`);
  lines.push(`${'OVERALL recall'.padEnd(21)} ${pct(r.recall).padStart(6)}   (${r.recalled}/${r.violating})   target ≥ ${pct(TARGETS.recall)}`);
  lines.push(`${'false-alarm rate'.padEnd(21)} ${pct(r.falseAlarmRate).padStart(6)}   (${r.falseAlarms.length}/${r.ordinary} ordinary flagged)   target ≤ ${pct(TARGETS.falseAlarmRate)}`);
  return lines.join('\n');
}
