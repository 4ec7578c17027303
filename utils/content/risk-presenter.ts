import type { Assessment, RiskHit } from '../../contract/assessment';
import type { Listing } from '../../contract/listing';
import type { ReportWidget } from '../../components/report-widget';
import type { RiskView } from '../../components/risk-panel';
import type { SearchCard } from '../adapters/types';
import type { Language, Translate } from '../i18n';
import type { sendMessage } from '../messaging/send';
import { attachCardBadge, removeCardBadges } from './card-badges';
import { highlightPhrases } from './highlight-phrases';
import type { PageSessionView } from './page-session';

const CARD_BATCH = 200;

/** What the risk engine reads from a listing, keyed by the item; equal strings need no new assessment. */
export function assessedFields(listing: Listing): string {
  return [listing.listingKey, listing.title, listing.description, listing.price, listing.brand, listing.seller?.name, listing.categoryPath?.join('>')].join('\n');
}

interface Deps {
  t: Translate;
  language: Language;
  widget: ReportWidget;
  riskView: RiskView;
  widgetHost: Element;
  send: typeof sendMessage;
  /** inspector mode: the cards found and the ones flagged go here, and it draws selectable badges instead */
  cards?: { found(cards: SearchCard[], reset: boolean): void; flagged(card: SearchCard, assessment: Assessment): void };
}

/** Shows what the page session finds: the listing with its risk hints, or badges on flagged result cards. */
export function createRiskPresenter({ t, language, widget, riskView, widgetHost, send, cards: cardHooks }: Deps): PageSessionView & { highlight(hits: RiskHit[] | undefined): void } {
  let assessedText: string | undefined;
  let cardGeneration = 0;

  return {
    showListing(listing: Listing | undefined) {
      widget.setListing(listing);
      // Client-rendered pages fill in facts over time: assess again whenever what the engine reads changes.
      const text = listing && assessedFields(listing);
      if (text === assessedText) return;
      const previousKey = assessedText?.split('\n', 1)[0];
      assessedText = text;
      if (!listing || listing.listingKey !== previousKey) {
        riskView.show(undefined); // another item (or none): the previous item's hints go at once
        widget.setAssessment(undefined);
      }
      if (!listing) return;
      send('assessListing', { listing })
        .then((assessment) => {
          if (assessedText !== text) return; // the page moved on: never show hints for older data
          riskView.show(assessment);
          widget.setAssessment(assessment);
        })
        .catch((error: unknown) => console.warn('[hotline389] risk hints unavailable:', String(error))); // advisory: reporting works without them
    },
    showCards(cards: SearchCard[], reset: boolean) {
      if (reset) {
        cardGeneration += 1;
        removeCardBadges(document);
      }
      cardHooks?.found(cards, reset);
      const generation = cardGeneration;
      const byKey = new Map(cards.filter((card) => card.element).map((card) => [card.key, card]));
      const site = cards[0]?.key.split(':')[0] ?? '';
      for (let start = 0; start < cards.length; start += CARD_BATCH) {
        const batch = cards.slice(start, start + CARD_BATCH).map(({ key, title, price }) => ({ key, title, price }));
        send('assessCards', { site, cards: batch })
          .then((flagged) => {
            if (generation !== cardGeneration) return;
            for (const { key, assessment } of flagged) {
              const card = byKey.get(key);
              if (cardHooks && card) cardHooks.flagged(card, assessment);
              else if (card?.element?.isConnected) attachCardBadge(card.element, assessment, t, language);
            }
          })
          .catch(() => undefined);
      }
    },
    highlight(hits) {
      highlightPhrases(document, hits?.flatMap((hit) => (hit.text ? [hit.text] : [])) ?? [], widgetHost);
    },
  };
}
