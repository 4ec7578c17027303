import { z } from 'zod';
import { AssessmentSchema } from '../../contract/assessment';
import { ViolationCategorySchema } from '../../contract/category-schema';
import { LIMITS } from '../../contract/limits';
import { ListingSchema } from '../../contract/listing';
import { ContactSchema } from '../../contract/report';
import { ApiBaseUrlSchema } from '../settings';
import type { MessageType } from './protocol';

/** Requests arrive from content scripts running beside hostile pages: the background trusts none of them. */
export const REQUEST_SCHEMAS = {
  submitReport: z.object({
    listing: ListingSchema,
    category: ViolationCategorySchema,
    note: z.string().max(LIMITS.note).optional(),
    assessment: AssessmentSchema.optional(),
    contact: ContactSchema.optional(),
  }),
  priorReports: z.object({ listingKey: z.string().min(1).max(400) }),
  getUiSettings: z.object({}),
  explainHits: z.object({ hits: z.array(z.object({ ruleId: z.string().max(100), text: z.string().max(300).optional() })).max(100) }),
  assessListing: z.object({ listing: ListingSchema }),
  listReports: z.object({ refreshStatus: z.boolean() }),
  checkApi: z.object({ apiBaseUrl: ApiBaseUrlSchema }),
  siteAccessChanged: z.object({ tabId: z.number().int().nonnegative().optional() }),
  exportEvidence: z.object({ entryId: z.string().min(1).max(100) }),
  evidenceAccess: z.object({}),
  deleteReport: z.object({ id: z.string().min(1).max(100) }),
  assessCards: z.object({
    site: z.string().max(100),
    cards: z
      .array(z.object({ key: z.string().max(400), title: z.string().max(LIMITS.title).optional(), price: z.number().nonnegative().max(1e13).optional() }))
      .max(500),
  }),
} satisfies Record<MessageType, z.ZodType>;
