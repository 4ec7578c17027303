import { z } from 'zod';
import type { LanguagePreference } from './i18n';

// `npm start` bakes the local server's address in; otherwise the embedded default port.
export const DEFAULT_API_BASE_URL: string = import.meta.env?.WXT_API_BASE_URL || 'http://127.0.0.1:8389';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** HTTPS anywhere, plain HTTP only to this machine: reports must not cross the network in clear text. */
export const ApiBaseUrlSchema = z
  .string()
  .trim()
  .max(500)
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not a URL' });
      return z.NEVER;
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
    if (!secure) {
      ctx.addIssue({ code: 'custom', message: 'use https:// (http:// only for 127.0.0.1 or localhost)' });
      return z.NEVER;
    }
    if (url.username || url.password || url.search || url.hash) {
      ctx.addIssue({ code: 'custom', message: 'no credentials, query or fragment' });
      return z.NEVER;
    }
    return url.href.replace(/\/+$/, '');
  });

export const SettingsSchema = z.object({
  version: z.literal(2),
  apiBaseUrl: ApiBaseUrlSchema,
  language: z.enum(['auto', 'vi', 'en']),
  /** who reports: sent with every report (v2) */
  reporterRole: z.enum(['volunteer', 'inspector', 'trainer']),
  /** trainers only: reports are practice, kept apart by the hotline, and demos are explained step by step (v2) */
  trainingMode: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** every field a user or an enterprise policy may set (public/managed_schema.json lists the same) */
export const SETTINGS_FIELDS = ['apiBaseUrl', 'language', 'reporterRole', 'trainingMode'] as const;

export const DEFAULT_SETTINGS: Settings = {
  version: 2,
  apiBaseUrl: DEFAULT_API_BASE_URL,
  language: 'auto' satisfies LanguagePreference,
  reporterRole: 'volunteer',
  trainingMode: false,
};

/** Training mode belongs to trainers: any other role reports for real. */
export const isTraining = (settings: Pick<Settings, 'reporterRole' | 'trainingMode'>) => settings.reporterRole === 'trainer' && settings.trainingMode;

/**
 * Brings stored settings of any earlier version up to the current one. Unknown or broken values fall back to
 * defaults field by field, so one bad field never loses the others.
 */
export function migrateSettings(stored: unknown): Settings {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  // v0 (unversioned) kept the URL under `apiUrl`; v1 had no role or training mode (their defaults apply).
  const candidate = { ...DEFAULT_SETTINGS, ...raw, version: 2, apiBaseUrl: raw.apiBaseUrl ?? raw.apiUrl ?? DEFAULT_SETTINGS.apiBaseUrl };
  const result: Record<string, unknown> = { version: 2 };
  for (const key of SETTINGS_FIELDS) {
    const parsed = SettingsSchema.shape[key].safeParse(candidate[key]);
    result[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS[key];
  }
  return result as Settings;
}

/** Enterprise policy (storage.managed) wins over the user's choice, field by field. */
export function applyManaged(settings: Settings, managed: unknown): { settings: Settings; managedKeys: (keyof Settings)[] } {
  if (!managed || typeof managed !== 'object') return { settings, managedKeys: [] };
  const merged: Settings = { ...settings };
  const managedKeys: (keyof Settings)[] = [];
  for (const key of SETTINGS_FIELDS) {
    const parsed = SettingsSchema.shape[key].safeParse((managed as Record<string, unknown>)[key]);
    if (parsed.success) {
      (merged as Record<string, unknown>)[key] = parsed.data;
      managedKeys.push(key);
    }
  }
  return { settings: merged, managedKeys };
}
