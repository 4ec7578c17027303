import { describe, expect, it } from 'vitest';
import { resolveLanguage } from '../../utils/i18n';
import { ApiBaseUrlSchema, applyManaged, DEFAULT_SETTINGS, isTraining, migrateSettings, SETTINGS_FIELDS, SettingsSchema } from '../../utils/settings';

describe('API address validation', () => {
  it.each([
    ['https://hotline.example.gov.vn/', 'https://hotline.example.gov.vn'],
    ['http://127.0.0.1:8389', 'http://127.0.0.1:8389'],
    ['  http://localhost:9000/api/  ', 'http://localhost:9000/api'],
  ])('accepts %s', (input, expected) => {
    expect(ApiBaseUrlSchema.parse(input)).toBe(expected);
  });

  it.each(['http://hotline.example.org', 'ftp://127.0.0.1', 'not a url', 'https://user:pw@h.example', 'https://h.example/?q=1', 'javascript:alert(1)'])(
    'refuses %s',
    (input) => {
      expect(ApiBaseUrlSchema.safeParse(input).success).toBe(false);
    },
  );
});

describe('settings migrations', () => {
  it('starts from defaults when nothing is stored', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('moves the unversioned apiUrl field to apiBaseUrl', () => {
    expect(migrateSettings({ apiUrl: 'https://h.example/', language: 'en' })).toEqual({ ...DEFAULT_SETTINGS, apiBaseUrl: 'https://h.example', language: 'en' });
  });

  it('brings version 1 settings to version 2: a volunteer, not in training mode, everything else kept', () => {
    expect(migrateSettings({ version: 1, apiBaseUrl: 'https://hotline.gov.example', language: 'vi' })).toEqual({
      version: 2,
      apiBaseUrl: 'https://hotline.gov.example',
      language: 'vi',
      reporterRole: 'volunteer',
      trainingMode: false,
    });
    expect(migrateSettings({ version: 2, apiBaseUrl: 'https://h.example', language: 'en', reporterRole: 'admin', trainingMode: 'yes' })).toMatchObject({
      reporterRole: 'volunteer',
      trainingMode: false,
    });
  });

  it('trains only a trainer: training mode with another role reports for real', () => {
    expect(isTraining({ reporterRole: 'trainer', trainingMode: true })).toBe(true);
    expect(isTraining({ reporterRole: 'inspector', trainingMode: true })).toBe(false);
    expect(isTraining({ reporterRole: 'trainer', trainingMode: false })).toBe(false);
  });

  it('keeps good fields when one field is broken', () => {
    expect(migrateSettings({ version: 1, apiBaseUrl: 'http://evil.example', language: 'en' })).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
  });
});

describe('managed settings', () => {
  it('override the user field by field and say which', () => {
    const { settings, managedKeys } = applyManaged({ ...DEFAULT_SETTINGS, language: 'en' }, { apiBaseUrl: 'https://hotline.gov.example' });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, apiBaseUrl: 'https://hotline.gov.example', language: 'en' });
    expect(managedKeys).toEqual(['apiBaseUrl']);
  });

  it('ignore invalid policy values', () => {
    expect(applyManaged(DEFAULT_SETTINGS, { apiBaseUrl: 'http://plain.example', language: 'fr' })).toEqual({ settings: DEFAULT_SETTINGS, managedKeys: [] });
  });
});

describe('language', () => {
  it('is Vietnamese first, follows the first Vietnamese or English preference, and the explicit choice wins', () => {
    expect(resolveLanguage('auto', ['vi-VN', 'en-US'])).toBe('vi');
    expect(resolveLanguage('auto', ['fr-FR', 'en-US'])).toBe('en');
    expect(resolveLanguage('auto', ['fr-FR', 'de'])).toBe('vi');
    expect(resolveLanguage('auto', ['en-GB', 'vi'])).toBe('en');
    expect(resolveLanguage('auto', [undefined, 'EN_us'])).toBe('en');
    expect(resolveLanguage('auto', [])).toBe('vi');
    expect(resolveLanguage('vi', ['en-US'])).toBe('vi');
    expect(resolveLanguage('en', ['vi'])).toBe('en');
  });
});

describe('enterprise policy schema', () => {
  it('declares every setting with the values the extension accepts, and a policy written to it is applied', async () => {
    const { readFile } = await import('node:fs/promises');
    const schema = JSON.parse(await readFile(new URL('../../public/managed_schema.json', import.meta.url), 'utf8')) as {
      properties: Record<string, { type: string; enum?: string[] }>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual([...SETTINGS_FIELDS].sort());
    for (const key of SETTINGS_FIELDS) {
      const declared = schema.properties[key]!;
      const field = SettingsSchema.shape[key];
      if (declared.enum) for (const value of declared.enum) expect(field.safeParse(value).success, `${key}=${value}`).toBe(true);
      expect(field.safeParse(declared.type === 'boolean' ? true : declared.enum?.[0] ?? 'https://hotline.example.gov.vn').success).toBe(true);
    }
    // a policy written to that schema is applied field by field
    const policy = { apiBaseUrl: 'https://hotline.example.gov.vn', language: 'en', reporterRole: 'inspector', trainingMode: false };
    expect(applyManaged(DEFAULT_SETTINGS, policy)).toEqual({ settings: { ...DEFAULT_SETTINGS, ...policy }, managedKeys: [...SETTINGS_FIELDS] });
  });
});
