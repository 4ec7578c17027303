// The full page as one picture: the tiles captured while scrolling, drawn at the scroll offset each was taken at.
// The geometry is a pure function (unit-tested); the drawing needs OffscreenCanvas and createImageBitmap, which
// Chrome's MV3 service worker has (Firefox's background page may not: then the tiles go as they are).

/** At most this many viewports are captured (eight captures take four seconds at Chrome's two a second). */
export const MAX_FULLPAGE_VIEWPORTS = 8;
/** The stitched picture is at most this tall (device px); a longer page is cut and the manifest says so. */
export const MAX_FULLPAGE_HEIGHT_PX = 16_384;
/** …and at most this many pixels (a 4K-wide capture would otherwise need a 250 MB canvas). */
export const MAX_FULLPAGE_PIXELS = 40_000_000;

/** How tall (device px) a stitched picture `widthPx` wide may be. */
export function maxStitchHeight(widthPx: number): number {
  return Math.max(1, Math.min(MAX_FULLPAGE_HEIGHT_PX, Math.floor(MAX_FULLPAGE_PIXELS / Math.max(1, widthPx))));
}

export interface StitchInput {
  /** every tile's size in device px (captureVisibleTab: the viewport at the device pixel ratio) */
  tileWidth: number;
  tileHeight: number;
  /** the viewport's height in CSS px: tileHeight / viewportHeight is the scale from CSS to device px */
  viewportHeight: number;
  /** the scroll offset (CSS px) each tile was captured at, as the page answered it, in capture order */
  offsets: readonly number[];
  /** the page's scroll height (CSS px), to tell whether it went on below the last tile */
  pageHeight: number;
  /** cap on the picture's height (device px); maxStitchHeight(tileWidth) when left out */
  maxHeight?: number;
}

/** One tile's rows drawn into the picture: tile rows sy… go to picture rows dy…, `height` of them. */
export interface StitchDraw {
  tile: number;
  sy: number;
  dy: number;
  height: number;
}

export interface StitchPlan {
  width: number;
  height: number;
  draws: StitchDraw[];
  /** the page was longer than the picture (the cap, or fewer tiles than the page needed) */
  cut: boolean;
}

/**
 * Where each tile goes. Tile i shows the page's device rows round((offset_i - offset_0) * scale) … + tileHeight; a
 * row already drawn by an earlier tile is not drawn again, so the last tile (the page scrolls only to scrollHeight -
 * innerHeight, hence usually overlaps the one before) contributes only its new rows at the bottom.
 */
export function planStitch(input: StitchInput): StitchPlan {
  const { tileWidth, tileHeight, offsets } = input;
  const scale = tileHeight / Math.max(1, input.viewportHeight);
  const cap = Math.min(input.maxHeight ?? Infinity, maxStitchHeight(tileWidth));
  const origin = offsets[0] ?? 0;
  const draws: StitchDraw[] = [];
  let covered = 0;
  let capped = false;
  for (const [tile, offset] of offsets.entries()) {
    const top = Math.round((offset - origin) * scale);
    const start = Math.max(top, covered);
    const end = Math.min(top + tileHeight, cap);
    if (top + tileHeight > cap) capped = true;
    if (end <= start) continue;
    draws.push({ tile, sy: start - top, dy: start, height: end - start });
    covered = end;
  }
  // a CSS pixel of rounding is no cut
  const pageRows = Math.round((input.pageHeight - origin) * scale);
  return { width: tileWidth, height: covered, draws, cut: capped || covered < pageRows - Math.ceil(scale) };
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, i) => bytes[i] !== byte)) return undefined;
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

export type Stitcher = (tiles: readonly Uint8Array[], plan: StitchPlan) => Promise<Uint8Array>;

/** Whether this context can stitch (Chrome's service worker can; elsewhere the tiles go as they are). */
export function canStitch(): boolean {
  return typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function';
}

/** Draws `plan` with OffscreenCanvas, one decoded tile at a time, and encodes the picture as PNG. */
export const stitchPng: Stitcher = async (tiles, plan) => {
  const canvas = new OffscreenCanvas(plan.width, plan.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  for (const draw of plan.draws) {
    const bitmap = await createImageBitmap(new Blob([tiles[draw.tile] as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
    try {
      context.drawImage(bitmap, 0, draw.sy, plan.width, draw.height, 0, draw.dy, plan.width, draw.height);
    } finally {
      bitmap.close();
    }
  }
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
};
