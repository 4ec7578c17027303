import type { Assessment, RiskHit, RiskLevel } from '../../contract/assessment';
import type { ViolationCategory } from '../../contract/categories';
import { LIMITS, capText } from '../../contract/limits';
import { CODE_CLASS as CODE_CLASS_IMPORT, CompactBuffer, boundaryBefore, compactEnd, extendEnd, foldLightShared, foldScan, isSingle, LightBuffer, sepBefore as sepBeforeImport, CODE_BITS as CODE_BITS_IMPORT, SEP_BIT as SEP_BIT_IMPORT, START_SHIFT as START_SHIFT_IMPORT, type LightView } from './normalise';
import { FIELDS as FIELDS_IMPORT, FIELD_INDEX, FIELD_MAX, MODE_BOTH as MODE_BOTH_IMPORT, MODE_NONE as MODE_NONE_IMPORT, type AssessInput, type CompiledPack, type CompiledRule } from './types';

// Local copies of imported bindings: transpiled modules may expose imports through getters,
// which would otherwise be called once per character in the hot loops.
const boundaryAt = boundaryBefore;
const sepBefore = sepBeforeImport;
const singleAt = isSingle;
const extend = extendEnd;
const foldAndScan = foldScan;
const endOf = compactEnd;
const FIELDS = FIELDS_IMPORT;
const MODE_BOTH = MODE_BOTH_IMPORT;
const MODE_NONE = MODE_NONE_IMPORT;
const CODE_CLASS = CODE_CLASS_IMPORT;
// scanField spells these as literals; a change in normalise.ts / types.ts must change it too
if (MODE_NONE !== 2 || SEP_BIT_IMPORT !== 128 || CODE_BITS_IMPORT !== 63 || START_SHIFT_IMPORT !== 8) throw new Error('assess.ts: scanField literals out of date');
/** input bound per field index */
const FIELD_LIMIT = FIELDS.map((f) => FIELD_MAX[f]);
const NUM_FIELDS = FIELDS.length;
const TITLE = FIELD_INDEX.title;
const DESCRIPTION = FIELD_INDEX.description;
const BRAND = FIELD_INDEX.brand;
/** pseudo field index of price hits */
const PRICE_FIELD = NUM_FIELDS;
/**
 * Room for compact chars per original UTF-16 unit: ligatures and unit symbols fold to two or three ("ﬃ" → ffi,
 * "㎏" → kg); a field made only of longer ones stops folding when its buffer is full (safe, never an overflow).
 */
const COMPACT_PER_UNIT = 3;
const COMPACT_SLACK = 16;
/** literal and regex matches kept per assessment (more are ignored; the scan goes on) */
const MAX_MATCHES = 4096;
/** matches taken from one regex in one field */
const MAX_REGEX_MATCHES = 20;
/** hits kept per rule */
const MAX_HITS_PER_RULE = 5;
/** pending hits per assessment */
const MAX_PENDING = 512;
/** stamps are compared with an epoch that counts assessments; before it overflows Int32 every stamp is cleared */
const EPOCH_LIMIT = 0x3fffffff;
/** the score is rounded to this many decimals (weights may be fractional) */
const SCORE_SCALE = 100;
/** specificity of a found product word: its word count weighs more than any phrase length */
const SPECIFICITY_PER_WORD = 1000;
/** distinct explanation templates whose parts are cached */
const TEMPLATE_CACHE_MAX = 1024;

/**
 * Everything one assessment writes while it runs, reused by the next (allocation-free scans). Passed
 * explicitly to every step; `assess` uses one shared instance unless given its own (the engine is
 * single-threaded per worker, and an assessment never yields).
 * Per-pack stamps (literals found, rules needing context) live in the pack's own `scratch`.
 */
export class ScanState {
  /** one compact buffer per field: context literals are resolved after the scan, only for listings with evidence */
  readonly bufs = FIELDS.map((f) => new CompactBuffer(FIELD_MAX[f] * COMPACT_PER_UNIT + COMPACT_SLACK));
  /** per field: indexes (into the field buffer's events) of events with context-only outputs, and their count */
  readonly deferred = this.bufs.map((b) => new Int32Array(b.capacity + 1));
  readonly deferredCount = new Int32Array(NUM_FIELDS);
  /** the light view (separators kept) that regexes run on */
  readonly light = new LightBuffer();

  // matches of this assessment (parallel arrays): literal id (or numLits + regex index), field, [start, end) in the original
  readonly mLit = new Int32Array(MAX_MATCHES);
  readonly mField = new Int32Array(MAX_MATCHES);
  readonly mStart = new Int32Array(MAX_MATCHES);
  readonly mEnd = new Int32Array(MAX_MATCHES);
  mCount = 0;
  /** set when a match can produce evidence (primary literal/regex or a price-reference name) */
  mUseful = false;
  /** set when a price-reference name was found in the title or brand field (price rules need one) */
  mPriceName = false;

  // pending hits, in insertion order (parallel arrays)
  readonly hRule = new Int32Array(MAX_PENDING);
  /** field index, or PRICE_FIELD */
  readonly hField = new Int32Array(MAX_PENDING);
  /** span in the original field, -1 for price hits */
  readonly hStart = new Int32Array(MAX_PENDING);
  readonly hEnd = new Int32Array(MAX_PENDING);
  readonly hText: (string | undefined)[] = [];
  readonly hExplanation: ({ vi: string; en: string } | undefined)[] = [];
  hCount = 0;
  /** field texts of the current assessment */
  readonly texts: (string | undefined)[] = FIELDS.map(() => undefined);
  /** per-rule hit counts of the current assessment, valid where ruleEpoch[ri] === hitEpoch (any pack) */
  ruleCount = new Int32Array(64);
  ruleEpoch = new Int32Array(64);
  hitEpoch = 0;
}

let sharedState: ScanState | undefined;

/**
 * Does the original text between compact chars k - 1 and k end a sentence or a line ("hãng. Dùng")?
 * Punctuation plus a space, or a line break; a lone dot between letters (f.a.k.e) does not.
 */
function sentenceBreak(text: string, buf: CompactBuffer, k: number): boolean {
  const from = endOf(text, buf.packed[k - 1]! >> 8);
  const to = buf.packed[k]! >> 8;
  let stop = false;
  let space = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c === 46 || c === 44 || c === 33 || c === 63 || c === 59 || c === 0x2026) stop = true; // . , ! ? ; …
    else if (c === 32 || c === 9 || c === 0xa0) space = true;
  }
  return stop && space;
}

/**
 * The rest of the literal checks, after matchOutputs' inline pre-test (s ≥ 0, and a word boundary
 * before s when the literal's mode needs one).
 */
function accept(pack: CompiledPack, buf: CompactBuffer, lit: number, s: number, e: number, text: string): boolean {
  const mode = pack.litMode[lit]!;
  if (mode !== MODE_NONE) {
    // "99k có…": a one-letter first word glued to a number is a unit, not a word ("k" = nghìn, not "không")
    if (s > 0 && sepBefore(buf, s) === 0 && e > s && pack.litBoundaries[pack.litOffset[lit]! + 1] === 1) return false;
    if (mode === MODE_BOTH && !boundaryAt(buf, e + 1)) return false;
  }
  if (e > s) {
    // word boundaries inside the match must be exactly the phrase's own, except between one-letter words (s.i.ê.u c.ấ.p)
    const pb = pack.litBoundaries;
    const off = pack.litOffset[lit]! - s;
    for (let k = s + 1; k <= e; k++) {
      const tb = boundaryAt(buf, k);
      if (pb[off + k] === 1) {
        if (!tb) return false;
        // a phrase does not run on across sentences, except between one-letter words (s. i. ê. u)
        if (sepBefore(buf, k) === 1 && sentenceBreak(text, buf, k) && !(singleAt(buf, k - 1) && singleAt(buf, k))) return false;
      } else if (tb && !(singleAt(buf, k - 1) && singleAt(buf, k))) return false;
    }
  }
  return true;
}

function record(st: ScanState, pack: CompiledPack, lit: number, field: number, start: number, end: number, epoch: number): void {
  const sc = pack.scratch;
  if (lit < pack.litMode.length) {
    if (sc.anyStamps[lit] !== epoch) {
      sc.anyStamps[lit] = epoch;
      sc.fieldMasks[lit] = 1 << field;
    } else sc.fieldMasks[lit]! |= 1 << field;
    // regex trigger groups this literal satisfies in this field
    for (let k = pack.triggerStart[lit]!; k < pack.triggerStart[lit + 1]!; k++) sc.triggerStamps[pack.triggerList[k]! * NUM_FIELDS + field] = epoch;
  }
  if (pack.priceLit[lit] === 1 && (field === TITLE || field === BRAND)) {
    // a price-reference brand named in the title or brand field
    st.mPriceName = true;
    for (let k = pack.priceRefStart[lit]!; k < pack.priceRefStart[lit + 1]!; k++) sc.refStamps[pack.priceRefList[k]!] = epoch;
  }
  const m = st.mCount;
  if (m >= MAX_MATCHES) return;
  if (pack.usesStart[lit] !== pack.usesStart[lit + 1] || pack.priceLit[lit] === 1) st.mUseful = true;
  st.mLit[m] = lit;
  st.mField[m] = field;
  st.mStart[m] = start;
  st.mEnd[m] = end;
  st.mCount = m + 1;
}

/**
 * Check and record the literal outputs of the field's scan events. Eager pass (`eager` true): only
 * literals that can be evidence or regex triggers; events that also have context-only outputs are
 * remembered in st.deferred. Context pass: only those context-only outputs of the remembered events, run
 * for listings that have evidence (most listings have none, and skip it).
 */
function matchOutputs(st: ScanState, pack: CompiledPack, field: number, text: string, epoch: number, eager: boolean): void {
  const buf = st.bufs[field]!;
  // locals and literals, not module bindings (see foldScan): this loop runs once per candidate
  const { outIndex, outList, lengths } = pack.automaton;
  const litMode = pack.litMode;
  const evPos = buf.evPos;
  const evState = buf.evState;
  const packed = buf.packed;
  const codeClass = CODE_CLASS;
  const deferred = st.deferred[field]!;
  const need = pack.scratch.needStamps;
  let nd = 0;
  const count = eager ? buf.events : st.deferredCount[field]!;
  for (let d = 0; d < count; d++) {
    const v = eager ? d : deferred[d]!;
    const i = evPos[v]!;
    const state = evState[v]!;
    // eager literals come first in a state's outputs, context literals from the split on
    const split = outIndex[2 * state + 1]!;
    const end = outIndex[2 * state + 2]!;
    const from = eager ? outIndex[2 * state]! : split;
    const to = eager ? split : end;
    if (eager && split !== end) deferred[nd++] = v;
    for (let k = from; k < to; k++) {
      const lit = outList[k]!;
      if (!eager && need[lit] !== epoch) continue; // no rule with evidence asks about it
      const s = i - lengths[lit]! + 1;
      if (s < 0) continue;
      // cheapest rejection first (most candidates are short literals inside a longer word):
      // no separator before s (SEP_BIT 128) and no letter/digit/symbol class change → no word boundary at s
      if (s > 0 && litMode[lit] !== 2 /* MODE_NONE */) {
        const q = packed[s]!;
        if ((q & 128) === 0 && codeClass[packed[s - 1]! & 63] === codeClass[q & 63]) continue;
      }
      if (accept(pack, buf, lit, s, i, text)) record(st, pack, lit, field, packed[s]! >> 8, extend(text, endOf(text, packed[i]! >> 8)), epoch);
    }
  }
  if (eager) st.deferredCount[field] = nd;
}

function stampLits(need: Int32Array, lits: Int32Array, epoch: number): void {
  for (let i = 0; i < lits.length; i++) need[lits[i]!] = epoch;
}

/** Stamp the context literals that assessHits may look up: those of rules with evidence, and the price words. */
function stampNeededContext(st: ScanState, pack: CompiledPack, epoch: number): void {
  const sc = pack.scratch;
  const need = sc.needStamps;
  const { usesStart, usesList, rules } = pack;
  const { mLit, mCount } = st;
  for (let m = 0; m < mCount; m++) {
    const lit = mLit[m]!;
    for (let u = usesStart[lit]!; u < usesStart[lit + 1]!; u++) {
      const ri = usesList[u]!;
      if (sc.ruleStamps[ri] === epoch) continue;
      sc.ruleStamps[ri] = epoch;
      const rule = rules[ri]!;
      stampLits(need, rule.require, epoch);
      stampLits(need, rule.forbid, epoch);
      stampLits(need, rule.exempt, epoch);
      if (rule.notice) stampLits(need, rule.notice.lits, epoch);
    }
  }
  if (st.mPriceName) {
    stampLits(need, pack.priceExclude, epoch);
    for (let r = 0; r < pack.priceRefs.length; r++) {
      if (sc.refStamps[r] !== epoch) continue;
      const ref = pack.priceRefs[r]!;
      stampLits(need, ref.exclude, epoch);
      for (const p of ref.products) stampLits(need, p.lits, epoch);
    }
  }
}

function scanField(st: ScanState, pack: CompiledPack, field: number, text: string, epoch: number): void {
  const buf = st.bufs[field]!;
  const maxLen = FIELD_LIMIT[field]!;
  foldAndScan(text, buf, maxLen, pack.automaton);
  if (buf.events !== 0) matchOutputs(st, pack, field, text, epoch, true);
  else st.deferredCount[field] = 0;
  const rxs = pack.regexesByField[field]!;
  if (rxs.length === 0) return;
  const digits = buf.digits;
  const triggerStamps = pack.scratch.triggerStamps;
  let light: LightView | undefined;
  const numLits = pack.litMode.length;
  for (const rx of rxs) {
    if (digits < rx.minDigits) continue;
    // every trigger group of the regex found in this field
    const slots = rx.slots;
    let gated = false;
    for (let k = 0; k < slots.length; k++) if (triggerStamps[slots[k]! * NUM_FIELDS + field] !== epoch) gated = true;
    if (gated) continue;
    light ??= foldLightShared(text, maxLen, st.light);
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
      const e = extendEnd(text, endOf(text, light.start[m.index + m[0].length - 1]!));
      record(st, pack, id, field, s, e, epoch);
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

/** Was one of `lits` found in one of the fields of `fieldMask` (bit i = FIELDS[i])? */
function foundIn(pack: CompiledPack, lits: Int32Array, fieldMask: number, epoch: number): boolean {
  const { anyStamps, fieldMasks } = pack.scratch;
  for (let i = 0; i < lits.length; i++) {
    const lit = lits[i]!;
    if (anyStamps[lit] === epoch && (fieldMasks[lit]! & fieldMask) !== 0) return true;
  }
  return false;
}

/**
 * How specific the most specific of `lits` found in `field` is: its number of words, then its length
 * ("15 pro max" beats "iphone 15"); 0 if none was found.
 */
function specificityFoundIn(pack: CompiledPack, lits: Int32Array, field: number, epoch: number): number {
  const { anyStamps, fieldMasks } = pack.scratch;
  const { litOffset, litBoundaries } = pack;
  let best = 0;
  for (let i = 0; i < lits.length; i++) {
    const lit = lits[i]!;
    if (anyStamps[lit] !== epoch || (fieldMasks[lit]! & (1 << field)) === 0) continue;
    let words = 1;
    for (let k = litOffset[lit]! + 1; k < litOffset[lit + 1]!; k++) words += litBoundaries[k]!;
    const score = words * SPECIFICITY_PER_WORD + (litOffset[lit + 1]! - litOffset[lit]!);
    if (score > best) best = score;
  }
  return best;
}

/** Is one of `lits` within `window` original characters of match m (same field)? */
function near(st: ScanState, lits: Set<number>, m: number, window: number): boolean {
  const { mField, mStart, mEnd, mLit, mCount } = st;
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

function contextOk(st: ScanState, pack: CompiledPack, rule: CompiledRule, m: number, epoch: number): boolean {
  if (rule.exempt.length !== 0 && anyFound(pack, rule.exempt, epoch)) return false;
  if (rule.require.length) {
    const ok = rule.window === undefined ? anyFound(pack, rule.require, epoch) : near(st, rule.requireSet, m, rule.window);
    if (!ok) return false;
  }
  if (rule.forbid.length) {
    const bad = rule.forbidWindow === undefined ? anyFound(pack, rule.forbid, epoch) : near(st, rule.forbidSet, m, rule.forbidWindow);
    if (bad) return false;
  }
  return true;
}

/** Add a hit; overlapping evidence of the same rule in the same field keeps the longer span. */
function addHit(st: ScanState, rule: number, field: number, start: number, end: number, text: string | undefined, explanation: { vi: string; en: string }): void {
  const { hRule, hField, hStart, hEnd, ruleEpoch, ruleCount } = st;
  const epoch = st.hitEpoch;
  const n = st.hCount;
  if (ruleEpoch[rule] !== epoch) {
    ruleEpoch[rule] = epoch;
    ruleCount[rule] = 0;
  } else if (start >= 0) {
    for (let j = 0; j < n; j++) {
      if (hRule[j] !== rule || hField[j] !== field || hStart[j]! < 0) continue;
      if (hStart[j]! < end && start < hEnd[j]!) {
        if (end - start > hEnd[j]! - hStart[j]!) {
          hStart[j] = start;
          hEnd[j] = end;
        }
        return;
      }
    }
  }
  if (ruleCount[rule]! >= MAX_HITS_PER_RULE || n >= MAX_PENDING) return;
  ruleCount[rule]!++;
  hRule[n] = rule;
  hField[n] = field;
  hStart[n] = start;
  hEnd[n] = end;
  st.hText[n] = text;
  st.hExplanation[n] = explanation;
  st.hCount = n + 1;
}

/** Integer VND with "." thousands separators, as toLocaleString('vi-VN') writes it (which is ~100× slower). */
function vndFormat(v: number): string {
  const r = Math.round(v);
  if (!(r > 0 && r < 1e15)) return r.toLocaleString('vi-VN');
  const d = String(r);
  let out = '';
  for (let i = 0; i < d.length; i++) {
    if (i > 0 && (d.length - i) % 3 === 0) out += '.';
    out += d[i];
  }
  return out;
}

const WORD_CHAR = /\w/;
/** A template split at its {name} placeholders (name = \w+): text, name, text, name, …, text. */
const templateParts = new Map<string, string[]>();
function partsOf(template: string): string[] {
  let parts = templateParts.get(template);
  if (parts) return parts;
  parts = [];
  let from = 0;
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
    let j = open + 1;
    while (j < template.length && WORD_CHAR.test(template[j]!)) j++;
    if (j === open + 1 || template[j] !== '}') continue;
    parts.push(template.slice(from, open), template.slice(open + 1, j));
    from = j + 1;
    open = j;
  }
  parts.push(template.slice(from));
  if (templateParts.size < TEMPLATE_CACHE_MAX) templateParts.set(template, parts);
  return parts;
}
/** Replace {name} placeholders by values[name]; unknown names stay as written. */
function fill(template: string, values: Record<string, string>): string {
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let k = 1; k < parts.length; k += 2) {
    const value = values[parts[k]!];
    out += (value === undefined ? `{${parts[k]}}` : value) + parts[k + 1]!;
  }
  return out;
}

function levelOf(score: number, pack: CompiledPack): RiskLevel {
  if (score >= pack.thresholds.high) return 'high';
  if (score >= pack.thresholds.medium) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

function noHits(pack: CompiledPack): Assessment {
  return { level: 'none', score: 0, categories: [], hits: [], packId: pack.packId, packVersion: pack.version };
}

/** price words void a comparison when they occur in the title or the category path */
const MASK_TITLE_CATEGORY = (1 << TITLE) | (1 << FIELD_INDEX.category);

/** Price rules: a price far below the genuine minimum of a brand named in the title/brand field. */
function priceHits(st: ScanState, pack: CompiledPack, price: number, currency: unknown, site: string, epoch: number): void {
  const cur = typeof currency === 'string' && currency ? currency.toUpperCase() : 'VND';
  const factor = cur === 'VND' ? 1 : pack.fx[cur];
  if (!factor || foundIn(pack, pack.priceExclude, MASK_TITLE_CATEGORY, epoch)) return;
  const vnd = price * factor;
  const rules = pack.rules;
  const refStamps = pack.scratch.refStamps;
  for (let ri = 0; ri < rules.length; ri++) {
    const rule = rules[ri]!;
    if (rule.kind !== 'price' || !rule.price || !siteOk(rule, site)) continue;
    let bestRatio = 0;
    let bestRef = 0;
    let bestName: string | undefined;
    const refs = rule.price.refs;
    const nRefs = refs ? refs.length : pack.priceRefs.length;
    for (let r = 0; r < nRefs; r++) {
      const refIndex = refs ? refs[r]! : r;
      const ref = pack.priceRefs[refIndex];
      // named in the title or brand field (stamped by record)
      if (!ref || refStamps[refIndex] !== epoch) continue;
      if (foundIn(pack, ref.exclude, MASK_TITLE_CATEGORY, epoch)) continue;
      // the most specific product named in the title sets the reference ("iPhone 15 Pro Max" over
      // "iPhone 15": more words, then longer); equally specific ones, the lowest of their prices
      let genuine = ref.genuineMin;
      let specificity = 0;
      for (const p of ref.products) {
        const specific = specificityFoundIn(pack, p.lits, TITLE, epoch);
        if (specific === 0 || specific < specificity) continue;
        genuine = specific > specificity ? p.genuineMin : Math.min(genuine, p.genuineMin);
        specificity = specific;
      }
      const ratio = vnd / genuine;
      if (ratio < rule.price.maxRatio && (bestName === undefined || ratio < bestRatio)) {
        bestRatio = ratio;
        bestRef = genuine;
        bestName = ref.displayName;
      }
    }
    if (bestName !== undefined) {
      const values = {
        brand: bestName,
        price: vndFormat(vnd),
        ref: vndFormat(bestRef),
        percent: String(Math.max(1, Math.round(bestRatio * 100))),
      };
      addHit(
        st,
        ri,
        PRICE_FIELD,
        -1,
        -1,
        capText(`${bestName}: ${values.price} ₫ ≈ ${values.percent}% × ${values.ref} ₫`, LIMITS.shortText),
        { vi: fill(rule.explanation.vi, values), en: fill(rule.explanation.en, values) },
      );
    }
  }
}

/** Assess one listing against a compiled pack. Pure apart from reusable scratch buffers; never throws on odd input. */
export function assess(input: AssessInput, pack: CompiledPack, st: ScanState = (sharedState ??= new ScanState())): Assessment {
  const sc = pack.scratch;
  if (sc.epoch >= EPOCH_LIMIT) {

    sc.anyStamps.fill(0);
    sc.ruleStamps.fill(0);
    sc.refStamps.fill(0);
    sc.needStamps.fill(0);
    sc.triggerStamps.fill(0);
    sc.epoch = 0;
  }
  const epoch = ++sc.epoch;
  st.mCount = 0;
  st.mUseful = false;
  st.mPriceName = false;
  const texts = st.texts;
  texts[TITLE] = str(input.title);
  texts[DESCRIPTION] = str(input.description);
  texts[FIELD_INDEX.shopName] = str(input.shopName);
  texts[BRAND] = str(input.brand);
  texts[FIELD_INDEX.category] = Array.isArray(input.categoryPath) ? input.categoryPath.filter((c) => typeof c === 'string').join(' / ') : undefined;
  for (let f = 0; f < NUM_FIELDS; f++) {
    const t = texts[f];
    if (t) scanField(st, pack, f, t, epoch);
  }
  if (!st.mUseful) return noHits(pack);
  // evidence found: now the context literals (require/forbid words, notices, price words) that the
  // rules with evidence and the price check can ask about
  stampNeededContext(st, pack, epoch);
  for (let f = 0; f < NUM_FIELDS; f++) {
    const t = texts[f];
    if (t && st.deferredCount[f] !== 0) matchOutputs(st, pack, f, t, epoch, false);
  }
  return assessHits(st, input, pack, epoch);
}

/** The rest of assess, for listings where a literal or regex that can produce evidence matched. */
function assessHits(st: ScanState, input: AssessInput, pack: CompiledPack, epoch: number): Assessment {
  const site = (typeof input.site === 'string' ? input.site : '').toLowerCase();
  const rules = pack.rules;
  if (st.ruleEpoch.length < rules.length) {
    st.ruleEpoch = new Int32Array(rules.length * 2);
    st.ruleCount = new Int32Array(rules.length * 2);
    st.hitEpoch = 0;
  }
  if (st.hitEpoch >= EPOCH_LIMIT) {
    st.ruleEpoch.fill(0);
    st.hitEpoch = 0;
  }
  const he = ++st.hitEpoch;
  st.hCount = 0;

  const descLen = st.texts[DESCRIPTION]?.length ?? 0;
  const { usesStart, usesList } = pack;
  const { mLit, mField, mStart, mEnd, mCount, ruleEpoch, ruleCount } = st;
  for (let m = 0; m < mCount; m++) {
    const lit = mLit[m]!;
    const u0 = usesStart[lit]!;
    const u1 = usesStart[lit + 1]!;
    if (u0 === u1) continue;
    const field = mField[m]!;
    for (let u = u0; u < u1; u++) {
      const ri = usesList[u]!;
      const rule = rules[ri]!;
      if ((rule.fieldMask & (1 << field)) === 0) continue;
      if (ruleEpoch[ri] === he && ruleCount[ri]! >= MAX_HITS_PER_RULE) continue;
      if (rule.kind === 'price') continue;
      if (!siteOk(rule, site)) continue;
      if (rule.kind === 'missing_notice') {
        if (!rule.notice || descLen < rule.notice.minDescriptionLength) continue;
        if (anyFound(pack, rule.notice.lits, epoch)) continue;
      }
      if (!contextOk(st, pack, rule, m, epoch)) continue;
      addHit(st, ri, field, mStart[m]!, mEnd[m]!, undefined, rule.explanation);
    }
  }

  const price = typeof input.price === 'number' && Number.isFinite(input.price) && input.price > 0 ? input.price : 0;
  if (price > 0 && st.mPriceName && pack.priceRefs.length) priceHits(st, pack, price, input.currency, site, epoch);

  if (st.hCount === 0) return noHits(pack);
  // score: sum of the weights of the rules that fired, in the order they first fired
  let score = 0;
  // categories with their summed weights, in first-fired order (a handful: arrays, not a Map)
  const categories: ViolationCategory[] = [];
  const catWeights: number[] = [];
  const order: number[] = [];
  const { hRule, hStart, hEnd, hCount } = st;
  for (let j = 0; j < hCount; j++) {
    order.push(j);
    const ri = hRule[j]!;
    if (ruleCount[ri]! < 0) continue;
    ruleCount[ri] = -1; // counted (addHit is done)
    const rule = rules[ri]!;
    score += rule.weight;
    const c = categories.indexOf(rule.category);
    if (c < 0) {
      categories.push(rule.category);
      catWeights.push(rule.weight);
    } else catWeights[c]! += rule.weight;
  }
  score = Math.round(score * SCORE_SCALE) / SCORE_SCALE;
  // strongest category first; equal weights keep first-fired order (stable insertion sort)
  for (let a = 1; a < categories.length; a++) {
    const cat = categories[a]!;
    const w = catWeights[a]!;
    let b = a - 1;
    for (; b >= 0 && catWeights[b]! < w; b--) {
      categories[b + 1] = categories[b]!;
      catWeights[b + 1] = catWeights[b]!;
    }
    categories[b + 1] = cat;
    catWeights[b + 1] = w;
  }
  // hits: heaviest rule first, then by position, then by insertion (a total order)
  const before = (a: number, b: number): boolean => {
    const dw = rules[hRule[b]!]!.weight - rules[hRule[a]!]!.weight;
    if (dw !== 0) return dw < 0;
    const ds = hStart[a]! - hStart[b]!;
    return ds !== 0 ? ds < 0 : a < b;
  };
  for (let a = 1; a < order.length; a++) {
    const j = order[a]!;
    let b = a - 1;
    for (; b >= 0 && before(j, order[b]!); b--) order[b + 1] = order[b]!;
    order[b + 1] = j;
  }
  const { hField, hText, hExplanation, texts } = st;
  const nOut = Math.min(order.length, LIMITS.hits);
  const hits: RiskHit[] = [];
  for (let k = 0; k < nOut; k++) {
    const j = order[k]!;
    const rule = rules[hRule[j]!]!;
    const field = hField[j]!;
    const hit: RiskHit = {
      ruleId: rule.id,
      category: rule.category,
      field: field === PRICE_FIELD ? 'price' : FIELDS[field]!,
      explanation: hExplanation[j]!,
      legalRef: rule.legalRef,
      weight: rule.weight,
    };
    if (hStart[j]! >= 0) {
      hit.start = hStart[j]!;
      hit.end = hEnd[j]!;
      hit.text = capText(texts[field]!.slice(hStart[j]!, hEnd[j]!), LIMITS.shortText);
    } else if (hText[j] !== undefined) hit.text = hText[j];
    hits.push(hit);
  }
  for (let j = 0; j < hCount; j++) {
    hText[j] = undefined;
    hExplanation[j] = undefined;
  }
  return { level: levelOf(score, pack), score, categories, hits, packId: pack.packId, packVersion: pack.version };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}
