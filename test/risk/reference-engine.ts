/**
 * A deliberately naive reference implementation of `assess`, for the differential test
 * (test/risk/differential.test.ts). It shares only the normaliser with the engine (the fold into compact
 * characters and the light view regexes run on) and phrase expansion; everything else is written the
 * plain way: every phrase of every rule is looked up with indexOf over the folded text of every field,
 * regexes run on every field they may (gated by their trigger phrases), and the rules' conditions,
 * windows, price comparison and scoring are applied as the contract documents them. No automaton, no
 * stamps, no deferred context pass, no typed-array scratch: slow, and easy to check by reading.
 */
import type { Assessment, RiskLevel } from '../../contract/assessment';
import type { ViolationCategory } from '../../contract/categories';
import { LIMITS } from '../../contract/limits';
import { RulePackSchema, type Rule, type RulePack } from '../../contract/rule-pack';
import { expandPhrase } from '../../utils/risk/expand';
import { CompactBuffer, compactEnd, extendEnd, foldCompact, foldLight, foldPattern } from '../../utils/risk/normalise';
import { FIELD_MAX, FIELDS, type AssessInput } from '../../utils/risk/types';

const CODE_CHARS = ' abcdefghijklmnopqrstuvwxyz0123456789:+%';
const charClass = (c: string) => (c >= 'a' && c <= 'z' ? 1 : c >= '0' && c <= '9' ? 2 : 3);
const HITS_PER_RULE = 5;
const MATCHES_PER_REGEX = 20;

/** A folded phrase: its compact text, where its words break, and how it must sit in the text. */
interface Phrase {
  text: string;
  /** breaks[k] true: a word boundary before the phrase's char k */
  breaks: boolean[];
  mode: 'both' | 'start' | 'none';
}

/** One field folded: compact chars, their original spans, and where separators were. */
interface FoldedField {
  original: string;
  text: string;
  start: number[];
  sep: boolean[];
  /** phrases looked up in this field already (a cache: the lookups themselves stay plain indexOf) */
  found: Map<Phrase, [number, number][]>;
}

function foldField(original: string, maxLen: number): FoldedField {
  const buf = new CompactBuffer(maxLen * 3 + 16);
  const n = foldCompact(original, buf, maxLen);
  const field: FoldedField = { original, text: '', start: [], sep: [], found: new Map() };
  for (let i = 0; i < n; i++) {
    const packed = buf.packed[i]!;
    field.text += CODE_CHARS[packed & 63];
    field.start.push(packed >> 8);
    field.sep.push((packed & 128) !== 0);
  }
  return field;
}

function boundary(f: FoldedField, i: number): boolean {
  if (i <= 0 || i >= f.text.length) return true;
  return f.sep[i]! || charClass(f.text[i - 1]!) !== charClass(f.text[i]!);
}
const oneLetterWord = (f: FoldedField, i: number) => boundary(f, i) && boundary(f, i + 1);

/** Does the original text between compact chars k - 1 and k end a sentence or a line? */
function sentenceBreak(f: FoldedField, k: number): boolean {
  const between = f.original.slice(compactEnd(f.original, f.start[k - 1]!), f.start[k]!);
  return /[\n\r]/.test(between) || (/[.,!?;…]/.test(between) && /[ \t\u00a0]/.test(between));
}

const NOTHING: [number, number][] = [];
/** Every place `phrase` occurs in the field, as [start, end) in the original text. */
function find(f: FoldedField, phrase: Phrase): [number, number][] {
  if (!f.text.includes(phrase.text)) return NOTHING;
  let found = f.found.get(phrase);
  if (found) return found;
  found = [];
  f.found.set(phrase, found);
  const len = phrase.text.length;
  for (let s = f.text.indexOf(phrase.text); s >= 0; s = f.text.indexOf(phrase.text, s + 1)) {
    const e = s + len - 1;
    if (phrase.mode !== 'none') {
      if (!boundary(f, s)) continue;
      // "99k có": a one-letter first word glued to a number is a unit, not a word
      if (s > 0 && !f.sep[s] && len > 1 && phrase.breaks[1]) continue;
      if (phrase.mode === 'both' && !boundary(f, e + 1)) continue;
    }
    let ok = true;
    for (let k = s + 1; k <= e && ok; k++) {
      const split = oneLetterWord(f, k - 1) && oneLetterWord(f, k); // s.i.ê.u: letters may be split, or run on
      if (phrase.breaks[k - s]) ok = boundary(f, k) && !(f.sep[k] && sentenceBreak(f, k) && !split);
      else ok = !boundary(f, k) || split;
    }
    if (ok) found.push([f.start[s]!, extendEnd(f.original, compactEnd(f.original, f.start[e]!))]);
  }
  return found;
}

export interface ReferencePack {
  pack: RulePack;
  phrases: (templates: readonly string[], mode?: Phrase['mode']) => Phrase[];
}

export function referencePack(json: unknown): ReferencePack {
  const pack = RulePackSchema.parse(json);
  // expanded and folded once per list of the pack (by identity: the lists are the parsed pack's own arrays)
  const cache = new Map<Phrase['mode'], WeakMap<readonly string[], Phrase[]>>();
  const phrases = (templates: readonly string[], mode: Phrase['mode'] = 'both') => {
    let byList = cache.get(mode);
    if (!byList) cache.set(mode, (byList = new WeakMap()));
    let list = byList.get(templates);
    if (!list) {
      list = templates
        .flatMap((t) => expandPhrase(t, pack.macros))
        .map((v) => {
          const { codes, boundaries } = foldPattern(v);
          return { text: Array.from(codes, (c) => CODE_CHARS[c]).join(''), breaks: Array.from(boundaries, (b) => b === 1), mode };
        });
      byList.set(templates, list);
    }
    return list;
  };
  return { pack, phrases };
}

interface Match {
  field: number;
  start: number;
  end: number;
  /** the phrase found (absent for a regex match) */
  phrase?: Phrase;
}
interface Hit {
  rule: Rule;
  field: number | 'price';
  start: number;
  end: number;
  text?: string;
  explanation: { vi: string; en: string };
}

const vnd = (v: number) => Math.round(v).toLocaleString('vi-VN');
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);

export function referenceAssess(input: AssessInput, { pack, phrases }: ReferencePack): Assessment {
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
  const raw = [
    str(input.title),
    str(input.description),
    str(input.shopName),
    str(input.brand),
    Array.isArray(input.categoryPath) ? str(input.categoryPath.filter((c) => typeof c === 'string').join(' / ')) : undefined,
  ];
  const fields = raw.map((t, i) => (t ? foldField(t, Math.min(t.length, FIELD_MAX[FIELDS[i]!])) : undefined));
  const site = (typeof input.site === 'string' ? input.site : '').toLowerCase();

  const matchesIn = (list: Phrase[], fieldIds: readonly number[]): Match[] => {
    const out: Match[] = [];
    for (const fi of fieldIds) {
      const f = fields[fi];
      if (f) for (const phrase of list) for (const [start, end] of find(f, phrase)) out.push({ field: fi, start, end, phrase });
    }
    return out;
  };
  const anywhere = (templates: readonly string[]) => phrases(templates).some((phrase) => fields.some((f) => f !== undefined && find(f, phrase).length > 0));
  // a context phrase within `window` original characters of the evidence, same field (the evidence itself does not count)
  const same = (a: Phrase | undefined, b: Phrase | undefined) => a !== undefined && b !== undefined && a.text === b.text && a.mode === b.mode && a.breaks.join() === b.breaks.join();
  const near = (templates: readonly string[], m: Match, window: number) =>
    matchesIn(phrases(templates), [m.field]).some(
      (c) => !(c.start === m.start && c.end === m.end && same(c.phrase, m.phrase)) && Math.max(c.start, m.start) - Math.min(c.end, m.end) <= window,
    );

  const hits: Hit[] = [];
  const add = (hit: Hit) => {
    const own = hits.filter((h) => h.rule === hit.rule);
    if (hit.field !== 'price') {
      const overlapping = own.find((h) => h.field === hit.field && h.start < hit.end && hit.start < h.end);
      if (overlapping) {
        if (hit.end - hit.start > overlapping.end - overlapping.start) Object.assign(overlapping, { start: hit.start, end: hit.end });
        return;
      }
    }
    if (own.length < HITS_PER_RULE) hits.push(hit);
  };

  // evidence: each rule's phrases and regexes in its fields, in the order the text is read
  type Evidence = Match & { rule: Rule; order: number[] };
  const evidence: Evidence[] = [];
  pack.rules.forEach((rule, ri) => {
    if (rule.kind === 'price') return;
    const ruleFields = rule.fields.map((name) => FIELDS.indexOf(name));
    for (const m of matchesIn(phrases(rule.phrases, rule.wordBoundary), ruleFields)) evidence.push({ ...m, rule, order: [m.field, 0, 0, m.end, ri] });
    rule.regexes.forEach((rx, k) => {
      for (const fi of ruleFields) {
        const f = fields[fi];
        if (!f) continue;
        if (longestDigitRun(f.text) < (rx.minDigits ?? 0)) continue;
        const groups = [...(rx.triggers ? [rx.triggers] : []), ...(rx.alsoTriggers ?? [])];
        if (!groups.every((group) => matchesIn(phrases(group), [fi]).length > 0)) continue;
        const light = foldLight(f.original, Math.min(f.original.length, FIELD_MAX[FIELDS[fi]!]));
        const re = new RegExp(rx.source, `${rx.flags}g`);
        let taken = 0;
        for (let m = re.exec(light.text); m && taken < MATCHES_PER_REGEX; m = re.exec(light.text), taken++) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const end = extendEnd(f.original, compactEnd(f.original, light.start[m.index + m[0].length - 1]!));
          evidence.push({ field: fi, start: light.start[m.index]!, end, rule, order: [fi, 1, ri, k, m.index] });
        }
      }
    });
  });
  // the engine reads field by field: phrases (by where they end), then regexes; rules in pack order
  evidence.sort((a, b) => {
    for (let k = 0; k < a.order.length; k++) if (a.order[k] !== b.order[k]) return a.order[k]! - b.order[k]!;
    return b.end - b.start - (a.end - a.start);
  });
  for (const m of evidence) {
    const { rule } = m;
    if (!siteOk(rule, site)) continue;
    if (rule.kind === 'missing_notice') {
      if (!rule.notice || (raw[1]?.length ?? 0) < rule.notice.minDescriptionLength) continue;
      if (anywhere(rule.notice.phrases)) continue;
    }
    const ctx = rule.context;
    if (ctx) {
      if (ctx.exemptAny.length && anywhere(ctx.exemptAny)) continue;
      if (ctx.requireAny.length && !(ctx.window === undefined ? anywhere(ctx.requireAny) : near(ctx.requireAny, m, ctx.window))) continue;
      const forbidWindow = ctx.forbidWindow ?? ctx.window;
      if (ctx.forbidAny.length && (forbidWindow === undefined ? anywhere(ctx.forbidAny) : near(ctx.forbidAny, m, forbidWindow))) continue;
    }
    add({ rule, field: m.field, start: m.start, end: m.end, explanation: rule.explanation });
  }

  // price: a brand named in the title or brand field, priced far below its genuine minimum
  const price = typeof input.price === 'number' && Number.isFinite(input.price) && input.price > 0 ? input.price : 0;
  const currency = typeof input.currency === 'string' && input.currency ? input.currency.toUpperCase() : 'VND';
  const factor = currency === 'VND' ? 1 : pack.fx[currency];
  const inTitleOrCategory = (templates: readonly string[]) => matchesIn(phrases(templates), [0, 4]).length > 0;
  const named = pack.priceReferences.filter((ref) => matchesIn(phrases(ref.names), [0, 3]).length > 0);
  if (price > 0 && factor && named.length && !inTitleOrCategory(pack.priceExclude)) {
    const value = price * factor;
    for (const rule of pack.rules) {
      if (rule.kind !== 'price' || !rule.price || !siteOk(rule, site)) continue;
      let best: { ratio: number; genuine: number; name: string } | undefined;
      for (const ref of rule.price.refs ? rule.price.refs.map((id) => pack.priceReferences.find((r) => r.id === id)!) : pack.priceReferences) {
        if (!named.includes(ref) || inTitleOrCategory(ref.exclude)) continue;
        // the most specific product named in the title: most words, then longest; equally specific, the cheapest
        let genuine = ref.genuineMin;
        let specificity = 0;
        for (const product of ref.products) {
          const found = phrases(product.words).filter((p) => fields[0] && find(fields[0], p).length > 0);
          if (!found.length) continue;
          const s = Math.max(...found.map((p) => (p.breaks.filter(Boolean).length + 1) * 1000 + p.text.length));
          if (s < specificity) continue;
          genuine = s > specificity ? product.genuineMin : Math.min(genuine, product.genuineMin);
          specificity = s;
        }
        const ratio = value / genuine;
        if (ratio < rule.price.maxRatio && (!best || ratio < best.ratio)) best = { ratio, genuine, name: ref.names[0]! };
      }
      if (best) {
        const values = { brand: best.name, price: vnd(value), ref: vnd(best.genuine), percent: String(Math.max(1, Math.round(best.ratio * 100))) };
        add({
          rule,
          field: 'price',
          start: -1,
          end: -1,
          text: `${best.name}: ${values.price} ₫ ≈ ${values.percent}% × ${values.ref} ₫`.slice(0, LIMITS.shortText),
          explanation: { vi: fill(rule.explanation.vi, values), en: fill(rule.explanation.en, values) },
        });
      }
    }
  }

  const none: Assessment = { level: 'none', score: 0, categories: [], hits: [], packId: pack.packId, packVersion: pack.version };
  if (!hits.length) return none;
  const fired = [...new Set(hits.map((h) => h.rule))];
  const score = Math.round(fired.reduce((sum, rule) => sum + rule.weight, 0) * 100) / 100;
  const weightOf = new Map<ViolationCategory, number>();
  for (const rule of fired) weightOf.set(rule.category, (weightOf.get(rule.category) ?? 0) + rule.weight);
  const categories = [...weightOf.keys()].sort((a, b) => weightOf.get(b)! - weightOf.get(a)!); // stable: ties in first-fired order
  const level: RiskLevel = score >= pack.thresholds.high ? 'high' : score >= pack.thresholds.medium ? 'medium' : score > 0 ? 'low' : 'none';
  const ordered = hits.map((h, k) => ({ h, k })).sort((a, b) => b.h.rule.weight - a.h.rule.weight || a.h.start - b.h.start || a.k - b.k);
  return {
    level,
    score,
    categories,
    packId: pack.packId,
    packVersion: pack.version,
    hits: ordered.slice(0, LIMITS.hits).map(({ h }) => ({
      ruleId: h.rule.id,
      category: h.rule.category,
      field: h.field === 'price' ? 'price' : FIELDS[h.field]!,
      explanation: h.explanation,
      legalRef: h.rule.legalRef,
      weight: h.rule.weight,
      ...(h.field === 'price' ? { text: h.text } : { start: h.start, end: h.end, text: raw[h.field]!.slice(h.start, h.end).slice(0, LIMITS.shortText) }),
    })),
  };
}

function siteOk(rule: Rule, site: string): boolean {
  if (rule.sites?.include && !rule.sites.include.some((s) => site.includes(s.toLowerCase()))) return false;
  if (rule.sites?.exclude?.some((s) => site.includes(s.toLowerCase()))) return false;
  return true;
}

/** Longest run of digits in the compact text (the compact text has no separators: "0912 345 678" is one run). */
function longestDigitRun(text: string): number {
  let best = 0;
  for (const run of text.match(/[0-9]+/g) ?? []) best = Math.max(best, run.length);
  return best;
}
