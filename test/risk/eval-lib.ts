/** Shared by scripts/eval.ts and test/risk/eval.test.ts: load labelled JSONL, run the engine, score it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VIOLATION_CATEGORY_IDS, type ViolationCategory } from '../../contract/categories';
import { assess, getDefaultPack, type AssessInput, type CompiledPack } from '../../utils/risk/index';

export const TARGETS = { recall: 0.9, falseAlarmRate: 0.03 } as const;

export interface EvalRow extends AssessInput {
  id: string;
  /** expected categories; empty = an ordinary listing (unless `anyCategory`) */
  expected: ViolationCategory[];
  /** labelled violating without a category (boolean label): recalled when flagged at all */
  anyCategory?: boolean;
  source?: string;
}

/** Label used in reports for rows labelled violating without a category. */
export const ANY_CATEGORY = '(any category)';

/**
 * Accepted labelled-file format (JSON Lines, one listing per line; a `.json` file holding an array
 * of the same objects is accepted too; blank lines and lines starting with `//` or `#` are skipped):
 *
 *   listing fields   title | name | product_name, description | desc | content | body,
 *                    price (number, or a string such as "1.290.000đ", "1,2 triệu", "150k"),
 *                    currency (default VND), site | platform | marketplace, brand,
 *                    shopName | shop_name | shop | seller (string or {name}), categoryPath | category_path
 *   label            the first present of `expected`, `categories`, `category`, `labels`, `label`,
 *                    `violations`: an array of category ids or one string (several may be separated by
 *                    "," ";" "|"). An empty array/string, null, or none/ordinary/ok/normal/clean/benign/
 *                    legit/false/0 means an ordinary listing. Ids are matched case-insensitively with
 *                    "-" or " " read as "_", and a few aliases (fake → counterfeit, ip → ip_infringement,
 *                    prescription → restricted_medicine, offplatform → off_platform, …).
 *   boolean label    when no category field is present: `violating` | `flagged` | `is_violation` |
 *                    `violation` | `is_violating` (true/false, 1/0, "yes"/"no"). true = violating with
 *                    no category: recalled when the listing is flagged (medium/high) whatever the category.
 *   id               `id` (default "<file>:<line>"). Every other field is ignored.
 * A row with no label at all, or an unknown category id, is an error naming file and line.
 */
const LABEL_KEYS = ['expected', 'categories', 'category', 'labels', 'label', 'violations'] as const;
const BOOL_KEYS = ['violating', 'flagged', 'is_violation', 'violation', 'is_violating'] as const;
const ORDINARY_WORDS = new Set(['', 'none', 'ordinary', 'ok', 'normal', 'clean', 'benign', 'legit', 'legitimate', 'false', '0', 'no', 'negative', 'not_violating']);
const CATEGORY_ALIASES: Record<string, ViolationCategory> = {
  fake: 'counterfeit',
  counterfeits: 'counterfeit',
  counterfeit_goods: 'counterfeit',
  hang_gia: 'counterfeit',
  ip: 'ip_infringement',
  intellectual_property: 'ip_infringement',
  ipr: 'ip_infringement',
  piracy: 'ip_infringement',
  copyright: 'ip_infringement',
  trademark: 'ip_infringement',
  smuggling: 'smuggled',
  smuggle: 'smuggled',
  hang_lau: 'smuggled',
  label: 'missing_vn_label',
  missing_label: 'missing_vn_label',
  no_vn_label: 'missing_vn_label',
  missing_vietnamese_label: 'missing_vn_label',
  vn_label: 'missing_vn_label',
  banned: 'banned_goods',
  prohibited: 'banned_goods',
  prohibited_goods: 'banned_goods',
  hang_cam: 'banned_goods',
  medicine: 'restricted_medicine',
  prescription: 'restricted_medicine',
  prescription_drug: 'restricted_medicine',
  prescription_drugs: 'restricted_medicine',
  drug: 'restricted_medicine',
  drugs: 'restricted_medicine',
  false_ad: 'false_advertising',
  false_ads: 'false_advertising',
  misleading_advertising: 'false_advertising',
  advertising: 'false_advertising',
  seller_info: 'seller_info_missing',
  missing_seller_info: 'seller_info_missing',
  seller: 'seller_info_missing',
  offplatform: 'off_platform',
  off_platform_transaction: 'off_platform',
  hidden_price: 'off_platform',
};
const KNOWN = new Set<string>(VIOLATION_CATEGORY_IDS);

function toCategory(raw: string, where: string): ViolationCategory | null {
  const k = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (ORDINARY_WORDS.has(k)) return null;
  if (KNOWN.has(k)) return k as ViolationCategory;
  const alias = CATEGORY_ALIASES[k];
  if (alias) return alias;
  throw new Error(`${where}: unknown category "${raw}" (expected one of ${VIOLATION_CATEGORY_IDS.join(', ')})`);
}

function parseLabel(v: unknown, where: string): ViolationCategory[] {
  if (v === null || v === undefined || v === false || v === 0) return [];
  const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,;|]/) : [v];
  const out: ViolationCategory[] = [];
  for (const it of items) {
    if (it === null || it === undefined || it === false || it === 0) continue;
    if (typeof it !== 'string') throw new Error(`${where}: category labels must be strings, got ${JSON.stringify(it)}`);
    const c = toCategory(it, where);
    if (c && !out.includes(c)) out.push(c);
  }
  return out;
}

function parseBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const k = v.trim().toLowerCase();
    if (['true', 'yes', 'y', '1', 'violating', 'x'].includes(k)) return true;
    if (['false', 'no', 'n', '0', '', 'ordinary'].includes(k)) return false;
  }
  return undefined;
}

/** "1.290.000đ" → 1290000, "1,2 triệu" / "1.2tr" → 1200000, "150k" → 150000; numbers pass through. */
export function parsePrice(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim().toLowerCase();
  const unit = /^\d+(?:[.,]\d+)?\s*(?:tri[eệ]u|tr)(?![a-zà-ỹ])/.test(t) ? 1_000_000 : /^\d+(?:[.,]\d+)?\s*(?:k|nghìn|ngàn)(?![a-zà-ỹ])/.test(t) ? 1_000 : 1;
  if (unit !== 1) {
    const m = /(\d+(?:[.,]\d+)?)/.exec(t);
    return m ? Math.round(parseFloat(m[1]!.replace(',', '.')) * unit) : undefined;
  }
  const digits = t.replace(/[.,\s](?=\d{3}\b)/g, '').replace(/[^\d.]/g, '');
  const n = parseFloat(digits);
  return Number.isFinite(n) ? n : undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const firstStr = (o: Record<string, unknown>, keys: string[]): string | undefined => {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name;
  }
  return undefined;
};

/** One labelled object → EvalRow (see the format above). */
export function toEvalRow(o: Record<string, unknown>, where: string, source?: string): EvalRow {
  const labelKey = LABEL_KEYS.find((k) => k in o && o[k] !== undefined);
  let expected: ViolationCategory[] = [];
  let anyCategory = false;
  if (labelKey) expected = parseLabel(o[labelKey], where);
  if (!labelKey || (expected.length === 0 && o[labelKey] === true)) {
    const boolKey = BOOL_KEYS.find((k) => k in o && o[k] !== undefined);
    const b = boolKey ? parseBool(o[boolKey]) : labelKey && o[labelKey] === true ? true : undefined;
    if (b === undefined && !labelKey) throw new Error(`${where}: no label (one of ${[...LABEL_KEYS, ...BOOL_KEYS].join(', ')})`);
    anyCategory = b === true;
  }
  const categoryPath = o.categoryPath ?? o.category_path;
  const row: EvalRow = {
    id: String(o.id ?? where),
    title: firstStr(o, ['title', 'name', 'product_name', 'productName']),
    description: firstStr(o, ['description', 'desc', 'content', 'body']),
    price: parsePrice(o.price),
    currency: str(o.currency),
    site: firstStr(o, ['site', 'platform', 'marketplace']),
    brand: firstStr(o, ['brand']),
    shopName: firstStr(o, ['shopName', 'shop_name', 'shop', 'seller', 'sellerName', 'seller_name']),
    categoryPath: Array.isArray(categoryPath) ? categoryPath.filter((c): c is string => typeof c === 'string') : typeof categoryPath === 'string' ? [categoryPath] : undefined,
    expected,
    source,
  };
  if (anyCategory) row.anyCategory = true;
  return row;
}

/** Load a labelled JSONL (or JSON array) file; see the accepted format above. */
export function loadEvalFile(path: string): EvalRow[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    const arr = JSON.parse(trimmed) as unknown;
    if (!Array.isArray(arr)) throw new Error(`${path}: expected a JSON array`);
    return arr.map((o, i) => toEvalRow(o as Record<string, unknown>, `${path}:#${i + 1}`, path));
  }
  const rows: EvalRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('//') || t.startsWith('#')) return;
    let o: unknown;
    try {
      o = JSON.parse(t);
    } catch (e) {
      throw new Error(`${path}:${i + 1}: not JSON (${(e as Error).message})`, { cause: e });
    }
    if (!o || typeof o !== 'object' || Array.isArray(o)) throw new Error(`${path}:${i + 1}: expected a JSON object`);
    rows.push(toEvalRow(o as Record<string, unknown>, `${path}:${i + 1}`, path));
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
  falseAlarms: { id: string; title?: string; categories: string[]; rules: string[]; source?: string }[];
  falseAlarmRate: number;
  misses: { id: string; expected: string[]; got: string[]; level: string; title?: string; source?: string }[];
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
    if (row.anyCategory && row.expected.length === 0) {
      const pc = (perCategory[ANY_CATEGORY] ??= { total: 0, hit: 0, recall: 0 });
      pc.total++;
      violating++;
      if (flagged) {
        pc.hit++;
        recalled++;
      } else misses.push({ id: row.id, expected: [ANY_CATEGORY], got: a.categories, level: a.level, title: row.title, source: row.source });
      continue;
    }
    if (row.expected.length === 0) {
      ordinary++;
      if (flagged) falseAlarms.push({ id: row.id, title: row.title, categories: a.categories, rules: a.hits.map((h) => h.ruleId), source: row.source });
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
    if (!allOk) misses.push({ id: row.id, expected: row.expected, got: a.categories, level: a.level, title: row.title, source: row.source });
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
