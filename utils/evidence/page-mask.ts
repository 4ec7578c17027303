// Content-script side of a capture: blanks the signed-in buyer's header widgets for the instant of the capture and
// puts them back right after. A masked element keeps its place and size (so the page does not reflow) but loses its
// children and identifying attributes, and paints as one flat grey box: the screenshot shows grey, and Chromium's
// MHTML serializer and the DOM snapshot find nothing of the buyer in it.

export const MASK_COLOUR = '#808080';
export const MASK_ATTRIBUTE = 'data-hotline389-masked';
/** Attributes a masked element keeps: its layout depends on them, and they do not name the buyer. */
const KEPT_ATTRIBUTES = new Set(['class', 'id', 'style', 'role']);

export interface MaskedRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ActiveMask {
  count: number;
  /** viewport rectangles (CSS px) of the masked elements when masked */
  rects: MaskedRect[];
  restore(): void;
}

function maskStyle(width: number, height: number, display: string): string {
  const box = `width:${width}px!important;height:${height}px!important;min-width:${width}px!important;min-height:${height}px!important;max-width:${width}px!important;max-height:${height}px!important`;
  return [
    display === 'inline' ? 'display:inline-block!important' : '',
    box,
    'box-sizing:border-box!important',
    'padding:0!important',
    `background:${MASK_COLOUR}!important`,
    `border-color:${MASK_COLOUR}!important`,
    'color:transparent!important',
    'box-shadow:none!important',
    'outline:none!important',
    'opacity:1!important',
    'filter:none!important',
    'overflow:hidden!important',
    'content-visibility:visible!important',
  ]
    .filter(Boolean)
    .join(';');
}

/** Hollows out `elements` (see above); `restore()` puts back children, attributes and style exactly. */
export function maskElements(elements: readonly Element[]): ActiveMask {
  const undo: (() => void)[] = [];
  const rects: MaskedRect[] = [];
  for (const element of elements) {
    if (!element.isConnected || element.hasAttribute(MASK_ATTRIBUTE)) continue;
    const rect = element.getBoundingClientRect();
    const display = element.ownerDocument.defaultView?.getComputedStyle(element).display ?? 'block';
    const attributes = [...element.attributes].map((attribute) => [attribute.name, attribute.value] as const);
    const children = document.createDocumentFragment();
    while (element.firstChild) children.append(element.firstChild);
    for (const [name] of attributes) if (!KEPT_ATTRIBUTES.has(name)) element.removeAttribute(name);
    const originalStyle = element.getAttribute('style');
    element.setAttribute('style', `${originalStyle ? `${originalStyle};` : ''}${maskStyle(Math.round(rect.width), Math.round(rect.height), display)}`);
    element.setAttribute(MASK_ATTRIBUTE, '');
    rects.push({ x: rect.x, y: rect.y, width: rect.width, height: rect.height });
    undo.push(() => {
      // every attribute back, in its original order (frameworks and selectors never see a difference)
      for (const attribute of [...element.attributes]) element.removeAttribute(attribute.name);
      for (const [name, value] of attributes) element.setAttribute(name, value);
      element.append(children);
    });
  }
  let restored = false;
  return {
    count: undo.length,
    rects,
    restore() {
      if (restored) return;
      restored = true;
      for (const step of undo.reverse()) {
        try {
          step();
        } catch {
          // the page removed the element meanwhile: nothing to put back
        }
      }
    },
  };
}

/** Hides the extension's own UI (widget, panels) for the capture; answers how to show it again. */
export function hideOwnUi(elements: readonly HTMLElement[]): () => void {
  const before = elements.map((element) => [element, element.style.getPropertyValue('visibility'), element.style.getPropertyPriority('visibility')] as const);
  for (const element of elements) element.style.setProperty('visibility', 'hidden', 'important');
  return () => {
    for (const [element, value, priority] of before) {
      if (value) element.style.setProperty('visibility', value, priority);
      else element.style.removeProperty('visibility');
    }
  };
}

/** More templates than this is not a page's own markup any more: the rest are left (the DOM snapshot drops them all). */
const MAX_TEMPLATES = 500;

/**
 * Empties the page's <template> elements for the instant of the capture: Chromium's MHTML serializer drops scripts
 * but keeps template contents, where client-rendered shops park markup that may name the signed-in buyer.
 * Templates are inert, so the page sees no difference; `restore()` puts every content back.
 */
export function hollowTemplates(document: Document): { count: number; restore(): void } {
  const kept: [HTMLTemplateElement, DocumentFragment][] = [];
  for (const template of [...document.querySelectorAll('template')].slice(0, MAX_TEMPLATES) as HTMLTemplateElement[]) {
    if (!template.content.firstChild) continue;
    const content = document.createDocumentFragment();
    while (template.content.firstChild) content.append(template.content.firstChild);
    kept.push([template, content]);
  }
  let restored = false;
  return {
    count: kept.length,
    restore() {
      if (restored) return;
      restored = true;
      for (const [template, content] of kept) template.content.append(content);
    },
  };
}

/** Elements looked at for fixed or sticky positioning, at most (a page's own chrome is near the top of the tree). */
const MAX_POSITION_SCAN = 30_000;

/**
 * Full-page capture: fixed elements (headers, chat bubbles, cookie bars) would appear on every tile, sticky ones
 * wherever they stuck. `hide()` (called after each scroll from the second tile on) makes every fixed element
 * transparent and puts every sticky one back in the flow (position: static, the place it takes when not stuck, so
 * nothing reflows); elements that turned fixed since (a "back to top" button) are caught on the next call.
 * `restore()` puts every inline style back as it was. `exclude`: the extension's own hosts.
 */
export function createFixedHider(document: Document, exclude: readonly Element[] = []) {
  const saved = new Map<HTMLElement | SVGElement, [string, string, string][]>();
  const set = (element: HTMLElement | SVGElement, properties: [string, string][]) => {
    saved.set(element, properties.map(([name]) => [name, element.style.getPropertyValue(name), element.style.getPropertyPriority(name)]));
    for (const [name, value] of properties) element.style.setProperty(name, value, 'important');
  };
  return {
    get count() {
      return saved.size;
    },
    hide(): number {
      const view = document.defaultView;
      if (!view || !document.body) return 0;
      const elements = document.body.getElementsByTagName('*');
      for (let i = 0; i < elements.length && i < MAX_POSITION_SCAN; i++) {
        const element = elements[i]!;
        if (!(element instanceof view.HTMLElement || element instanceof view.SVGElement) || saved.has(element)) continue;
        if (exclude.some((host) => host === element || host.contains(element))) continue;
        const position = view.getComputedStyle(element).position;
        if (position === 'fixed') set(element, [['opacity', '0'], ['transition', 'none'], ['animation', 'none']]);
        else if (position === 'sticky') set(element, [['position', 'static']]);
      }
      return saved.size;
    },
    restore(): void {
      for (const [element, properties] of saved) {
        for (const [name, value, priority] of properties) {
          if (value) element.style.setProperty(name, value, priority);
          else element.style.removeProperty(name);
        }
      }
      saved.clear();
    },
  };
}
