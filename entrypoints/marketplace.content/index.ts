import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { createReportWidget } from '../../components/report-widget';
import { createRiskView } from '../../components/risk-panel';
import widgetCss from '../../components/report-widget.css?inline';
import { createTranslator } from '../../utils/i18n';
import { MARKETPLACE_MATCHES } from '../../utils/hosts';
import { createRiskPresenter } from '../../utils/content/risk-presenter';
import { startPageSession } from '../../utils/content/page-session';
import { watchDeliveries } from '../../utils/content/delivery-watch';
import { loadCorner, startWidgetPlacement } from '../../utils/content/widget-placement';
import { sendMessage } from '../../utils/messaging/send';
import { genericAdapter, pickAdapter } from '../../utils/adapters/index';
import { createEvidenceResponder } from '../../utils/evidence/page-responder';
import { startInspectorMode } from '../../utils/content/inspector-mode';
import { CARD_BADGE_TAG } from '../../utils/content/card-badges';

export default defineContentScript({
  matches: [...MARKETPLACE_MATCHES],
  runAt: 'document_idle',
  // Styles go inline into the shadow root: no web-accessible resource for pages to probe.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const [{ language, training, role }, corner] = await Promise.all([
      sendMessage('getUiSettings', {}).catch(() => ({ language: 'vi' as const, training: false, role: undefined })),
      loadCorner(),
    ]);
    const t = createTranslator(language);
    const widget = createReportWidget({
      t,
      language,
      submit: (request) => sendMessage('submitReport', request),
      priorReports: (listingKey) => sendMessage('priorReports', { listingKey }),
      onCornerChange: (next) => placement.setCorner(next),
      onFormOpen: () => riskView.close(),
    });
    const riskView = createRiskView({
      t,
      language,
      onHighlight: (hits) => presenter.highlight(hits),
      onOpen: () => widget.closeForm(),
      // a trainer's class sees, under each reason, how the engine read it and what it would not flag
      explain: training ? (hits) => sendMessage('explainHits', { hits }) : undefined,
    });
    // Inspectors and trainers select search cards for batch and shop reports; volunteers' pages stay as they were.
    const inspector = role === 'inspector' || role === 'trainer' ? startInspectorMode({ t, language, send: sendMessage }) : undefined;
    widget.badgeSlot.append(riskView.badge);
    widget.element.prepend(riskView.panel);
    const ui = await createShadowRootUi(ctx, {
      name: 'hotline389-widget',
      css: widgetCss,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      // The widget places itself (position: fixed inside the shadow root): WXT's `:host { all: initial !important }`
      // beats any inline style on the host, so the host stays an empty inline box at the end of the page.
      onMount(container) {
        container.append(widget.element);
        if (inspector) container.append(inspector.element);
      },
    });
    const presenter = createRiskPresenter({ t, language, widget, riskView, widgetHost: ui.shadowHost, send: sendMessage, cards: inspector });
    ui.mount();
    const placement = startWidgetPlacement(ctx, ui.shadowHost, widget, corner);
    watchDeliveries(ctx, (event) => {
      widget.reportSettled(event);
      inspector?.settled(event);
    });
    // Marketplaces use their own adapter; shops the user enabled use the generic (schema.org/OpenGraph) one.
    const session = startPageSession(ctx, presenter, (url) => pickAdapter(url) ?? genericAdapter);
    // Evidence: the background asks this page to mask the buyer's header and hide this UI while it captures.
    const stopEvidence = createEvidenceResponder({
      adapterId: () => session.adapterId,
      responses: () => session.responses,
      ownUi: () => [widget.element, ...(inspector ? [inspector.element] : [])],
      ownHosts: () => [ui.shadowHost, ...document.querySelectorAll(CARD_BADGE_TAG)],
      // as a click on Báo cáo would, unless the form is open already
      openReportForm: () => {
        if (widget.element.querySelector('#h389-report-form')?.hasAttribute('hidden')) widget.element.querySelector<HTMLButtonElement>('.report-button')?.click();
      },
    }).listen();
    ctx.onInvalidated(stopEvidence);
  },
});
