// Inspector mode: the batch bar in the widget's shadow root, on search, category and shop pages.
// "Đã chọn N tin · Chọn tất cả tin bị gắn cờ · Bỏ chọn · Báo cáo N tin", "Báo cáo người bán", a category choice
// (each listing's own top reason, or one for all) and an optional note; then each card's tracking code.
import { CATEGORY_INFO, VIOLATION_CATEGORY_IDS, type ViolationCategory } from '../contract/categories';
import { format, type Language, type Translate } from '../utils/i18n';
import type { CategoryChoice } from '../utils/content/batch-request';
import { h } from './dom';

export const BATCH_BAR_CSS = `
.batch-bar { position: fixed; left: 50%; transform: translateX(-50%); bottom: 12px; z-index: 2147483000; width: min(760px, calc(100vw - 24px)); max-height: calc(100vh - 24px); overflow: auto; overscroll-behavior: contain; box-sizing: border-box; background: #fff; color: #1f2328; border: 2px solid #0550ae; border-radius: 10px; box-shadow: 0 4px 18px rgb(0 0 0 / .3); padding: 8px 10px; font: 14px/1.4 system-ui, sans-serif; display: flex; flex-direction: column; gap: 6px; }
.batch-bar *, .batch-bar *::before, .batch-bar *::after { box-sizing: border-box; }
.batch-bar[hidden], .batch-bar [hidden] { display: none !important; }
.batch-bar h2 { font-size: 13px; margin: 0; color: #0550ae; }
.batch-row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.batch-bar button { font: inherit; font-size: 13px; border-radius: 6px; padding: 5px 10px; border: 1px solid #8c959f; background: #f6f8fa; color: #1f2328; cursor: pointer; min-height: 30px; }
.batch-bar button:focus-visible, .batch-bar select:focus-visible, .batch-bar input:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.batch-bar button[aria-pressed='true'] { background: #0550ae; color: #fff; border-color: #0550ae; }
.batch-bar button.primary { background: #b91c1c; color: #fff; border-color: #b91c1c; font-weight: 600; }
.batch-bar button:disabled { opacity: .55; cursor: not-allowed; }
.batch-bar .count { font-weight: 600; min-width: 7em; }
.batch-bar label { font-size: 13px; font-weight: 600; display: inline-flex; gap: 4px; align-items: center; }
.batch-bar select, .batch-bar input { font: inherit; font-size: 13px; padding: 4px 6px; border: 1px solid #8c959f; border-radius: 6px; background: #fff; color: #1f2328; }
.batch-bar .note { flex: 1 1 240px; }
.batch-bar .note input { width: 100%; }
.batch-status { margin: 0; font-size: 13px; }
.batch-results { margin: 0; padding: 0 0 0 32px; max-height: 30vh; overflow: auto; font-size: 13px; }
.batch-results .tracking-code { font-family: ui-monospace, monospace; font-weight: 700; color: #1a7f37; }
.batch-results .queued { color: #9a6700; }
.batch-results .failed { color: #cf222e; }`;

export interface BatchResultView {
  key: string;
  title?: string;
  trackingCode?: string;
  state: 'sent' | 'queued' | 'failed';
}

export interface BatchBarDeps {
  t: Translate;
  language: Language;
  onSelectionMode(on: boolean): void;
  onSelectFlagged(): void;
  onClear(): void;
  onReport(choice: CategoryChoice, note: string): void;
  onReportShop(choice: CategoryChoice, note: string): void;
}

export interface BatchBar {
  readonly element: HTMLElement;
  update(state: { selected: number; flagged: number; cards: number; shop: boolean; max: number }): void;
  setBusy(text: string | undefined): void;
  showStatus(text: string): void;
  showResults(results: BatchResultView[]): void;
  /** a queued report was delivered later */
  settle(key: string, trackingCode: string | undefined, state: 'sent' | 'failed'): void;
  setVisible(visible: boolean): void;
}

export function createBatchBar({ t, language, onSelectionMode, onSelectFlagged, onClear, onReport, onReportShop }: BatchBarDeps): BatchBar {
  const modeButton = h('button', { type: 'button', class: 'mode', 'aria-pressed': 'false' }, t('batchSelectMode'));
  const count = h('span', { class: 'count', role: 'status', 'aria-live': 'polite' });
  const flaggedButton = h('button', { type: 'button', class: 'select-flagged' }, t('batchSelectFlagged'));
  const clearButton = h('button', { type: 'button', class: 'clear' }, t('batchClear'));
  const category = h(
    'select',
    { id: 'h389-batch-category' },
    h('option', { value: '' }, t('batchCategoryOwn')),
    ...VIOLATION_CATEGORY_IDS.map((id) => h('option', { value: id }, CATEGORY_INFO[id][language])),
  );
  const reportButton = h('button', { type: 'button', class: 'primary report' });
  const shopButton = h('button', { type: 'button', class: 'report-shop', hidden: true }, t('batchReportShop'));
  const note = h('input', { id: 'h389-batch-note', type: 'text', maxlength: '2000', autocomplete: 'off' });
  const status = h('p', { class: 'batch-status', role: 'status', 'aria-live': 'polite' });
  // scrolls when long: focusable so keyboard users can scroll it too
  const results = h('ol', { class: 'batch-results', hidden: true, tabindex: '0', 'aria-label': t('batchResults') });
  const element = h(
    'section',
    { class: 'batch-bar', lang: language, 'aria-labelledby': 'h389-batch-title', hidden: true },
    h('h2', { id: 'h389-batch-title' }, t('batchTitle')),
    h('div', { class: 'batch-row' }, modeButton, count, flaggedButton, clearButton),
    h(
      'div',
      { class: 'batch-row' },
      h('label', { for: 'h389-batch-category' }, t('categoryLabel')),
      category,
      h('span', { class: 'note' }, h('label', { for: 'h389-batch-note' }, t('noteLabel')), note),
    ),
    h('div', { class: 'batch-row' }, reportButton, shopButton),
    status,
    results,
  );
  let busy = false;
  let last = { selected: 0, flagged: 0, cards: 0, shop: false, max: 50 };
  const rows = new Map<string, HTMLLIElement>();

  const choice = (): CategoryChoice => (category.value ? { mode: 'all', category: category.value as ViolationCategory } : { mode: 'own', fallback: 'other' });

  modeButton.addEventListener('click', () => {
    const on = modeButton.getAttribute('aria-pressed') !== 'true';
    modeButton.setAttribute('aria-pressed', String(on));
    onSelectionMode(on);
  });
  flaggedButton.addEventListener('click', () => onSelectFlagged());
  clearButton.addEventListener('click', () => onClear());
  reportButton.addEventListener('click', () => onReport(choice(), note.value));
  shopButton.addEventListener('click', () => onReportShop(choice(), note.value));

  function render() {
    count.textContent = format(t, 'batchSelected', { n: last.selected });
    reportButton.textContent = format(t, 'batchReport', { n: last.selected });
    reportButton.disabled = busy || last.selected === 0;
    flaggedButton.disabled = busy || last.flagged === 0;
    clearButton.disabled = busy || last.selected === 0;
    shopButton.hidden = !last.shop;
    shopButton.disabled = busy;
  }

  function row(view: BatchResultView): HTMLLIElement {
    const item = h('li', { 'data-key': view.key }, `${view.title ?? view.key}: `);
    if (view.state === 'sent' && view.trackingCode) item.append(h('span', { class: 'tracking-code' }, view.trackingCode));
    else item.append(h('span', { class: view.state }, t(view.state === 'queued' ? 'batchQueued' : 'batchFailed')));
    return item;
  }

  render();
  return {
    element,
    update(state) {
      last = state;
      render();
      if (state.selected >= state.max) status.textContent = format(t, 'batchFull', { n: state.max });
    },
    setBusy(text) {
      busy = text !== undefined;
      element.toggleAttribute('aria-busy', busy);
      if (text) status.textContent = text;
      render();
    },
    showStatus(text) {
      status.textContent = text;
    },
    showResults(views) {
      results.hidden = views.length === 0;
      for (const view of views) {
        const item = row(view);
        rows.get(view.key)?.remove();
        rows.set(view.key, item);
        results.append(item);
      }
    },
    settle(key, trackingCode, state) {
      const item = rows.get(key);
      if (!item) return;
      const title = item.firstChild?.textContent?.replace(/: $/, '');
      const next = row({ key, title, trackingCode, state });
      item.replaceWith(next);
      rows.set(key, next);
    },
    setVisible(visible) {
      element.hidden = !visible;
    },
  };
}
