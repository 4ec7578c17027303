import type { Assessment } from '../../contract/assessment';
import type { ViolationCategory } from '../../contract/categories';
import type { Listing, ListingInput } from '../../contract/listing';
import type { Receipt, ReportStatus } from '../../contract/report';
import type { z } from 'zod';
import type { ContactSchema } from '../../contract/report';
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
  /** the server's error code (ApiError.error), e.g. evidence_unavailable */
  reason?: string;
}

export type SubmitReportResponse =
  /** entryId: the outbox entry (named again in its OutboxEvent and in PriorReport) */
  | { ok: true; receipt: Receipt; entryId?: string }
  /** queued: kept in the outbox and retried automatically */
  | { ok: false; queued?: boolean; entryId?: string; error: ReportError };

/** Contact details the reporter chose to give, with consent; never filled from the page. */
export type ReportContact = z.infer<typeof ContactSchema>;

/** One of the reporter's reports about a listing, for the "already reported" notice. */
export interface PriorReport {
  id: string;
  state: 'pending' | 'sent';
  trackingCode?: string;
  createdAt: number;
}

/**
 * Written to extension storage (key OUTBOX_EVENT_KEY) when the outbox settles a report, so the page that sent it
 * learns of a delivery that happened after it was queued.
 */
export interface OutboxEvent {
  id: string;
  listingKey: string;
  state: 'sent' | 'failed';
  trackingCode?: string;
  error?: ReportError;
  at: number;
}

export interface ProtocolMap extends EvidenceProtocolMap {
  submitReport: {
    request: { listing: ListingInput; category: ViolationCategory; note?: string; assessment?: Assessment; contact?: ReportContact };
    response: SubmitReportResponse;
  };
  /** the reporter's earlier reports (pending or sent) about this listing */
  priorReports: { request: { listingKey: string }; response: PriorReport[] };
  /** inspector mode: which of these listings this install reported before (pending or sent), with the tracking code once known */
  reportedListings: { request: { listingKeys: string[] }; response: { listingKey: string; trackingCode?: string }[] };
  /** role: inspectors and trainers get selectable card badges and the batch bar on search pages */
  getUiSettings: { request: Record<string, never>; response: { language: Language; training: boolean; role?: ReporterRole } };
  /** training mode: how each hit was read (folded phrase, disguises undone) and what the rule does not flag */
  explainHits: { request: { hits: { ruleId: string; text?: string }[] }; response: HitExplanation[] };
  assessListing: { request: { listing: ListingInput }; response: Assessment };
  /** the reporter's own recent reports, with their status on the server where it could be fetched */
  listReports: { request: { refreshStatus: boolean }; response: ReportSummary[] };
  /** options page: does a hotline answer at this address? */
  checkApi: { request: { apiBaseUrl: string }; response: { ok: boolean; message: string } };
  /** sent by the popup after the user granted a shop's origin; starts the extension there */
  siteAccessChanged: { request: { tabId?: number }; response: { origins: string[] } };
  /** one search page's new cards; answers only the cards worth a badge (flagged) */
  assessCards: { request: { site: string; cards: CardForAssessment[] }; response: { key: string; assessment: Assessment }[] };
  /** inspector mode: report the selected search cards, one report with its own evidence each */
  submitBatch: { request: SubmitBatchRequest; response: SubmitBatchResponse };
  /** inspector mode: one report about a shop (the seller), naming its listings */
  reportShop: { request: ReportShopRequest; response: SubmitReportResponse };
}

export type ReporterRole = 'volunteer' | 'inspector' | 'trainer';

/** A batch holds at most this many cards (the page's selection is capped to it). */
export const MAX_BATCH_CARDS = 50;
/** A card's own DOM snapshot, at most this many characters. */
export const MAX_CARD_HTML = 200_000;

/** A search card as the page shows it, for a batch report (the background builds the Listing from it). */
export interface BatchCard {
  key: string;
  url: string;
  itemId: string;
  shopId?: string;
  title?: string;
  /** integer VND */
  price?: number;
  image?: string;
  /** the card's own DOM, inert (card.html in its evidence) */
  html?: string;
  /** the category this card is reported under */
  category: ViolationCategory;
}

export interface SubmitBatchRequest {
  site: string;
  cards: BatchCard[];
  note?: string;
}

export type BatchCardResult =
  | { key: string; ok: true; trackingCode: string; entryId?: string }
  | { key: string; ok: false; queued?: boolean; entryId?: string; error: ReportError };

export interface SubmitBatchResponse {
  results: BatchCardResult[];
  /** ms from the request to the last answer, in the background */
  elapsedMs: number;
}

export interface ReportShopRequest {
  site: string;
  shop: { shopId: string; name?: string; url: string };
  /** the shop's listings the reporter saw (selected or visible), at most 200 */
  listingKeys: string[];
  category: ViolationCategory;
  note?: string;
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
  /** the report's evidence files: upload progress, done, or why not */
  evidence?: {
    state: 'uploading' | 'complete' | 'failed';
    uploadedBytes: number;
    totalBytes: number;
    error?: ReportError;
    rejectedFiles?: string[];
  };
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

export interface HitExplanation {
  ruleId: string;
  text?: string;
  /** the phrase as the engine read it */
  folded?: string;
  disguises: ('diacritics' | 'case' | 'leet' | 'split')[];
  nearMisses: string[];
}

// ---- evidence capture (issue 10) ----

/** A viewport rectangle in CSS px. */
export interface EvidenceRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Background → the reporting tab's content script (tabs.sendMessage) while evidence is captured: mask the buyer's
 * header widgets and hide the extension's UI, scroll for full-page tiles, put everything back.
 */
export type EvidenceTabRequest =
  | { evidence: 'prepare'; snapshot: boolean }
  | { evidence: 'snapshot' }
  /** hideFixed: hide position:fixed elements and un-stick sticky ones (until 'restore'): full-page tiles after the first */
  | { evidence: 'scroll'; y: number; hideFixed?: boolean }
  | { evidence: 'restore' }
  /** the keyboard command or context-menu item: open the report form as the in-page button does */
  | { evidence: 'openReportForm' };

export interface EvidencePrepared {
  /** buyer header widgets masked */
  masked: number;
  maskedRects: EvidenceRect[];
  viewport: { width: number; height: number };
  devicePixelRatio: number;
  scroll: { x: number; y: number };
  pageHeight: number;
  /** the page's own API responses the adapter read (already without buyer data) */
  responses: { url: string; body: unknown }[];
  /** the DOM snapshot (HTML), when asked for */
  snapshot?: string;
}

/** A report's evidence bundle as one zip (reporter-signed; the hotline's countersigned copy is its bundle.zip). */
export type ExportEvidenceResponse =
  /** countersigned: the hotline's own copy, with its receipt signature; otherwise the bundle as this install signed it */
  | { ok: true; fileName: string; zipBase64: string; manifestSha256: string; countersigned: boolean }
  | { ok: false; reason: 'none' | 'expired' };

export interface EvidenceProtocolMap {
  exportEvidence: { request: { entryId: string }; response: ExportEvidenceResponse };
  /** the popup or the options page: which evidence this install can capture now (for the permission UI) */
  evidenceAccess: { request: Record<string, never>; response: EvidenceAccess };
  /** popup: the reporter removes a sent or refused report from their history; its kept evidence files are freed */
  deleteReport: { request: { id: string }; response: { deleted: boolean } };
}

export interface EvidenceAccess {
  /** `<all_urls>` granted: the in-page button captures screenshots (and full pages for inspectors) */
  screenshots: boolean;
  /** pageCapture granted: MHTML archives instead of DOM snapshots */
  mhtml: boolean;
}
