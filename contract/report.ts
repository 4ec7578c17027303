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

export const ReportSchema = z.object({
  schemaVersion: z.literal(1),
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
