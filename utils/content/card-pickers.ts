// Inspector mode: on search, category and shop pages the card badges become buttons that select the card for a batch
// report, and (with selection mode on) unflagged cards get a "select" chip. Volunteers keep the plain badges
// (card-badges.ts). Same host tag as the plain badge: evidence capture hides it and page snapshots leave it out.
import { createCardBadge } from '../../components/risk-panel';
import type { Language, Translate } from '../i18n';
import { CARD_BADGE_CSS, CARD_BADGE_TAG, pinToCard } from './card-badges';
import type { CardSelection, TrackedCard } from './card-selection';

const PICKER_CSS = `${CARD_BADGE_CSS}
button { all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 4px; cursor: pointer; border-radius: 999px; font: 600 12px/1 system-ui, sans-serif; min-height: 24px; min-width: 24px; }
button:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.check { display: none; width: 16px; height: 16px; border-radius: 50%; background: #0550ae; color: #fff; font-size: 11px; line-height: 16px; text-align: center; box-shadow: 0 0 0 2px #fff; }
button[aria-pressed='true'] .check { display: inline-block; }
button[aria-pressed='true'] .card-badge { box-shadow: 0 0 0 3px #0550ae; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.chip { padding: 4px 8px; background: #fff; color: #0550ae; border: 1px solid #0550ae; box-shadow: 0 1px 4px rgb(0 0 0 / .25); }
.chip[aria-pressed='true'] { background: #0550ae; color: #fff; }
.done { display: none; padding: 2px 6px; border-radius: 999px; background: #1a7f37; color: #fff; font: 600 11px/1.2 system-ui, sans-serif; box-shadow: 0 0 0 2px #fff; }
button[data-reported] .done { display: inline-block; }`;

export interface CardPickers {
  /** draws (or updates) the card's picker: a badge button when flagged, a chip in selection mode, nothing otherwise */
  render(entry: TrackedCard): void;
  renderAll(): void;
  setSelectionMode(on: boolean): void;
  removeAll(): void;
}

export function createCardPickers({ t, language, selection, root = document }: { t: Translate; language: Language; selection: CardSelection; root?: Document }): CardPickers {
  const hosts = new Map<string, { host: HTMLElement; button: HTMLButtonElement; flagged: boolean }>();
  let selectionMode = false;

  function build(entry: TrackedCard): { host: HTMLElement; button: HTMLButtonElement; flagged: boolean } {
    const host = root.createElement(CARD_BADGE_TAG);
    host.setAttribute('data-h389-picker', '');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = root.createElement('style');
    style.textContent = PICKER_CSS;
    const button = root.createElement('button');
    button.type = 'button';
    const check = root.createElement('span');
    check.className = 'check';
    check.setAttribute('aria-hidden', 'true');
    check.textContent = '✓';
    const flagged = !!entry.assessment;
    const done = root.createElement('span');
    done.className = 'done';
    done.textContent = `✓ ${t('cardReported')}`;
    let label = t('cardSelectLabel');
    if (entry.assessment) {
      const badge = createCardBadge(entry.assessment, t, language);
      label = `${label}: ${badge.getAttribute('aria-label') ?? ''}`;
      badge.removeAttribute('role');
      badge.removeAttribute('aria-label');
      badge.setAttribute('aria-hidden', 'true');
      button.append(check, badge, done);
    } else {
      button.className = 'chip';
      button.append(check, root.createTextNode(t('cardSelect')), done);
    }
    if (entry.card.title) label = `${label} — ${entry.card.title}`;
    if (flagged) {
      // the name comes from hidden text, not aria-label: the visible "⚠ 2" need not be part of it (WCAG 2.5.3 applies to labels)
      const name = root.createElement('span');
      name.className = 'sr-only';
      name.textContent = label;
      button.append(name);
    } else button.setAttribute('aria-label', label);
    button.setAttribute('data-key', entry.card.key);
    // The card is often a link: selecting must not open it.
    button.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      selection.toggle(entry.card.key);
    });
    for (const type of ['mousedown', 'pointerdown', 'mouseup', 'pointerup']) button.addEventListener(type, (event) => event.stopPropagation());
    shadow.append(style, button);
    return { host, button, flagged };
  }

  function render(entry: TrackedCard) {
    const element = entry.card.element;
    const key = entry.card.key;
    const known = hosts.get(key);
    const wanted = !!entry.assessment || selectionMode || selection.isSelected(key) || selection.reportedCode(key) !== undefined;
    if (!(element instanceof HTMLElement) || !element.isConnected || !wanted) {
      known?.host.remove();
      if (known) hosts.delete(key);
      return;
    }
    let current = known;
    if (!current || current.flagged !== !!entry.assessment || current.host.parentElement !== element) {
      current?.host.remove();
      element.querySelector(`:scope > ${CARD_BADGE_TAG}`)?.remove(); // a plain badge drawn before the role was known
      current = build(entry);
      hosts.set(key, current);
      pinToCard(element, current.host, true);
    }
    current.button.setAttribute('aria-pressed', String(selection.isSelected(key)));
    const code = selection.reportedCode(key);
    if (code === undefined) current.button.removeAttribute('data-reported');
    else current.button.setAttribute('data-reported', code);
  }

  return {
    render,
    renderAll() {
      for (const entry of selection.all()) render(entry);
      for (const [key, { host }] of hosts) if (!selection.get(key)) host.remove();
    },
    setSelectionMode(on) {
      selectionMode = on;
      for (const entry of selection.all()) render(entry);
    },
    removeAll() {
      for (const { host } of hosts.values()) host.remove();
      hosts.clear();
    },
  };
}
