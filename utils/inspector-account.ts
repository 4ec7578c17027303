import { z } from 'zod';
import { ApiErrorSchema } from '../contract/index';
import { DeviceLoginResponseSchema, DeviceUserSchema, type DeviceUser } from '../contract/device-token';
import { parseRetryAfter } from './report-client';

// An inspector's sign-in on this browser: the device token the hotline answered to POST /v1/auth/device. It lives in
// storage.local only (never storage.sync: a token must not travel to the user's other browsers) and is sent only to
// the server that issued it: after the API address changes, reports go anonymous until the inspector signs in there.

export const INSPECTOR_ACCOUNT_KEY = 'inspectorAccount';

export const InspectorAccountSchema = z.object({
  version: z.literal(1),
  /** the hotline that issued the token */
  apiBaseUrl: z.string(),
  token: z.string().regex(/^hdt_[A-Za-z0-9_-]{43}$/),
  tokenId: z.string(),
  label: z.string(),
  user: DeviceUserSchema,
  signedInAt: z.number(),
});
export type InspectorAccount = z.infer<typeof InspectorAccountSchema>;

/** the part of browser.storage.local this needs (tests pass a Map-backed one) */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export async function loadInspectorAccount(area: KeyValueArea): Promise<InspectorAccount | undefined> {
  const parsed = InspectorAccountSchema.safeParse((await area.get(INSPECTOR_ACCOUNT_KEY))[INSPECTOR_ACCOUNT_KEY]);
  return parsed.success ? parsed.data : undefined;
}

/** The token to send with a report to `apiBaseUrl`: only the issuing server's. */
export async function authTokenFor(area: KeyValueArea, apiBaseUrl: string): Promise<string | undefined> {
  const account = await loadInspectorAccount(area);
  return account && account.apiBaseUrl === apiBaseUrl ? account.token : undefined;
}

export type SignInResult =
  | { ok: true; account: InspectorAccount }
  | { ok: false; reason: 'credentials' | 'throttled' | 'role' | 'network' | 'server'; message: string; retryAfterSeconds?: number };

/** Signs in at the hotline and stores the device token; the password is sent once and never kept. */
export async function signInInspector(
  area: KeyValueArea,
  input: { apiBaseUrl: string; email: string; password: string; label: string },
  { fetchImpl = fetch, now = Date.now }: { fetchImpl?: typeof fetch; now?: () => number } = {},
): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetchImpl(`${input.apiBaseUrl}/v1/auth/device`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: input.email.trim(), password: input.password, label: input.label.trim() || 'Hotline 389' }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    return { ok: false, reason: 'network', message: error instanceof Error ? error.message : String(error) };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 201 || response.status === 200) {
    const parsed = DeviceLoginResponseSchema.safeParse(body);
    if (!parsed.success) return { ok: false, reason: 'server', message: 'the hotline answered without a device token' };
    const account: InspectorAccount = {
      version: 1,
      apiBaseUrl: input.apiBaseUrl,
      token: parsed.data.token,
      tokenId: parsed.data.tokenId,
      label: input.label.trim() || 'Hotline 389',
      user: parsed.data.user,
      signedInAt: now(),
    };
    await area.set({ [INSPECTOR_ACCOUNT_KEY]: account });
    return { ok: true, account };
  }
  const message = ApiErrorSchema.safeParse(body).data?.message ?? `HTTP ${response.status}`;
  if (response.status === 401) return { ok: false, reason: 'credentials', message };
  if (response.status === 403) return { ok: false, reason: 'role', message };
  if (response.status === 429) {
    const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), now());
    return { ok: false, reason: 'throttled', message, ...(retryAfterSeconds !== undefined && { retryAfterSeconds }) };
  }
  return { ok: false, reason: 'server', message };
}

/**
 * Signs out: asks the issuing hotline to revoke the token, and forgets it here whatever the answer (offline, already
 * revoked): a signed-out browser must not keep a token. Answers whether the hotline confirmed the revocation.
 */
export async function signOutInspector(area: KeyValueArea, { fetchImpl = fetch }: { fetchImpl?: typeof fetch } = {}): Promise<{ revoked: boolean }> {
  const account = await loadInspectorAccount(area);
  await area.remove(INSPECTOR_ACCOUNT_KEY);
  if (!account) return { revoked: false };
  try {
    const response = await fetchImpl(`${account.apiBaseUrl}/v1/auth/device`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${account.token}` },
      signal: AbortSignal.timeout(10_000),
    });
    return { revoked: response.status === 204 || response.status === 401 };
  } catch {
    return { revoked: false };
  }
}

export const describeInspector = (user: DeviceUser) => `${user.name} <${user.email}> · ${user.org.name}`;
