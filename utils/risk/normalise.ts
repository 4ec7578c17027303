/**
 * Vietnamese-aware text folding with span mapping.
 *
 * The automaton runs on a *compact* view of each field: every character is folded (NFKD, combining
 * marks dropped, đ→d, lower case, Cyrillic/Greek look-alikes → Latin, full-width/circled/math
 * letters → ASCII), zero-width and format characters vanish, separators (spaces, punctuation,
 * emoji, dots between split letters) are dropped but remembered as word boundaries, and leetspeak
 * digits/symbols inside words become letters (f4ke → fake, z@lo → zalo, r3p → rep).
 * For every compact character we keep its [start, end) in the original string (UTF-16 units), so
 * a match maps back to `original.slice(start, end)` for highlighting.
 *
 * Regexes run on a *light* view: folded and lower-cased like the compact view, but separators kept
 * (one output char per original char where possible), so digit groups and punctuation survive.
 *
 * Pure TypeScript, no DOM: runs in the service worker, content scripts and Node.
 */

/** Alphabet of the compact view: 0 = unused, 1..26 = a..z, 27..36 = 0..9, 37 ':', 38 '+', 39 '%'. */
export const ALPHABET_SIZE = 40;
export const CODE_A = 1;
export const CODE_Z = 26;
export const CODE_0 = 27;
export const CODE_9 = 36;

const SEP = 0;
const DROP = 254;
const MULTI = 253;
const LEETSYM = 252;
const SURROGATE = 251;

/** Character class of a compact code: 1 letter, 2 digit, 3 symbol. */
export const CODE_CLASS = new Uint8Array(ALPHABET_SIZE);
for (let c = CODE_A; c <= CODE_Z; c++) CODE_CLASS[c] = 1;
for (let c = CODE_0; c <= CODE_9; c++) CODE_CLASS[c] = 2;
CODE_CLASS[37] = 3;
CODE_CLASS[38] = 3;
CODE_CLASS[39] = 3;

const CODE_CHARS = ' abcdefghijklmnopqrstuvwxyz0123456789:+%';

function asciiCode(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 97 && c <= 122) return c - 96;
  if (c >= 48 && c <= 57) return c - 48 + CODE_0;
  if (ch === ':') return 37;
  if (ch === '+') return 38;
  if (ch === '%') return 39;
  return 0;
}

/** Look-alikes that NFKD does not fold (after lower-casing). */
const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ү: 'y', һ: 'h', ɡ: 'g', ӏ: 'l', ո: 'n', ս: 'u',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
  ω: 'w', μ: 'u', ς: 's', σ: 'o', ϲ: 'c', ϳ: 'j',
  // Latin extras
  đ: 'd', ð: 'd', ı: 'i', ł: 'l', ø: 'o', ɑ: 'a', ɩ: 'i', ʟ: 'l', ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e',
  ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u',
  ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z', ß: 'ss', æ: 'ae', œ: 'oe', ĸ: 'k', ƒ: 'f',
};

/** Characters that vanish without leaving a word boundary. */
function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0xfeff ||
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x180e ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0000 && cp <= 0xe007f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}
const MARK_RE = /\p{M}/u;
const MARKS_G = /\p{M}/gu;

/** Fold one code point to compact codes: [] with drop=true (invisible), [] with drop=false (separator). */
function foldCodePoint(cp: number): { codes: number[]; drop: boolean } {
  if (isInvisible(cp)) return { codes: [], drop: true };
  const ch = String.fromCodePoint(cp);
  if (MARK_RE.test(ch)) return { codes: [], drop: true };
  let s = ch.normalize('NFKD').replace(MARKS_G, '').toLowerCase();
  let out = '';
  for (const c of s) out += HOMOGLYPHS[c] ?? c;
  s = out;
  if (s.length === 0) return { codes: [], drop: false };
  const codes: number[] = [];
  for (const c of s) {
    const code = asciiCode(c);
    if (code === 0) return { codes: [], drop: false };
    codes.push(code);
  }
  return { codes, drop: false };
}

/**
 * String.prototype.charCodeAt, called as charCodeAt.call(s, i): field strings come in many V8
 * representations (sequential, sliced, cons, internalized; one- and two-byte), which makes a
 * `s.charCodeAt` property load megamorphic, and the optimising compiler then emits a generic call
 * per character (measured ~3× slower fold). A constant function target is always inlined.
 */
const charCodeAt = String.prototype.charCodeAt;

const TABLE = new Uint8Array(65536);
const MULTI_CODES = new Map<number, number[]>();
const LEET_SYMBOL: Record<number, number> = {
  64: asciiCode('a'), // @
  36: asciiCode('s'), // $
  33: asciiCode('i'), // !
  124: asciiCode('i'), // |
};
const LEET_SYMBOL_CODES: Record<number, readonly number[]> = {};
for (const k of Object.keys(LEET_SYMBOL)) LEET_SYMBOL_CODES[Number(k)] = [LEET_SYMBOL[Number(k)]!];
/** digit code → letter code for leetspeak inside words */
const LEET_DIGIT = new Uint8Array(ALPHABET_SIZE);
LEET_DIGIT[CODE_0 + 0] = asciiCode('o');
LEET_DIGIT[CODE_0 + 1] = asciiCode('i');
LEET_DIGIT[CODE_0 + 3] = asciiCode('e');
LEET_DIGIT[CODE_0 + 4] = asciiCode('a');
LEET_DIGIT[CODE_0 + 5] = asciiCode('s');
LEET_DIGIT[CODE_0 + 7] = asciiCode('t');

(function buildTable() {
  const ranges: [number, number][] = [
    [0x0000, 0x058f],
    [0x1d00, 0x1dff],
    [0x1e00, 0x1eff],
    [0x2000, 0x2bff],
    [0x3000, 0x3000],
    [0xa720, 0xa7ff],
    [0xfb00, 0xfb06],
    [0xfe00, 0xfe2f],
    [0xfeff, 0xfeff],
    [0xff00, 0xffef],
  ];
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const { codes, drop } = foldCodePoint(cp);
      if (codes.length === 1) TABLE[cp] = codes[0]!;
      else if (codes.length > 1) {
        TABLE[cp] = MULTI;
        MULTI_CODES.set(cp, codes);
      } else TABLE[cp] = drop ? DROP : SEP;
    }
  }
  for (const k of Object.keys(LEET_SYMBOL)) TABLE[Number(k)] = LEETSYM;
  for (let cp = 0xd800; cp <= 0xdbff; cp++) TABLE[cp] = SURROGATE;
  // Lone low surrogates, other combining blocks: drop.
  for (let cp = 0xdc00; cp <= 0xdfff; cp++) TABLE[cp] = DROP;
  for (const [from, to] of [
    [0x0591, 0x05c7],
    [0x0610, 0x061a],
    [0x064b, 0x065f],
    [0x0e31, 0x0e31],
    [0x0e34, 0x0e3a],
    [0x0e47, 0x0e4e],
    [0x20d0, 0x20ff],
  ] as const) {
    for (let cp = from; cp <= to; cp++) TABLE[cp] = DROP;
  }
  TABLE[0x061c] = DROP;
  TABLE[0x180e] = DROP;
})();

const astralCache = new Map<number, { codes: number[]; drop: boolean }>();
function foldAstral(cp: number): { codes: number[]; drop: boolean } {
  let r = astralCache.get(cp);
  if (!r) {
    r = foldCodePoint(cp);
    if (astralCache.size < 4096) astralCache.set(cp, r);
  }
  return r;
}

/**
 * The automaton driven by the fold itself (one pass: fold a character, step the automaton); built
 * by aho-corasick.ts. States below `dense` have a dense row: next = delta[state * ALPHABET_SIZE + code];
 * deeper states have trie edges and a failure link (indexed by s - dense). hasOut[state] tells
 * whether the state has outputs.
 */
export interface ScanDfa {
  /** next state = delta[state * ALPHABET_SIZE + code], for states < dense */
  delta: Uint16Array;
  /** number of states with a dense row (a BFS prefix: all states of depth ≤ some D) */
  dense: number;
  /** trie edges of deep state s (s ≥ dense): childCode/childNext[childStart[s - dense] .. childStart[s - dense + 1]) */
  childStart: Int32Array;
  childCode: Uint8Array;
  childNext: Int32Array;
  /** failure link of deep state s at fail[s - dense] */
  fail: Int32Array;
  /**
   * Outputs of each state: bit 0 (WHOLE_WORD_OUT) = it has whole-word outputs, bit 1 (ANY_POSITION_OUT)
   * = it has outputs that may end inside a word. A whole-word match can only end where a word ends,
   * so the scan looks at bit 0 once per word instead of once per character.
   */
  hasOut: Uint8Array;
  /** some state has ANY_POSITION_OUT (then the scan checks every character) */
  anyPosition: boolean;
}
export const WHOLE_WORD_OUT = 1;
export const ANY_POSITION_OUT = 2;
/** One-state automaton without outputs: a plain fold. */
const NO_DFA: ScanDfa = {
  delta: new Uint16Array(ALPHABET_SIZE),
  dense: 1,
  childStart: new Int32Array(1),
  childCode: new Uint8Array(0),
  childNext: new Int32Array(0),
  fail: new Int32Array(0),
  hasOut: new Uint8Array(1),
  anyPosition: false,
};

/** Transition from a state without a dense row: its trie edge, else failure links down to a dense row. */
export function deepStep(a: ScanDfa, s: number, c: number): number {
  const { dense, delta, childStart, childCode, childNext, fail } = a;
  for (;;) {
    if (s < dense) return delta[s * ALPHABET_SIZE + c]!;
    const d = s - dense;
    const end = childStart[d + 1]!;
    for (let k = childStart[d]!; k < end; k++) if (childCode[k] === c) return childNext[k]!;
    s = fail[d]!;
  }
}

/** A compact char is packed into one Int32: bits 0–5 its code, bit 7 "a separator came before it", bits 8+ its start in the original. */
export const CODE_BITS = 63;
export const SEP_BIT = 128;
export const START_SHIFT = 8;
/** Longest input the fold reads (UTF-16 units): a start index must fit in the packed value's 23 bits. */
export const MAX_FOLD_INPUT = (1 << 23) - 1;

/** Reusable buffers for the compact view of one field. */
export class CompactBuffer {
  n = 0;
  /** longest run of digits in the compact view (separators ignored): 0912 345 678 → 10 */
  digits = 0;
  /**
   * Compact char i packed as (start << 8) | (separator before ? 128 : 0) | code, where start is its
   * first UTF-16 unit in the original (its end is compactEnd(original, start)). packed[n] marks the
   * end of the text (a separator at the text length). One array, so the fold writes one value per char.
   */
  packed: Int32Array;
  /**
   * DFA events of the last foldScan: compact index and state after it, where the state has outputs
   * that can match there (every word end; every index for any-position outputs). Ascending, no
   * index twice.
   */
  evPos: Int32Array;
  evState: Int32Array;
  events = 0;
  /** the fold's own state while foldScan hands a rare character to its helpers */
  readonly fold: FoldState = { n: 0, run: 0, digits: 0, sep: SEP_BIT, leet: false, st: 0, ne: 0 };
  constructor(capacity: number) {
    this.packed = new Int32Array(capacity + 1);
    this.evPos = new Int32Array(capacity + 1);
    this.evState = new Int32Array(capacity + 1);
  }
  get capacity(): number {
    return this.packed.length - 1;
  }
}

/** Code (1..39) of compact char i. */
export function codeAt(buf: CompactBuffer, i: number): number {
  return buf.packed[i]! & CODE_BITS;
}
/** Start (UTF-16 index in the original) of compact char i; the text length for i === n. */
export function startOf(buf: CompactBuffer, i: number): number {
  return buf.packed[i]! >> START_SHIFT;
}
/** 1 when a separator came before compact char i (or i === n), else 0. */
export function sepBefore(buf: CompactBuffer, i: number): number {
  return (buf.packed[i]! >> 7) & 1;
}

/**
 * End (exclusive, UTF-16) in the original of the compact char that starts at `start`: one unit,
 * or two for an astral code point (a surrogate pair). Chars produced by one original char share its span.
 */
export function compactEnd(s: string, start: number): number {
  const codeUnitAt = String.prototype.charCodeAt; // a local: see foldScan
  const c = codeUnitAt.call(s, start);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = codeUnitAt.call(s, start + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return start + 2;
  }
  return start + 1;
}

function isLetterCode(c: number): boolean {
  return c >= CODE_A && c <= CODE_Z;
}
function isDigitCode(c: number): boolean {
  return c >= CODE_0 && c <= CODE_9;
}

/**
 * Could the leet digit being emitted at compact index n (original index i) be turned into a letter by
 * resolveLeet? True when a letter touches it: the previous compact char is a letter (joined, or a
 * one-letter word before a separator), or the next non-vanishing original char may fold to a letter.
 * Conservative (a superset): resolveLeet runs only when this said yes for some digit.
 */
function leetNear(s: string, i: number, len: number, packed: Int32Array, n: number, sep: number): boolean {
  if (n > 0) {
    const q = packed[n - 1]!;
    if (isLetterCode(q & CODE_BITS) && (sep === 0 || n === 1 || (q & SEP_BIT) !== 0)) return true;
  }
  let j = i + 1;
  while (j < len && TABLE[charCodeAt.call(s, j)] === DROP) j++;
  if (j >= len) return false;
  const nt = TABLE[charCodeAt.call(s, j)]!;
  return (nt >= CODE_A && nt <= CODE_Z) || nt === MULTI || nt === SURROGATE;
}

/**
 * Fold `s` into `buf` (compact view). Returns the number of compact characters.
 * `maxLen` bounds the input (UTF-16 units).
 */
export function foldCompact(s: string, buf: CompactBuffer, maxLen = s.length): number {
  return foldScan(s, buf, maxLen, NO_DFA);
}

/** Fold state handed from foldScan's hot loop to its rare-case helpers (kept in the field's CompactBuffer); sep is 0 or SEP_BIT. */
export interface FoldState {
  n: number;
  run: number;
  digits: number;
  sep: number;
  leet: boolean;
  st: number;
  ne: number;
}

/** Record an event at the last compact index (state in buf.fold) if its state has outputs and it is not recorded yet. */
function recordWordEnd(buf: CompactBuffer, dfa: ScanDfa): void {
  const foldState = buf.fold;
  const n = foldState.n;
  const ne = foldState.ne;
  if (n === 0 || dfa.hasOut[foldState.st] === 0 || (ne > 0 && buf.evPos[ne - 1] === n - 1)) return;
  buf.evPos[ne] = n - 1;
  buf.evState[ne] = foldState.st;
  foldState.ne = ne + 1;
}

/**
 * Emit the codes of a character that folds to several compact chars (MULTI: ligature, ㎏, ⑩…) or of an
 * astral code point; `digitRuns` = count digits towards buf.digits (astral) or reset the run (MULTI).
 * Every index it writes is recorded as an event when its state has outputs. Writes at most until
 * the buffer is full.
 */
function emitCodes(buf: CompactBuffer, dfa: ScanDfa, codes: readonly number[], i: number, digitRuns: boolean): void {
  const packed = buf.packed;
  const cap = packed.length - 1;
  const { delta, dense, hasOut } = dfa;
  const foldState = buf.fold;
  let { n, st, ne, run, digits } = foldState;
  let leet = foldState.leet;
  if (!digitRuns) run = 0;
  for (let k = 0; k < codes.length && n < cap; k++) {
    const code = codes[k]!;
    if (digitRuns) {
      if (isDigitCode(code)) {
        // run continues only if the previous compact char is a digit (letters in the fast path do not reset it)
        run = n > 0 && isDigitCode(packed[n - 1]! & CODE_BITS) ? run + 1 : 1;
        if (run > digits) digits = run;
        if (LEET_DIGIT[code] !== 0) leet = true;
      } else run = 0;
    } else if (LEET_DIGIT[code] !== 0) leet = true;
    packed[n] = (i << START_SHIFT) | (k === 0 ? foldState.sep : 0) | code;
    st = st < dense ? delta[st * ALPHABET_SIZE + code]! : deepStep(dfa, st, code);
    if (hasOut[st] !== 0) {
      buf.evPos[ne] = n;
      buf.evState[ne++] = st;
    }
    n++;
  }
  foldState.n = n;
  foldState.st = st;
  foldState.ne = ne;
  foldState.run = run;
  foldState.digits = digits;
  foldState.leet = leet;
  foldState.sep = 0;
}

/**
 * The rare characters of foldScan (state in buf.fold): a leet symbol (@ $ ! |), a character that folds
 * to several codes (MULTI) or an astral code point. Returns the index of the last unit consumed.
 */
function foldRare(s: string, i: number, len: number, t: number, buf: CompactBuffer, dfa: ScanDfa): number {
  const foldState = buf.fold;
  const unit = charCodeAt.call(s, i);
  // whatever this character becomes, a word may end before it (recording one more index is harmless)
  recordWordEnd(buf, dfa);
  if (t === LEETSYM) {
    // a symbol counts as a letter only between two letters of the same word (z@lo, $ale excluded)
    const n = foldState.n;
    const prevLetter = n > 0 && foldState.sep === 0 && isLetterCode(buf.packed[n - 1]! & CODE_BITS);
    let j = i + 1;
    while (j < len && TABLE[charCodeAt.call(s, j)] === DROP) j++;
    const nt = j < len ? TABLE[charCodeAt.call(s, j)]! : SEP;
    const nextLetter = (nt >= CODE_A && nt <= CODE_Z) || nt === LEETSYM;
    if (prevLetter && nextLetter) emitCodes(buf, dfa, LEET_SYMBOL_CODES[unit]!, i, false);
    else foldState.sep = SEP_BIT;
    return i;
  }
  if (t === MULTI) {
    emitCodes(buf, dfa, MULTI_CODES.get(unit)!, i, false);
    return i;
  }
  // SURROGATE: astral code point
  const cp = s.codePointAt(i)!;
  const f = foldAstral(cp);
  if (f.codes.length === 0) {
    if (!f.drop) foldState.sep = SEP_BIT;
  } else emitCodes(buf, dfa, f.codes, i, true);
  return cp > 0xffff ? i + 1 : i;
}

/**
 * Fold `s` into `buf` and run `dfa` over the compact chars in the same pass. Events (buf.evPos /
 * evState, buf.events) are the compact indexes after which the DFA is in a state with outputs that
 * can match there: whole-word outputs at word ends only (before a separator, a letter/digit/symbol
 * class change, or the end), any-position outputs everywhere. Extra events are harmless (the caller
 * checks boundaries); a missing word end would lose a match.
 * Leetspeak is resolved after the pass (it needs both neighbours); only when a digit touches a
 * letter, and then the DFA is re-run over the resolved codes.
 *
 * Hot loop: a letter costs one table load, one compare, one packed write and one DFA step; the
 * output check happens once per word, at the separator. Digits and symbols also record their own
 * index (a class change may follow) and the word end before them. The buffer capacity is not
 * checked per char: `end` is the last index up to which the buffer cannot fill (each remaining char
 * emits at most one code in the fast path); the rare multi-code branches lower it, and the outer
 * loop re-derives it until the input or the buffer ends.
 */
export function foldScan(s: string, buf: CompactBuffer, maxLen: number, dfa: ScanDfa): number {
  const len = Math.min(s.length, maxLen, MAX_FOLD_INPUT);
  const packed = buf.packed;
  const evPos = buf.evPos;
  const evState = buf.evState;
  const cap = packed.length - 1;
  const delta = dfa.delta;
  const dense = dfa.dense;
  const hasOut = dfa.hasOut;
  const anyPosition = dfa.anyPosition;
  // Locals and literals, not module bindings: bundlers turn module constants into mutable `var`s,
  // which the optimiser reloads and re-checks on every use and cannot inline a call through (measured
  // 1.5× slower in the shipped bundle). The literals are checked against the named constants at load.
  const table = TABLE;
  const leetDigit = LEET_DIGIT;
  const codeUnitAt = String.prototype.charCodeAt;
  let n = 0;
  let digits = 0;
  let run = 0;
  let sep = 128; // SEP_BIT
  let leet = false;
  let st = 0;
  let ne = 0;
  let i = 0;
  while (i < len && n < cap) {
    let end = Math.min(len, i + cap - n);
    for (; i < end; i++) {
      const t = table[codeUnitAt.call(s, i)]!;
      // one unsigned compare sends everything but a letter (1..26) out of the fast path
      if ((t - 1) >>> 0 >= 26) {
        if (t === 0) {
          // first separator after a word: its end
          if (sep === 0 && hasOut[st] !== 0 && (ne === 0 || evPos[ne - 1] !== n - 1)) {
            evPos[ne] = n - 1;
            evState[ne++] = st;
          }
          sep = 128;
          continue;
        }
        if (t >= 40) {
          if (t === 254) continue; // DROP
          // LEETSYM, MULTI, SURROGATE: rare, out of line
          const foldState = buf.fold;
          foldState.n = n;
          foldState.st = st;
          foldState.ne = ne;
          foldState.run = run;
          foldState.digits = digits;
          foldState.leet = leet;
          foldState.sep = sep;
          i = foldRare(s, i, len, t, buf, dfa);
          n = foldState.n;
          st = foldState.st;
          ne = foldState.ne;
          run = foldState.run;
          digits = foldState.digits;
          leet = foldState.leet;
          sep = foldState.sep;
          if (n >= cap) {
            i++;
            break;
          }
          if (i + 1 + cap - n < end) end = i + 1 + cap - n;
          continue;
        }
        if (t <= 36) {
          // digit: the run continues only if the previous compact char is a digit
          const prevCode = n > 0 ? packed[n - 1]! & 63 : 0;
          run = prevCode >= 27 && prevCode <= 36 ? run + 1 : 1;
          if (run > digits) digits = run;
          if (leetDigit[t] !== 0 && !leet) leet = leetNear(s, i, len, packed, n, sep);
        }
        // digit or symbol: a word may end before it and after it
        if (n > 0 && hasOut[st] !== 0 && (ne === 0 || evPos[ne - 1] !== n - 1)) {
          evPos[ne] = n - 1;
          evState[ne++] = st;
        }
        packed[n] = (i << 8) | sep | t;
        sep = 0;
        st = st < dense ? delta[st * 40 + t]! : deepStep(dfa, st, t);
        if (hasOut[st] !== 0) {
          evPos[ne] = n;
          evState[ne++] = st;
        }
        n++;
        continue;
      }
      packed[n] = (i << 8) | sep | t;
      sep = 0;
      st = st < dense ? delta[st * 40 + t]! : deepStep(dfa, st, t);
      if (anyPosition && hasOut[st]! >= 2) {
        evPos[ne] = n;
        evState[ne++] = st;
      }
      n++;
    }
  }
  // the end of the text (or of the buffer) ends the last word
  if (n > 0 && hasOut[st] !== 0 && (ne === 0 || evPos[ne - 1] !== n - 1)) {
    evPos[ne] = n - 1;
    evState[ne++] = st;
  }
  packed[n] = (len << START_SHIFT) | SEP_BIT;
  buf.n = n;
  buf.digits = digits;
  if (leet && resolveLeet(buf)) {
    // rare: a digit became a letter, re-run the automaton over the resolved codes (every index)
    st = 0;
    ne = 0;
    for (let k = 0; k < n; k++) {
      const c = packed[k]! & CODE_BITS;
      st = st < dense ? delta[st * ALPHABET_SIZE + c]! : deepStep(dfa, st, c);
      if (hasOut[st] !== 0) {
        evPos[ne] = k;
        evState[ne++] = st;
      }
    }
  }
  buf.events = ne;
  return n;
}

// foldScan spells these as literals (see there); a change here must change it too.
if (ALPHABET_SIZE !== 40 || LEETSYM !== 252 || CODE_Z !== 26 || CODE_0 !== 27 || CODE_9 !== 36 || SEP !== 0 || DROP !== 254 || SEP_BIT !== 128 || START_SHIFT !== 8 || CODE_BITS !== 63 || ANY_POSITION_OUT !== 2)
  throw new Error('normalise.ts: foldScan literals out of date');

/** Leetspeak digits inside words become letters: f4ke, r3p, l1ke, f4k3, 4uth, f.4.k.e. True if one did. */
function resolveLeet(buf: CompactBuffer): boolean {
  const packed = buf.packed;
  const n = buf.n;
  const code = (k: number): number => packed[k]! & CODE_BITS;
  const joinedBefore = (k: number): boolean => (packed[k]! & SEP_BIT) === 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = code(i);
    const letter = LEET_DIGIT[c]!;
    if (letter === 0) continue;
    const prevJoined = i > 0 && joinedBefore(i);
    const nextJoined = i + 1 < n && joinedBefore(i + 1);
    if (prevJoined && isDigitCode(code(i - 1))) continue;
    if (nextJoined && isDigitCode(code(i + 1))) continue;
    const prevLetter = prevJoined && isLetterCode(code(i - 1));
    const nextLetter = nextJoined && isLetterCode(code(i + 1));
    let sub = false;
    if (prevLetter && nextLetter) sub = true;
    else if (prevLetter && !nextJoined) {
      let k = i - 1;
      let count = 0;
      while (k >= 0 && isLetterCode(code(k))) {
        count++;
        if (!joinedBefore(k)) break;
        k--;
      }
      sub = count >= 3;
    } else if (nextLetter && !prevJoined) {
      let k = i + 1;
      let count = 0;
      while (k < n && isLetterCode(code(k))) {
        count++;
        k++;
        if (k < n && !joinedBefore(k)) break;
      }
      sub = count >= 3;
    } else if (!prevJoined && !nextJoined && i > 0 && i + 1 < n) {
      // split letters: f . 4 . k . e
      const singlePrev = isLetterCode(code(i - 1)) && (i - 1 === 0 || !joinedBefore(i - 1));
      const singleNext = isLetterCode(code(i + 1)) && !joinedBefore(i + 2);
      sub = singlePrev && singleNext;
    }
    if (sub) {
      packed[i] = (packed[i]! & ~CODE_BITS) | letter;
      changed = true;
    }
  }
  return changed;
}

/** Word boundary before compact position i (separator, start/end, or letter/digit/symbol class change). */
export function boundaryBefore(buf: CompactBuffer, i: number): boolean {
  if (i <= 0 || i >= buf.n) return true;
  const q = buf.packed[i]!;
  if ((q & 128) !== 0) return true; // SEP_BIT (a literal: see foldScan)
  const codeClass = CODE_CLASS;
  return codeClass[buf.packed[i - 1]! & 63] !== codeClass[q & 63];
}

/** Compact character i is a one-character word (as in s.i.ê.u or s u p e r). */
export function isSingle(buf: CompactBuffer, i: number): boolean {
  return boundaryBefore(buf, i) && boundaryBefore(buf, i + 1);
}

/** The codes of the compact view (a copy). */
export function compactCodes(buf: CompactBuffer, n = buf.n): Uint8Array {
  const out = new Uint8Array(n);
  for (let k = 0; k < n; k++) out[k] = buf.packed[k]! & CODE_BITS;
  return out;
}

/** Fold a pattern string: compact codes plus the word boundaries inside it. */
let patternBuf = new CompactBuffer(1024);
export function foldPattern(s: string): { codes: Uint8Array; boundaries: Uint8Array } {
  if (patternBuf.capacity < s.length * 4 + 8) patternBuf = new CompactBuffer(s.length * 4 + 8);
  const buf = patternBuf;
  const n = foldCompact(s, buf);
  const codes = compactCodes(buf, n);
  const boundaries = new Uint8Array(n);
  for (let i = 1; i < n; i++) boundaries[i] = boundaryBefore(buf, i) ? 1 : 0;
  return { codes, boundaries };
}

export function codesToString(codes: ArrayLike<number>, n = codes.length): string {
  let out = '';
  for (let i = 0; i < n; i++) out += CODE_CHARS[codes[i]!] ?? '?';
  return out;
}

/** Readable compact form with a space at every word boundary, and spans back into the original. */
export function normaliseCompact(s: string): { text: string; spans: [number, number][] } {
  const buf = new CompactBuffer(s.length * 4 + 8);
  const n = foldCompact(s, buf);
  let text = '';
  const spans: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && boundaryBefore(buf, i)) {
      text += ' ';
      spans.push([-1, -1]);
    }
    text += CODE_CHARS[codeAt(buf, i)];
    const st = startOf(buf, i);
    spans.push([st, compactEnd(s, st)]);
  }
  return { text, spans };
}

/**
 * Light view for regexes: folded, lower-cased, separators kept; start maps each char back to its
 * original unit (its end is compactEnd(original, start): chars made from one original char share its span).
 */
/** Initial size of a light view's buffers (grown on demand). */
const LIGHT_INITIAL = 1024;
/** Room kept beyond the input length (chars a rare multi-char fold may add before the next grow). */
const LIGHT_SLACK = 16;

/**
 * Reusable buffers of a light view, and the view itself (valid until the buffer's next fold; `start`
 * holds text.length entries). One per scan: the engine keeps it in its ScanState.
 */
export class LightBuffer implements LightView {
  chars = new Uint16Array(LIGHT_INITIAL);
  start = new Int32Array(LIGHT_INITIAL);
  text = '';
  /** Make room for `need` chars, keeping the first `keep`. */
  grow(need: number, keep: number): void {
    if (need <= this.chars.length) return;
    const size = Math.max(need, this.chars.length * 2);
    const chars = new Uint16Array(size);
    const start = new Int32Array(size);
    chars.set(this.chars.subarray(0, keep));
    start.set(this.start.subarray(0, keep));
    this.chars = chars;
    this.start = start;
  }
}
const CODE_UNITS = Array.from(CODE_CHARS, (c) => c.charCodeAt(0));
/** light char of every table entry below ALPHABET_SIZE, and of ASCII separators (lower-cased) */
const LIGHT_UNIT = new Uint16Array(65536);
for (let u = 0; u < 65536; u++) {
  const t = TABLE[u]!;
  if (t > 0 && t < ALPHABET_SIZE) LIGHT_UNIT[u] = CODE_UNITS[t]!;
  else if (t === SEP || t === LEETSYM) LIGHT_UNIT[u] = u < 128 ? (u >= 65 && u <= 90 ? u + 32 : u) : 32;
}

// A native UTF-16 decode is ~3× faster than String.fromCharCode.apply; light chars are never
// surrogates (no U+FFFD substitution), and ignoreBOM keeps a U+FEFF (which the fold drops anyway).
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf16 = LITTLE_ENDIAN && typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : undefined;
function charsToString(chars: Uint16Array, n: number): string {
  if (utf16) return utf16.decode(chars.subarray(0, n));
  let text = '';
  for (let k = 0; k < n; k += 4096) text += String.fromCharCode.apply(null, chars.subarray(k, Math.min(n, k + 4096)) as unknown as number[]);
  return text;
}

/** Result of foldLightShared: reused buffers, valid until the next call (start holds text.length entries). */
export interface LightView {
  text: string;
  start: Int32Array;
}
const sharedLight = new LightBuffer();

/** foldLight without copies: the returned view is `into` (by default one shared buffer), reused by the next call. */
export function foldLightShared(s: string, maxLen = s.length, into: LightBuffer = sharedLight): LightView {
  const len = Math.min(s.length, maxLen);
  // one char per unit on the fast path; the multi-char branches grow the buffers themselves
  into.grow(len + LIGHT_SLACK, 0);
  let chars = into.chars;
  let start = into.start;
  const table = TABLE;
  const lightUnit = LIGHT_UNIT;
  const codeUnitAt = String.prototype.charCodeAt; // locals and literals: see foldScan
  let n = 0;
  for (let i = 0; i < len; i++) {
    const unit = codeUnitAt.call(s, i);
    const t = table[unit]!;
    if (t < 40 || t === 252) {
      // ALPHABET_SIZE, LEETSYM
      chars[n] = lightUnit[unit]!;
      start[n++] = i;
    } else if (t === 254) continue; // DROP
    else if (t === MULTI) {
      const codes = MULTI_CODES.get(unit)!;
      into.grow(n + codes.length + len - i + LIGHT_SLACK, n);
      chars = into.chars;
      start = into.start;
      for (const c of codes) {
        chars[n] = CODE_UNITS[c]!;
        start[n++] = i;
      }
    } else {
      const cp = s.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      const f = foldAstral(cp);
      into.grow(n + f.codes.length + len - i + LIGHT_SLACK, n);
      chars = into.chars;
      start = into.start;
      if (f.codes.length === 0) {
        if (!f.drop) {
          chars[n] = 32;
          start[n++] = i;
        }
      } else
        for (const c of f.codes) {
          chars[n] = CODE_UNITS[c]!;
          start[n++] = i;
        }
      i += width - 1;
    }
  }
  into.text = charsToString(chars, n);
  return into;
}

export function foldLight(s: string, maxLen = s.length): { text: string; start: Int32Array; end: Int32Array } {
  const v = foldLightShared(s, maxLen);
  const n = v.text.length;
  const start = v.start.slice(0, n);
  return { text: v.text, start, end: start.map((st) => compactEnd(s, st)) };
}

/** Extend an original-string end index over trailing combining marks / invisible characters. */
export function extendEnd(s: string, end: number): number {
  const table = TABLE;
  const codeUnitAt = String.prototype.charCodeAt; // locals: see foldScan
  while (end < s.length && table[codeUnitAt.call(s, end)] === 254) end++; // DROP
  return end;
}

/** Simple folded string (lower case, no diacritics, đ→d, look-alikes folded, separators → single spaces). */
export function foldSimple(s: string): string {
  return normaliseCompact(s).text;
}
