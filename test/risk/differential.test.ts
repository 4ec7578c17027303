/**
 * Differential test of the whole `assess` against a naive reference implementation
 * (test/risk/reference-engine.ts: indexOf over the folded text, the rules applied as written). They
 * must agree on level, score, categories and hits, over the pack's own examples and near-misses, the
 * labelled evaluation set, and a few thousand generated listings built from the pack's phrases, perturbed
 * the way sellers disguise them (no accents, capitals, split letters, leetspeak, look-alike letters,
 * invisible characters, sentence breaks) and mixed with ordinary words, numbers and prices.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../contract/assessment';
import { assess, DEFAULT_PACK_JSON, exampleToInput, getDefaultPack, type AssessInput } from '../../utils/risk/index';
import { expandPhrase } from '../../utils/risk/expand';
import { referenceAssess, referencePack } from './reference-engine';

const reference = referencePack(DEFAULT_PACK_JSON);
const { pack } = reference;
const engine = getDefaultPack();

/** What both must agree on. Hits as a set (their order among equal weight and start is insertion order, an implementation detail). */
function summary(a: Assessment) {
  const weightOf = new Map<string, number>();
  for (const ruleId of new Set(a.hits.map((h) => h.ruleId))) {
    const hit = a.hits.find((h) => h.ruleId === ruleId)!;
    weightOf.set(hit.category, (weightOf.get(hit.category) ?? 0) + (hit.weight ?? 0));
  }
  return {
    level: a.level,
    score: a.score,
    categories: [...a.categories].sort(),
    // strongest first: the order of the categories' summed weights (equal weights may come in either order)
    categoryWeights: a.categories.map((c) => weightOf.get(c)),
    hits: a.hits.map((h) => `${h.ruleId} | ${h.field} | ${h.start ?? ''}-${h.end ?? ''} | ${h.text ?? ''}`).sort(),
    explanations: a.hits.filter((h) => h.field === 'price').map((h) => h.explanation.en),
  };
}

function agree(input: AssessInput): void {
  const expected = summary(referenceAssess(input, reference));
  const actual = summary(assess(input, engine));
  expect(actual, JSON.stringify(input)).toEqual(expected);
}

describe('assess agrees with the naive reference implementation', () => {
  it("on every rule's examples and near-misses", () => {
    let n = 0;
    for (const rule of pack.rules)
      for (const example of [...rule.examples.flag, ...rule.examples.pass]) {
        agree(exampleToInput(example));
        n++;
      }
    expect(n).toBeGreaterThan(300);
  });

  it('on the labelled evaluation set', () => {
    const rows = readFileSync(new URL('../fixtures/risk-eval/eval.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AssessInput);
    expect(rows.length).toBeGreaterThan(500);
    for (const row of rows) agree(row);
  });

  // ---- generated listings
  const variants = [
    ...new Set(
      [
        ...pack.rules.flatMap((r) => [...r.phrases, ...(r.context?.requireAny ?? []), ...(r.context?.forbidAny ?? []), ...(r.context?.exemptAny ?? []), ...(r.notice?.phrases ?? [])]),
        ...pack.priceReferences.flatMap((r) => [...r.names, ...r.products.flatMap((p) => p.words), ...r.exclude]),
        ...pack.priceExclude,
      ].flatMap((template) => expandPhrase(template, pack.macros).slice(0, 4)),
    ),
  ];
  const FILLER = ['giá rẻ', 'chính hãng', 'mới 100%', 'freeship', 'size 38', 'màu đen', 'hàng có sẵn', 'giao nhanh', 'shop', 'cam kết', 'k', '99k', '1:1', 'inbox', 'x', 'của', 'và', 'thuốc', 'không', 'hàng'];
  const NUMBERS = ['0912345678', '09.12.34.56.78', '0 9 8 7 6 5 4 3 2 1', '+84 912 345 678', '1.290.000đ', '8934563123456', '2025', '50%', '99%'];
  const LOOKALIKE: Record<string, string> = { a: 'а', o: 'о', e: 'е', c: 'с', p: 'р' };
  const LEET: Record<string, string> = { a: '4', e: '3', o: '0', i: '1', s: '$' };
  const perturb = fc.constantFrom(
    (s: string) => s,
    (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd'),
    (s: string) => s.toUpperCase(),
    (s: string) => [...s].join('.'),
    (s: string) => [...s].join(' '),
    (s: string) => s.replace(/[aeios]/, (c) => LEET[c]!),
    (s: string) => s.replace(/[aeocp]/g, (c) => LOOKALIKE[c]!),
    (s: string) => s.replace(/ /g, '\u200b '),
    (s: string) => s.replace(/ /g, ''),
    (s: string) => s.replace(/ /, '. '),
    (s: string) => s.replace(/ /, '\n'),
  );
  const piece = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...variants), perturb).map(([v, f]) => f(v)) },
    { weight: 3, arbitrary: fc.constantFrom(...FILLER) },
    { weight: 1, arbitrary: fc.constantFrom(...NUMBERS) },
  );
  const text = (max: number) =>
    fc
      .array(fc.tuple(piece, fc.constantFrom(' ', ' ', ' ', ', ', '. ', ' - ', '\n', '', '!')), { minLength: 1, maxLength: max })
      .map((parts) => parts.map(([p, sep]) => p + sep).join('').trim());
  const listing: fc.Arbitrary<AssessInput> = fc.record(
    {
      title: text(6),
      description: fc.oneof(text(10), text(4).map((t) => `${t} ${'Sản phẩm đóng gói cẩn thận, giao hàng toàn quốc. '.repeat(3)}`)),
      shopName: text(2),
      brand: fc.constantFrom(...pack.priceReferences.map((r) => r.names[0]!)),
      price: fc.oneof(fc.integer({ min: 1_000, max: 60_000_000 }), fc.constantFrom(99_000, 450_000, 2_500_000)),
      currency: fc.constantFrom('VND', 'USD', 'CNY', 'XYZ'),
      site: fc.constantFrom('shopee.vn', 'lazada.vn', 'chotot.com', 'facebook.com'),
      categoryPath: fc.array(fc.constantFrom('Thời trang', 'Phụ kiện', 'Sức khỏe', 'Ốp lưng', 'Sách'), { maxLength: 2 }),
    },
    { requiredKeys: ['title'] },
  );

  it('on a few thousand generated and perturbed listings', { timeout: 300_000 }, () => {
    let flagged = 0;
    const started = performance.now();
    fc.assert(
      fc.property(listing, (input) => {
        agree(input);
        if (assess(input, engine).level !== 'none') flagged++;
      }),
      { numRuns: 3_000, seed: 389 },
    );
    // the generator must exercise the rules, not only produce clean listings
    expect(flagged).toBeGreaterThan(1_000);
    console.log(`differential: 3,000 generated listings, ${flagged} flagged, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
});
