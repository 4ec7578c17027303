import type { Assessment } from '../../contract/assessment';
import { createCardBadge } from '../../components/risk-panel';
import type { Language, Translate } from '../i18n';

/** One host tag for every card badge, plain or selectable: evidence capture hides it and page snapshots leave it out. */
export const CARD_BADGE_TAG = 'hotline389-card-badge';
/** The badge's look, shared by the plain badge and the inspector's selectable one. */
export const CARD_BADGE_CSS = `
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
  if (!(card instanceof HTMLElement) || card.querySelector(`:scope > ${CARD_BADGE_TAG}`)) return;
  const host = document.createElement(CARD_BADGE_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CARD_BADGE_CSS;
  shadow.append(style, createCardBadge(assessment, t, language));
  pinToCard(card, host, false);
}

/** Floats a badge host in the card's top-right corner without moving the card's layout (a static card becomes the positioning context). */
export function pinToCard(card: HTMLElement, host: HTMLElement, clickable: boolean): void {
  for (const [property, value] of Object.entries({ position: 'absolute', top: '4px', right: '4px', 'z-index': '10', 'pointer-events': clickable ? 'auto' : 'none', display: 'block' })) {
    host.style.setProperty(property, value, 'important');
  }
  if (getComputedStyle(card).position === 'static') card.style.setProperty('position', 'relative');
  card.append(host);
}

export function removeCardBadges(root: ParentNode): void {
  for (const host of root.querySelectorAll(CARD_BADGE_TAG)) host.remove();
}
