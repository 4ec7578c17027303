import { z } from 'zod';
import { AssessmentSchema, RiskLevelSchema } from './assessment';
import { ViolationCategorySchema } from './category-schema';
import { ListingSchema } from './listing';
import { cleanText } from './text';
import { EvidenceRoleSchema, Sha256HexSchema } from './evidence';
import { ReporterRoleSchema, ReportStatusValueSchema } from './report';
import { CASE_SORTS, PRIORITIES, USER_ROLES, type CaseStatus, type UserRole } from './case-rules';

export * from './case-rules';

// The inspector side of the hotline: accounts, cases, statistics. Plain zod (with `.meta({id})` names for the
// OpenAPI document), shared by the server's route modules, the dashboard and the tests.

export const UserRoleSchema = z.enum(USER_ROLES).meta({ id: 'UserRole' });
export type { UserRole };

const isoTime = z.iso.datetime({ offset: true });
const id = z.uuid();

export const OrgSchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    /** e.g. market surveillance, customs, police, e-commerce agency */
    kind: z.string().max(100).nullable(),
    createdAt: isoTime,
  })
  .meta({ id: 'Org' });
export type Org = z.infer<typeof OrgSchema>;

export const UserSchema = z
  .object({
    id,
    email: z.email().max(320),
    name: z.string().max(200),
    role: UserRoleSchema,
    orgId: id,
    orgName: z.string(),
    active: z.boolean(),
    createdAt: isoTime,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

/** 12+ characters: the dashboard is reachable from the network, and these accounts see reporters' contacts. */
export const PasswordSchema = z.string().min(12, 'at least 12 characters').max(200);

export const LoginRequestSchema = z
  .object({ email: z.string().min(1).max(320), password: z.string().min(1).max(200) })
  .meta({ id: 'LoginRequest', example: { email: 'admin@hotline389.local', password: 'correct horse battery staple' } });

export const LoginResponseSchema = z.object({ token: z.string(), expiresAt: isoTime, user: UserSchema }).meta({ id: 'LoginResponse' });

export const CreateOrgSchema = z
  .object({ name: z.string().trim().min(1).max(200), kind: z.string().trim().max(100).optional() })
  .meta({ id: 'CreateOrg', example: { name: 'Cục QLTT Hà Nội', kind: 'market_surveillance' } });

export const CreateUserSchema = z
  .object({
    email: z.email().max(320),
    name: z.string().trim().min(1).max(200),
    role: UserRoleSchema,
    orgId: id,
    password: PasswordSchema,
  })
  .meta({
    id: 'CreateUser',
    example: { email: 'thanh.tra@qltt.gov.vn', name: 'Nguyễn Văn An', role: 'inspector', orgId: '00000000-0000-4000-8000-000000000001', password: 'a long passphrase 2026' },
  });

export const UpdateUserSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: UserRoleSchema.optional(),
    orgId: id.optional(),
    active: z.boolean().optional(),
    password: PasswordSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'nothing to change')
  .meta({ id: 'UpdateUser', example: { role: 'triager' } });

export const PrioritySchema = z.enum(PRIORITIES).meta({ id: 'Priority' });
export const CaseStatusSchema = ReportStatusValueSchema;
export type { CaseStatus };

export const CaseSummarySchema = z
  .object({
    id: z.string(),
    listingKey: z.string(),
    site: z.string(),
    title: z.string().nullable(),
    url: z.string(),
    seller: z.object({ key: z.string().nullable(), name: z.string().nullable() }),
    categories: z.array(ViolationCategorySchema),
    riskLevel: RiskLevelSchema,
    reportCount: z.number().int(),
    firstReportedAt: isoTime,
    lastReportedAt: isoTime,
    status: CaseStatusSchema,
    priority: PrioritySchema,
    assignedOrg: z.object({ id, name: z.string() }).nullable(),
    /** a case of training-mode reports (never in the real inbox) */
    training: z.boolean(),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseQuerySchema = z.object({
  status: CaseStatusSchema.optional(),
  category: ViolationCategorySchema.optional(),
  site: z.string().max(100).transform(cleanText).optional(),
  /** an organisation id, or `none` for unassigned cases */
  org: z.union([id, z.literal('none')]).optional(),
  q: z.string().max(200).transform((value) => cleanText(value).trim()).optional(),
  /** trainers see training cases only; admins choose with training=true; everyone else never sees them */
  training: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  sort: z.enum(CASE_SORTS).default('last_reported'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseQuery = z.infer<typeof CaseQuerySchema>;

export const CaseListSchema = z
  .object({ items: z.array(CaseSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'CaseList' });

/** A report's evidence as the case page shows it: each file's upload progress, and whether the hotline countersigned. */
export const EvidenceSummarySchema = z
  .object({
    manifestSha256: Sha256HexSchema,
    /** every file arrived intact */
    complete: z.boolean(),
    countersigned: z.boolean(),
    /** the upload did not complete within the retention period: its received bytes were deleted, the manifest kept */
    abandoned: z.boolean(),
    files: z.array(z.object({ name: z.string(), role: EvidenceRoleSchema, mediaType: z.string(), size: z.number().int(), received: z.number().int(), complete: z.boolean() })),
  })
  .meta({ id: 'EvidenceSummary' });
export type EvidenceSummary = z.infer<typeof EvidenceSummarySchema>;

export const CaseReportSchema = z
  .object({
    id,
    receivedAt: isoTime,
    category: ViolationCategorySchema,
    reporterRole: ReporterRoleSchema,
    /** the listing exactly as this reporter's browser captured it */
    listing: ListingSchema,
    note: z.string().nullable(),
    assessment: AssessmentSchema.nullable(),
    contact: z.object({ name: z.string().optional(), phone: z.string().optional(), email: z.string().optional() }).nullable(),
    capturedAt: isoTime,
    /** the signed evidence the report carried, if any (files at /v1/evidence/{manifestSha256}/…) */
    evidence: EvidenceSummarySchema.nullable().optional(),
  })
  .meta({ id: 'CaseReport' });

export const CaseNoteSchema = z
  .object({ id: z.string(), body: z.string(), author: z.object({ id, name: z.string(), orgName: z.string() }), createdAt: isoTime })
  .meta({ id: 'CaseNote' });

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: isoTime,
    actor: z.object({ id, name: z.string(), email: z.string() }).nullable(),
    action: z.string(),
    caseId: z.string().nullable(),
    targetId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const CaseDetailSchema = z
  .object({
    case: CaseSummarySchema,
    reports: z.array(CaseReportSchema),
    notes: z.array(CaseNoteSchema),
    sellerCases: z.array(CaseSummarySchema),
    history: z.array(AuditEntrySchema),
    /**
     * A shop-level case (its reports have subject `shop`): the shop and every listing key its reports named, with the
     * case of each listing that has one.
     */
    shop: z
      .object({
        shopId: z.string(),
        name: z.string().nullable(),
        url: z.string(),
        listings: z.array(z.object({ listingKey: z.string(), case: CaseSummarySchema.nullable() })),
      })
      .nullable()
      .optional(),
  })
  .meta({ id: 'CaseDetail' });
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const CasePatchSchema = z
  .object({
    status: CaseStatusSchema.optional(),
    /** organisation id, or null to unassign */
    assignedOrg: id.nullable().optional(),
    priority: PrioritySchema.optional(),
    /** required when closing or rejecting, and when reopening */
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((value) => value.status !== undefined || value.assignedOrg !== undefined || value.priority !== undefined, 'nothing to change')
  .meta({ id: 'CasePatch', example: { status: 'closed', reason: 'Sàn đã gỡ tin đăng sau yêu cầu của Cục QLTT.' } });

export const CreateNoteSchema = z
  .object({ body: z.string().trim().min(1).max(10_000) })
  .meta({ id: 'CreateNote', example: { body: 'Đã liên hệ sàn, chờ phản hồi.' } });

const countMap = z.record(z.string(), z.number().int());

export const StatsQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const StatsSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    reports: z.object({ total: z.number().int(), byCategory: countMap, bySite: countMap, byDay: z.array(z.object({ day: z.iso.date(), count: z.number().int() })) }),
    cases: z.object({ total: z.number().int(), byStatus: countMap, byCategory: countMap, bySite: countMap, byOrg: z.array(z.object({ orgId: z.string().nullable(), name: z.string().nullable(), count: z.number().int() })) }),
    /** medians over cases first reported in the range, null when no case got there */
    medianHoursToTriage: z.number().nullable(),
    medianHoursToClose: z.number().nullable(),
  })
  .meta({ id: 'Stats' });
export type Stats = z.infer<typeof StatsSchema>;
