import { observeSpecs } from '../utils/adapters/observe-rules';
import { OBSERVER_MATCHES } from '../utils/hosts';
import { installResponseObserver } from '../utils/content/response-observer';

// Client-rendered marketplaces deliver listing data only through their own API calls. The matches
// and the request filter come from the adapters' `observe` declarations (built into the manifest).
export default defineContentScript({
  matches: [...OBSERVER_MATCHES],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installResponseObserver(window, observeSpecs());
  },
});
