// Page text as the hotline stores it, applied the same way by the extension (before it queues, hashes or signs a
// report) and by the server (on ingest): what the reporter's browser sent is what the database keeps.

// C0 controls except tab and newline: NUL breaks PostgreSQL text, the rest are invisible tricks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Lone surrogates → U+FFFD; NUL and other control characters (but tab and newline) removed. */
export function cleanText(value: string): string {
  return value.replace(CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Vietnamese letters without their marks, đ → d (case kept): "Giày ĐẸP" → "Giay DEP". */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd');
}

/** The first place where a JSON value nests deeper than `maxDepth` (e.g. "listing.provenance.title"), if any. */
export function findTooDeep(value: unknown, maxDepth: number): string | undefined {
  // Iterative: a hostile body may nest a hundred thousand levels, which a recursive walk would overflow on.
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= maxDepth) return item.path || '(root)';
    for (const [key, child] of Object.entries(item.value)) stack.push({ value: child, depth: item.depth + 1, path: item.path ? `${item.path}.${key}` : key });
  }
  return undefined;
}

/** A copy of a JSON value with every string and key cleaned (call after findTooDeep has bounded the depth). */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanStrings) as T;
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) copy[cleanText(key)] = cleanStrings(child);
    return copy as T;
  }
  return value;
}

/** Whether a free-form JSON value stays within `maxDepth` levels and `maxChars` once serialised. */
export function isBoundedJson(value: unknown, maxDepth: number, maxChars: number): boolean {
  if (findTooDeep(value, maxDepth) !== undefined) return false;
  try {
    return (JSON.stringify(value) ?? '').length <= maxChars;
  } catch {
    return false;
  }
}
