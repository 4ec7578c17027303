import { z } from 'zod';
import { AssessmentSchema } from './assessment';
import { ViolationCategorySchema } from './category-schema';
import { LIMITS } from './limits';
import { CASE_STATUSES } from './case-rules';
import { EvidenceClaimSchema, EvidenceUploadTicketSchema } from './evidence';
import { ListingSchema } from './listing';

export const ReporterRoleSchema = z.enum(['volunteer', 'inspector', 'trainer']);

/** Optional contact, only with explicit consent; never filled from the page. */
export const ContactSchema = z.object({
  consent: z.literal(true),
  name: z.string().max(200).optional(),
  phone: z.string().max(40).optional(),
  email: z.email().max(320).optional(),
});

/** At most this many listing keys name a shop's listings in one shop-level report. */
export const MAX_SHOP_LISTING_KEYS = 200;

/** What a report is about: one listing (the default, also when absent) or a whole shop (the seller). */
export const ReportSubjectSchema = z.enum(['listing', 'shop']);

/** A shop-level report's shop: its id on the site, its page and the listings the reporter saw from it. */
export const ShopSubjectSchema = z.object({
  shopId: z.string().min(1).max(LIMITS.shortText),
  name: z.string().max(LIMITS.shortText).optional(),
  url: z
    .string()
    .max(LIMITS.url)
    .regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\//, 'must be an http(s) URL'),
  listingKeys: z.array(z.string().min(1).max(400)).max(MAX_SHOP_LISTING_KEYS),
});
export type ShopSubject = z.infer<typeof ShopSubjectSchema>;

/** The listing key of a shop-level report's case: `<site>:shop:<shopId>`. */
export function shopListingKey(site: string, shopId: string): string {
  return `${site}:shop:${shopId}`;
}

export const ReportSchema = z.object({
  schemaVersion: z.literal(1),
  /** absent or `listing`: the report is about `listing`; `shop`: about the seller, and `listing` describes the shop */
  subject: ReportSubjectSchema.optional(),
  /** required when subject is `shop` (and only then) */
  shop: ShopSubjectSchema.optional(),
  listing: ListingSchema,
  assessment: AssessmentSchema.optional(),
  category: ViolationCategorySchema,
  note: z.string().max(LIMITS.note).optional(),
  contact: ContactSchema.optional(),
  reporterRole: ReporterRoleSchema.default('volunteer'),
  /** made in the extension's training mode: kept apart from real reports, seen by trainers only */
  training: z.boolean().optional(),
  /** the signed evidence manifest; its files follow by resumable upload (see contract/evidence.ts) */
  evidence: EvidenceClaimSchema.optional(),
  /** when the listing was captured in the browser (ISO 8601) */
  capturedAt: z.iso.datetime({ offset: true }),
  client: z.object({
    name: z.string().max(60),
    version: z.string().max(40),
  }),
}).superRefine((report, ctx) => {
  if (report.subject === 'shop') {
    if (!report.shop) {
      ctx.addIssue({ code: 'custom', path: ['shop'], message: 'a shop report names its shop' });
      return;
    }
    if (report.listing.listingKey !== shopListingKey(report.listing.site, report.shop.shopId)) {
      ctx.addIssue({ code: 'custom', path: ['listing', 'listingKey'], message: 'a shop report\'s listing key is <site>:shop:<shopId>' });
    }
  } else if (report.shop) {
    ctx.addIssue({ code: 'custom', path: ['shop'], message: 'only a shop report (subject shop) names a shop' });
  }
});
export type Report = z.infer<typeof ReportSchema>;
export type ReportInput = z.input<typeof ReportSchema>;

export const TrackingCodeSchema = z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

export const ReceiptSchema = z.object({
  reportId: z.uuid(),
  trackingCode: TrackingCodeSchema,
  receivedAt: z.iso.datetime({ offset: true }),
  /** present when the report carried evidence: where its files go */
  evidence: EvidenceUploadTicketSchema.optional(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const ReportStatusValueSchema = z.enum(CASE_STATUSES);

export const ReportStatusSchema = z.object({
  trackingCode: TrackingCodeSchema,
  status: ReportStatusValueSchema,
  receivedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

export const ApiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
