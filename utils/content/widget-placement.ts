import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';

// Where the in-page widget sits: a corner of the viewport the user chose (remembered in extension storage),
// lifted off its edge when the page keeps its own fixed or sticky bar there (a "Mua ngay" bar, a cookie banner).

export const CORNERS = ['bottom-right', 'bottom-left', 'top-left', 'top-right'] as const;
export type Corner = (typeof CORNERS)[number];
export const DEFAULT_CORNER: Corner = 'bottom-right';
export const CORNER_STORAGE_KEY = 'widgetCorner';

export function isCorner(value: unknown): value is Corner {
  return typeof value === 'string' && (CORNERS as readonly string[]).includes(value);
}

/** The corner of the quadrant the point (a drop) is in. */
export function cornerFromPoint(x: number, y: number, width: number, height: number): Corner {
  return `${y < height / 2 ? 'top' : 'bottom'}-${x < width / 2 ? 'left' : 'right'}` as Corner;
}

/** Arrow keys move to the neighbouring corner: ↑/↓ change the edge, ←/→ the side. */
export function cornerByArrow(corner: Corner, key: string): Corner | undefined {
  const [vertical, horizontal] = corner.split('-') as ['top' | 'bottom', 'left' | 'right'];
  if (key === 'ArrowUp') return `top-${horizontal}`;
  if (key === 'ArrowDown') return `bottom-${horizontal}`;
  if (key === 'ArrowLeft') return `${vertical}-left`;
  if (key === 'ArrowRight') return `${vertical}-right`;
  return undefined;
}

/** Clockwise, for a plain activation of the move control. */
export function nextCorner(corner: Corner): Corner {
  return CORNERS[(CORNERS.indexOf(corner) + 1) % CORNERS.length]!;
}

/** A bar taller than this share of the viewport is a layout column or an overlay, not a bar to avoid. */
const MAX_BAR_SHARE = 0.4;

/**
 * How many pixels the widget must move away from its edge so it covers none of the page's own fixed or sticky
 * elements in the band it occupies (`band`: the widget's footprint size, measured from the corner). Looks only
 * at what is drawn there (elementsFromPoint), so hidden bars and bars on the other side are ignored.
 */
export function edgeObstruction(win: Window, corner: Corner, own: Element, band: { width: number; height: number }): number {
  const doc = win.document;
  const width = win.innerWidth;
  const height = win.innerHeight;
  const [vertical, horizontal] = corner.split('-');
  const bandWidth = Math.min(width, Math.max(band.width, 48));
  const bandHeight = Math.min(height * MAX_BAR_SHARE, Math.max(band.height, 48));
  const xs = [0.02, 0.25, 0.5, 0.75, 0.98].map((share) => (horizontal === 'right' ? width - 1 - share * bandWidth : share * bandWidth));
  const ys = [1, bandHeight / 2, bandHeight - 1].map((offset) => (vertical === 'bottom' ? height - offset : offset));
  const seen = new Set<Element>();
  let lift = 0;
  for (const x of xs) {
    for (const y of ys) {
      for (const hit of doc.elementsFromPoint(Math.max(0, x), Math.max(0, y))) {
        if (hit === own || own.contains(hit)) continue;
        const bar = pinnedAncestor(win, hit);
        if (!bar || seen.has(bar)) continue;
        seen.add(bar);
        const rect = bar.getBoundingClientRect();
        if (rect.height <= 0 || rect.height > height * MAX_BAR_SHARE) continue;
        lift = Math.max(lift, vertical === 'bottom' ? height - rect.top : rect.bottom);
      }
    }
  }
  return Math.round(Math.min(Math.max(0, lift), height * MAX_BAR_SHARE));
}

/** The nearest fixed or sticky element at or above `element` (below the root), if any. */
function pinnedAncestor(win: Window, element: Element): Element | undefined {
  const root = win.document.documentElement;
  const body = win.document.body;
  for (let node: Element | null = element; node && node !== root && node !== body; node = node.parentElement) {
    const position = win.getComputedStyle(node).position;
    if (position === 'fixed' || position === 'sticky') return node;
  }
  return undefined;
}

export async function loadCorner(): Promise<Corner> {
  try {
    const stored = (await browser.storage.local.get(CORNER_STORAGE_KEY))[CORNER_STORAGE_KEY];
    return isCorner(stored) ? stored : DEFAULT_CORNER;
  } catch {
    return DEFAULT_CORNER; // extension reloaded under the page: keep the default
  }
}

export async function saveCorner(corner: Corner): Promise<void> {
  await browser.storage.local.set({ [CORNER_STORAGE_KEY]: corner });
}

export interface PlacementTarget {
  /** the element that draws the widget (inside the shadow root) */
  readonly element: HTMLElement;
  setPlacement(placement: { corner: Corner; lift: number }): void;
}

const CHECK_INTERVAL_MS = 1_000;

/**
 * Keeps the widget in its corner, above the page's own bars: checks again on scroll and resize (once per
 * frame) and every second (bars that appear late). `host` is the shadow host, which the page sees.
 */
export function startWidgetPlacement(ctx: ContentScriptContext, host: Element, target: PlacementTarget, initial: Corner) {
  let corner = initial;
  let lift = -1;
  let frame: number | undefined;

  const update = () => {
    frame = undefined;
    const rect = target.element.getBoundingClientRect();
    const next = edgeObstruction(window, corner, host, { width: rect.width, height: Math.min(rect.height, 72) });
    if (next === lift) return;
    lift = next;
    target.setPlacement({ corner, lift });
  };
  const schedule = () => {
    if (frame === undefined) frame = ctx.requestAnimationFrame(update);
  };

  target.setPlacement({ corner, lift: 0 });
  ctx.addEventListener(window, 'scroll', schedule, { passive: true, capture: true });
  ctx.addEventListener(window, 'resize', schedule, { passive: true });
  ctx.setInterval(schedule, CHECK_INTERVAL_MS);
  schedule();

  return {
    get corner() {
      return corner;
    },
    /** the user moved the widget: place it there, remember it */
    setCorner(next: Corner) {
      corner = next;
      lift = -1;
      target.setPlacement({ corner, lift: 0 });
      schedule();
      void saveCorner(next).catch(() => undefined);
    },
  };
}
