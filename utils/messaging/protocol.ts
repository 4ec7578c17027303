import type { Assessment } from '../../contract/assessment';
import type { ViolationCategory } from '../../contract/categories';
import type { Listing, ListingInput } from '../../contract/listing';
import type { Receipt, ReportStatus } from '../../contract/report';
import type { Language } from '../i18n';

// One map of every message between the extension's parts. Type-only imports: the content script
// bundles no zod; the background validates every request against utils/messaging/schemas.ts.

export type ReportErrorCode = 'network' | 'rejected' | 'invalid' | 'internal';

export interface ReportError {
  code: ReportErrorCode;
  /** for logs and as detail after a translated sentence; a network error's text is never shown */
  message: string;
  status?: number;
  /** the server's Retry-After, in seconds (0 to 24 h): the outbox waits at least this long */
  retryAfterSeconds?: number;
  /** the field paths the server named when it refused the report (first few) */
  fields?: string[];
}

export type SubmitReportResponse =
  | { ok: true; receipt: Receipt }
  /** queued: kept in the outbox and retried automatically */
  | { ok: false; queued?: boolean; error: ReportError };

export interface ProtocolMap {
  submitReport: {
    request: { listing: ListingInput; category: ViolationCategory; note?: string; assessment?: Assessment };
    response: SubmitReportResponse;
  };
  getUiSettings: { request: Record<string, never>; response: { language: Language } };
  assessListing: { request: { listing: ListingInput }; response: Assessment };
  /** the reporter's own recent reports, with their status on the server where it could be fetched */
  listReports: { request: { refreshStatus: boolean }; response: ReportSummary[] };
  /** options page: does a hotline answer at this address? */
  checkApi: { request: { apiBaseUrl: string }; response: { ok: boolean; message: string } };
  /** sent by the popup after the user granted a shop's origin; starts the extension there */
  siteAccessChanged: { request: { tabId?: number }; response: { origins: string[] } };
  /** one search page's new cards; answers only the cards worth a badge (flagged) */
  assessCards: { request: { site: string; cards: CardForAssessment[] }; response: { key: string; assessment: Assessment }[] };
}

export interface ReportSummary {
  id: string;
  title?: string;
  url: string;
  category: ViolationCategory;
  createdAt: number;
  state: 'pending' | 'sent' | 'failed';
  trackingCode?: string;
  /** server-side status, when the server answered */
  status?: ReportStatus['status'];
  /** why the last attempt failed, while the report is not sent */
  error?: ReportError;
}

export interface CardForAssessment {
  key: string;
  title?: string;
  price?: number;
}

export type MessageType = keyof ProtocolMap;
export type RequestOf<T extends MessageType> = ProtocolMap[T]['request'];
export type ResponseOf<T extends MessageType> = ProtocolMap[T]['response'];
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

export type { Listing };
