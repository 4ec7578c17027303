import { stripDiacritics } from '../../contract/text';
import { foldSimple } from '../risk/index';

export type Disguise = 'diacritics' | 'case' | 'leet' | 'split';

const SEPARATORS = /[.\-_*·,/|]+/g;

/** "h.a.n.g f.a.k.e" → "hang fake", "s u p e r" → "super": letters put back together, as the engine reads them. */
function joinSplitLetters(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length >= 3 && words.every((word) => [...word].length === 1)) return words.join('');
  const joined = words.map((word) => (word.split(SEPARATORS).length >= 3 && word.split(SEPARATORS).every((part) => [...part].length <= 1) ? word.replace(SEPARATORS, '') : word));
  return joined.join(' ') === text.trim() ? undefined : joined.join(' ');
}

/**
 * How a matched phrase was written to dodge a plain search, and what the engine read instead: the folded form and
 * the disguises that folding undid (diacritics, case, digits/symbols for letters, letters split apart).
 */
export function explainMatch(text: string): { folded: string; disguises: Disguise[] } {
  const disguises: Disguise[] = [];
  const joined = joinSplitLetters(text);
  if (joined !== undefined) disguises.push('split');
  const plain = joined ?? text;
  if (stripDiacritics(plain) !== plain) disguises.unshift('diacritics');
  if (plain !== plain.toLowerCase()) disguises.splice(disguises.includes('diacritics') ? 1 : 0, 0, 'case');
  if (/\p{L}[0-9@$!€]|[0-9@$!€]\p{L}/u.test(plain)) disguises.push('leet');
  return { folded: foldSimple(plain).replace(/\s+/g, ' ').trim(), disguises };
}
