import { browser } from 'wxt/browser';
import { createBackgroundHandlers } from '../utils/background/handlers';
import { dispatchMessage } from '../utils/messaging/handle';

export default defineBackground(() => {
  const handlers = createBackgroundHandlers();
  browser.runtime.onMessage.addListener((message, sender) => dispatchMessage(handlers, message, sender, browser.runtime.id));
});
