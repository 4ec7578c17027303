import { z } from 'zod';
import { ViolationCategorySchema } from './category-schema';

/**
 * Risk rule pack: a versioned JSON document that the hotline distributes and the extension
 * compiles into one multi-pattern automaton (utils/risk). Plain zod, no WXT imports.
 * The shipped pack is authored one file per rule in utils/risk/rules/ (typed by `RuleInput`) and built
 * into utils/risk/packs/default.json by `npm run pack:build`, which validates it against this schema.
 *
 * Phrase syntax (expanded at compile time, then normalised: case, diacritics, đ→d, leetspeak,
 * split letters and look-alike characters are all folded, so write phrases plainly):
 *   - `{a|b|c}` alternation, `{a|}` optional part, `<NAME>` a macro from `macros`.
 *   - A phrase matches at word boundaries (see `wordBoundary`).
 * Regexes run on lower-cased, diacritic-free text, must be bounded (no `*`, `+`, `{n,}`),
 * have no backreferences and no alternation inside a repeated group; unsafe ones are refused.
 */

const idString = z.string().min(1).max(100).regex(/^[a-z0-9][a-z0-9_.-]*$/, 'lower-case id: a-z 0-9 _ . -');
const phrase = z.string().min(1).max(400);
const phraseList = z.array(phrase).max(1000);

export const RULE_FIELDS = ['title', 'description', 'shopName', 'brand'] as const;
export const RuleFieldSchema = z.enum(RULE_FIELDS);
export type RuleField = z.infer<typeof RuleFieldSchema>;

export const RuleExampleSchema = z.union([
  z.string().min(1).max(2000),
  z
    .object({
      site: z.string().max(100).optional(),
      title: z.string().max(500).optional(),
      description: z.string().max(10_000).optional(),
      price: z.number().nonnegative().optional(),
      currency: z.string().max(3).optional(),
      brand: z.string().max(300).optional(),
      shopName: z.string().max(300).optional(),
    })
    .strict(),
]);
export type RuleExample = z.infer<typeof RuleExampleSchema>;

export const RegexPatternSchema = z
  .object({
    source: z.string().min(1).max(300),
    /** only `i`, `u`, `s`, `m` are accepted; the engine adds `g` itself */
    flags: z.string().regex(/^[imsu]*$/).max(4).default(''),
    /** run the regex only when the field has a run of at least this many digits (separators between digits ignored) */
    minDigits: z.number().int().min(0).max(100).optional(),
    /** run the regex only when one of these phrases occurs in the field (found by the automaton) */
    triggers: phraseList.optional(),
    /** and one phrase of each of these groups too (cheap gates for regexes whose trigger words are common) */
    alsoTriggers: z.array(phraseList.min(1)).max(4).optional(),
  })
  .strict();

export const RuleContextSchema = z
  .object({
    /** at least one of these must occur (within `window`, or anywhere in the listing) */
    requireAny: phraseList.default([]),
    /** none of these may occur (within `window`, or anywhere in the listing) */
    forbidAny: phraseList.default([]),
    /** distance in original characters from the match, same field; absent = whole listing */
    window: z.number().int().min(0).max(5000).optional(),
    /** overrides `window` for `forbidAny` (0 = the forbidden phrase must overlap the match) */
    forbidWindow: z.number().int().min(0).max(5000).optional(),
    /** none of these may occur anywhere in the listing, whatever the windows (books and studies about the topic) */
    exemptAny: phraseList.default([]),
  })
  .strict();

export const RULE_KINDS = ['match', 'price', 'missing_notice'] as const;

export const RuleSchema = z
  .object({
    id: idString,
    category: ViolationCategorySchema,
    /** contribution to the score; thresholds decide the level */
    weight: z.number().min(0).max(20),
    /**
     * match: phrases/regexes (with optional context) are the evidence.
     * price: a brand from `priceReferences` in title/brand, priced below `price.maxRatio` × reference.
     * missing_notice: a phrase (e.g. "thực phẩm chức năng") occurs but none of `notice.phrases` does.
     * (Shop-name rules are match rules with `fields: ["shopName"]`.)
     */
    kind: z.enum(RULE_KINDS).default('match'),
    fields: z.array(RuleFieldSchema).min(1).max(4).default(['title', 'description']),
    phrases: phraseList.default([]),
    regexes: z.array(RegexPatternSchema).max(20).default([]),
    /** both: whole words; start: word start only (a prefix such as "fake" in "fakeee"); none: anywhere */
    wordBoundary: z.enum(['both', 'start', 'none']).default('both'),
    context: RuleContextSchema.optional(),
    sites: z
      .object({ include: z.array(z.string().max(100)).max(50).optional(), exclude: z.array(z.string().max(100)).max(50).optional() })
      .strict()
      .optional(),
    price: z
      .object({ maxRatio: z.number().gt(0).max(1), refs: z.array(idString).max(500).optional() })
      .strict()
      .optional(),
    notice: z
      .object({ phrases: phraseList.min(1), minDescriptionLength: z.number().int().min(0).max(10_000).default(80) })
      .strict()
      .optional(),
    legalRef: z.string().max(500),
    explanation: z.object({ vi: z.string().min(1).max(1000), en: z.string().min(1).max(1000) }).strict(),
    examples: z
      .object({
        /** texts (a string = a title) this rule must flag */
        flag: z.array(RuleExampleSchema).min(1).max(50),
        /** near-misses this rule must not flag */
        pass: z.array(RuleExampleSchema).min(1).max(50),
      })
      .strict(),
  })
  .strict();
export type Rule = z.infer<typeof RuleSchema>;
export type RuleInput = z.input<typeof RuleSchema>;

export const PriceReferenceSchema = z
  .object({
    id: idString,
    /** how the brand is written (aliases, without accents is fine) */
    names: phraseList.min(1),
    /** lowest plausible genuine price (VND) when no product word matches */
    genuineMin: z.number().positive(),
    /** product-specific lowest genuine prices, e.g. bags vs. wallets */
    products: z
      .array(z.object({ words: phraseList.min(1), genuineMin: z.number().positive() }).strict())
      .max(50)
      .default([]),
    /** words that make the comparison meaningless (accessories, used goods, boxes) */
    exclude: phraseList.default([]),
  })
  .strict();
export type PriceReference = z.infer<typeof PriceReferenceSchema>;

export const RulePackSchema = z
  .object({
    packId: idString,
    version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, 'semantic version').max(40),
    issued: z.iso.date(),
    description: z.string().max(2000).optional(),
    /** level thresholds on the score: > 0 is low, ≥ medium is medium (flagged), ≥ high is high */
    thresholds: z
      .object({ medium: z.number().positive(), high: z.number().positive() })
      .strict()
      .default({ medium: 4, high: 8 }),
    /** `<NAME>` in a phrase expands to each of these */
    macros: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.array(z.string().max(80)).min(1).max(100)).default({}),
    /** words that void any price comparison (accessories, boxes, used goods) */
    priceExclude: phraseList.default([]),
    /** currency → VND factor for price rules; VND is implied */
    fx: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()).default({}),
    priceReferences: z.array(PriceReferenceSchema).max(1000).default([]),
    rules: z.array(RuleSchema).min(1).max(2000),
  })
  .strict();
export type RulePack = z.infer<typeof RulePackSchema>;
export type RulePackInput = z.input<typeof RulePackSchema>;
