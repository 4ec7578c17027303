// Marketplace hosts the extension runs on out of the box. Shared by the manifest and the content script.
export const MARKETPLACE_MATCHES = [
  'https://shopee.vn/*',
  'https://*.shopee.vn/*',
  'https://lazada.vn/*',
  'https://*.lazada.vn/*',
  'https://tiki.vn/*',
  'https://*.tiki.vn/*',
  'https://sendo.vn/*',
  'https://*.sendo.vn/*',
  'https://chotot.com/*',
  'https://*.chotot.com/*',
  'https://shop.tiktok.com/*',
  'https://www.tiktok.com/*',
  'https://www.facebook.com/marketplace/*',
] as const;

export const MARKETPLACE_HOST_PERMISSIONS: string[] = [...MARKETPLACE_MATCHES];
