import { VIOLATION_CATEGORY_IDS, type ViolationCategory } from '../../contract/categories';
import type { Listing } from '../../contract/listing';
import type { Rule, RulePack } from '../../contract/rule-pack';
import { assess, exampleToInput, type AssessInput, type CompiledPack } from '../risk/index';

// Training material built from the rule pack's own examples: what a rule must flag becomes a demo listing, what it
// must not flag becomes a near-miss. Nothing here is real marketplace data, and every demo says so.

export const DEMO_SITE = 'demo';
export const DEMO_MARK = { vi: 'MẪU', en: 'DEMO' } as const;

export interface DemoListing {
  id: string;
  category: ViolationCategory;
  ruleId: string;
  listing: Listing;
  /** what the same rule must not flag: shown to explain what would not trigger it */
  nearMisses: string[];
}

function toListing(id: string, input: AssessInput): Listing {
  return {
    site: DEMO_SITE,
    listingKey: `${DEMO_SITE}:${id}`,
    url: `https://demo.hotline389.invalid/${encodeURIComponent(id)}`,
    title: input.title,
    description: input.description,
    price: input.price,
    currency: input.price === undefined ? undefined : (input.currency ?? 'VND'),
    brand: input.brand,
    seller: input.shopName ? { name: input.shopName } : undefined,
    images: [],
    provenance: {},
  };
}

const exampleText = (example: Rule['examples']['pass'][number]) => (typeof example === 'string' ? example : [example.title, example.description].filter(Boolean).join(' — '));

/**
 * One demo listing per violation category: the first rule of the category whose first "flag" example the compiled
 * pack really flags with that category (so the demo always shows what it claims).
 */
export function buildDemoListings(pack: RulePack, compiled: CompiledPack): DemoListing[] {
  const demos: DemoListing[] = [];
  for (const category of VIOLATION_CATEGORY_IDS) {
    for (const rule of pack.rules.filter((candidate) => candidate.category === category)) {
      const example = rule.examples.flag.find((candidate) => {
        const result = assess(exampleToInput(candidate), compiled);
        return (result.level === 'medium' || result.level === 'high') && result.categories[0] === category;
      });
      if (!example) continue;
      demos.push({
        id: rule.id,
        category,
        ruleId: rule.id,
        listing: toListing(rule.id, exampleToInput(example)),
        nearMisses: rule.examples.pass.slice(0, 3).map(exampleText),
      });
      break;
    }
  }
  return demos;
}

export interface QuizItem {
  id: string;
  listing: Listing;
  /** the pack's own verdict, which the learner's answer is scored against */
  expected: { violates: boolean; category?: ViolationCategory };
}

export interface QuizAnswer {
  violates: boolean;
  category?: ViolationCategory;
}

/** A seeded shuffle (mulberry32), so a trainer can give a class the same quiz. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` listings, about half violating and half near-misses, drawn from every rule's examples. */
export function buildQuiz(pack: RulePack, compiled: CompiledPack, count: number, seed: number): QuizItem[] {
  const random = seededRandom(seed);
  const pool: { id: string; input: AssessInput }[] = [];
  for (const rule of pack.rules) {
    rule.examples.flag.forEach((example, index) => pool.push({ id: `${rule.id}:flag:${index}`, input: exampleToInput(example) }));
    rule.examples.pass.forEach((example, index) => pool.push({ id: `${rule.id}:pass:${index}`, input: exampleToInput(example) }));
  }
  for (let index = pool.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [pool[index], pool[other]] = [pool[other]!, pool[index]!];
  }
  const items: QuizItem[] = [];
  const wanted = { violating: Math.ceil(count / 2), ordinary: Math.floor(count / 2) };
  for (const { id, input } of pool) {
    if (items.length === count) break;
    const result = assess(input, compiled);
    const violates = result.level === 'medium' || result.level === 'high';
    const bucket = violates ? 'violating' : 'ordinary';
    if (wanted[bucket] === 0) continue;
    wanted[bucket] -= 1;
    items.push({ id, listing: toListing(id, input), expected: violates ? { violates, category: result.categories[0] } : { violates } });
  }
  return items;
}

export interface QuizScore {
  /** answers that got violating / not violating right */
  correct: number;
  /** of those, violating ones also given the pack's category */
  rightCategory: number;
  total: number;
  perItem: { id: string; correct: boolean; rightCategory: boolean }[];
}

export function scoreQuiz(items: readonly QuizItem[], answers: Readonly<Record<string, QuizAnswer>>): QuizScore {
  const perItem = items.map((item) => {
    const answer = answers[item.id];
    const correct = answer !== undefined && answer.violates === item.expected.violates;
    const rightCategory = correct && (!item.expected.violates || answer?.category === item.expected.category);
    return { id: item.id, correct, rightCategory };
  });
  return {
    correct: perItem.filter((item) => item.correct).length,
    rightCategory: perItem.filter((item) => item.rightCategory).length,
    total: items.length,
    perItem,
  };
}
