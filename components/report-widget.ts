import { CATEGORY_INFO, VIOLATION_CATEGORY_IDS, type ViolationCategory } from '../contract/categories';
import type { Assessment } from '../contract/assessment';
import type { Listing } from '../contract/listing';
import type { Language, Translate } from '../utils/i18n';
import type { SubmitReportResponse } from '../utils/messaging/protocol';
import { describeReportError, queuedNotice } from '../utils/report-error';
import { h } from './dom';

export interface ReportWidgetDeps {
  t: Translate;
  language: Language;
  submit(request: { listing: Listing; category: ViolationCategory; note?: string; assessment?: Assessment }): Promise<SubmitReportResponse>;
}

export interface ReportWidget {
  readonly element: HTMLElement;
  /** the listing the next report is about; undefined hides the widget */
  setListing(listing: Listing | undefined): void;
  setAssessment(assessment: Assessment | undefined): void;
  /** slot beside the report button for the risk badge */
  readonly badgeSlot: HTMLElement;
}

/** Report button and its two-click form: button opens, "send" submits, the receipt's tracking code shows in place. */
export function createReportWidget({ t, language, submit }: ReportWidgetDeps): ReportWidget {
  let listing: Listing | undefined;
  let assessment: Assessment | undefined;
  let busy = false;

  const badgeSlot = h('div', { class: 'badge-slot' });
  const reportButton = h('button', { type: 'button', class: 'report-button', 'aria-expanded': 'false', 'aria-controls': 'h389-report-form' }, t('reportButton'));
  const categorySelect = h('select', { id: 'h389-category' });
  for (const id of VIOLATION_CATEGORY_IDS) categorySelect.append(h('option', { value: id }, CATEGORY_INFO[id][language]));
  const noteInput = h('textarea', { id: 'h389-note', rows: '2', maxlength: '4000' });
  const sendButton = h('button', { type: 'submit', class: 'send-button' }, t('send'));
  const closeButton = h('button', { type: 'button', class: 'close-button' }, t('cancel'));
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { id: 'h389-report-form', class: 'report-form', hidden: true, 'aria-label': t('reportTitle') },
    h('h2', {}, t('reportTitle')),
    h('label', { for: 'h389-category' }, t('categoryLabel')),
    categorySelect,
    h('label', { for: 'h389-note' }, t('noteLabel')),
    noteInput,
    h('div', { class: 'actions' }, sendButton, closeButton),
  );
  // The host is pinned to the bottom corner, so panels come first and grow upwards from the button bar.
  const element = h('div', { class: 'widget', lang: language, hidden: true }, form, status, h('div', { class: 'bar' }, badgeSlot, reportButton));

  const setOpen = (open: boolean) => {
    form.hidden = !open;
    reportButton.setAttribute('aria-expanded', String(open));
    if (open) categorySelect.focus();
  };
  const setStatus = (text: string, kind: 'info' | 'ok' | 'error') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };

  reportButton.addEventListener('click', () => setOpen(form.hasAttribute('hidden')));
  closeButton.addEventListener('click', () => setOpen(false));
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    setOpen(false);
    reportButton.focus(); // keyboard users land where they started
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    if (!listing) {
      setStatus(t('noListing'), 'error');
      return;
    }
    busy = true;
    sendButton.disabled = true;
    setStatus(t('sending'), 'info');
    const note = noteInput.value.trim();
    submit({ listing, category: categorySelect.value as ViolationCategory, note: note || undefined, assessment })
      .catch((): SubmitReportResponse => ({ ok: false, error: { code: 'internal', message: '' } }))
      .then((result) => {
        if (result.ok) {
          setOpen(false);
          status.replaceChildren(`${t('sent')} `, h('strong', { class: 'tracking-code' }, result.receipt.trackingCode));
          status.dataset.kind = 'ok';
        } else {
          const { summary, detail } = describeReportError(result.error, t);
          const queued = result.queued ? ` ${queuedNotice(result.error, t)}` : '';
          setStatus(`${t('failed')} ${summary}${detail ? ` (${detail})` : ''}${queued}`, 'error');
        }
      })
      .finally(() => {
        busy = false;
        sendButton.disabled = false;
      });
  });

  return {
    element,
    badgeSlot,
    setListing(next) {
      const changed = next?.listingKey !== listing?.listingKey;
      listing = next;
      element.hidden = !next;
      if (changed) {
        // A different item: nothing from the previous one may linger.
        setOpen(false);
        setStatus('', 'info');
        noteInput.value = '';
      }
    },
    setAssessment(next) {
      assessment = next;
      const top = next?.categories[0];
      if (top && form.hidden) categorySelect.value = top;
    },
  };
}
