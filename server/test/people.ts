// Shared fixtures of the back-office tests: the organisations and people they sign in as, reports on distinct
// listings, and a device-token sign-in. One place, so the suites cannot drift apart.
import type { Org } from '../../contract/backoffice.ts';
import { DeviceLoginResponseSchema } from '../../contract/device-token.ts';
import type { ReportInput } from '../../contract/index.ts';
import type { HotlineApp } from '../src/app.ts';
import type { Accounts } from '../src/backoffice/accounts.ts';
import { EXAMPLE_REPORT } from '../src/openapi.ts';

export const PASSWORD = 'correct horse battery staple';
export const SHOP_ID = '34456910';

/** BCĐ 389 (the steering committee), a market-surveillance department and customs. */
export async function createOrgs(accounts: Accounts): Promise<{ bcd: Org; hanoi: Org; customs: Org }> {
  return {
    bcd: await accounts.createOrg(null, { name: 'BCĐ 389' }),
    hanoi: await accounts.createOrg(null, { name: 'Cục QLTT Hà Nội' }),
    customs: await accounts.createOrg(null, { name: 'Hải quan' }),
  };
}

/** `reportOn()` makes a report on a new listing of the same shop each call (ids start with `prefix`, per suite). */
export function listingReports(prefix: string): (extra?: Partial<ReportInput>) => ReportInput {
  let counter = 0;
  return (extra = {}) => {
    counter += 1;
    const itemId = `${prefix}${counter}`;
    return {
      ...EXAMPLE_REPORT,
      ...extra,
      listing: { ...EXAMPLE_REPORT.listing, itemId, listingKey: `shopee.vn:${SHOP_ID}:${itemId}`, url: `https://shopee.vn/product/${SHOP_ID}/${itemId}` },
    };
  };
}

/** An inspector's device token, signed in as the extension's options page does. */
export async function deviceToken(app: HotlineApp, email: string, password = PASSWORD): Promise<string> {
  const response = await app.request('/v1/auth/device', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, label: 'Chrome' }) });
  return DeviceLoginResponseSchema.parse(await response.json()).token;
}
