import type { Assessment, RiskHit, RiskLevel } from '../../contract/assessment';
import type { ViolationCategory } from '../../contract/categories';
import { LIMITS, capText } from '../../contract/limits';
import { ALPHABET_SIZE, CompactBuffer, boundaryBefore, extendEnd, foldCompact, foldLight, isSingle } from './normalise';
import { FIELDS, FIELD_MAX, MODE_BOTH, MODE_NONE, type AssessInput, type CompiledPack, type CompiledRule } from './types';

// Local copies of imported bindings: transpiled modules may expose imports through getters,
// which would otherwise be called once per character in the hot loops.
const A = ALPHABET_SIZE;
const boundaryAt = boundaryBefore;
const singleAt = isSingle;
const extend = extendEnd;
const fold = foldCompact;
const NUM_FIELDS = FIELDS.length;
const BUF = new CompactBuffer(FIELD_MAX.description * 3 + 16);
const MAX_MATCHES = 4096;
const MAX_REGEX_MATCHES = 20;
const MAX_HITS_PER_RULE = 5;
const mLit = new Int32Array(MAX_MATCHES);
const mField = new Int32Array(MAX_MATCHES);
const mStart = new Int32Array(MAX_MATCHES);
const mEnd = new Int32Array(MAX_MATCHES);
let mCount = 0;
/** set when a match can produce evidence (primary literal/regex or a price-reference name) */
let mUseful = false;

function accept(pack: CompiledPack, lit: number, s: number, e: number): boolean {
  if (s < 0) return false;
  const mode = pack.litMode[lit]!;
  if (mode !== MODE_NONE) {
    if (!boundaryAt(BUF, s)) return false;
    // "99k có…": a one-letter first word glued to a number is a unit, not a word ("k" = nghìn, not "không")
    if (s > 0 && BUF.sep[s] === 0 && e > s && pack.litBoundaries[pack.litOffset[lit]! + 1] === 1) return false;
    if (mode === MODE_BOTH && !boundaryAt(BUF, e + 1)) return false;
  }
  if (e > s) {
    // word boundaries inside the match must be exactly the phrase's own, except between one-letter words (s.i.ê.u c.ấ.p)
    const pb = pack.litBoundaries;
    const off = pack.litOffset[lit]! - s;
    for (let k = s + 1; k <= e; k++) {
      const tb = boundaryAt(BUF, k);
      if (pb[off + k] === 1) {
        if (!tb) return false;
      } else if (tb && !(singleAt(BUF, k - 1) && singleAt(BUF, k))) return false;
    }
  }
  return true;
}

function record(pack: CompiledPack, lit: number, field: number, start: number, end: number, epoch: number): void {
  const sc = pack.scratch;
  if (lit < pack.litMode.length) {
    sc.stamps[lit * NUM_FIELDS + field] = epoch;
    sc.anyStamps[lit] = epoch;
  }
  if (mCount >= MAX_MATCHES) return;
  if (pack.usesStart[lit] !== pack.usesStart[lit + 1] || pack.priceLit[lit] === 1) mUseful = true;
  mLit[mCount] = lit;
  mField[mCount] = field;
  mStart[mCount] = start;
  mEnd[mCount] = end;
  mCount++;
}

function scanField(pack: CompiledPack, field: number, text: string, epoch: number): void {
  const n = fold(text, BUF, FIELD_MAX[FIELDS[field]!]);
  const { delta, outStart, outList, lengths } = pack.automaton;
  const codes = BUF.codes;
  let st = 0;
  for (let i = 0; i < n; i++) {
    st = delta[st * A + codes[i]!]!;
    const a = outStart[st]!;
    const b = outStart[st + 1]!;
    if (a !== b) {
      for (let k = a; k < b; k++) {
        const lit = outList[k]!;
        const s = i - lengths[lit]! + 1;
        if (accept(pack, lit, s, i)) record(pack, lit, field, BUF.start[s]!, extend(text, BUF.end[i]!), epoch);
      }
    }
  }
  const rxs = pack.regexesByField[field]!;
  if (rxs.length === 0) return;
  const digits = BUF.digits;
  const stamps = pack.scratch.stamps;
  let light: ReturnType<typeof foldLight> | undefined;
  const numLits = pack.litMode.length;
  for (const rx of rxs) {
    if (digits < rx.minDigits) continue;
    if (rx.triggers) {
      let found = false;
      for (const t of rx.triggers) if (stamps[t * NUM_FIELDS + field] === epoch) found = true;
      if (!found) continue;
    }
    light ??= foldLight(text, FIELD_MAX[FIELDS[field]!]);
    const re = rx.re;
    re.lastIndex = 0;
    const id = numLits + pack.regexIndex.get(rx)!;
    for (let count = 0; count < MAX_REGEX_MATCHES; count++) {
      const m = re.exec(light.text);
      if (!m) break;
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const s = light.start[m.index]!;
      const e = extendEnd(text, light.end[m.index + m[0].length - 1]!);
      record(pack, id, field, s, e, epoch);
    }
  }
}

function siteOk(rule: CompiledRule, site: string): boolean {
  if (rule.sitesInclude && !rule.sitesInclude.some((s) => site.includes(s))) return false;
  if (rule.sitesExclude && rule.sitesExclude.some((s) => site.includes(s))) return false;
  return true;
}

function anyFound(pack: CompiledPack, lits: Int32Array, epoch: number): boolean {
  const any = pack.scratch.anyStamps;
  for (let i = 0; i < lits.length; i++) if (any[lits[i]!] === epoch) return true;
  return false;
}

function foundIn(pack: CompiledPack, lits: Int32Array, fields: number[], epoch: number): boolean {
  const st = pack.scratch.stamps;
  for (let i = 0; i < lits.length; i++) for (const f of fields) if (st[lits[i]! * NUM_FIELDS + f] === epoch) return true;
  return false;
}

/** Is one of `lits` within `window` original characters of match m (same field)? */
function near(lits: Set<number>, m: number, window: number): boolean {
  const f = mField[m]!;
  const s = mStart[m]!;
  const e = mEnd[m]!;
  for (let j = 0; j < mCount; j++) {
    if (j === m || mField[j] !== f) continue;
    if (!lits.has(mLit[j]!)) continue;
    const gap = Math.max(mStart[j]!, s) - Math.min(mEnd[j]!, e);
    if (gap <= window) return true;
  }
  return false;
}

function contextOk(pack: CompiledPack, rule: CompiledRule, m: number, epoch: number): boolean {
  if (rule.require.length) {
    const ok = rule.window === undefined ? anyFound(pack, rule.require, epoch) : near(rule.requireSet, m, rule.window);
    if (!ok) return false;
  }
  if (rule.forbid.length) {
    const bad = rule.forbidWindow === undefined ? anyFound(pack, rule.forbid, epoch) : near(rule.forbidSet, m, rule.forbidWindow);
    if (bad) return false;
  }
  return true;
}

interface PendingHit {
  rule: number;
  field: string;
  start?: number;
  end?: number;
  text?: string;
  explanation: { vi: string; en: string };
}

const vndFormat = (v: number): string => Math.round(v).toLocaleString('vi-VN');

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

function levelOf(score: number, pack: CompiledPack): RiskLevel {
  if (score >= pack.thresholds.high) return 'high';
  if (score >= pack.thresholds.medium) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

/** Assess one listing against a compiled pack. Pure apart from reusable scratch buffers; never throws on odd input. */
export function assess(input: AssessInput, pack: CompiledPack): Assessment {
  const sc = pack.scratch;
  if (sc.epoch >= 0x3fffffff) {
    sc.stamps.fill(0);
    sc.anyStamps.fill(0);
    sc.ruleStamps.fill(0);
    sc.epoch = 0;
  }
  const epoch = ++sc.epoch;
  mCount = 0;
  mUseful = false;
  const texts: (string | undefined)[] = [
    str(input.title),
    str(input.description),
    str(input.shopName),
    str(input.brand),
    Array.isArray(input.categoryPath) ? input.categoryPath.filter((c) => typeof c === 'string').join(' / ') : undefined,
  ];
  for (let f = 0; f < NUM_FIELDS; f++) {
    const t = texts[f];
    if (t) scanField(pack, f, t, epoch);
  }
  const base = { packId: pack.packId, packVersion: pack.version };
  if (!mUseful) return { level: 'none', score: 0, categories: [], hits: [], ...base };

  const site = (typeof input.site === 'string' ? input.site : '').toLowerCase();
  const pending: PendingHit[] = [];
  const perRule = new Map<number, PendingHit[]>();
  const add = (h: PendingHit): void => {
    let list = perRule.get(h.rule);
    if (!list) perRule.set(h.rule, (list = []));
    // overlapping evidence of the same rule in the same field: keep the longer span
    const overlap = list.find((o) => o.field === h.field && o.start !== undefined && h.start !== undefined && o.start < h.end! && h.start < o.end!);
    if (overlap) {
      if (h.end! - h.start! > overlap.end! - overlap.start!) {
        overlap.start = h.start;
        overlap.end = h.end;
        overlap.text = h.text;
      }
      return;
    }
    if (list.length >= MAX_HITS_PER_RULE) return;
    list.push(h);
    pending.push(h);
  };

  const descLen = texts[1]?.length ?? 0;
  const { usesStart, usesList } = pack;
  for (let m = 0; m < mCount; m++) {
    const lit = mLit[m]!;
    const u0 = usesStart[lit]!;
    const u1 = usesStart[lit + 1]!;
    if (u0 === u1) continue;
    const field = mField[m]!;
    for (let u = u0; u < u1; u++) {
      const ri = usesList[u]!;
      const rule = pack.rules[ri]!;
      if ((rule.fieldMask & (1 << field)) === 0) continue;
      if ((perRule.get(ri)?.length ?? 0) >= MAX_HITS_PER_RULE) continue;
      if (rule.kind === 'price') continue;
      if (!siteOk(rule, site)) continue;
      if (rule.kind === 'missing_notice') {
        if (!rule.notice || descLen < rule.notice.minDescriptionLength) continue;
        if (anyFound(pack, rule.notice.lits, epoch)) continue;
      }
      if (!contextOk(pack, rule, m, epoch)) continue;
      const text = texts[field]!;
      const s = mStart[m]!;
      const e = mEnd[m]!;
      add({ rule: ri, field: FIELDS[field]!, start: s, end: e, text: capText(text.slice(s, e), LIMITS.shortText), explanation: rule.explanation });
    }
  }

  const price = typeof input.price === 'number' && Number.isFinite(input.price) && input.price > 0 ? input.price : 0;
  if (price > 0 && pack.priceRefs.length) {
    const cur = typeof input.currency === 'string' && input.currency ? input.currency.toUpperCase() : 'VND';
    const factor = cur === 'VND' ? 1 : pack.fx[cur];
    if (factor && !foundIn(pack, pack.priceExclude, [0, 4], epoch)) {
      const vnd = price * factor;
      pack.rules.forEach((rule, ri) => {
        if (rule.kind !== 'price' || !rule.price || !siteOk(rule, site)) return;
        let best: { ratio: number; ref: number; name: string } | undefined;
        const refIdx = rule.price.refs ?? pack.priceRefs.map((_r, i) => i);
        for (const idx of refIdx) {
          const ref = pack.priceRefs[idx];
          if (!ref || !foundIn(pack, ref.names, [0, 3], epoch)) continue;
          if (foundIn(pack, ref.exclude, [0, 4], epoch)) continue;
          let genuine = ref.genuineMin;
          let productMatched = false;
          for (const p of ref.products) {
            if (foundIn(pack, p.lits, [0], epoch)) {
              genuine = productMatched ? Math.min(genuine, p.genuineMin) : p.genuineMin;
              productMatched = true;
            }
          }
          const ratio = vnd / genuine;
          if (ratio < rule.price.maxRatio && (!best || ratio < best.ratio)) best = { ratio, ref: genuine, name: ref.displayName };
        }
        if (best) {
          const values = {
            brand: best.name,
            price: vndFormat(vnd),
            ref: vndFormat(best.ref),
            percent: String(Math.max(1, Math.round(best.ratio * 100))),
          };
          add({
            rule: ri,
            field: 'price',
            text: capText(`${best.name}: ${values.price} ₫ ≈ ${values.percent}% × ${values.ref} ₫`, LIMITS.shortText),
            explanation: { vi: fill(rule.explanation.vi, values), en: fill(rule.explanation.en, values) },
          });
        }
      });
    }
  }

  if (pending.length === 0) return { level: 'none', score: 0, categories: [], hits: [], ...base };
  let score = 0;
  const catScore = new Map<ViolationCategory, number>();
  for (const ri of perRule.keys()) {
    const rule = pack.rules[ri]!;
    score += rule.weight;
    catScore.set(rule.category, (catScore.get(rule.category) ?? 0) + rule.weight);
  }
  score = Math.round(score * 100) / 100;
  const categories = [...catScore.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  pending.sort((a, b) => pack.rules[b.rule]!.weight - pack.rules[a.rule]!.weight || (a.start ?? -1) - (b.start ?? -1));
  const hits: RiskHit[] = pending.slice(0, LIMITS.hits).map((h) => {
    const rule = pack.rules[h.rule]!;
    const hit: RiskHit = { ruleId: rule.id, category: rule.category, field: h.field, explanation: h.explanation, legalRef: rule.legalRef, weight: rule.weight };
    if (h.start !== undefined) {
      hit.start = h.start;
      hit.end = h.end;
    }
    if (h.text !== undefined) hit.text = h.text;
    return hit;
  });
  return { level: levelOf(score, pack), score, categories, hits, ...base };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}
