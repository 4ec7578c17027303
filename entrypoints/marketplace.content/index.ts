import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { createReportWidget } from '../../components/report-widget';
import { createRiskView } from '../../components/risk-panel';
import widgetCss from '../../components/report-widget.css?inline';
import { createTranslator } from '../../utils/i18n';
import { MARKETPLACE_MATCHES } from '../../utils/hosts';
import { createRiskPresenter } from '../../utils/content/risk-presenter';
import { startPageSession } from '../../utils/content/page-session';
import { sendMessage } from '../../utils/messaging/send';
import { genericAdapter, pickAdapter } from '../../utils/adapters/index';

export default defineContentScript({
  matches: [...MARKETPLACE_MATCHES],
  runAt: 'document_idle',
  // Styles go inline into the shadow root: no web-accessible resource for pages to probe.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const { language } = await sendMessage('getUiSettings', {}).catch(() => ({ language: 'vi' as const }));
    const t = createTranslator(language);
    const widget = createReportWidget({ t, language, submit: (request) => sendMessage('submitReport', request) });
    const ui = await createShadowRootUi(ctx, {
      name: 'hotline389-widget',
      css: widgetCss,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container, _shadow, host) {
        // Fixed in a corner: never reflows or covers the page's own layout flow.
        for (const [property, value] of Object.entries({ position: 'fixed', right: '16px', bottom: '16px', 'z-index': '2147483646', display: 'block' })) {
          host.style.setProperty(property, value, 'important');
        }
        container.append(widget.element);
      },
    });
    const riskView = createRiskView({ t, language, onHighlight: (hits) => presenter.highlight(hits) });
    widget.badgeSlot.append(riskView.badge);
    widget.element.prepend(riskView.panel);
    const presenter = createRiskPresenter({ t, language, widget, riskView, widgetHost: ui.shadowHost, send: sendMessage });
    ui.mount();
    // Marketplaces use their own adapter; shops the user enabled use the generic (schema.org/OpenGraph) one.
    startPageSession(ctx, presenter, (url) => pickAdapter(url) ?? genericAdapter);
  },
});
