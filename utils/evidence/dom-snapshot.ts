// The page archive when the browser cannot make MHTML (no pageCapture permission, or Firefox): the DOM as it is
// rendered, with the page's stylesheets inlined where readable, every script and active content removed, and the
// buyer's masked header widgets reduced to empty boxes. Taken while the mask is on (see page-mask.ts).
import { MASK_ATTRIBUTE } from './page-mask';

/** Removed outright: code, frames, plugin content, hidden form state, things the extension put in the page. */
const DROPPED = [
  'script',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'portal',
  'base',
  'input[type="hidden" i]',
  'meta[http-equiv]',
  'link[rel~="preload" i]',
  'link[rel~="modulepreload" i]',
  'link[rel~="prefetch" i]',
  'link[rel~="prerender" i]',
  'link[rel~="manifest" i]',
  'link[rel~="import" i]',
].join(', ');

export const OWN_UI_TAG_PREFIX = 'hotline389-';

function stylesheetText(sheet: CSSStyleSheet): string | undefined {
  try {
    return [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
  } catch {
    return undefined; // a cross-origin stylesheet: its link stays, with an absolute address
  }
}

function isUnsafeUrl(value: string): boolean {
  return /^\s*(javascript|vbscript|data:text\/html)/i.test(value);
}

/**
 * Makes a cloned subtree inert in place: code, frames and hidden form state removed, the extension's own UI removed,
 * masked buyer widgets reduced to their boxes, event handlers and script URLs dropped, comments removed.
 */
export function cleanSubtree(clone: Element, document: Document): void {
  for (const element of [...clone.querySelectorAll(DROPPED)]) element.remove();
  for (const element of [...clone.querySelectorAll('*')]) {
    if (element.localName.startsWith(OWN_UI_TAG_PREFIX)) {
      element.remove();
      continue;
    }
    if (element.hasAttribute(MASK_ATTRIBUTE)) {
      // only its place remains
      for (const attribute of [...element.attributes]) if (attribute.name !== 'style') element.removeAttribute(attribute.name);
      element.setAttribute('data-masked', 'buyer');
      continue;
    }
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc' || name === 'nonce' || name === 'integrity' || ((name === 'href' || name === 'src' || name === 'action' || name === 'formaction' || name === 'xlink:href') && isUnsafeUrl(attribute.value))) {
        element.removeAttribute(attribute.name);
      }
    }
  }
  // comments can carry server-side debug output about the session
  const walker = document.createTreeWalker(clone, 0x80 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

/** One search card's own DOM as a small inert HTML file (a batch report's card.html); at most `maxChars`. */
export function serialiseCardSnapshot(card: Element, pageUrl: string, maxChars: number): string | undefined {
  const document = card.ownerDocument;
  const clone = card.cloneNode(true) as Element;
  cleanSubtree(clone, document);
  for (const attribute of [...clone.attributes]) if (/^on/i.test(attribute.name)) clone.removeAttribute(attribute.name);
  let base = pageUrl;
  try {
    const url = new URL(pageUrl);
    base = `${url.origin}${url.pathname}`;
  } catch {
    // keep as given
  }
  const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  // eslint-disable-next-line no-restricted-properties -- reads (serialises) the cleaned clone; never assigns HTML
  const html = `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; form-action 'none'; frame-src 'none'"><base href="${escapeAttribute(base)}"></head><body>\n${clone.outerHTML}\n</body></html>\n`;
  return html.length <= maxChars ? html : undefined;
}

/**
 * Serialises `document` as one self-contained, inert HTML file. `pageUrl` becomes its base (the page's own address
 * without query or fragment: tracking parameters stay out of the evidence).
 */
export function serialiseDomSnapshot(document: Document, pageUrl: string): string {
  // Stylesheets first, while the clone still matches the page one to one.
  const liveLinks = [...document.querySelectorAll('link[rel~="stylesheet" i]')] as HTMLLinkElement[];
  const liveStyles = [...document.querySelectorAll('style')];
  const clone = document.documentElement.cloneNode(true) as HTMLElement;
  const clonedLinks = [...clone.querySelectorAll('link[rel~="stylesheet" i]')] as HTMLLinkElement[];
  const clonedStyles = [...clone.querySelectorAll('style')];
  liveStyles.forEach((style, index) => {
    // CSS-in-JS libraries insert rules with insertRule, which leaves the <style> element empty: write what the sheet holds.
    const text = style.sheet ? stylesheetText(style.sheet) : undefined;
    const copy = clonedStyles[index];
    if (copy && text !== undefined && text.length > (copy.textContent ?? '').length) copy.textContent = text;
  });
  liveLinks.forEach((link, index) => {
    const copy = clonedLinks[index];
    if (!copy) return;
    const text = link.sheet ? stylesheetText(link.sheet) : undefined;
    if (text === undefined) {
      if (link.href) copy.setAttribute('href', link.href);
      return;
    }
    const style = document.createElement('style');
    style.textContent = text;
    if (link.media) style.setAttribute('media', link.media);
    copy.replaceWith(style);
  });

  cleanSubtree(clone, document);

  let head = clone.querySelector('head');
  if (!head) {
    head = document.createElement('head');
    clone.prepend(head);
  }
  const adopted = (document.adoptedStyleSheets ?? []).map(stylesheetText).filter((text): text is string => !!text);
  if (adopted.length) {
    const style = document.createElement('style');
    style.textContent = adopted.join('\n');
    head.append(style);
  }
  let base = pageUrl;
  try {
    const url = new URL(pageUrl);
    base = `${url.origin}${url.pathname}`;
  } catch {
    // keep as given
  }
  const meta = (attributes: Record<string, string>) => {
    const element = document.createElement('meta');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return element;
  };
  const baseElement = document.createElement('base');
  baseElement.setAttribute('href', base);
  head.prepend(
    meta({ charset: 'utf-8' }),
    // opened later, the archive runs nothing and sends no form
    meta({ 'http-equiv': 'Content-Security-Policy', content: "script-src 'none'; object-src 'none'; form-action 'none'; frame-src 'none'" }),
    baseElement,
  );
  // eslint-disable-next-line no-restricted-properties -- reads (serialises) the cleaned clone; never assigns HTML
  return `<!DOCTYPE html>\n${clone.outerHTML}\n`;
}
