// Everything outside the adapters that depends on site knowledge is derived here from the registry:
// the manifest's host permissions and content-script matches, the main-world observer's matches and
// request filter, and the buyer-data paths the sanitizer strips. Nothing here names a site.
import { observes } from './define-adapter';
import { SITE_ADAPTERS } from './registry';
import type { ObserveSpec, SiteAdapter } from './types';

const unique = (list: readonly string[]) => [...new Set(list)];

/** Pages the extension runs on out of the box: every site adapter's match patterns. */
export function siteMatches(adapters: readonly SiteAdapter[] = SITE_ADAPTERS): string[] {
  return unique(adapters.flatMap((a) => a.matches));
}

/** Pages the main-world response observer must run on: those of adapters that read page API responses. */
export function observerMatches(adapters: readonly SiteAdapter[] = SITE_ADAPTERS): string[] {
  return unique(adapters.filter((a) => a.observe).flatMap((a) => a.matches));
}

/** The observe declarations, as plain data the main-world observer can test request URLs against. */
export function observeSpecs(adapters: readonly SiteAdapter[] = SITE_ADAPTERS): ObserveSpec[] {
  return adapters.flatMap((a) => (a.observe ? [a.observe] : []));
}

/** Whether any adapter observes `url` (the main world's coarse filter; the isolated world asks the page's own adapter). */
export function anyAdapterObserves(url: URL, specs: readonly ObserveSpec[] = observeSpecs()): boolean {
  return specs.some((spec) => observes(spec, url));
}

/** Buyer-data key paths declared for `url` by the adapters that observe it. */
export function buyerPathsFor(url: URL, adapters: readonly SiteAdapter[] = SITE_ADAPTERS): (readonly string[])[] {
  return adapters.flatMap((a) => (a.observe && observes(a.observe, url) ? [...(a.observe.buyerPaths ?? [])] : []));
}
