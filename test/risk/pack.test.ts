import { describe, expect, it } from 'vitest';
import { RulePackSchema } from '../../contract/rule-pack';
import { AssessmentSchema } from '../../contract/assessment';
import {
  assess,
  checkRegexSafety,
  compilePack,
  createRiskEngine,
  DEFAULT_PACK_JSON,
  exampleToInput,
  getDefaultPack,
  toAssessInput,
} from '../../utils/risk/index';

const pack = getDefaultPack();
const doc = RulePackSchema.parse(DEFAULT_PACK_JSON);
const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(DEFAULT_PACK_JSON)) as Record<string, unknown>;
const ruleIds = (input: Parameters<typeof assess>[0]): string[] => assess(input, pack).hits.map((h) => h.ruleId);

describe('default pack', () => {
  it('compiles with its examples checked, and has ≥ 500 patterns', () => {
    const r = compilePack(DEFAULT_PACK_JSON);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(pack.stats.patterns).toBeGreaterThanOrEqual(500);
    expect(pack.stats.automatonBytes).toBeLessThan(5 * 1024 * 1024);
  });
  for (const rule of doc.rules) {
    describe(rule.id, () => {
      rule.examples.flag.forEach((ex, i) => {
        it(`flags example ${i}: ${JSON.stringify(ex).slice(0, 80)}`, () => {
          expect(ruleIds(exampleToInput(ex))).toContain(rule.id);
        });
      });
      rule.examples.pass.forEach((ex, i) => {
        it(`does not flag near-miss ${i}: ${JSON.stringify(ex).slice(0, 80)}`, () => {
          expect(ruleIds(exampleToInput(ex))).not.toContain(rule.id);
        });
      });
    });
  }
});

describe('assessment shape', () => {
  it('is a valid contract Assessment with cautious wording', () => {
    const a = assess({ title: 'Giày Nike rep 1:1', description: 'ib zalo 0912345678', price: 300000 }, pack);
    expect(AssessmentSchema.parse(a)).toBeTruthy();
    expect(a.level).toBe('high');
    expect(a.categories).toEqual(expect.arrayContaining(['counterfeit', 'off_platform']));
    for (const h of a.hits) expect(h.explanation.vi).toMatch(/dấu hiệu|tín hiệu|cần kiểm tra/);
  });
  it('weak signals alone stay low', () => {
    expect(assess({ title: 'Sữa rửa mặt Hada Labo xách tay Nhật', description: 'ib shop nhé' }, pack).level).toBe('low');
    expect(assess({ title: 'Bút bi Thiên Long' }, pack).level).toBe('none');
  });
  it('maps a Listing', () => {
    const input = toAssessInput({ site: 'shopee.vn', listingKey: 'k', url: 'https://shopee.vn/x', images: [], provenance: {}, title: 'Vape pod', seller: { name: 'Shop A' }, price: 100 });
    expect(input).toMatchObject({ site: 'shopee.vn', title: 'Vape pod', shopName: 'Shop A', price: 100 });
  });
});

describe('context rules', () => {
  it('code word "đầu thay bàn chải điện" needs vape context', () => {
    expect(ruleIds({ title: 'Đầu thay bàn chải điện vị nho', description: '18+ hơi dày' })).toContain('banned.e-cigarette-code');
    expect(ruleIds({ title: 'Đầu thay bàn chải điện Oral-B 4 cái' })).not.toContain('banned.e-cigarette-code');
  });
  it('"máy xông tinh dầu" is an ordinary diffuser', () => {
    expect(assess({ title: 'Máy xông tinh dầu phun sương', description: 'Khuếch tán tinh dầu, hơi nước mịn' }, pack).level).toBe('none');
  });
  it('forbidden context suppresses a disclaimer', () => {
    expect(ruleIds({ title: 'Cam kết không bán hàng fake' })).not.toContain('counterfeit.fake-terms');
    expect(ruleIds({ title: 'Giày fake loại 1' })).toContain('counterfeit.fake-terms');
  });
});

describe('price rule', () => {
  it('flags a brand far below its reference price, not at a normal price, not accessories', () => {
    expect(ruleIds({ title: 'Túi Chanel Classic Flap', price: 700000 })).toContain('counterfeit.price-far-below');
    expect(ruleIds({ title: 'Túi Chanel Classic Flap', price: 180000000 })).not.toContain('counterfeit.price-far-below');
    expect(ruleIds({ title: 'Ốp lưng iPhone 15', price: 50000 })).not.toContain('counterfeit.price-far-below');
  });
  it('uses the brand field and converts currencies', () => {
    expect(ruleIds({ title: 'Đồng hồ nam Submariner', brand: 'Rolex', price: 40, currency: 'USD' })).toContain('counterfeit.price-far-below');
    expect(ruleIds({ title: 'Đồng hồ nam Submariner', brand: 'Rolex', price: 12000, currency: 'USD' })).not.toContain('counterfeit.price-far-below');
  });
});

describe('missing notice rule', () => {
  const desc = 'Viên uống thảo dược giúp mát gan, giải độc gan, tăng cường chức năng gan. Ngày 2 viên sau ăn. Hộp 60 viên.';
  it('flags a supplement without "không phải là thuốc"', () => {
    expect(ruleIds({ title: 'Viên uống bổ gan', description: desc })).toContain('advert.supplement-notice-missing');
  });
  it('accepts the mandatory notice, with or without accents', () => {
    expect(ruleIds({ title: 'Viên uống bổ gan', description: desc + ' Thực phẩm này không phải là thuốc.' })).not.toContain('advert.supplement-notice-missing');
    expect(ruleIds({ title: 'Vien uong bo gan', description: desc + ' Thuc pham nay khong phai la thuoc.' })).not.toContain('advert.supplement-notice-missing');
  });
  it('does not judge a card that has no description', () => {
    expect(ruleIds({ title: 'Viên uống bổ gan' })).not.toContain('advert.supplement-notice-missing');
  });
});

describe('pack refusal', () => {
  it('names the rule ids of schema errors', () => {
    const bad = clone();
    const rules = bad.rules as Record<string, unknown>[];
    rules[3]!.weight = 'heavy';
    delete rules[5]!.legalRef;
    const r = compilePack(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.ruleId)).toEqual(expect.arrayContaining([rules[3]!.id, rules[5]!.id]));
  });
  it.each(['(a+)+$', '(?:x|xx){1,20}y', '(\\w)\\1', '(a{1,5}){1,9}', 'a.*b', 'a{1,999}'])('refuses unsafe regex %s at load', (source) => {
    const bad = clone();
    const rules = bad.rules as Record<string, unknown>[];
    rules[0]!.regexes = [{ source }];
    const r = compilePack(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ ruleId: rules[0]!.id, path: 'rules.0.regexes.0.source' });
  });
  it('accepts bounded regexes', () => {
    expect(checkRegexSafety('(?<![\\d])(?:\\+?84|0)[ .-]?[35789](?:[ .-]?\\d){8}(?!\\d)')).toBeNull();
  });
  it('refuses a pack whose examples fail, naming the rule', () => {
    const bad = clone();
    const rules = bad.rules as { id: string; examples: { pass: unknown[] } }[];
    rules[0]!.examples.pass.push('Giày fake loại 1');
    const r = compilePack(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.ruleId).toBe(rules[0]!.id);
  });
  it('keeps the previous pack active when an update fails, swaps on success', () => {
    const engine = createRiskEngine(pack);
    const bad = clone();
    bad.version = 'not-semver';
    expect(engine.update(bad).ok).toBe(false);
    expect(engine.pack).toBe(pack);
    expect(engine.assess({ title: 'vape pod' }).level).toBe('high');
    const next = clone();
    next.version = '1.0.1';
    expect(engine.update(next).ok).toBe(true);
    expect(engine.pack.version).toBe('1.0.1');
    expect(engine.assess({ title: 'vape pod' }).packVersion).toBe('1.0.1');
  });
});
