import type { Assessment } from '../../contract/assessment';
import { createCardBadge } from '../../components/risk-panel';
import type { Language, Translate } from '../i18n';

const HOST_TAG = 'hotline389-card-badge';
const BADGE_CSS = `
:host { all: initial; }
.card-badge { display: inline-flex; align-items: center; gap: 3px; font: 600 12px/1 system-ui, sans-serif; padding: 3px 6px; border-radius: 999px; border: 1px solid #fff; box-shadow: 0 1px 4px rgb(0 0 0 / .35); white-space: nowrap; }
.card-badge[data-level='low'] { background: #fff8c5; color: #4d2d00; }
.card-badge[data-level='medium'] { background: #ffd8b5; color: #5c2200; }
.card-badge[data-level='high'] { background: #82071e; color: #fff; }`;

/**
 * Puts a compact badge in the corner of a flagged result card. The badge floats (absolute) so the card's
 * layout does not move; a static card becomes the positioning context.
 */
export function attachCardBadge(card: Element, assessment: Assessment, t: Translate, language: Language): void {
  if (!(card instanceof HTMLElement) || card.querySelector(`:scope > ${HOST_TAG}`)) return;
  const host = document.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = BADGE_CSS;
  shadow.append(style, createCardBadge(assessment, t, language));
  for (const [property, value] of Object.entries({ position: 'absolute', top: '4px', right: '4px', 'z-index': '10', 'pointer-events': 'none', display: 'block' })) {
    host.style.setProperty(property, value, 'important');
  }
  if (getComputedStyle(card).position === 'static') card.style.setProperty('position', 'relative');
  card.append(host);
}

export function removeCardBadges(root: ParentNode): void {
  for (const host of root.querySelectorAll(HOST_TAG)) host.remove();
}
