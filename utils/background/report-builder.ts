// The one way the background makes and queues a report, for the report button, batches and shop reports alike.
import { cleanStrings, type Assessment, type Listing, type Report } from '../../contract/index';
import type { ViolationCategory } from '../../contract/categories';
import type { CapturedEvidence } from '../evidence/types';
import type { ReportContact, SubmitReportResponse } from '../messaging/protocol';
import { toSubmitResponse, type Outbox } from '../outbox/outbox';
import { isTraining, type Settings } from '../settings';
import { DEMO_SITE } from '../training/demo-listings';
import type { RiskService } from './risk-service';

export interface QueueHooks {
  /** a report waits in the outbox: time its retry */
  onQueued?(): void;
  /** the hotline answered a request: queued reports may go now */
  onServerAnswered?(): void;
}

/** The background's own assessment; a report goes out without one rather than not at all. */
export async function assessSafely(risk: Pick<RiskService, 'assessListing'>, listing: Listing): Promise<Assessment | undefined> {
  try {
    return await risk.assessListing(listing);
  } catch {
    return undefined;
  }
}

export interface ReportFacts {
  listing: Listing;
  category: ViolationCategory;
  note?: string;
  /** the background's own, never one a page sent */
  assessment?: Assessment;
  contact?: ReportContact;
  capturedAt: string;
  /** a shop-level report's subject and shop */
  shop?: Pick<Report, 'subject' | 'shop'>;
}

/**
 * The report as it is queued: the reporter's role and training flag from the settings, contact details only with
 * consent, and every string cleaned exactly as the hotline cleans on ingest, so what is stored is what was queued.
 */
export function buildReport(facts: ReportFacts, settings: Pick<Settings, 'reporterRole' | 'trainingMode'>, client: Report['client']): Report {
  return cleanStrings<Report>({
    schemaVersion: 1,
    listing: facts.listing,
    category: facts.category,
    ...(facts.note !== undefined && { note: facts.note }),
    ...(facts.assessment && { assessment: facts.assessment }),
    // only what the reporter typed, only with their consent (the widget omits it otherwise)
    ...(facts.contact?.consent === true && { contact: facts.contact }),
    reporterRole: settings.reporterRole,
    // practice reports in a trainer's class, and any report of a demo listing: kept out of the real inbox
    ...((isTraining(settings) || facts.listing.site === DEMO_SITE) && { training: true }),
    ...facts.shop,
    capturedAt: facts.capturedAt,
    client,
  });
}

/** Queues a report with its evidence (the signed claim travels in the report, the files follow by upload). */
export async function queueReport(outbox: Pick<Outbox, 'submit'>, hooks: QueueHooks, report: Report, captured: CapturedEvidence | undefined): Promise<SubmitReportResponse> {
  if (captured) report.evidence = captured.claim;
  const entry = await outbox.submit(report, captured);
  if (entry.state === 'pending') hooks.onQueued?.();
  else if (entry.state === 'sent') hooks.onServerAnswered?.();
  return toSubmitResponse(entry);
}
