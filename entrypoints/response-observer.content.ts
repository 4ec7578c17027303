import { installResponseObserver } from '../utils/content/response-observer';

// Client-rendered marketplaces deliver listing data only through their own API calls.
export default defineContentScript({
  matches: ['https://shopee.vn/*', 'https://shop.tiktok.com/*', 'https://www.tiktok.com/*'],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installResponseObserver(window);
  },
});
