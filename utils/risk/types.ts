import type { ViolationCategory } from '../../contract/categories';
import type { RulePack } from '../../contract/rule-pack';
import type { Automaton } from './aho-corasick';

/** Listing fields the engine scans, in scan order. */
export const FIELDS = ['title', 'description', 'shopName', 'brand', 'category'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_INDEX: Record<FieldName, number> = { title: 0, description: 1, shopName: 2, brand: 3, category: 4 };
/** Input length bound per field (UTF-16 units); text beyond it is not scanned. */
export const FIELD_MAX: Record<FieldName, number> = {
  title: 500,
  description: 10_000,
  shopName: 300,
  brand: 300,
  category: 1_000,
};

export const MODE_BOTH = 0;
export const MODE_START = 1;
export const MODE_NONE = 2;

export interface AssessInput {
  /** adapter site id or host, e.g. "shopee.vn" */
  site?: string;
  title?: string;
  description?: string;
  /** integer price in `currency` (VND when absent) */
  price?: number;
  currency?: string;
  brand?: string;
  shopName?: string;
  categoryPath?: string[];
}

export interface CompiledRegex {
  re: RegExp;
  rule: number;
  minDigits: number;
  /** literal ids; the regex runs only if one of them occurs in the field (null = always) */
  triggers: Int32Array | null;
  /** and one literal of each of these groups (same field) */
  alsoTriggers: Int32Array[];
  /** trigger-group slots that must all be stamped for the field (triggers first, then alsoTriggers); see CompiledPack.triggerStart */
  slots: Int32Array;
}

export interface CompiledRule {
  id: string;
  category: ViolationCategory;
  weight: number;
  kind: 'match' | 'price' | 'missing_notice';
  /** bit i set = field FIELDS[i] is scanned for this rule's evidence */
  fieldMask: number;
  require: Int32Array;
  forbid: Int32Array;
  /** literals that exempt the whole listing from this rule */
  exempt: Int32Array;
  requireSet: Set<number>;
  forbidSet: Set<number>;
  window: number | undefined;
  forbidWindow: number | undefined;
  sitesInclude: string[] | undefined;
  sitesExclude: string[] | undefined;
  price: { maxRatio: number; refs: Int32Array | null } | undefined;
  notice: { lits: Int32Array; minDescriptionLength: number } | undefined;
  legalRef: string;
  explanation: { vi: string; en: string };
  /** up to three of the rule's "must not flag" examples, for training mode */
  nearMisses: readonly string[];
}

export interface CompiledPriceRef {
  id: string;
  displayName: string;
  names: Int32Array;
  genuineMin: number;
  products: { lits: Int32Array; genuineMin: number }[];
  exclude: Int32Array;
}

export interface PackStats {
  rules: number;
  /** phrase templates as written in the pack (rule phrases, context, triggers, notices, price words) */
  sourcePhrases: number;
  /** expanded phrase patterns fed to the automaton (before de-duplication) */
  patterns: number;
  /** distinct literals in the automaton */
  literals: number;
  regexes: number;
  states: number;
  /** bytes held by the automaton's typed arrays */
  automatonBytes: number;
}

export interface CompiledPack {
  readonly packId: string;
  readonly version: string;
  readonly issued: string;
  readonly thresholds: { medium: number; high: number };
  readonly automaton: Automaton;
  /** per literal: word-boundary mode; boundaries inside the folded phrase at litBoundaries[litOffset[id] + k] */
  readonly litMode: Uint8Array;
  readonly litOffset: Int32Array;
  readonly litBoundaries: Uint8Array;
  /** literal id (or numLits + regex index) → rules for which it is primary evidence: usesList[usesStart[id] .. usesStart[id + 1]) */
  readonly usesStart: Int32Array;
  readonly usesList: Int32Array;
  readonly rules: CompiledRule[];
  readonly regexes: CompiledRegex[];
  readonly regexesByField: CompiledRegex[][];
  readonly regexIndex: Map<CompiledRegex, number>;
  readonly priceRefs: CompiledPriceRef[];
  readonly priceExclude: Int32Array;
  /** 1 for literals that name a price-reference brand */
  readonly priceLit: Uint8Array;
  /** trigger-group slots of literal id: triggerList[triggerStart[id] .. triggerStart[id + 1]) */
  readonly triggerStart: Int32Array;
  readonly triggerList: Int32Array;
  /** price references named by literal id: priceRefList[priceRefStart[id] .. priceRefStart[id + 1]) */
  readonly priceRefStart: Int32Array;
  readonly priceRefList: Int32Array;
  readonly fx: Record<string, number>;
  readonly stats: PackStats;
  /** the validated pack document */
  readonly source: RulePack;
  /** scratch: literal found-stamps per field, reused across calls (single-threaded) */
  readonly scratch: {
    /** fields (bit i = FIELDS[i]) where each literal was found; valid where anyStamps[lit] === epoch */
    fieldMasks: Uint8Array;
    anyStamps: Int32Array;
    /** rules whose context literals are needed in this assessment */
    ruleStamps: Int32Array;
    refStamps: Int32Array;
    triggerStamps: Int32Array;
    /** context literals needed in this assessment (by a rule with evidence, or by a price check) */
    needStamps: Int32Array;
    epoch: number;
  };
}

export interface PackError {
  ruleId?: string;
  path: string;
  message: string;
}

export type PackLoadResult = { ok: true; pack: CompiledPack } | { ok: false; errors: PackError[] };
