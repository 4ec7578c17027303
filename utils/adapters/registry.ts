// The adapter registry. Adding a site = one file in sites/ (made with `npm run new-adapter -- <id>`,
// which also adds its line here) + its fixtures and cases under test/fixtures/<site>/. The registry
// meta-test fails when a file in sites/ is missing here or an adapter has no fixtures.
import { chotot } from './sites/chotot';
import { facebook } from './sites/facebook';
import { genericAdapter } from './sites/generic';
import { lazada } from './sites/lazada';
import { sendo } from './sites/sendo';
import { shopee } from './sites/shopee';
import { tiki } from './sites/tiki';
import { tiktok } from './sites/tiktok';
import { matchesPattern } from './match-pattern';
import type { SiteAdapter } from './types';

/** Site adapters, picked by URL. The generic adapter is not in this list. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [shopee, lazada, tiki, sendo, chotot, tiktok, facebook];

/** Every adapter, generic last. */
export const ALL_ADAPTERS: readonly SiteAdapter[] = [...SITE_ADAPTERS, genericAdapter];

export { isValidMatchPattern, matchesPattern } from './match-pattern';

/** The site adapter for `url`, or undefined for hosts no site adapter knows. */
export function pickAdapter(url: URL): SiteAdapter | undefined {
  return SITE_ADAPTERS.find((a) => a.matches.some((p) => matchesPattern(p, url)));
}

export function adapterById(id: string): SiteAdapter | undefined {
  return ALL_ADAPTERS.find((a) => a.id === id);
}

export { genericAdapter };
