/**
 * Static safety check for pack regexes, so that a pattern that can backtrack catastrophically is
 * refused when the pack loads instead of freezing a page. Deliberately conservative:
 *  - every quantifier is bounded (`?`, `{n}`, `{n,m}` with m ≤ 50); `*`, `+`, `{n,}` are refused;
 *  - no backreferences (`\1`, `\k<name>`);
 *  - a repeated group (max > 1) may contain neither alternation nor another repeat (max > 1);
 *    lookarounds may not be repeated and may hold at most 40 characters of pattern;
 *  - the source is at most 300 characters.
 * Returns null when safe, else the reason.
 */
export const REGEX_MAX_SOURCE = 300;
export const REGEX_MAX_REPEAT = 50;

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
      if (g.lookaround && i - g.openAt > 40) return 'lookaround longer than 40 characters';
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
  return null;
}
