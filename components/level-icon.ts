import type { RiskLevel } from '../contract/assessment';

const SVG_NS = 'http://www.w3.org/2000/svg';
// Shapes differ by level (circle, triangle, octagon) so the level reads without colour and without emoji fonts.
const SHAPES: Record<Exclude<RiskLevel, 'none'>, string> = {
  low: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1z',
  medium: 'M8 1 15.5 14.5H.5z',
  high: 'M5 1h6l4 4v6l-4 4H5l-4-4V5z',
};
const MARKS: Record<Exclude<RiskLevel, 'none'>, string> = {
  low: 'M7.2 7h1.6v5H7.2zM7.2 4h1.6v1.6H7.2z',
  medium: 'M7.2 5.5h1.6v4.5H7.2zM7.2 11h1.6v1.6H7.2z',
  high: 'M7.2 4h1.6v5H7.2zM7.2 10.4h1.6V12H7.2z',
};

export function levelIcon(level: Exclude<RiskLevel, 'none'>): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'level-icon');
  for (const [d, fill] of [
    [SHAPES[level], 'currentColor'],
    [MARKS[level], level === 'low' ? '#fff8c5' : level === 'medium' ? '#ffd8b5' : '#82071e'],
  ] as const) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', fill);
    svg.append(path);
  }
  return svg;
}
