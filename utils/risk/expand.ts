/**
 * Phrase templates: `{a|b|c}` alternation (nestable), `{a|}` optional part, `<NAME>` macro.
 * Expanded at compile time into plain phrases; the expansion is capped.
 */
export const MAX_EXPANSIONS = 1000;

export class ExpandError extends Error {}

function splitTopLevel(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of inner) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === '|' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

export function expandPhrase(template: string, macros: Record<string, string[]>): string[] {
  return [...new Set(expandInner(template, macros, 0).map((r) => r.replace(/\s+/g, ' ').trim()).filter((r) => r.length > 0))];
}

function expandInner(template: string, macros: Record<string, string[]>, depth: number): string[] {
  if (depth > 8) throw new ExpandError(`macro nesting too deep in "${template}"`);
  // macros first: <NAME> → {v1|v2|…}
  const withMacros = template.replace(/<([A-Z][A-Z0-9_]*)>/g, (_m, name: string) => {
    const values = macros[name];
    if (!values) throw new ExpandError(`unknown macro <${name}>`);
    return `{${values.join('|')}}`;
  });
  if (withMacros !== template && /<[A-Z]/.test(withMacros)) return expandInner(withMacros, macros, depth + 1);
  let results = [''];
  let i = 0;
  const s = withMacros;
  while (i < s.length) {
    const open = s.indexOf('{', i);
    if (open < 0) {
      const tail = s.slice(i);
      results = results.map((r) => r + tail);
      break;
    }
    const head = s.slice(i, open);
    let depthCount = 0;
    let close = -1;
    for (let j = open; j < s.length; j++) {
      if (s[j] === '{') depthCount++;
      else if (s[j] === '}') {
        depthCount--;
        if (depthCount === 0) {
          close = j;
          break;
        }
      }
    }
    if (close < 0) throw new ExpandError(`unbalanced "{" in "${template}"`);
    const options = splitTopLevel(s.slice(open + 1, close)).flatMap((o) => expandInner(o, macros, depth + 1));
    const next: string[] = [];
    for (const r of results) for (const o of options) next.push(r + head + o);
    if (next.length > MAX_EXPANSIONS) throw new ExpandError(`"${template}" expands to more than ${MAX_EXPANSIONS} phrases`);
    results = next;
    i = close + 1;
  }
  if (s.includes('}') && !s.includes('{')) throw new ExpandError(`unbalanced "}" in "${template}"`);
  return results;
}
