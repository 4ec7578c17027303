import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { createReportWidget } from '../../components/report-widget';
import '../../components/report-widget.css';
import { createTranslator } from '../../utils/i18n';
import { MARKETPLACE_MATCHES } from '../../utils/hosts';
import { startPageSession } from '../../utils/content/page-session';
import { sendMessage } from '../../utils/messaging/send';

export default defineContentScript({
  matches: [...MARKETPLACE_MATCHES],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const { language } = await sendMessage('getUiSettings', {}).catch(() => ({ language: 'vi' as const }));
    const widget = createReportWidget({
      t: createTranslator(language),
      language,
      submit: (request) => sendMessage('submitReport', request),
    });
    const ui = await createShadowRootUi(ctx, {
      name: 'hotline389-widget',
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
    ui.mount();
    startPageSession(ctx, {
      showListing: (listing) => widget.setListing(listing),
      showCards: () => undefined,
    });
  },
});
