// Text, number and price helpers for untrusted page values.
import { capText, LIMITS } from '../../contract/limits';

const MAX_VND = 1e13;
/** longest raw string we even look at when normalising (whitespace collapse is O(n)) */
const MAX_RAW = 200_000;

/** Collapses whitespace, trims and caps; undefined for empty or non-strings. */
export function cleanText(value: unknown, max: number = LIMITS.shortText): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string') return undefined;
  const raw = value.length > MAX_RAW ? value.slice(0, MAX_RAW) : value;
  const text = raw.replace(/\s+/g, ' ').trim();
  return text ? capText(text, max) : undefined;
}

/** Like cleanText but keeps line breaks (descriptions). */
export function cleanMultiline(value: unknown, max: number = LIMITS.description): string | undefined {
  if (typeof value !== 'string') return undefined;
  const raw = value.length > MAX_RAW ? value.slice(0, MAX_RAW) : value;
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text ? capText(text, max) : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text of an HTML fragment found inside JSON (e.g. Lazada `product.desc`), without any DOM parsing. */
export function htmlToText(value: unknown, max: number = LIMITS.description): string | undefined {
  if (typeof value !== 'string') return undefined;
  const raw = value.length > MAX_RAW ? value.slice(0, MAX_RAW) : value;
  const text = raw
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<\/?(b|i|u|em|strong|span|a|font|small|sup|sub|mark)\b[^>]*>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ent: string) => {
      if (ent[0] === '#') {
        const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[ent.toLowerCase()] ?? m;
    });
  return cleanMultiline(text, max);
}

/** A finite number from a number or numeric string. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.length < 40) {
    const t = value.trim();
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  }
  return undefined;
}

/** Non-negative integer (counts). */
export function toCount(value: unknown): number | undefined {
  const n = toNumber(value);
  return n !== undefined && n >= 0 && n <= Number.MAX_SAFE_INTEGER ? Math.round(n) : undefined;
}

/** Id as a short digit/word string. */
export function toId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string') {
    const t = value.trim();
    if (/^[A-Za-z0-9_.:-]{1,100}$/.test(t) && t !== '0') return t;
  }
  return undefined;
}

/** Integer VND from a plain number (already VND); positive only (0 means "no price shown"). */
export function vnd(value: unknown, divisor = 1): number | undefined {
  const n = toNumber(value);
  if (n === undefined || n <= 0) return undefined;
  const v = Math.round(n / divisor);
  return v > 0 && v <= MAX_VND ? v : undefined;
}

/**
 * Parses a displayed Vietnamese price: "2.490.000 ₫", "₫29,850,000", "4.040.000đ", "800000", "1,2 tr".
 * Returns the first amount; `parsePriceRange` returns both ends of "₫100.000 - ₫200.000".
 */
export function parsePrice(text: unknown): number | undefined {
  return parsePriceRange(text)?.[0];
}

export function parsePriceRange(text: unknown): [number, number] | undefined {
  if (typeof text === 'number') {
    const v = vnd(text);
    return v === undefined ? undefined : [v, v];
  }
  if (typeof text !== 'string' || text.length > 200) return undefined;
  const found: number[] = [];
  const re = /(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(tr(?:iệu)?|k)?\b/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && found.length < 2) {
    let digits = m[1]!;
    const unit = (m[2] ?? '').toLowerCase();
    let n: number;
    if (/^\d{1,3}([.,]\d{3})+$/.test(digits) && !unit) n = Number(digits.replace(/[.,]/g, ''));
    else {
      digits = digits.replace(',', '.');
      n = Number(digits);
      if (unit.startsWith('tr')) n *= 1_000_000;
      else if (unit === 'k') n *= 1_000;
    }
    const v = vnd(n);
    if (v !== undefined) found.push(v);
  }
  if (found.length === 0) return undefined;
  return [found[0]!, found[1] ?? found[0]!];
}

/** "31,2k" / "1.2k" / "Đã bán 9,4k" / "2,3tr" / "1234" → integer. */
export function parseCompactCount(text: unknown): number | undefined {
  if (typeof text === 'number') return toCount(text);
  if (typeof text !== 'string' || text.length > 100) return undefined;
  const m = /(\d+(?:[.,]\d+)*)\s*(k|tr|m)?/i.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  let n: number;
  if (unit) n = Number(m[1]!.replace(',', '.')) * (unit === 'k' ? 1e3 : 1e6);
  else n = Number(m[1]!.replace(/[.,]/g, ''));
  return Number.isFinite(n) ? Math.round(n) : undefined;
}

/** Rating on a 0..5 scale. */
export function toRating(value: unknown): number | undefined {
  const n = toNumber(value);
  if (n === undefined || n < 0 || n > 5) return undefined;
  return Math.round(n * 100) / 100;
}
