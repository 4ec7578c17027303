import { z } from 'zod';
import { AssessmentSchema } from '../../contract/assessment';
import { ViolationCategorySchema } from '../../contract/category-schema';
import { LIMITS } from '../../contract/limits';
import { ListingSchema } from '../../contract/listing';
import { ContactSchema, MAX_SHOP_LISTING_KEYS } from '../../contract/report';
import { ApiBaseUrlSchema } from '../settings';
import { MAX_BATCH_CARDS, MAX_CARD_HTML, type MessageType } from './protocol';

const httpUrl = z
  .string()
  .max(LIMITS.url)
  .regex(/^https?:\/\//i, 'must be an http(s) URL');

const BatchCardSchema = z.object({
  key: z.string().min(1).max(400),
  url: httpUrl,
  itemId: z.string().min(1).max(LIMITS.shortText),
  shopId: z.string().min(1).max(LIMITS.shortText).optional(),
  title: z.string().max(LIMITS.title).optional(),
  price: z.number().int().nonnegative().max(1e13).optional(),
  image: httpUrl.optional(),
  html: z.string().max(MAX_CARD_HTML).optional(),
  category: ViolationCategorySchema,
});

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
  reportedListings: z.object({ listingKeys: z.array(z.string().min(1).max(400)).max(1_000) }),
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
  submitBatch: z.object({
    site: z.string().min(1).max(100),
    cards: z.array(BatchCardSchema).min(1).max(MAX_BATCH_CARDS),
    note: z.string().max(LIMITS.note).optional(),
  }),
  reportShop: z.object({
    site: z.string().min(1).max(100),
    shop: z.object({ shopId: z.string().min(1).max(LIMITS.shortText), name: z.string().max(LIMITS.shortText).optional(), url: httpUrl }),
    listingKeys: z.array(z.string().min(1).max(400)).max(MAX_SHOP_LISTING_KEYS),
    category: ViolationCategorySchema,
    note: z.string().max(LIMITS.note).optional(),
  }),
} satisfies Record<MessageType, z.ZodType>;
