// The content script's part of an evidence capture: answers the background's EvidenceTabRequest messages.
// While a capture is on, the buyer's header widgets are hollowed and the extension's UI hidden; both come back on
// 'restore', or by themselves after a few seconds should the background never say so.
import { browser } from 'wxt/browser';
import type { EvidencePrepared, EvidenceTabRequest } from '../messaging/protocol';
import { findBuyerChrome } from './buyer-chrome';
import { serialiseDomSnapshot } from './dom-snapshot';
import { createFixedHider, hideOwnUi, hollowTemplates, maskElements, type ActiveMask } from './page-mask';

const SAFETY_RESTORE_MS = 15_000;
const MAX_RESPONSES_CHARS = 4 * 1024 * 1024;

export interface EvidenceResponderDeps {
  /** the adapter id on this page, for its buyer-chrome selectors */
  adapterId(): string | undefined;
  /** the page's API responses the adapter read, already sanitised */
  responses(): readonly { url: string; body: unknown }[];
  /** the extension's own visible UI (inside its shadow root), hidden during a capture */
  ownUi(): HTMLElement[];
  /** the shadow hosts the extension put in the page: never masked, never archived */
  ownHosts(): Element[];
  openReportForm(): void;
}

/** Two frames: the masked page is painted before the background captures it. */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** One frame: the page has had its scroll events (and shown, say, its "back to top" button). */
function frame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

function scrollHeight(): number {
  return Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0);
}

function boundedResponses(responses: readonly { url: string; body: unknown }[]): { url: string; body: unknown }[] {
  const kept: { url: string; body: unknown }[] = [];
  let chars = 0;
  for (const response of [...responses].reverse()) {
    chars += JSON.stringify(response).length;
    if (chars > MAX_RESPONSES_CHARS) break;
    kept.unshift(response);
  }
  return kept;
}

export function createEvidenceResponder(deps: EvidenceResponderDeps) {
  let mask: ActiveMask | undefined;
  let templates: ReturnType<typeof hollowTemplates> | undefined;
  let fixed: ReturnType<typeof createFixedHider> | undefined;
  let showUi: (() => void) | undefined;
  let scrollBack: { x: number; y: number } | undefined;
  let safety: ReturnType<typeof setTimeout> | undefined;

  function restore() {
    clearTimeout(safety);
    fixed?.restore(); // first: it saved inline styles as they were while masked
    mask?.restore();
    templates?.restore();
    showUi?.();
    if (scrollBack) window.scrollTo({ left: scrollBack.x, top: scrollBack.y, behavior: 'instant' });
    fixed = undefined;
    mask = undefined;
    templates = undefined;
    showUi = undefined;
    scrollBack = undefined;
  }

  async function handle(request: EvidenceTabRequest): Promise<unknown> {
    switch (request.evidence) {
      case 'prepare': {
        restore(); // a capture left half-way never stacks masks
        scrollBack = { x: window.scrollX, y: window.scrollY };
        showUi = hideOwnUi(deps.ownUi());
        mask = maskElements(findBuyerChrome(document, deps.adapterId(), deps.ownHosts()));
        templates = hollowTemplates(document);
        safety = setTimeout(restore, SAFETY_RESTORE_MS);
        const prepared: EvidencePrepared = {
          masked: mask.count,
          maskedRects: mask.rects,
          viewport: { width: window.innerWidth, height: window.innerHeight },
          devicePixelRatio: window.devicePixelRatio,
          scroll: { ...scrollBack },
          pageHeight: scrollHeight(),
          responses: boundedResponses(deps.responses()),
          ...(request.snapshot && { snapshot: serialiseDomSnapshot(document, location.href) }),
        };
        await painted();
        return prepared;
      }
      case 'snapshot':
        return { snapshot: serialiseDomSnapshot(document, location.href) };
      case 'scroll': {
        // only while a capture is on (masked): after the safety restore the background must stop capturing
        if (!mask) return { y: window.scrollY, height: scrollHeight(), active: false };
        clearTimeout(safety);
        safety = setTimeout(restore, SAFETY_RESTORE_MS);
        window.scrollTo({ left: 0, top: request.y, behavior: 'instant' });
        if (request.hideFixed) {
          fixed ??= createFixedHider(document, deps.ownHosts());
          await frame();
          fixed?.hide();
        }
        await painted();
        return { y: window.scrollY, height: scrollHeight(), active: true };
      }
      case 'restore':
        restore();
        return { ok: true };
      case 'openReportForm':
        deps.openReportForm();
        return { ok: true };
    }
  }

  return {
    /** starts answering; returns the listener's removal */
    listen(): () => void {
      const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
        // only the extension's background (no tab) talks to this part of the page
        if (sender.id !== browser.runtime.id || sender.tab) return undefined;
        const request = message as EvidenceTabRequest | null;
        if (!request || typeof request !== 'object' || typeof (request as { evidence?: unknown }).evidence !== 'string') return undefined;
        return handle(request);
      };
      browser.runtime.onMessage.addListener(listener);
      return () => {
        browser.runtime.onMessage.removeListener(listener);
        restore();
      };
    },
    handle,
    restore,
  };
}
