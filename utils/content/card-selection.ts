// Inspector mode: which search cards are selected for a batch report. Pure state (no DOM), so it is unit-tested.
import type { Assessment } from '../../contract/assessment';
import type { SearchCard } from '../adapters/types';
import { MAX_BATCH_CARDS } from '../messaging/protocol';

export interface TrackedCard {
  card: SearchCard;
  /** present when the background flagged the card */
  assessment?: Assessment;
}

export interface CardSelection {
  /** a card the page session found (again: its facts or element are updated) */
  track(card: SearchCard): void;
  /** the background flagged this card */
  flag(key: string, assessment: Assessment): void;
  /** another page: nothing tracked, nothing selected */
  reset(): void;
  /** answers whether the card is selected afterwards; false when the selection is full */
  toggle(key: string): boolean;
  /** every flagged card still on the page and not reported yet, up to the cap; answers how many are selected */
  selectAllFlagged(): number;
  /** the card was reported (a tracking code once the hotline answered; '' while queued) */
  markReported(key: string, trackingCode?: string): void;
  /** undefined when not reported from this page; the tracking code ('' while queued) otherwise */
  reportedCode(key: string): string | undefined;
  clear(): void;
  isSelected(key: string): boolean;
  get(key: string): TrackedCard | undefined;
  /** selected cards in the order they were selected */
  selected(): TrackedCard[];
  flagged(): TrackedCard[];
  all(): TrackedCard[];
  /** the shop every card of `cards` belongs to, or undefined when they differ or none is known */
  sharedShop(cards: readonly TrackedCard[]): string | undefined;
  /** called after every change */
  onChange(listener: () => void): void;
}

export function createCardSelection({ max = MAX_BATCH_CARDS, isPresent = (card: SearchCard) => !card.element || card.element.isConnected } = {}): CardSelection {
  const tracked = new Map<string, TrackedCard>();
  const chosen = new Set<string>();
  const reported = new Map<string, string>();
  const listeners: (() => void)[] = [];
  const changed = () => listeners.forEach((listener) => listener());

  return {
    track(card) {
      const known = tracked.get(card.key);
      // a joined response card carries no element: keep the one the DOM gave
      tracked.set(card.key, { ...known, card: { ...known?.card, ...card, element: card.element ?? known?.card.element } });
    },
    flag(key, assessment) {
      const known = tracked.get(key);
      if (!known) return;
      known.assessment = assessment;
      changed();
    },
    reset() {
      tracked.clear();
      chosen.clear();
      reported.clear();
      changed();
    },
    toggle(key) {
      if (chosen.has(key)) chosen.delete(key);
      else if (tracked.has(key) && chosen.size < max) chosen.add(key);
      changed();
      return chosen.has(key);
    },
    selectAllFlagged() {
      for (const entry of tracked.values()) {
        if (chosen.size >= max) break;
        // a listing reported from this page is not picked again by "all flagged" (it can still be picked by hand)
        if (entry.assessment && isPresent(entry.card) && !reported.has(entry.card.key)) chosen.add(entry.card.key);
      }
      changed();
      return chosen.size;
    },
    clear() {
      chosen.clear();
      changed();
    },
    markReported(key, trackingCode = '') {
      if (!tracked.has(key)) return;
      // a code, once known, is never replaced by "queued"
      if (!reported.get(key)) reported.set(key, trackingCode);
      changed();
    },
    reportedCode: (key) => reported.get(key),
    isSelected: (key) => chosen.has(key),
    get: (key) => tracked.get(key),
    selected: () => [...chosen].flatMap((key) => tracked.get(key) ?? []),
    flagged: () => [...tracked.values()].filter((entry) => entry.assessment && isPresent(entry.card)),
    all: () => [...tracked.values()].filter((entry) => isPresent(entry.card)),
    sharedShop(cards) {
      const shops = new Set(cards.map((entry) => entry.card.shopId));
      if (shops.size !== 1) return undefined;
      return [...shops][0];
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
