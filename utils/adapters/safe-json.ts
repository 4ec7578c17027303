// Defensive JSON for page-derived data: size-capped, never throws, drops keys that could pollute
// prototypes when the data is later spread or assigned.

export const MAX_JSON_CHARS = 8_000_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: unknown };

function reviver(key: string, value: unknown): unknown {
  return FORBIDDEN_KEYS.has(key) ? undefined : value;
}

/** JSON.parse that returns undefined instead of throwing and strips __proto__/constructor/prototype. */
export function safeJsonParse(text: string | null | undefined, maxChars = MAX_JSON_CHARS): unknown {
  if (typeof text !== 'string' || text.length === 0 || text.length > maxChars) return undefined;
  try {
    return JSON.parse(text, reviver);
  } catch {
    return undefined;
  }
}

/**
 * Finds the JSON object literal that starts at the first `{` at or after `from` and returns its text
 * (string- and escape-aware brace matching). Used for `app.run({...})`, `var x = {...};`.
 */
export function sliceJsonObject(source: string, from: number, maxChars = MAX_JSON_CHARS): string | undefined {
  const start = source.indexOf('{', from);
  if (start < 0 || start - from > 200) return undefined;
  let depth = 0;
  let inString = false;
  let quote = '';
  const end = Math.min(source.length, start + maxChars);
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (source[i] === quote) inString = false;
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      inString = true;
      quote = source[i]!;
    } else if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */) {
      depth--;
      if (depth === 0) return source.slice(start, i + 1);
    }
  }
  return undefined;
}

/** Parses the object literal that follows `marker` in a script text (e.g. `app.run(`). */
export function jsonAfter(source: string, marker: string): unknown {
  const at = source.indexOf(marker);
  if (at < 0) return undefined;
  const text = sliceJsonObject(source, at + marker.length);
  return text === undefined ? undefined : safeJsonParse(text);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a nested value by path; own properties only. */
export function get(value: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[key];
    } else {
      if (!isObject(cur) || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
      cur = cur[key];
    }
  }
  return cur;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Breadth-first search for the first object that satisfies `test`, bounded in depth and nodes so a
 * hostile or huge document cannot stall the page.
 */
export function findObject(
  root: unknown,
  test: (obj: JsonObject) => boolean,
  limits: { maxDepth?: number; maxNodes?: number } = {},
): JsonObject | undefined {
  const maxDepth = limits.maxDepth ?? 12;
  const maxNodes = limits.maxNodes ?? 50_000;
  let queue: unknown[] = [root];
  let visited = 0;
  for (let depth = 0; depth <= maxDepth && queue.length > 0; depth++) {
    const next: unknown[] = [];
    for (const node of queue) {
      if (++visited > maxNodes) return undefined;
      if (Array.isArray(node)) {
        for (const child of node) if (typeof child === 'object' && child !== null) next.push(child);
      } else if (isObject(node)) {
        if (test(node)) return node;
        for (const key in node) {
          if (!Object.prototype.hasOwnProperty.call(node, key)) continue;
          const child = node[key];
          if (typeof child === 'object' && child !== null) next.push(child);
        }
      }
    }
    queue = next;
  }
  return undefined;
}
