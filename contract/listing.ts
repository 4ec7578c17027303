import { z } from 'zod';
import { LIMITS } from './limits';
import { isBoundedJson } from './text';

/** Where a listing fact came from. Order here is informational; resolution order lives with the adapters. */
export const PROVENANCE_SOURCES = [
  'url',
  'embedded_json',
  'json_ld',
  'microdata',
  'opengraph',
  'dom',
  'api_response',
] as const;
export const ProvenanceSourceSchema = z.enum(PROVENANCE_SOURCES);
export type ProvenanceSource = z.infer<typeof ProvenanceSourceSchema>;

export const LISTING_FIELDS = [
  'itemId',
  'shopId',
  'title',
  'description',
  'price',
  'originalPrice',
  'priceMin',
  'priceMax',
  'currency',
  'images',
  'brand',
  'categoryPath',
  'seller',
  'rating',
  'soldCount',
  'condition',
  'location',
  'attributes',
] as const;
export const ListingFieldSchema = z.enum(LISTING_FIELDS);
export type ListingField = z.infer<typeof ListingFieldSchema>;

const shortText = z.string().max(LIMITS.shortText);
const httpUrl = z
  .string()
  .max(LIMITS.url)
  // Spelled out rather than an i flag: the pattern is published in the OpenAPI document, where flags do not exist.
  .regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\//, 'must be an http(s) URL');
const vnd = z.number().int().nonnegative().max(1e13);

export const SellerSchema = z.object({
  id: shortText.optional(),
  name: shortText.optional(),
  url: httpUrl.optional(),
  location: shortText.optional(),
  official: z.boolean().optional(),
  rating: z.number().min(0).max(5).optional(),
  followers: z.number().int().nonnegative().optional(),
  joinedAt: shortText.optional(),
});
export type Seller = z.infer<typeof SellerSchema>;

export const ProvenanceEntrySchema = z.object({
  source: ProvenanceSourceSchema,
  /** e.g. the JSON path or selector the value was read from */
  detail: shortText.optional(),
  /** values from other sources that lost the conflict resolution */
  alternatives: z
    .array(
      z.object({
        source: ProvenanceSourceSchema,
        /** a value another source gave: free-form, but at most 3 levels deep and 2,000 characters of JSON */
        value: z.unknown().refine((value) => isBoundedJson(value, 3, 2_000), 'an alternative value may nest 3 levels and take 2,000 characters at most'),
        detail: shortText.optional(),
      }),
    )
    .max(10)
    .optional(),
});
export type ProvenanceEntry = z.infer<typeof ProvenanceEntrySchema>;

export const ListingSchema = z.object({
  /** adapter site id, e.g. "shopee.vn" or "generic" */
  site: z.string().min(1).max(100),
  /** site + shop id + item id, e.g. "shopee.vn:34456910:15791396126" */
  listingKey: z.string().min(1).max(400),
  /** canonical URL: tracking parameters dropped, ids kept */
  url: httpUrl,
  itemId: shortText.optional(),
  shopId: shortText.optional(),
  title: z.string().max(LIMITS.title).optional(),
  description: z.string().max(LIMITS.description).optional(),
  /** integer VND */
  price: vnd.optional(),
  originalPrice: vnd.optional(),
  priceMin: vnd.optional(),
  priceMax: vnd.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  images: z.array(httpUrl).max(LIMITS.images).default([]),
  brand: shortText.optional(),
  categoryPath: z.array(shortText).max(LIMITS.categoryDepth).optional(),
  seller: SellerSchema.optional(),
  rating: z
    .object({ average: z.number().min(0).max(5).optional(), count: z.number().int().nonnegative().optional() })
    .optional(),
  soldCount: z.number().int().nonnegative().optional(),
  condition: shortText.optional(),
  location: shortText.optional(),
  attributes: z
    .array(z.object({ name: shortText, value: shortText }))
    .max(LIMITS.attributes)
    .optional(),
  provenance: z.partialRecord(ListingFieldSchema, ProvenanceEntrySchema).default({}),
});
export type Listing = z.infer<typeof ListingSchema>;
export type ListingInput = z.input<typeof ListingSchema>;
