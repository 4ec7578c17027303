import { CATEGORY_INFO, VIOLATION_CATEGORY_IDS, type ViolationCategory } from '../contract/categories';
import type { Assessment } from '../contract/assessment';
import type { Listing } from '../contract/listing';
import type { Language, MessageKey, Translate } from '../utils/i18n';
import type { OutboxEvent, PriorReport, ReportContact, SubmitReportResponse } from '../utils/messaging/protocol';
import { describeReportError, queuedNotice } from '../utils/report-error';
import { topCategory } from '../utils/content/risk-reasons';
import { cornerByArrow, cornerFromPoint, DEFAULT_CORNER, nextCorner, type Corner } from '../utils/content/widget-placement';
import { h } from './dom';

export interface SubmitRequest {
  listing: Listing;
  category: ViolationCategory;
  note?: string;
  assessment?: Assessment;
  contact?: ReportContact;
}

export interface ReportWidgetDeps {
  t: Translate;
  language: Language;
  submit(request: SubmitRequest): Promise<SubmitReportResponse>;
  /** the reporter's earlier reports about a listing (outbox and history) */
  priorReports?(listingKey: string): Promise<PriorReport[]>;
  /** the user moved the widget (drag or keyboard) */
  onCornerChange?(corner: Corner): void;
  /** the form opened: other panels of the widget close */
  onFormOpen?(): void;
}

export interface ReportWidget {
  readonly element: HTMLElement;
  /** the listing the next report is about; undefined hides the widget */
  setListing(listing: Listing | undefined): void;
  setAssessment(assessment: Assessment | undefined): void;
  /** slot beside the report button for the risk badge */
  readonly badgeSlot: HTMLElement;
  /** corner of the viewport, and how far to stay off its edge (the page's own fixed bars) */
  setPlacement(placement: { corner: Corner; lift: number }): void;
  closeForm(): void;
  /** the outbox settled a report later (delivered or refused) */
  reportSettled(event: OutboxEvent): void;
}

const CORNER_TEXT: Record<Corner, MessageKey> = {
  'bottom-right': 'corner_bottom_right',
  'bottom-left': 'corner_bottom_left',
  'top-right': 'corner_top_right',
  'top-left': 'corner_top_left',
};
const DRAG_THRESHOLD_PX = 6;
// A deliberately loose check (the hotline validates properly): something@something.something.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function moveIcon(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M8 0 5 3h2v4H3V5L0 8l3 3V9h4v4H5l3 3 3-3H9V9h4v2l3-3-3-3v2H9V3h2z');
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

/**
 * Report button and its form: the button opens it, "send" submits, the receipt's tracking code shows in place.
 * A listing already reported from this browser says so and asks for confirmation before another report.
 */
export function createReportWidget({ t, language, submit, priorReports, onCornerChange, onFormOpen }: ReportWidgetDeps): ReportWidget {
  let listing: Listing | undefined;
  let assessment: Assessment | undefined;
  let busy = false;
  let corner: Corner = DEFAULT_CORNER;
  /** earlier reports about the current listing, newest first */
  let prior: PriorReport[] = [];
  /** outbox entries this page queued and waits for */
  const awaited = new Set<string>();

  const badgeSlot = h('div', { class: 'badge-slot' });
  const reportButton = h('button', { type: 'button', class: 'report-button', 'aria-expanded': 'false', 'aria-controls': 'h389-report-form' }, t('reportButton'));
  const moveButton = h('button', { type: 'button', class: 'move-handle', 'aria-label': t('moveWidget'), title: t('moveWidgetHint'), 'aria-describedby': 'h389-corner' }, moveIcon());
  const cornerText = h('span', { id: 'h389-corner', class: 'sr-only', 'aria-live': 'polite' });

  const categorySelect = h('select', { id: 'h389-category' });
  for (const id of VIOLATION_CATEGORY_IDS) categorySelect.append(h('option', { value: id }, CATEGORY_INFO[id][language]));
  const noteInput = h('textarea', { id: 'h389-note', rows: '2', maxlength: '4000' });

  const priorText = h('p', { id: 'h389-prior-text', class: 'prior-text' });
  const confirmAgain = h('input', { type: 'checkbox', id: 'h389-confirm-again' });
  const priorBox = h(
    'div',
    { class: 'prior', hidden: true },
    priorText,
    h('label', { class: 'check', for: 'h389-confirm-again' }, confirmAgain, h('span', {}, t('confirmAgain'))),
  );

  const consent = h('input', { type: 'checkbox', id: 'h389-contact-consent' });
  // autocomplete off: contact details come from the reporter's typing only, never from the page or a form filler
  const contactInput = (id: string, type: string, max: string) => h('input', { id, type, maxlength: max, autocomplete: 'off', disabled: true });
  const nameInput = contactInput('h389-contact-name', 'text', '200');
  const phoneInput = contactInput('h389-contact-phone', 'tel', '40');
  const emailInput = contactInput('h389-contact-email', 'email', '320');
  const contactFields = [nameInput, phoneInput, emailInput];
  const contact = h(
    'details',
    { class: 'contact' },
    h('summary', {}, t('contactSummary')),
    h('p', { class: 'help', id: 'h389-contact-help' }, t('contactHelp')),
    h('label', { class: 'check', for: 'h389-contact-consent' }, consent, h('span', {}, t('contactConsent'))),
    h('label', { for: 'h389-contact-name' }, t('contactName')),
    nameInput,
    h('label', { for: 'h389-contact-phone' }, t('contactPhone')),
    phoneInput,
    h('label', { for: 'h389-contact-email' }, t('contactEmail')),
    emailInput,
  );
  consent.setAttribute('aria-describedby', 'h389-contact-help');

  const sendButton = h('button', { type: 'submit', class: 'send-button' }, t('send'));
  const closeButton = h('button', { type: 'button', class: 'close-button' }, t('cancel'));
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { id: 'h389-report-form', class: 'report-form', hidden: true, novalidate: true, 'aria-labelledby': 'h389-report-title' },
    h('h2', { id: 'h389-report-title' }, t('reportTitle')),
    priorBox,
    h('label', { for: 'h389-category' }, t('categoryLabel')),
    categorySelect,
    h('label', { for: 'h389-note' }, t('noteLabel')),
    noteInput,
    contact,
    h('div', { class: 'actions' }, sendButton, closeButton),
  );
  const bar = h('div', { class: 'bar' }, moveButton, badgeSlot, reportButton, cornerText);
  // Panels come before the bar; in a top corner the column is reversed, so they always grow away from the edge.
  const element = h('div', { class: 'widget', lang: language, hidden: true, 'data-corner': corner }, form, status, bar);

  const setOpen = (open: boolean) => {
    form.hidden = !open;
    reportButton.setAttribute('aria-expanded', String(open));
    if (open) {
      onFormOpen?.();
      refreshPrior();
      categorySelect.focus();
    }
  };
  const setStatus = (text: string, kind: 'info' | 'ok' | 'error') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  const showReceipt = (trackingCode: string) => {
    status.replaceChildren(`${t('sent')} `, h('strong', { class: 'tracking-code' }, trackingCode));
    status.dataset.kind = 'ok';
  };

  function renderPrior() {
    const latest = prior.find((report) => report.state === 'sent' && report.trackingCode) ?? prior[0];
    priorBox.hidden = !latest;
    confirmAgain.checked = false;
    if (!latest) return;
    if (latest.state === 'sent' && latest.trackingCode) {
      priorText.replaceChildren(`${t('alreadyReportedSent')} `, h('strong', { class: 'tracking-code' }, latest.trackingCode));
    } else {
      priorText.textContent = t('alreadyReportedPending');
    }
  }
  function rememberPrior(report: PriorReport) {
    prior = [report, ...prior.filter((other) => other.id !== report.id)];
    renderPrior();
  }
  function refreshPrior() {
    const key = listing?.listingKey;
    if (!key || !priorReports) return;
    priorReports(key)
      .then((found) => {
        if (listing?.listingKey !== key || busy) return;
        // keep what this page knows and the background has not stored yet
        const ids = new Set(found.map((report) => report.id));
        prior = [...prior.filter((report) => !ids.has(report.id)), ...found].sort((a, b) => b.createdAt - a.createdAt);
        renderPrior();
      })
      .catch(() => undefined) // the notice is a courtesy: reporting works without it
      .finally(() => {
        if (listing?.listingKey === key) form.dataset.priorChecked = 'true';
      });
  }

  function readContact(): ReportContact | undefined | Error {
    if (!consent.checked) return undefined; // without consent nothing typed there leaves the page
    const [name, phone, email] = contactFields.map((input) => input.value.trim());
    if (!name && !phone && !email) return new Error(t('contactEmpty'));
    if (email && !EMAIL.test(email)) return new Error(t('contactEmailInvalid'));
    return { consent: true, ...(name && { name }), ...(phone && { phone }), ...(email && { email }) };
  }

  reportButton.addEventListener('click', () => setOpen(form.hasAttribute('hidden')));
  closeButton.addEventListener('click', () => {
    setOpen(false);
    reportButton.focus();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setOpen(false);
    reportButton.focus(); // keyboard users land where they started
  });
  consent.addEventListener('change', () => {
    for (const input of contactFields) input.disabled = !consent.checked;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    if (!listing) {
      setStatus(t('noListing'), 'error');
      return;
    }
    if (!priorBox.hidden && !confirmAgain.checked) {
      setStatus(t('confirmAgainNeeded'), 'error');
      confirmAgain.focus();
      return;
    }
    const contactDetails = readContact();
    if (contactDetails instanceof Error) {
      setStatus(contactDetails.message, 'error');
      (consent.checked && emailInput.value.trim() && !EMAIL.test(emailInput.value.trim()) ? emailInput : nameInput).focus();
      return;
    }
    busy = true;
    sendButton.disabled = true;
    sendButton.setAttribute('aria-busy', 'true');
    setStatus(t('sending'), 'info');
    const note = noteInput.value.trim();
    const key = listing.listingKey;
    submit({ listing, category: categorySelect.value as ViolationCategory, note: note || undefined, assessment, ...(contactDetails && { contact: contactDetails }) })
      .catch((): SubmitReportResponse => ({ ok: false, error: { code: 'internal', message: '' } }))
      .then((result) => {
        if (listing?.listingKey !== key) return; // the page moved on to another item
        if (result.ok) {
          setOpen(false);
          showReceipt(result.receipt.trackingCode);
          rememberPrior({ id: result.entryId ?? result.receipt.reportId, state: 'sent', trackingCode: result.receipt.trackingCode, createdAt: Date.now() });
          reportButton.focus();
        } else {
          const { summary, detail } = describeReportError(result.error, t);
          const queued = result.queued ? ` ${queuedNotice(result.error, t)}` : '';
          setStatus(`${t('failed')} ${summary}${detail ? ` (${detail})` : ''}${queued}`, 'error');
          if (result.queued) {
            // It will go out by itself: another click would file a second report about the same listing.
            const id = result.entryId ?? `local-${Date.now()}`;
            awaited.add(id);
            rememberPrior({ id, state: 'pending', createdAt: Date.now() });
          }
        }
      })
      .finally(() => {
        busy = false;
        sendButton.disabled = false;
        sendButton.removeAttribute('aria-busy');
      });
  });

  // Moving the widget: drag the handle to another quarter of the screen, or use the arrow keys on it.
  let drag: { id: number; x: number; y: number; moved: boolean } | undefined;
  let suppressClick = false;
  const moveTo = (next: Corner) => {
    if (next === corner) return;
    onCornerChange?.(next);
  };
  moveButton.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { id: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
    moveButton.setPointerCapture?.(event.pointerId);
  });
  moveButton.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    drag.moved = true;
    element.dataset.dragging = 'true';
    element.style.setProperty('translate', `${dx}px ${dy}px`);
  });
  const endDrag = (event: PointerEvent, drop: boolean) => {
    if (!drag || event.pointerId !== drag.id) return;
    const moved = drag.moved;
    drag = undefined;
    element.style.removeProperty('translate');
    delete element.dataset.dragging;
    if (!moved) return;
    suppressClick = true;
    if (drop) moveTo(cornerFromPoint(event.clientX, event.clientY, window.innerWidth, window.innerHeight));
  };
  moveButton.addEventListener('pointerup', (event) => endDrag(event, true));
  moveButton.addEventListener('pointercancel', (event) => endDrag(event, false));
  moveButton.addEventListener('click', () => {
    if (suppressClick) {
      suppressClick = false;
      return;
    }
    moveTo(nextCorner(corner));
  });
  moveButton.addEventListener('keydown', (event) => {
    const next = cornerByArrow(corner, event.key);
    if (!next) return;
    event.preventDefault();
    moveTo(next);
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
        consent.checked = false;
        for (const input of contactFields) {
          input.value = '';
          input.disabled = true;
        }
        contact.open = false;
        delete form.dataset.priorChecked;
        prior = [];
        awaited.clear();
        renderPrior();
        refreshPrior();
      }
    },
    setAssessment(next) {
      assessment = next;
      const top = topCategory(next);
      if (top && form.hidden) categorySelect.value = top;
    },
    setPlacement(placement) {
      const announce = placement.corner !== corner;
      corner = placement.corner;
      element.dataset.corner = corner;
      element.style.setProperty('--h389-lift', `${Math.max(0, Math.round(placement.lift))}px`);
      if (announce) cornerText.textContent = t(CORNER_TEXT[corner]);
    },
    closeForm() {
      if (!form.hidden) setOpen(false);
    },
    reportSettled(event) {
      if (!listing || event.listingKey !== listing.listingKey) return;
      const mine = awaited.delete(event.id);
      if (event.state === 'sent') {
        rememberPrior({ id: event.id, state: 'sent', trackingCode: event.trackingCode, createdAt: event.at });
      } else {
        prior = prior.filter((report) => report.id !== event.id);
        renderPrior();
      }
      if (!mine) return;
      if (event.state === 'sent' && event.trackingCode) {
        setOpen(false);
        showReceipt(event.trackingCode);
      } else if (event.error) {
        const { summary, detail } = describeReportError(event.error, t);
        setStatus(`${t('failed')} ${summary}${detail ? ` (${detail})` : ''}`, 'error');
      }
    },
  };
}
