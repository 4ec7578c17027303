// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createFixedHider } from '../../utils/evidence/page-mask';
import { MAX_FULLPAGE_HEIGHT_PX, maxStitchHeight, planStitch, pngSize } from '../../utils/evidence/stitch';

/** The first 24 bytes of a PNG: signature and IHDR with the given size. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}

describe('stitching geometry', () => {
  it('three viewports: each tile at its scroll offset, the last one cropped to the rows the one before did not show', () => {
    // 1024×600 viewport, page 1564 tall: the page scrolls to 0, 600 and (not 1200) 964 = 1564 - 600
    const plan = planStitch({ tileWidth: 1024, tileHeight: 600, viewportHeight: 600, offsets: [0, 600, 964], pageHeight: 1564 });
    expect(plan).toEqual({
      width: 1024,
      height: 1564,
      draws: [
        { tile: 0, sy: 0, dy: 0, height: 600 },
        { tile: 1, sy: 0, dy: 600, height: 600 },
        { tile: 2, sy: 236, dy: 1200, height: 364 },
      ],
      cut: false,
    });
  });

  it('in device pixels: a 2× display doubles every offset and height', () => {
    const plan = planStitch({ tileWidth: 2048, tileHeight: 1200, viewportHeight: 600, offsets: [0, 600, 964], pageHeight: 1564 });
    expect(plan.height).toBe(1564 * 2);
    expect(plan.draws).toEqual([
      { tile: 0, sy: 0, dy: 0, height: 1200 },
      { tile: 1, sy: 0, dy: 1200, height: 1200 },
      { tile: 2, sy: 472, dy: 2400, height: 728 },
    ]);
    // a fractional ratio (125 %) rounds to whole rows and leaves no gap
    const fractional = planStitch({ tileWidth: 1280, tileHeight: 750, viewportHeight: 600, offsets: [0, 600, 963], pageHeight: 1563 });
    expect(fractional.height).toBe(Math.round(1563 * 1.25));
    for (let i = 1; i < fractional.draws.length; i++) expect(fractional.draws[i]!.dy).toBe(fractional.draws[i - 1]!.dy + fractional.draws[i - 1]!.height);
  });

  it('a page exactly one viewport tall, and one shorter than the viewport: one tile, whole', () => {
    expect(planStitch({ tileWidth: 800, tileHeight: 600, viewportHeight: 600, offsets: [0], pageHeight: 600 })).toMatchObject({ height: 600, draws: [{ tile: 0, sy: 0, dy: 0, height: 600 }], cut: false });
    expect(planStitch({ tileWidth: 800, tileHeight: 600, viewportHeight: 600, offsets: [0], pageHeight: 400 }).cut).toBe(false);
  });

  it('a page longer than the tiles is cut, and says so', () => {
    const offsets = [0, 600, 1200, 1800, 2400, 3000, 3600, 4200];
    const plan = planStitch({ tileWidth: 1024, tileHeight: 600, viewportHeight: 600, offsets, pageHeight: 9000 });
    expect(plan.height).toBe(4800);
    expect(plan.cut).toBe(true);
  });

  it('caps the picture at 16,384 px and the pixel budget', () => {
    // a 2× display with a 1080 px viewport: eight tiles would be 17,280 rows
    const offsets = Array.from({ length: 8 }, (_, i) => i * 1080);
    const plan = planStitch({ tileWidth: 2560, tileHeight: 2160, viewportHeight: 1080, offsets, pageHeight: 8 * 1080 });
    expect(plan.height).toBe(Math.min(MAX_FULLPAGE_HEIGHT_PX, maxStitchHeight(2560)));
    expect(plan.cut).toBe(true);
    expect(plan.draws.at(-1)!.dy + plan.draws.at(-1)!.height).toBe(plan.height);
    expect(maxStitchHeight(3840) * 3840).toBeLessThanOrEqual(40_000_000);
    expect(maxStitchHeight(1024)).toBe(MAX_FULLPAGE_HEIGHT_PX);
  });

  it('a page that did not scroll as asked (an offset repeated) draws nothing twice', () => {
    const plan = planStitch({ tileWidth: 100, tileHeight: 50, viewportHeight: 50, offsets: [0, 30, 30], pageHeight: 80 });
    expect(plan.draws).toEqual([
      { tile: 0, sy: 0, dy: 0, height: 50 },
      { tile: 1, sy: 20, dy: 50, height: 30 },
    ]);
    expect(plan.height).toBe(80);
  });

  it('reads a PNG size from its header, and nothing from other bytes', () => {
    expect(pngSize(pngHeader(1024, 600))).toEqual({ width: 1024, height: 600 });
    expect(pngSize(new TextEncoder().encode('\x89PNG fake, not really a PNG header'))).toBeUndefined();
    expect(pngSize(new Uint8Array(4))).toBeUndefined();
  });
});

describe('fixed and sticky elements during a full-page capture', () => {
  it('hides fixed ones, un-sticks sticky ones, skips the extension, and puts every inline style back', () => {
    document.body.innerHTML = `
      <header id="bar" style="position: fixed; top: 0; opacity: 0.9">bar</header>
      <nav id="tabs" style="position: sticky; top: 0">tabs</nav>
      <p id="text">text</p>
      <hotline389-widget id="own" style="position: fixed"></hotline389-widget>`;
    const [bar, tabs, text, own] = ['bar', 'tabs', 'text', 'own'].map((id) => document.getElementById(id)!);
    const before = [bar, tabs, text, own].map((element) => element!.style.cssText);
    const hider = createFixedHider(document, [own!]);
    expect(hider.hide()).toBe(2);
    expect(bar!.style.getPropertyValue('opacity')).toBe('0');
    expect(bar!.style.getPropertyPriority('opacity')).toBe('important');
    expect(tabs!.style.getPropertyValue('position')).toBe('static');
    expect(own!.style.getPropertyValue('opacity')).toBe('');
    // an element that turned fixed later (a "back to top" button) is caught on the next call
    text!.style.position = 'fixed';
    expect(hider.hide()).toBe(3);
    text!.style.removeProperty('position');
    hider.restore();
    expect(bar!.style.cssText).toBe(before[0]);
    expect(tabs!.style.cssText).toBe(before[1]);
    expect(own!.style.cssText).toBe(before[3]);
    expect(text!.style.getPropertyValue('opacity')).toBe('');
  });
});
