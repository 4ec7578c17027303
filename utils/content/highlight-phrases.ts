// Highlights matched phrases in the page with the CSS Custom Highlight API: no DOM change, no reflow.
const HIGHLIGHT_NAME = 'hotline389-risk';
const STYLE_ID = 'hotline389-highlight-style';
const MAX_RANGES = 200;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE']);

export function findPhraseRanges(root: Node, phrases: readonly string[], skipHost?: Element): Range[] {
  const wanted = [...new Set(phrases.map((phrase) => phrase.trim()).filter((phrase) => phrase.length >= 2))];
  if (!wanted.length) return [];
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      const parent = node.parentElement;
      if (!parent || SKIP.has(parent.tagName) || (skipHost && skipHost.contains(parent))) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const ranges: Range[] = [];
  for (let node = walker.nextNode(); node && ranges.length < MAX_RANGES; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    for (const phrase of wanted) {
      for (let at = text.indexOf(phrase); at !== -1 && ranges.length < MAX_RANGES; at = text.indexOf(phrase, at + phrase.length)) {
        const range = doc.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + phrase.length);
        ranges.push(range);
      }
    }
  }
  return ranges;
}

/** Shows (or with no phrases, clears) the highlight; returns how many places were marked. */
export function highlightPhrases(doc: Document, phrases: readonly string[], skipHost?: Element): number {
  const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  const HighlightCtor = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!registry || !HighlightCtor) return 0;
  registry.delete(HIGHLIGHT_NAME);
  if (!phrases.length || !doc.body) return 0;
  if (!doc.getElementById(STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = `::highlight(${HIGHLIGHT_NAME}) { background-color: #ffeb3b; color: #000; }`;
    (doc.head ?? doc.documentElement).append(style);
  }
  const ranges = findPhraseRanges(doc.body, phrases, skipHost);
  if (ranges.length) registry.set(HIGHLIGHT_NAME, new HighlightCtor(...ranges));
  return ranges.length;
}
