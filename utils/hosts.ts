// Hosts the extension runs on out of the box, derived from the adapter registry (each adapter's
// `matches`): shared by the manifest (host_permissions, content-script matches) and the content
// scripts. Site knowledge lives in utils/adapters/sites/ only; a meta-test fails if a host name is
// written here.
import { observerMatches, siteMatches } from './adapters/observe-rules';

/** Every site adapter's page match patterns. */
export const MARKETPLACE_MATCHES: readonly string[] = siteMatches();

export const MARKETPLACE_HOST_PERMISSIONS: string[] = [...MARKETPLACE_MATCHES];

/** Pages of the sites whose adapters read the page's own API responses: where the main-world observer runs. */
export const OBSERVER_MATCHES: readonly string[] = observerMatches();
