import type { Listing } from '../contract/listing';
import { createTranslator, type Language } from '../utils/i18n';
import { sendMessage } from '../utils/messaging/send';
import { createReportWidget } from './report-widget';
import widgetCss from './report-widget.css?inline';
import { createRiskView } from './risk-panel';

/**
 * The same Báo cáo button, risk badge and panel a marketplace page gets, on a training demo page (content scripts
 * do not run on extension pages, so the page mounts them itself). Reports of demo listings are always training
 * reports (the background marks them). Returns the unmount function.
 */
export function mountDemoWidget(listing: Listing, language: Language): () => void {
  const t = createTranslator(language);
  const riskView = createRiskView({
    t,
    language,
    onHighlight: () => undefined,
    onOpen: () => widget.closeForm(),
    explain: (hits) => sendMessage('explainHits', { hits }),
  });
  const widget = createReportWidget({
    t,
    language,
    submit: (request) => sendMessage('submitReport', request),
    priorReports: (listingKey) => sendMessage('priorReports', { listingKey }),
    onCornerChange: () => undefined,
    onFormOpen: () => riskView.close(),
  });
  widget.badgeSlot.append(riskView.badge);
  widget.element.prepend(riskView.panel);
  const host = document.createElement('div');
  host.className = 'demo-widget-host';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = widgetCss;
  shadow.append(style, widget.element);
  document.body.append(host);
  widget.setListing(listing);
  let live = true;
  void sendMessage('assessListing', { listing })
    .then((assessment) => {
      if (!live) return;
      riskView.show(assessment);
      widget.setAssessment(assessment);
    })
    .catch(() => undefined);
  return () => {
    live = false;
    host.remove();
  };
}
