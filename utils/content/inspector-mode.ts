// Inspector mode on search, category and shop pages (inspectors and trainers only): selectable card badges, the
// batch bar, and the batch and shop-level reports. Volunteers never get here (index.ts checks the role).
import type { Assessment } from '../../contract/assessment';
import { BATCH_BAR_CSS, createBatchBar, type BatchResultView } from '../../components/batch-bar';
import type { SearchCard } from '../adapters/types';
import { format, type Language, type Translate } from '../i18n';
import { MAX_BATCH_CARDS, type OutboxEvent } from '../messaging/protocol';
import type { sendMessage } from '../messaging/send';
import { buildBatchRequest, buildShopRequest } from './batch-request';
import { createCardPickers } from './card-pickers';
import { createCardSelection } from './card-selection';

export interface InspectorMode {
  readonly element: HTMLElement;
  found(cards: SearchCard[], reset: boolean): void;
  flagged(card: SearchCard, assessment: Assessment): void;
  /** the outbox delivered (or refused) a report later */
  settled(event: OutboxEvent): void;
}

export function startInspectorMode({ t, language, send }: { t: Translate; language: Language; send: typeof sendMessage }): InspectorMode {
  const selection = createCardSelection();
  const pickers = createCardPickers({ t, language, selection });
  let site = '';
  const style = document.createElement('style');
  style.textContent = BATCH_BAR_CSS;

  const bar = createBatchBar({
    t,
    language,
    onSelectionMode: (on) => pickers.setSelectionMode(on),
    onSelectFlagged: () => selection.selectAllFlagged(),
    onClear: () => selection.clear(),
    onReport(choice, note) {
      const selected = selection.selected();
      if (!selected.length) return;
      const titles = new Map(selected.map((entry) => [entry.card.key, entry.card.title]));
      const request = buildBatchRequest(site, selected, choice, note, location.href);
      bar.setBusy(format(t, 'batchSending', { n: selected.length }));
      const started = performance.now();
      send('submitBatch', request)
        .then(({ results }) => {
          const views: BatchResultView[] = results.map((result) => ({
            key: result.key,
            title: titles.get(result.key),
            ...(result.ok ? { state: 'sent' as const, trackingCode: result.trackingCode } : { state: result.queued ? ('queued' as const) : ('failed' as const) }),
          }));
          for (const result of results) if (result.ok || result.queued) selection.markReported(result.key, result.ok ? result.trackingCode : undefined);
          bar.showResults(views);
          bar.element.setAttribute('data-batch-ms', String(Math.round(performance.now() - started)));
          bar.setBusy(undefined);
          bar.showStatus(format(t, 'batchDone', { ok: views.filter((view) => view.state === 'sent').length, n: views.length }));
          selection.clear();
        })
        .catch((error: unknown) => {
          bar.setBusy(undefined);
          bar.showStatus(`${t('failed')} ${String(error)}`);
        });
    },
    onReportShop(choice, note) {
      const selected = selection.selected();
      const cards = selected.length ? selected : selection.all();
      const shopId = selection.sharedShop(cards);
      if (!shopId) return;
      bar.setBusy(t('sending'));
      send('reportShop', buildShopRequest(site, shopId, cards, choice, note, new URL(location.href)))
        .then((answer) => {
          bar.setBusy(undefined);
          if (answer.ok) {
            bar.showStatus(`${t('shopSent')} ${answer.receipt.trackingCode}`);
            bar.showResults([{ key: `${site}:shop:${shopId}`, title: t('batchReportShop'), state: 'sent', trackingCode: answer.receipt.trackingCode }]);
          } else bar.showResults([{ key: `${site}:shop:${shopId}`, title: t('batchReportShop'), state: answer.queued ? 'queued' : 'failed' }]);
        })
        .catch((error: unknown) => {
          bar.setBusy(undefined);
          bar.showStatus(`${t('failed')} ${String(error)}`);
        });
    },
  });
  const element = document.createElement('div');
  element.className = 'h389-inspector';
  element.append(style, bar.element);

  function update() {
    const selected = selection.selected();
    const all = selection.all();
    const shopCards = selected.length ? selected : all;
    bar.update({ selected: selected.length, flagged: selection.flagged().length, cards: all.length, shop: shopCards.length > 0 && !!selection.sharedShop(shopCards), max: MAX_BATCH_CARDS });
    bar.setVisible(all.length > 0);
  }
  let scheduled = false;
  selection.onChange(() => {
    pickers.renderAll();
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        update();
      });
    }
  });

  return {
    element,
    found(cards, reset) {
      if (reset) {
        site = '';
        pickers.removeAll();
        selection.reset();
      }
      for (const card of cards) {
        site ||= card.key.split(':')[0] ?? '';
        selection.track(card);
        const entry = selection.get(card.key);
        if (entry) pickers.render(entry);
      }
      update();
      // listings reported on an earlier visit are marked too, and "all flagged" leaves them out
      const keys = cards.map((card) => card.key);
      if (keys.length)
        send('reportedListings', { listingKeys: keys.slice(0, 1_000) })
          .then((reported) => {
            for (const { listingKey, trackingCode } of reported) selection.markReported(listingKey, trackingCode);
          })
          .catch(() => undefined);
    },
    flagged(card, assessment) {
      selection.track(card);
      selection.flag(card.key, assessment);
    },
    settled(event) {
      bar.settle(event.listingKey, event.trackingCode, event.state);
      if (event.state === 'sent') selection.markReported(event.listingKey, event.trackingCode);
    },
  };
}
