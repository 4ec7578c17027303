// Merges facts from several sources into one Listing with per-field provenance.
//
// Resolution: for every field the candidate from the source that comes first in the adapter's
// `order` wins (ties: the first one added). Candidates from other sources whose value differs are
// kept in `provenance[field].alternatives` (value capped; not for images/description/attributes,
// whose sources differ by nature), so e.g. a JSON-LD price that differs from
// the displayed price stays visible as evidence. `seller` and `rating` are merged sub-field by
// sub-field in the same order. Missing values are simply absent: nothing is derived or guessed.
// Every value is capped/validated here so the result satisfies ListingSchema without importing zod.
import type { Listing, ListingField, ProvenanceEntry, ProvenanceSource, Seller } from '../../contract/listing';
import { capText, LIMITS } from '../../contract/limits';
import { absoluteUrl } from './canonical-url';
import { cleanMultiline, cleanText, toCount, toRating } from './text';

export interface Facts {
  itemId?: string;
  shopId?: string;
  title?: string;
  description?: string;
  price?: number;
  originalPrice?: number;
  priceMin?: number;
  priceMax?: number;
  currency?: string;
  images?: string[];
  brand?: string;
  categoryPath?: string[];
  seller?: Seller;
  rating?: { average?: number; count?: number };
  soldCount?: number;
  condition?: string;
  location?: string;
  attributes?: { name: string; value: string }[];
  /** helper facts, not listing fields */
  sku?: string;
  pageUrl?: string;
}

/** The listing fields in output order (mirrors LISTING_FIELDS in contract/listing.ts). */
export const FIELDS: readonly ListingField[] = [
  'itemId', 'shopId', 'title', 'description', 'price', 'originalPrice', 'priceMin', 'priceMax', 'currency',
  'images', 'brand', 'categoryPath', 'seller', 'rating', 'soldCount', 'condition', 'location', 'attributes',
];

interface Candidate {
  value: unknown;
  source: ProvenanceSource;
  detail?: string;
  rank: number;
  seq: number;
}

const MAX_VND = 1e13;

function normInt(v: unknown, max = MAX_VND): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max ? v : undefined;
}

function normSeller(s: Seller | undefined): Seller | undefined {
  if (!s) return undefined;
  const out: Seller = {};
  const id = cleanText(s.id);
  if (id) out.id = id;
  const name = cleanText(s.name);
  if (name) out.name = name;
  const url = absoluteUrl(s.url);
  if (url) out.url = url;
  const location = cleanText(s.location);
  if (location) out.location = location;
  if (typeof s.official === 'boolean') out.official = s.official;
  const rating = toRating(s.rating);
  if (rating !== undefined) out.rating = rating;
  const followers = toCount(s.followers);
  if (followers !== undefined) out.followers = followers;
  const joinedAt = cleanText(s.joinedAt);
  if (joinedAt) out.joinedAt = joinedAt;
  return Object.keys(out).length ? out : undefined;
}

/** Normalises one field value; undefined when invalid or empty. */
function normalise(field: ListingField, v: unknown): unknown {
  switch (field) {
    case 'itemId':
    case 'shopId':
    case 'brand':
    case 'condition':
    case 'location':
      return cleanText(v);
    case 'title':
      return cleanText(v, LIMITS.title);
    case 'description':
      return cleanMultiline(v, LIMITS.description);
    case 'price':
    case 'originalPrice':
    case 'priceMin':
    case 'priceMax':
      return normInt(v);
    case 'soldCount':
      return normInt(v, Number.MAX_SAFE_INTEGER);
    case 'currency':
      return typeof v === 'string' && /^[A-Z]{3}$/.test(v) ? v : undefined;
    case 'images': {
      if (!Array.isArray(v)) return undefined;
      const seen = new Set<string>();
      for (const u of v.slice(0, 200)) {
        const abs = absoluteUrl(u);
        if (abs) seen.add(abs);
        if (seen.size >= LIMITS.images) break;
      }
      return seen.size ? [...seen] : undefined;
    }
    case 'categoryPath': {
      if (!Array.isArray(v)) return undefined;
      const parts = v.map((p) => cleanText(p)).filter((p): p is string => !!p).slice(0, LIMITS.categoryDepth);
      return parts.length ? parts : undefined;
    }
    case 'attributes': {
      if (!Array.isArray(v)) return undefined;
      const out: { name: string; value: string }[] = [];
      for (const a of v.slice(0, 200)) {
        const name = cleanText((a as { name?: unknown })?.name);
        const value = cleanText((a as { value?: unknown })?.value);
        if (name && value) out.push({ name, value });
        if (out.length >= LIMITS.attributes) break;
      }
      return out.length ? out : undefined;
    }
    case 'seller':
      return normSeller(v as Seller);
    case 'rating': {
      const r = v as { average?: unknown; count?: unknown } | undefined;
      if (!r || typeof r !== 'object') return undefined;
      const average = toRating(r.average);
      const count = toCount(r.count);
      if (average === undefined && count === undefined) return undefined;
      return { ...(average !== undefined ? { average } : {}), ...(count !== undefined ? { count } : {}) };
    }
  }
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Alternative value as kept in provenance: small and bounded. */
function altValue(v: unknown): unknown {
  if (typeof v === 'string') return capText(v, LIMITS.shortText);
  if (Array.isArray(v)) return v.slice(0, 5).map((x) => (typeof x === 'string' ? capText(x, LIMITS.shortText) : x));
  return v;
}

export class ListingBuilder {
  private readonly candidates = new Map<ListingField, Candidate[]>();
  private seq = 0;

  constructor(private readonly order: readonly ProvenanceSource[]) {}

  /** Offers every defined fact of `facts` as coming from `source` (`detail`: JSON path / selector). */
  add(source: ProvenanceSource, detail: string | undefined, facts: Facts | undefined): this {
    if (!facts) return this;
    const rank = this.order.indexOf(source) < 0 ? this.order.length : this.order.indexOf(source);
    for (const field of FIELDS) {
      const value = normalise(field, facts[field]);
      if (value === undefined) continue;
      let list = this.candidates.get(field);
      if (!list) this.candidates.set(field, (list = []));
      list.push({ value, source, detail: detail ? capText(detail, LIMITS.shortText) : undefined, rank, seq: this.seq++ });
    }
    return this;
  }

  /** The value that currently wins for a field (used e.g. for the listingKey). */
  peek<K extends keyof Facts>(field: K & ListingField): Facts[K] | undefined {
    const list = this.candidates.get(field);
    if (!list?.length) return undefined;
    return [...list].sort((a, b) => a.rank - b.rank || a.seq - b.seq)[0]!.value as Facts[K];
  }

  has(field: ListingField): boolean {
    return (this.candidates.get(field)?.length ?? 0) > 0;
  }

  build(base: { site: string; listingKey: string; url: string }): Listing {
    const listing: Record<string, unknown> = {
      site: capText(base.site, 100),
      listingKey: capText(base.listingKey, 400),
      url: base.url,
    };
    const provenance: Partial<Record<ListingField, ProvenanceEntry>> = {};
    for (const field of FIELDS) {
      const list = this.candidates.get(field);
      if (!list?.length) continue;
      const sorted = [...list].sort((a, b) => a.rank - b.rank || a.seq - b.seq);
      const win = sorted[0]!;
      let value = win.value;
      if (field === 'seller' || field === 'rating') {
        // merge sub-fields in resolution order
        const merged: Record<string, unknown> = {};
        for (const c of sorted) {
          for (const [k, v] of Object.entries(c.value as Record<string, unknown>)) if (!(k in merged)) merged[k] = v;
        }
        value = merged;
      }
      const entry: ProvenanceEntry = { source: win.source };
      if (win.detail) entry.detail = win.detail;
      const alternatives: NonNullable<ProvenanceEntry['alternatives']> = [];
      // list/prose fields differ between sources by nature (image sizes, marketing blurbs): winner only
      const tracked = field !== 'images' && field !== 'description' && field !== 'attributes';
      for (const c of tracked ? sorted.slice(1) : []) {
        if (same(c.value, win.value) || alternatives.some((a) => same(a.value, altValue(c.value)))) continue;
        if (field === 'seller' || field === 'rating') {
          // only a conflict when a shared sub-field differs
          const w = win.value as Record<string, unknown>;
          const o = c.value as Record<string, unknown>;
          if (!Object.keys(o).some((k) => k in w && !same(o[k], w[k]))) continue;
        }
        alternatives.push({ source: c.source, value: altValue(c.value), ...(c.detail ? { detail: c.detail } : {}) });
        if (alternatives.length >= 10) break;
      }
      if (alternatives.length) entry.alternatives = alternatives;
      listing[field] = value;
      provenance[field] = entry;
    }
    // Prices are integer VND: a page that states another currency keeps its currency but no price.
    if (listing['currency'] !== undefined && listing['currency'] !== 'VND') {
      for (const f of ['price', 'originalPrice', 'priceMin', 'priceMax'] as const) {
        delete listing[f];
        delete provenance[f];
      }
    }
    // A range only when it is a range; an "original" price only when above the price.
    if (typeof listing['priceMin'] === 'number' && listing['priceMin'] === listing['priceMax']) {
      delete listing['priceMin'];
      delete listing['priceMax'];
      delete provenance.priceMin;
      delete provenance.priceMax;
    }
    if (typeof listing['originalPrice'] === 'number' && typeof listing['price'] === 'number' && listing['originalPrice'] <= listing['price']) {
      delete listing['originalPrice'];
      delete provenance.originalPrice;
    }
    listing['images'] = listing['images'] ?? [];
    listing['provenance'] = provenance;
    return listing as Listing;
  }
}
