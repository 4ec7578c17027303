/**
 * Static safety check for pack regexes, so that a pattern that can backtrack catastrophically is
 * refused when the pack loads instead of freezing a page. Deliberately conservative:
 *  - every quantifier is bounded (`?`, `{n}`, `{n,m}` with m ≤ 50); `*`, `+`, `{n,}` are refused;
 *  - no backreferences (`\1`, `\k<name>`);
 *  - a repeated group (max > 1) may contain neither alternation nor another repeat (max > 1);
 *    lookarounds may not be repeated and may hold at most 40 characters of pattern;
 *  - the source is at most 300 characters;
 *  - neighbouring repeats that can take the same characters may not multiply into more than
 *    REGEX_MAX_BACKTRACK ways to try at one position (see `estimateBacktracking`): `.{0,50}.{0,50}.{0,50}x`
 *    passes every rule above yet takes seconds on a 10,000-character description.
 * Returns null when safe, else the reason.
 */
export const REGEX_MAX_SOURCE = 300;
export const REGEX_MAX_REPEAT = 50;
/** characters of pattern a lookaround may hold */
export const REGEX_MAX_LOOKAROUND = 40;
/**
 * Ways one start position may be tried. A pattern that can try 2,601 at every position (`.{0,50}.{0,50}x`) takes
 * ~0.1 s over a 10,000-character description without a match, so 5,000 keeps the worst near 0.2 s; the refused
 * `.{0,50}.{0,50}.{0,50}x` has 132,651 (4.5 s). The shipped pack's worst, the phone numbers' eight optional
 * separators, is ~4,100, and only where a number starts.
 */
export const REGEX_MAX_BACKTRACK = 5_000;

interface GroupInfo {
  alt: boolean;
  /** a quantifier with max > 1 somewhere inside */
  repeat: boolean;
  lookaround: boolean;
  openAt: number;
}

export function checkRegexSafety(source: string, flags = ''): string | null {
  if (source.length > REGEX_MAX_SOURCE) return `pattern longer than ${REGEX_MAX_SOURCE} characters`;
  if (/[gy]/.test(flags)) return 'flags g and y are not allowed';
  try {
    new RegExp(source, flags);
  } catch (e) {
    return `invalid regex: ${(e as Error).message}`;
  }
  const stack: GroupInfo[] = [{ alt: false, repeat: false, lookaround: false, openAt: 0 }];
  // what the last atom was, for the quantifier that may follow
  let lastGroup: GroupInfo | null = null;
  let lastAtom = false;
  let i = 0;
  const n = source.length;
  while (i < n) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next)) return 'backreferences are not allowed';
      if (next === 'k' && source[i + 2] === '<') return 'named backreferences are not allowed';
      if ((next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{') {
        const close = source.indexOf('}', i + 3);
        i = close < 0 ? n : close + 1;
      } else if (next === 'x') i += 4;
      else if (next === 'u') i += 6;
      else i += 2;
      lastGroup = null;
      lastAtom = true;
      continue;
    }
    if (ch === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < n && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      i = j + 1;
      lastGroup = null;
      lastAtom = true;
      continue;
    }
    if (ch === '(') {
      let lookaround = false;
      if (source.startsWith('(?=', i) || source.startsWith('(?!', i)) lookaround = true;
      if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) lookaround = true;
      stack.push({ alt: false, repeat: false, lookaround, openAt: i });
      if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) i += 4;
      else if (source.startsWith('(?<', i)) i = source.indexOf('>', i) + 1;
      else if (source[i + 1] === '?') i += 3;
      else i += 1;
      lastGroup = null;
      lastAtom = false;
      continue;
    }
    if (ch === ')') {
      const g = stack.pop();
      if (!g || stack.length === 0) return 'unbalanced parentheses';
      if (g.lookaround && i - g.openAt > REGEX_MAX_LOOKAROUND) return `lookaround longer than ${REGEX_MAX_LOOKAROUND} characters`;
      const parent = stack[stack.length - 1]!;
      if (g.repeat) parent.repeat = true;
      lastGroup = g;
      lastAtom = true;
      i++;
      continue;
    }
    if (ch === '|') {
      stack[stack.length - 1]!.alt = true;
      lastGroup = null;
      lastAtom = false;
      i++;
      continue;
    }
    if (ch === '*' || ch === '+') return `unbounded quantifier "${ch}" at ${i}`;
    if (ch === '?' || ch === '{') {
      let max = 1;
      let width = 1;
      if (ch === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
        if (!m) {
          // a literal brace
          lastGroup = null;
          lastAtom = true;
          i++;
          continue;
        }
        if (m[2] !== undefined && (m[3] === undefined || m[3] === '')) return `unbounded quantifier "${m[0]}" at ${i}`;
        max = Number(m[3] ?? m[1]);
        width = m[0].length;
        if (max > REGEX_MAX_REPEAT) return `repeat count ${max} over ${REGEX_MAX_REPEAT}`;
      }
      if (!lastAtom) return `quantifier without atom at ${i}`;
      if (lastGroup) {
        if (lastGroup.lookaround) return 'quantified lookaround';
        if (max > 1 && lastGroup.alt) return 'alternation inside a repeated group';
        if (max > 1 && lastGroup.repeat) return 'nested repeated quantifiers';
      }
      if (max > 1) stack[stack.length - 1]!.repeat = true;
      i += width;
      if (source[i] === '?') i++; // lazy
      lastAtom = false;
      lastGroup = null;
      continue;
    }
    lastGroup = null;
    lastAtom = true;
    i++;
  }
  if (stack.length !== 1) return 'unbalanced parentheses';
  const ways = estimateBacktracking(source, flags);
  if (ways > REGEX_MAX_BACKTRACK) {
    return `neighbouring repeats that match the same characters can be tried ${ways > 1e9 ? 'over 10^9' : Math.round(ways)} ways at one position (at most ${REGEX_MAX_BACKTRACK})`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Ambiguity bound. With every repeat bounded the automaton is acyclic, so backtracking cannot loop; what remains
// is how many ways the pattern can split the same text among neighbouring repeats, tried at every start position.
// The pattern is parsed into choice points: a quantified atom (n - m + 1 choices), a group with alternatives or an
// optional copy of a group (its alternatives' ways, plus skipping it); a repeated group's required copies are
// unrolled. Two choice points are linked when the first may end with a character the second may start with and only
// optional ones stand between them: the text at their border can go to either. Linked choice points multiply: a
// linked set with product P tries up to P ways and matches one text in up to P / (its largest count) ways, which
// every later set multiplies. An estimate, on the high side (it does not know how rarely a pattern can start).

/** Sorted, disjoint, inclusive code point ranges. */
type CharSet = readonly (readonly [number, number])[];

const MAX_CODE = 0x10ffff;
const ANY: CharSet = [[0, MAX_CODE]];
const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const SPACE: CharSet = normalise([[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]]);

function normalise(ranges: (readonly [number, number])[]): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE) out.push([next, MAX_CODE]);
  return out;
}

function overlaps(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]![1] < b[j]![0]) i++;
    else if (b[j]![1] < a[i]![0]) j++;
    else return true;
  }
  return false;
}

/** Under the i flag a letter also matches its other case (ASCII: packs run on folded text). */
function withOtherCase(set: CharSet): CharSet {
  const extra: [number, number][] = [];
  for (const [lo, hi] of set) {
    for (const [from, to, shift] of [[0x41, 0x5a, 32], [0x61, 0x7a, -32]] as const) {
      const a = Math.max(lo, from);
      const b = Math.min(hi, to);
      if (a <= b) extra.push([a + shift, b + shift]);
    }
  }
  return normalise([...set, ...extra]);
}

type RegexNode =
  | { kind: 'chars'; set: CharSet; min: number; max: number }
  | { kind: 'group'; alternatives: RegexNode[][]; min: number; max: number }
  | { kind: 'lookaround'; alternatives: RegexNode[][] };

/** Parses a pattern that already passed the rules above (so: valid, bounded, no backreferences). */
function parsePattern(source: string, flags: string): RegexNode[][] {
  const caseless = flags.includes('i');
  const setTheory = flags.includes('v');
  let i = 0;

  const escapeSet = (inClass: boolean): CharSet | 'assertion' => {
    const c = source[i + 1] ?? '';
    i += 2;
    switch (c) {
      case 'd': return DIGIT;
      case 'D': return complement(DIGIT);
      case 'w': return WORD;
      case 'W': return complement(WORD);
      case 's': return SPACE;
      case 'S': return complement(SPACE);
      case 'b': return inClass ? [[8, 8]] : 'assertion';
      case 'B': return 'assertion';
      case 'n': return [[10, 10]];
      case 'r': return [[13, 13]];
      case 't': return [[9, 9]];
      case 'v': return [[11, 11]];
      case 'f': return [[12, 12]];
      case '0': return [[0, 0]];
      case 'c': {
        const code = (source.charCodeAt(i) || 64) % 32;
        i += 1;
        return [[code, code]];
      }
      case 'x': {
        const code = parseInt(source.slice(i, i + 2), 16);
        i += 2;
        return Number.isNaN(code) ? ANY : [[code, code]];
      }
      case 'u': {
        if (source[i] === '{') {
          const close = source.indexOf('}', i);
          const code = parseInt(source.slice(i + 1, close), 16);
          i = close + 1;
          return Number.isNaN(code) ? ANY : [[code, code]];
        }
        const code = parseInt(source.slice(i, i + 4), 16);
        i += 4;
        return Number.isNaN(code) ? ANY : [[code, code]];
      }
      case 'p':
      case 'P':
        if (source[i] === '{') i = source.indexOf('}', i) + 1;
        return ANY; // a Unicode property: assume it may overlap anything
      default: {
        const code = c.codePointAt(0) ?? 0;
        return [[code, code]];
      }
    }
  };

  const parseClass = (): CharSet => {
    if (setTheory) {
      // Nested classes and set operations (v flag) are not modelled: such a class may match anything.
      for (let depth = 0; i < source.length; i++) {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') depth++;
        else if (source[i] === ']' && --depth === 0) break;
      }
      i++;
      return ANY;
    }
    i++;
    const negated = source[i] === '^';
    if (negated) i++;
    const ranges: (readonly [number, number])[] = [];
    while (i < source.length && source[i] !== ']') {
      let lo: CharSet;
      if (source[i] === '\\') {
        const set = escapeSet(true);
        lo = set === 'assertion' ? [] : set;
      } else {
        const code = source.codePointAt(i)!;
        i += code > 0xffff ? 2 : 1;
        lo = [[code, code]];
      }
      if (source[i] === '-' && source[i + 1] !== ']' && i + 1 < source.length && lo.length === 1 && lo[0]![0] === lo[0]![1]) {
        i++;
        let hi: CharSet;
        if (source[i] === '\\') {
          const set = escapeSet(true);
          hi = set === 'assertion' ? [] : set;
        } else {
          const code = source.codePointAt(i)!;
          i += code > 0xffff ? 2 : 1;
          hi = [[code, code]];
        }
        if (hi.length === 1 && hi[0]![0] === hi[0]![1]) ranges.push([lo[0]![0], hi[0]![0]]);
        else ranges.push(...lo, ...hi, [0x2d, 0x2d]);
      } else ranges.push(...lo);
    }
    i++; // ]
    const set = caseless ? withOtherCase(normalise(ranges)) : normalise(ranges);
    return negated ? complement(set) : set;
  };

  const parseQuantifier = (): [number, number] => {
    let bounds: [number, number] = [1, 1];
    if (source[i] === '?') {
      bounds = [0, 1];
      i++;
    } else if (source[i] === '{') {
      const m = /^\{(\d+)(?:,(\d+))?\}/.exec(source.slice(i));
      if (!m) return bounds;
      bounds = [Number(m[1]), Number(m[2] ?? m[1])];
      i += m[0].length;
    } else return bounds;
    if (source[i] === '?') i++; // lazy: the same ways, tried in another order
    return bounds;
  };

  const parseAlternatives = (): RegexNode[][] => {
    const alternatives: RegexNode[][] = [[]];
    while (i < source.length && source[i] !== ')') {
      const ch = source[i]!;
      const sequence = alternatives[alternatives.length - 1]!;
      if (ch === '|') {
        alternatives.push([]);
        i++;
        continue;
      }
      if (ch === '(') {
        const lookahead = source.startsWith('(?=', i) || source.startsWith('(?!', i);
        const lookbehind = source.startsWith('(?<=', i) || source.startsWith('(?<!', i);
        const lookaround = lookahead || lookbehind;
        if (lookahead) i += 3;
        else if (lookbehind) i += 4;
        else if (source.startsWith('(?<', i)) i = source.indexOf('>', i) + 1;
        else if (source[i + 1] === '?') i = source.indexOf(':', i) + 1; // (?: and modifier groups (?i:
        else i++;
        const inner = parseAlternatives();
        i++; // )
        if (lookaround) sequence.push({ kind: 'lookaround', alternatives: inner });
        else {
          const [min, max] = parseQuantifier();
          sequence.push({ kind: 'group', alternatives: inner, min, max });
        }
        continue;
      }
      if (ch === '^' || ch === '$') {
        i++;
        continue;
      }
      let set: CharSet | 'assertion';
      if (ch === '\\') {
        set = escapeSet(false);
        if (caseless && set !== 'assertion') set = withOtherCase(set);
      }
      else if (ch === '[') set = parseClass();
      else if (ch === '.') {
        set = ANY;
        i++;
      } else {
        const code = source.codePointAt(i)!;
        i += code > 0xffff && flags.includes('u') ? 2 : 1;
        set = caseless ? withOtherCase([[code, code]]) : [[code, code]];
      }
      if (set === 'assertion') continue;
      const [min, max] = parseQuantifier();
      sequence.push({ kind: 'chars', set, min, max });
    }
    return alternatives;
  };

  return parseAlternatives();
}

/** One choice point in an unrolled sequence: `ways` choices, none of which need consume anything when nullable. */
interface Item {
  /** the characters its match may start and end with */
  first: CharSet;
  last: CharSet;
  ways: number;
  nullable: boolean;
}

const union = (sets: CharSet[]): CharSet => normalise(sets.flat());

/** The characters a sequence may start with (or, fromEnd, end with), and whether it may match nothing. */
function edgeChars(sequence: RegexNode[], fromEnd = false): { set: CharSet; nullable: boolean } {
  const sets: CharSet[] = [];
  for (const node of fromEnd ? [...sequence].reverse() : sequence) {
    if (node.kind === 'lookaround') continue;
    if (node.kind === 'chars') {
      sets.push(node.set);
      if (node.min > 0) return { set: union(sets), nullable: false };
      continue;
    }
    let groupNullable = node.min === 0;
    for (const alternative of node.alternatives) {
      const edge = edgeChars(alternative, fromEnd);
      sets.push(edge.set);
      if (edge.nullable) groupNullable = true;
    }
    if (!groupNullable) return { set: union(sets), nullable: false };
  }
  return { set: union(sets), nullable: true };
}

/**
 * Upper bound on the ways an alternation can be tried at one position: the alternatives that can start with the
 * same character (or match nothing) are all tried, each with its own ways.
 */
function alternationWays(alternatives: RegexNode[][], lookarounds: RegexNode[][][]): number {
  const starts = alternatives.map((alternative) => ({ ...edgeChars(alternative), ways: sequenceWays(alternative, lookarounds) }));
  let worst = 0;
  for (const start of starts) {
    let sum = 0;
    for (const other of starts) if (other.nullable || start.nullable || overlaps(start.set, other.set)) sum += other.ways;
    worst = Math.max(worst, sum);
  }
  return worst;
}

/** A group as one choice point: one of its alternatives, each with its own ways, or (skippable) nothing. */
function groupItem(alternatives: RegexNode[][], skippable: boolean, lookarounds: RegexNode[][][]): Item {
  const first = alternatives.map((alternative) => edgeChars(alternative));
  return {
    first: union(first.map((edge) => edge.set)),
    last: union(alternatives.map((alternative) => edgeChars(alternative, true).set)),
    ways: alternationWays(alternatives, lookarounds) + (skippable ? 1 : 0),
    nullable: skippable || first.some((edge) => edge.nullable),
  };
}

function unroll(sequence: RegexNode[], items: Item[], lookarounds: RegexNode[][][]) {
  for (const node of sequence) {
    if (node.kind === 'lookaround') lookarounds.push(node.alternatives);
    else if (node.kind === 'chars') {
      if (node.max > 0) items.push({ first: node.set, last: node.set, ways: node.max - node.min + 1, nullable: node.min === 0 });
    } else if (node.alternatives.length === 1) {
      // A repeated group is its body once per required repetition, then one optional copy per further one.
      for (let k = 0; k < node.max; k++) {
        if (k < node.min) unroll(node.alternatives[0]!, items, lookarounds);
        else items.push(groupItem(node.alternatives, true, lookarounds));
      }
    } else if (node.max > 0) {
      // an alternation, never repeated (rules above)
      items.push(groupItem(node.alternatives, node.min === 0, lookarounds));
    }
  }
}

/** Upper bound on the ways a sequence can be tried at one position (see the section comment). */
function sequenceWays(sequence: RegexNode[], lookarounds: RegexNode[][][]): number {
  const items: Item[] = [];
  unroll(sequence, items, lookarounds);
  // Link an item to the earlier ones whose match may end with a character its own may start with, when only
  // nullable items stand between them: the text at their border can go to either (union-find).
  const parent = items.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  for (let j = 1; j < items.length; j++) {
    for (let k = j - 1; k >= 0; k--) {
      if (overlaps(items[k]!.last, items[j]!.first)) parent[find(k)] = find(j);
      if (!items[k]!.nullable) break;
    }
  }
  const groups = new Map<number, { product: number; largest: number }>();
  for (let k = 0; k < items.length; k++) {
    const root = find(k);
    const group = groups.get(root) ?? { product: 1, largest: 1 };
    group.product *= items[k]!.ways;
    group.largest = Math.max(group.largest, items[k]!.ways);
    groups.set(root, group);
  }
  // Groups in order of their first item (a Map keeps insertion order): each is tried once per way the groups before it matched.
  let total = 0;
  let waysBefore = 1;
  for (const { product, largest } of groups.values()) {
    total += waysBefore * product;
    waysBefore *= product / largest;
  }
  return Math.max(1, total);
}

/** An upper estimate of how many ways the pattern can be tried at one start position. */
export function estimateBacktracking(source: string, flags = ''): number {
  const lookarounds: RegexNode[][][] = [];
  const top = parsePattern(source, flags);
  let worst = alternationWays(top, lookarounds);
  // A lookaround is tried on its own at each position it is reached; its ways add, they do not multiply.
  for (const alternatives of lookarounds) worst = Math.max(worst, alternationWays(alternatives, []));
  return worst;
}
