/** The optional permissions an inspector grants once (options page) so the in-page button captures everything. */
export const EVIDENCE_OPTIONAL_PERMISSIONS = { permissions: ['pageCapture'], origins: ['<all_urls>'] } as const;
