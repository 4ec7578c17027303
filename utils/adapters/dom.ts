// Small DOM helpers that never throw and bound their work. Work on any Document implementation
// (browser, happy-dom); no `window` globals.
import { capText } from '../../contract/limits';

/** Max elements any single query walks; hostile pages can hold 50k+ nodes. */
export const MAX_QUERY_RESULTS = 2_000;
/** Max characters of a script we read (embedded JSON of big pages is ~1-3 MB). */
export const MAX_SCRIPT_CHARS = 8_000_000;

export function qs(root: ParentNode | null | undefined, selector: string): Element | null {
  if (!root) return null;
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

export function qsa(root: ParentNode | null | undefined, selector: string, max = MAX_QUERY_RESULTS): Element[] {
  if (!root) return [];
  try {
    const list = root.querySelectorAll(selector);
    const n = Math.min(list.length, max);
    const out: Element[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = list[i]!;
    return out;
  } catch {
    return [];
  }
}

/** textContent read once and capped (a 5 MB title is cut before any regex touches it). */
export function textOf(el: Node | null | undefined, max = 20_000): string | undefined {
  if (!el) return undefined;
  let t: string | null;
  try {
    t = el.textContent;
  } catch {
    return undefined;
  }
  if (!t) return undefined;
  return t.length > max ? capText(t, max) : t;
}

export function attr(el: Element | null | undefined, name: string): string | undefined {
  if (!el) return undefined;
  try {
    const v = el.getAttribute(name);
    return v === null ? undefined : v;
  } catch {
    return undefined;
  }
}

/** Text of inline scripts matching `selector`, bounded in count and size. */
export function scriptTexts(doc: Document, selector = 'script:not([src])', maxScripts = 400): string[] {
  const out: string[] = [];
  for (const el of qsa(doc, selector, maxScripts)) {
    const t = textOf(el, MAX_SCRIPT_CHARS);
    if (t && t.length < MAX_SCRIPT_CHARS) out.push(t);
  }
  return out;
}

/** First inline script whose text contains `needle`. */
export function findScript(doc: Document, needle: string): string | undefined {
  for (const t of scriptTexts(doc)) if (t.includes(needle)) return t;
  return undefined;
}

/** `el.closest(sel)` that never throws. */
export function closest(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

/** Elements matching `selector` inside `root`, including `root` itself when it is an element. */
export function qsaSelf(root: ParentNode, selector: string, max = MAX_QUERY_RESULTS): Element[] {
  const out: Element[] = [];
  const asEl = root as Element;
  if (typeof asEl.matches === 'function') {
    try {
      if (asEl.matches(selector)) out.push(asEl);
    } catch {
      return out;
    }
  }
  for (const el of qsa(root, selector, max)) out.push(el);
  return out;
}

/**
 * Visits the elements of `root` (root included) in document order with a TreeWalker, which is
 * linear in every DOM implementation (querySelectorAll over tens of thousands of nodes is not, in
 * some), and stops when `visit` returns false or after `maxVisited` elements.
 */
export function walkElements(root: ParentNode, visit: (el: Element) => boolean | void, maxVisited = 200_000): void {
  const node = root as unknown as Node;
  const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
  const start: Node | null = node.nodeType === 9 ? (node as Document).documentElement : node;
  if (!doc || !start || typeof doc.createTreeWalker !== 'function') return;
  try {
    const walker = doc.createTreeWalker(start, 1 /* NodeFilter.SHOW_ELEMENT */);
    let current: Node | null = walker.currentNode;
    let visited = 0;
    while (current && visited++ < maxVisited) {
      if (current.nodeType === 1 && visit(current as Element) === false) return;
      current = walker.nextNode();
    }
  } catch {
    /* a broken node: stop */
  }
}

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'TABLE']);

/**
 * The text of the block a page labels with a heading (e.g. "Mô tả sản phẩm"): the first element
 * after the heading, with line breaks where the page shows them (<br>, paragraphs, list items).
 * Found by the heading's text, since the classes around it are generated; bounded in headings
 * visited, nodes walked and characters kept.
 */
export function textAfterHeading(doc: ParentNode, heading: RegExp, maxChars = 200_000): string | undefined {
  for (const h of qsa(doc, 'h2, h3, h4, h5', 300)) {
    const label = textOf(h, 200)?.trim();
    if (!label || !heading.test(label)) continue;
    const block = h.nextElementSibling;
    if (!block?.ownerDocument) continue;
    const parts: string[] = [];
    let length = 0;
    try {
      const walker = block.ownerDocument.createTreeWalker(block, 1 | 4 /* elements and text */);
      for (let node: Node | null = walker.nextNode(), n = 0; node && n < 50_000 && length < maxChars; node = walker.nextNode(), n++) {
        if (node.nodeType === 3) {
          // source line breaks are not line breaks on screen
          const t = (node.nodeValue ?? '').replace(/\s+/g, ' ');
          parts.push(t);
          length += t.length;
        } else if ((node as Element).tagName === 'BR' || BLOCK_TAGS.has((node as Element).tagName)) {
          parts.push('\n');
        }
      }
    } catch {
      continue;
    }
    return parts.join('').slice(0, maxChars);
  }
  return undefined;
}
