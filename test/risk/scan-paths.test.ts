/**
 * The engine's shortcuts, each held to the behaviour it replaces, on a small pack built for them:
 * whole-word literals checked only at word ends, prefix and substring literals checked everywhere,
 * context literals matched only for listings with evidence, regex trigger groups stamped as their
 * literals are found, price references stamped when named.
 */
import { describe, expect, it } from 'vitest';
import type { RuleInput } from '../../contract/rule-pack';
import { assess, compilePack, type CompiledPack } from '../../utils/risk/index';

const ex = { flag: ['x'], pass: ['y'] };
function rule(id: string, extra: Partial<RuleInput>): RuleInput {
  return {
    id,
    category: 'counterfeit',
    weight: 5,
    legalRef: 'test',
    explanation: { vi: `vi ${id} {brand}`, en: `en ${id} {brand} {unknown}` },
    examples: ex,
    ...extra,
  } as RuleInput;
}
function build(rules: RuleInput[], extra: Record<string, unknown> = {}): CompiledPack {
  const loaded = compilePack(
    { packId: 'scan-paths', version: '1.0.0', issued: '2026-11-29', thresholds: { medium: 4, high: 8 }, rules, ...extra },
    { checkExamples: false },
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.pack;
}
const ids = (pack: CompiledPack, input: Parameters<typeof assess>[0]): string[] => assess(input, pack).hits.map((h) => h.ruleId).sort();

describe('where literals may match', () => {
  const pack = build([
    rule('whole', { phrases: ['hàng nhái'] }),
    rule('prefix', { phrases: ['fake'], wordBoundary: 'start' }),
    rule('anywhere', { phrases: ['replica'], wordBoundary: 'none' }),
  ]);
  it('whole words end at a separator, a class change or the end of the text', () => {
    expect(ids(pack, { title: 'bán hàng nhái' })).toEqual(['whole']);
    expect(ids(pack, { title: 'hàng nhái, giá rẻ' })).toEqual(['whole']);
    expect(ids(pack, { title: 'HÀNG NHÁI99k' })).toEqual(['whole']);
    expect(ids(pack, { title: 'h.à.n.g n.h.á.i' })).toEqual(['whole']);
    expect(ids(pack, { title: 'hàng nhái㎏' })).toEqual(['whole']); // a multi-code character right after
    expect(ids(pack, { title: 'hàng nháii' })).toEqual([]);
    expect(ids(pack, { title: 'khàng nhái' })).toEqual([]);
  });
  it('a start-only literal matches a longer word, an any-position literal matches inside one', () => {
    expect(ids(pack, { title: 'giày fakeee' })).toEqual(['prefix']);
    expect(ids(pack, { title: 'giày superfake' })).toEqual([]);
    expect(ids(pack, { title: 'túi superreplicas' })).toEqual(['anywhere']);
  });
  it('spans map back to the original text', () => {
    const t = 'Túi xách HÀNG NHÁI cao cấp';
    const hit = assess({ title: t }, pack).hits[0]!;
    expect(t.slice(hit.start, hit.end)).toBe('HÀNG NHÁI');
  });
});

describe('context literals', () => {
  const pack = build([
    rule('needs-context', { phrases: ['đầu pod'], context: { requireAny: ['tinh dầu', '18+'] } }),
    rule('near-context', { phrases: ['bàn chải'], context: { requireAny: ['hơi'], window: 20 } }),
    rule('forbidden', { phrases: ['hàng fake'], context: { forbidAny: ['chống hàng fake', 'phân biệt'] } }),
    rule('other', { phrases: ['zzz'], context: { requireAny: ['giao hàng'] } }),
  ]);
  it('are found in any field when a rule with evidence asks, and only then matter', () => {
    expect(ids(pack, { title: 'đầu pod thay thế', description: 'Dùng với tinh dầu' })).toEqual(['needs-context']);
    expect(ids(pack, { title: 'đầu pod thay thế', shopName: 'shop 18+' })).toEqual(['needs-context']);
    expect(ids(pack, { title: 'đầu pod thay thế', description: 'giao hàng nhanh' })).toEqual([]);
    // context words alone are no evidence
    expect(assess({ title: 'tinh dầu 18+ giao hàng', description: 'hơi phân biệt' }, pack).level).toBe('none');
  });
  it('a window counts original characters in the same field', () => {
    expect(ids(pack, { title: 'bàn chải nhiều hơi' })).toEqual(['near-context']);
    expect(ids(pack, { title: `bàn chải ${'x'.repeat(40)} hơi` })).toEqual([]);
    expect(ids(pack, { title: 'bàn chải', description: 'hơi' })).toEqual([]);
  });
  it('a forbidden phrase suppresses the rule', () => {
    expect(ids(pack, { title: 'hàng fake giá rẻ' })).toEqual(['forbidden']);
    expect(ids(pack, { title: 'cách phân biệt hàng fake' })).toEqual([]);
    expect(ids(pack, { title: 'tem chống hàng fake' })).toEqual([]);
  });
});

describe('regex trigger groups', () => {
  const pack = build([
    rule('claim', {
      regexes: [{ source: '(?:giong|nhu) that \\d{2} ?(?:%|phan tram)', minDigits: 2, triggers: ['giống', 'như'], alsoTriggers: [['%', 'phần trăm']] }],
    }),
    rule('gated', { regexes: [{ source: 'abc \\d{2}', triggers: ['abc'], alsoTriggers: [['xyz', 'qqq']] }] }),
  ]);
  it('gate a regex that would match: every group needs a phrase in the same field', () => {
    expect(ids(pack, { title: 'abc 12 xyz' })).toEqual(['gated']);
    expect(ids(pack, { title: 'qqq abc 12' })).toEqual(['gated']);
    expect(ids(pack, { title: 'abc 12' })).toEqual([]);
    expect(ids(pack, { title: 'abc 12', description: 'xyz' })).toEqual([]);
    expect(ids(pack, { title: 'xyz 12' })).toEqual([]);
  });
  it('run only when every group has a phrase in the same field', () => {
    expect(ids(pack, { title: 'Túi giống thật 99%' })).toEqual(['claim']);
    expect(ids(pack, { title: 'Túi giống thật 99 phần trăm' })).toEqual(['claim']);
    expect(ids(pack, { title: 'Túi giống thật 99' })).toEqual([]);
    expect(ids(pack, { title: 'Túi giong that 99', description: 'giảm 10%' })).toEqual([]);
  });
  it('are validated: an empty group is refused', () => {
    const r = compilePack(
      {
        packId: 'p',
        version: '1.0.0',
        issued: '2026-11-29',
        thresholds: { medium: 4, high: 8 },
        rules: [rule('claim', { regexes: [{ source: 'abc', triggers: ['abc'], alsoTriggers: [[]] }] })],
      },
      { checkExamples: false },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.ruleId).toBe('claim');
  });
});

describe('price references', () => {
  const pack = build([rule('cheap', { kind: 'price', price: { maxRatio: 0.3 } })], {
    priceReferences: [
      { id: 'lv', names: ['louis vuitton', 'lv'], genuineMin: 10_000_000, products: [{ words: ['ví'], genuineMin: 5_000_000 }], exclude: ['hộp'] },
      { id: 'gucci', names: ['gucci'], genuineMin: 8_000_000 },
    ],
  });
  it('are compared only when named in the title or brand field, with product prices and exclusions', () => {
    expect(ids(pack, { title: 'Túi LV mới', price: 500_000 })).toEqual(['cheap']);
    expect(ids(pack, { title: 'Túi xách', brand: 'Gucci', price: 500_000 })).toEqual(['cheap']);
    expect(ids(pack, { title: 'Túi xách', description: 'kiểu Louis Vuitton', price: 500_000 })).toEqual([]);
    expect(ids(pack, { title: 'Túi LV', price: 5_000_000 })).toEqual([]);
    expect(ids(pack, { title: 'Ví LV', price: 1_400_000 })).toEqual(['cheap']);
    expect(ids(pack, { title: 'Ví LV', price: 1_600_000 })).toEqual([]);
    expect(ids(pack, { title: 'Hộp đựng túi LV', price: 50_000 })).toEqual([]);
  });
  it('fill the explanation template; unknown placeholders stay as written', () => {
    const hit = assess({ title: 'Túi Gucci', price: 400_000 }, pack).hits[0]!;
    expect(hit.explanation.vi).toBe('vi cheap gucci');
    expect(hit.explanation.en).toBe('en cheap gucci {unknown}');
  });
});

describe('the engine as bundlers ship it', () => {
  it('gives the same assessments as the source (bundlers turn module constants into mutable vars)', async () => {
    const { build: bundle } = await import('esbuild');
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join, resolve } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const out = await bundle({ entryPoints: [resolve(__dirname, '../../utils/risk/index.ts')], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
    const code = out.outputFiles[0]!.text;
    const dir = mkdtempSync(join(tmpdir(), 'risk-bundle-'));
    try {
      const file = join(dir, 'engine.mjs');
      writeFileSync(file, code);
      const shipped = (await import(pathToFileURL(file).href)) as typeof import('../../utils/risk/index');
      const source = await import('../../utils/risk/index');
      const a = shipped.getDefaultPack();
      const b = source.getDefaultPack();
      const rows = readFileSync(resolve(__dirname, '../fixtures/risk-eval/eval.jsonl'), 'utf8').split('\n').filter(Boolean);
      for (const line of rows) {
        const input = JSON.parse(line) as Parameters<typeof assess>[0];
        expect(shipped.assess(input, a)).toEqual(source.assess(input, b));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('price reference products', () => {
  const pack = build([rule('cheap', { kind: 'price', price: { maxRatio: 0.3 } })], {
    priceReferences: [{ id: 'phone', names: ['iphone'], genuineMin: 6_000_000, products: [{ words: ['iphone 15'], genuineMin: 13_000_000 }, { words: ['15 pro max'], genuineMin: 21_000_000 }, { words: ['15 plus', 'iphone 15 plus'], genuineMin: 14_000_000 }] }],
  });
  it('the most specific product named sets the reference price', () => {
    expect(ids(pack, { title: 'iPhone 15 Pro Max 256GB mới', price: 5_000_000 })).toEqual(['cheap']); // 24% of 21M
    expect(ids(pack, { title: 'iPhone 15 128GB mới', price: 5_000_000 })).toEqual([]); // 38% of 13M
    expect(ids(pack, { title: 'iPhone 15 Plus mới', price: 4_000_000 })).toEqual(['cheap']); // 29% of 14M
  });
});

describe('phrase limits', () => {
  const pack = build([
    rule('two-words', { phrases: ['hàng dựng'] }),
    rule('topic', { phrases: ['hàng nhập lậu'], context: { exemptAny: ['nhà xuất bản', 'nxb'], forbidAny: ['không'], forbidWindow: 0 } }),
  ]);
  it('a phrase does not run on across a sentence or a line, except between one-letter words', () => {
    expect(ids(pack, { title: 'Điện thoại hàng dựng lại' })).toEqual(['two-words']);
    expect(ids(pack, { title: 'Kem dưỡng chính hãng. Dùng cho da khô' })).toEqual([]);
    expect(ids(pack, { title: 'chính hãng\ndùng hằng ngày' })).toEqual([]);
    expect(ids(pack, { title: 'Máy khoan chính hãng, dùng pin 21V' })).toEqual([]);
    expect(ids(pack, { title: 'h. à. n. g d. ự. n. g' })).toEqual(['two-words']);
  });
  it('an exempting phrase anywhere in the listing switches the rule off, whatever its windows', () => {
    expect(ids(pack, { title: 'Rượu ngoại hàng nhập lậu giá rẻ' })).toEqual(['topic']);
    expect(ids(pack, { title: 'Cẩm nang nhận biết hàng nhập lậu', description: 'NXB Công Thương, 2025' })).toEqual([]);
  });
});
